"""Coverage-guided fuzz targets (atheris) for the number parser and the text reader.

Run through scripts/fuzz.sh: `python tests/security/fuzz_targets.py
numbers|reader|documents|tables -max_total_time=10`. A crash is any exception other than the
documented typed ones (NumberFormatError from parse_number, DocumentError from read_document,
InputErrors from the table loaders, none from extract);
libFuzzer's -timeout flags inputs that make one call slow.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from chitieu.numbers import NumberFormatError, format_number, parse_number
    from chitieu.tables import InputErrors, load_results, load_targets
    from chitieu.text import DocumentError, extract, read_document


def fuzz_numbers(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(200)
    try:
        value = parse_number(text)
    except NumberFormatError:
        return
    # Whatever parses must format and parse back to itself.
    assert parse_number(format_number(value)) == value, (text, value)


def fuzz_reader(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4000)
    extract(text).to_dict()


_SUFFIXES = [".txt", ".html", ".docx", ".pdf"]


def fuzz_documents(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = _SUFFIXES[fdp.ConsumeIntInRange(0, len(_SUFFIXES) - 1)]
    content = fdp.ConsumeBytes(20000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"tep{suffix}"
        path.write_bytes(content)
        with contextlib.suppress(DocumentError):
            read_document(path)


_TABLES = [".csv", ".json", ".xlsx"]


def fuzz_tables(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = _TABLES[fdp.ConsumeIntInRange(0, len(_TABLES) - 1)]
    loader = load_targets if fdp.ConsumeBool() else load_results
    content = fdp.ConsumeBytes(20000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bang{suffix}"
        path.write_bytes(content)
        with contextlib.suppress(InputErrors):
            loader(path)


TARGETS = {
    "numbers": fuzz_numbers,
    "reader": fuzz_reader,
    "documents": fuzz_documents,
    "tables": fuzz_tables,
}


def main() -> None:
    name = sys.argv[1]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
