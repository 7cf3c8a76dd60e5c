"""The web app's translation catalogues (English; Vietnamese is the source language): compile
each django.po to its django.mo with Babel, and tell which .mo no longer says what its .po says.

Babel is in the dev extra already (the app never imports this module) and the compiled .mo
files are committed, so neither a fresh clone nor a deployment needs GNU gettext.
`python -m chitieu.web.catalogues` recompiles them after a .po is edited (strings are
extracted with Django's `makemessages`, which does need gettext; see the web README).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent

Messages = dict[tuple[str | tuple[str, ...], str | None], tuple[str, ...]]


def po_files(root: Path = PACKAGE_DIR) -> list[Path]:
    """Every django.po under the web package (the app's locale and any app's own)."""
    return sorted(root.glob("**/locale/*/LC_MESSAGES/django.po"))


def _read_po(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _messages(catalog: Catalog) -> Messages:
    """What a compiled catalogue holds: translated, non-fuzzy messages (as msgfmt keeps)."""
    out: Messages = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        # read_mo gives plural forms as lists, read_po as tuples: compare them as tuples.
        ident = tuple(message.id) if isinstance(message.id, list | tuple) else message.id
        strings = (
            tuple(message.string)
            if isinstance(message.string, list | tuple)
            else (message.string or "",)
        )
        if not all(strings):
            continue
        out[(ident, message.context)] = strings
    return out


def compile_po(path: Path) -> Path:
    """Write the .mo beside `path` (untranslated and fuzzy entries left out)."""
    mo = path.with_suffix(".mo")
    with mo.open("wb") as f:
        write_mo(f, _read_po(path), use_fuzzy=False)
    return mo


def stale(path: Path) -> list[str]:
    """The msgids whose translation in the .mo beside `path` differs from the .po (missing,
    changed or gone); empty when the .mo is up to date."""
    mo = path.with_suffix(".mo")
    if not mo.exists():
        return ["(no .mo)"]
    with mo.open("rb") as f:
        compiled = _messages(read_mo(f))
    source = _messages(_read_po(path))
    keys = {k for k in source.keys() | compiled.keys() if k[0]}
    return sorted(str(k[0]) for k in keys if source.get(k) != compiled.get(k))


def main() -> int:
    for path in po_files():
        print(compile_po(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
