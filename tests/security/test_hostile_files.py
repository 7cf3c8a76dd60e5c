"""Hostile files for the document reader and the table loaders: too large, zip bombs,
damaged or disguised containers, HTML with scripts. Each is refused quickly with a typed
error carrying a Vietnamese reason that names the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile import SCRIPT_HTML, bombed, good_docx, good_xlsx, write

from chitieu import filesafety
from chitieu.tables import InputErrors, load_results, load_targets
from chitieu.text import DocumentError, extract, read_document


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "nghi-quyet.txt"
    with path.open("wb") as f:
        f.truncate(filesafety.MAX_FILE_BYTES + 1)  # sparse: no time spent writing
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.code == "too_large"
    assert "nghi-quyet.txt" in str(caught.value) and "quá lớn" in str(caught.value)


def test_a_table_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chi-tieu.csv"
    with path.open("wb") as f:
        f.truncate(filesafety.MAX_FILE_BYTES + 1)
    with pytest.raises(InputErrors) as caught:
        load_targets(path)
    assert caught.value.codes == ["too_large"]
    assert "chi-tieu.csv" in str(caught.value.errors[0])


def test_a_zip_bomb_docx_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.docx", bombed(good_docx(), "word/document.xml"))
    start = time.perf_counter()
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert time.perf_counter() - start < 1
    assert caught.value.code == "too_large" and "độc hại" in str(caught.value)


@pytest.mark.parametrize("loader", [load_targets, load_results])
def test_a_zip_bomb_xlsx_is_refused_by_the_table_loaders(tmp_path: Path, loader: object) -> None:
    path = write(tmp_path, "bom.xlsx", bombed(good_xlsx()))
    start = time.perf_counter()
    with pytest.raises(InputErrors) as caught:
        loader(path)  # type: ignore[operator]
    assert time.perf_counter() - start < 1
    assert caught.value.codes == ["too_large"]


def test_a_normal_xlsx_and_docx_still_pass_the_checks(tmp_path: Path) -> None:
    assert filesafety.file_problem(write(tmp_path, "a.xlsx", good_xlsx())) is None
    assert filesafety.file_problem(write(tmp_path, "a.docx", good_docx())) is None
    assert "186" in read_document(tmp_path / "a.docx")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hong.docx", b"PK\x03\x04 not really a zip"),
        ("hong.docx", b"<html>a web page saved as .docx</html>"),
        ("gia.pdf", b"<html><body>not a pdf</body></html>"),
        ("gia.pdf", b"%PDF-1.7\n garbage \x00\xff"),
        ("rong.pdf", b""),
    ],
)
def test_damaged_or_disguised_documents_get_a_typed_vietnamese_error(
    tmp_path: Path, name: str, content: bytes
) -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(write(tmp_path, name, content))
    assert name in str(caught.value) and str(caught.value).startswith("Không đọc được tệp")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hong.xlsx", b"PK\x03\x04 not really a zip"),
        ("gia.xlsx", b"STT;Ten\n1;abc\n"),
        ("hong.xlsx", good_xlsx()[:400]),
    ],
)
def test_damaged_or_disguised_tables_get_a_typed_vietnamese_error(
    tmp_path: Path, name: str, content: bytes
) -> None:
    with pytest.raises(InputErrors) as caught:
        load_targets(write(tmp_path, name, content))
    assert caught.value.codes == ["bad_file"]
    assert "Excel" in str(caught.value.errors[0])


def test_html_scripts_and_event_handlers_never_reach_the_reader(tmp_path: Path) -> None:
    text = read_document(write(tmp_path, "trang.html", SCRIPT_HTML.encode()))
    assert "186" in text
    assert "999" not in text and "777" not in text and "alert" not in text
    values = [str(t.value) for t in extract(text).targets]
    assert values == ["186"]


def test_markup_that_breaks_the_stdlib_html_parser_gets_a_typed_error(tmp_path: Path) -> None:
    # Found by scripts/fuzz.sh (documents target): html.parser raised AssertionError.
    path = write(tmp_path, "hong.html", b"<![!?<<?!&\x01")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.code == "malformed" and "hong.html" in str(caught.value)


def test_superscript_digits_do_not_crash_the_reader() -> None:
    # Found by tests/test_fuzz_text.py: "²".isdigit() is True but Decimal("²") fails.
    for text in ("²", "đạt ³ tỷ đồng", "chỉ tiêu ③ đạt 5%"):
        assert isinstance(extract(text).to_dict(), dict)
