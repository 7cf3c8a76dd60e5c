"""Read the text of a .txt, .html/.htm, .docx or .pdf file for the reader."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from chitieu.filesafety import file_problem
from chitieu.text.doctables import GridCell, clean, clean_lines, table_lines
from chitieu.text.pdftables import read_pdf_tables

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENTS = re.compile(r"^(?:toc\d|tocheading$|tableofcontents$)")


class DocumentError(Exception):
    """A file the reader cannot open; `message` is Vietnamese and names the file and why."""

    def __init__(self, path: str | Path, reason: str, code: str = "document") -> None:
        self.path = str(path)
        self.reason = reason
        self.code = code
        super().__init__(f"Không đọc được tệp {self.path}: {reason}")

    @property
    def message(self) -> str:
        return str(self)


# Elements whose text is page furniture or code, never content.
_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "noscript",
    "template",
    "svg",
    "aside",
    "form",
}
_BLOCK = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "ul", "ol", "blockquote", "pre", "dd", "dt",
}  # fmt: skip
_VOID = {
    "br",
    "img",
    "hr",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "wbr",
}


class _Table:
    """A <table> being read: its rows, the open row and the open cell's text."""

    def __init__(self) -> None:
        self.rows: list[list[GridCell]] = []
        self.row: list[GridCell] | None = None
        self.cell: GridCell | None = None
        self.parts: list[str] = []
        self.loose: list[str] = []  # text outside cells (a <caption>)

    def close_cell(self) -> None:
        if self.cell is not None:
            self.cell.text = "".join(self.parts)  # its lines: a layout table keeps them
            self.cell = None
        self.parts = []

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    if not attrs:
        return 1
    value = next((v for k, v in attrs if k == name), None) or "1"
    return int(value) if value.strip().isdigit() else 1


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.tables: list[_Table] = []  # open tables, innermost last

    def _out(self, text: str) -> None:
        """Text goes to the open cell (or the table's loose text), else to the page."""
        if self.tables:
            table = self.tables[-1]
            (table.parts if table.cell is not None else table.loose).append(text)
        else:
            self.parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif self.skip_depth:
            return
        elif tag == "table":
            self._out("\n")
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self.tables[-1].close_row()
            self.tables[-1].row = []
        elif self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            table.close_cell()
            if table.row is None:
                table.row = []
            table.cell = GridCell("", _span(attrs, "colspan"), _span(attrs, "rowspan"))
            table.row.append(table.cell)
        elif tag in _BLOCK:
            self._out("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self.skip_depth:
            self._out("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif self.skip_depth:
            return
        elif tag == "table" and self.tables:
            self._end_table()
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].close_cell()
        elif self.tables and tag == "tr":
            self.tables[-1].close_row()
        elif tag in _BLOCK:
            self._out("\n")

    def _end_table(self) -> None:
        table = self.tables.pop()
        table.close_row()
        lines = clean_lines("".join(table.loose)) + table_lines(table.rows)
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.nested = True  # a table in a cell: the outer one is layout
        self._out("\n" + "\n".join(lines) + "\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # A tab in the page's text is a space; tabs mark table cells only.
            self._out(data.replace("\t", " "))

    def close(self) -> None:
        super().close()
        while self.tables:  # unclosed <table>
            self._end_table()


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (
        "\t".join(clean(c) for c in line.split("\t")) for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line.strip("\t"))


def _decode(path: Path, data: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(enc)
            if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return text
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, "tệp không phải văn bản UTF-8", "encoding") from exc


def _read_docx(path: Path) -> str:
    try:
        import docx
        import docx.opc.exceptions
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DocumentError(path, "thiếu thư viện python-docx", "dependency") from exc
    try:
        document = docx.Document(str(path))
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        docx.opc.exceptions.PackageNotFoundError,
    ) as exc:
        raise DocumentError(
            path, "tệp .docx bị hỏng hoặc không đúng định dạng", "malformed"
        ) from exc
    return "\n".join(_docx_blocks(document.element.body))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element: Any, child: str) -> str | None:
    """The w:val of a property child ("gridSpan", "vMerge"); "" when present without a value."""
    for el in element:
        if _local(el.tag) == child:
            return str(el.get(f"{{{_W}}}val") or "")
    return None


def _docx_text(element: Any, tab: str = "\t") -> str:
    """The text of a paragraph; a tab stays a tab (columns laid out with tab stops are a
    table to the reader), a line break is a space."""
    parts = []
    for el in element.iter():
        tag = _local(el.tag)
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab" and _local(el.getparent().tag) == "r":  # not a tab-stop definition
            parts.append(tab)
        elif tag in ("br", "cr"):
            parts.append(" ")
    return "".join(parts)


def _docx_cell(tc: Any, depth: int) -> GridCell:
    """A cell: its paragraphs as lines, a table inside it as its rows (past a few levels of
    nesting, just its words: no deep recursion on a hostile file)."""
    cell = GridCell("")
    parts = []
    for child in _docx_children(tc):
        tag = _local(child.tag)
        if tag == "p":
            parts.append(_docx_text(child))
        elif tag == "tbl":
            cell.nested = True
            if depth < 8:
                parts.extend(table_lines(_docx_rows(child, depth + 1)))
            else:
                paragraphs = (p for p in child.iter() if _local(p.tag) == "p")
                parts.append(" ".join(_docx_text(p, " ") for p in paragraphs))
    cell.text = "\n".join(parts)
    return cell


def _docx_children(element: Any) -> Iterator[Any]:
    """Children, looking through content controls and custom XML wrappers."""
    for child in element.iterchildren():
        tag = _local(child.tag)
        if tag == "sdt" and _is_contents(child):
            continue
        if tag in ("sdt", "customXml", "sdtContent"):
            yield from _docx_children(child)
        else:
            yield child


def _is_contents(element: Any) -> bool:
    """A table of contents (its "title ... page" lines would read as figures): a content
    control of that gallery, or a paragraph in a "TOC n" style."""
    for el in element.iter():
        tag = _local(el.tag)
        if tag in ("docPartGallery", "pStyle"):
            value = str(el.get(f"{{{_W}}}val") or "").replace(" ", "").lower()
            if _CONTENTS.match(value):
                return True
        if tag in ("sdtContent", "r"):  # past the properties
            return False
    return False


def _docx_rows(tbl: Any, depth: int = 0) -> list[list[GridCell]]:
    rows: list[list[GridCell]] = []
    for tr in _docx_children(tbl):
        if _local(tr.tag) != "tr":
            continue
        row: list[GridCell] = []
        for props in tr.iterchildren():
            if _local(props.tag) == "trPr":
                before = _attr(props, "gridBefore")
                if before and before.isdigit():
                    row.append(GridCell("", int(before)))
        for tc in _docx_children(tr):
            if _local(tc.tag) != "tc":
                continue
            span, merge = 1, None
            for props in tc.iterchildren():
                if _local(props.tag) == "tcPr":
                    got = _attr(props, "gridSpan")
                    span = int(got) if got and got.isdigit() else 1
                    merge = _attr(props, "vMerge")
            continued = merge is not None and merge != "restart"
            cell = GridCell("") if continued else _docx_cell(tc, depth)
            cell.colspan, cell.rowspan = span, 0 if continued else 1
            row.append(cell)
        rows.append(row)
    return rows


def _docx_blocks(body: Any) -> Iterator[str]:
    """Paragraphs and tables in document order; a table as tab-separated rows."""
    for child in _docx_children(body):
        tag = _local(child.tag)
        if tag == "p":
            if not _is_contents(child):
                yield _docx_text(child)
        elif tag == "tbl":
            yield from table_lines(_docx_rows(child))


def _read_pdf(path: Path) -> str:
    """Tables kept as tables with pdfplumber; without it (or on a file it cannot read) the
    plain text layer through pypdf, which also says why a damaged file is refused."""
    text = read_pdf_tables(path)
    if text is not None:
        return text
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DocumentError(path, "thiếu thư viện pypdf", "dependency") from exc
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DocumentError(
            path, "tệp .pdf bị hỏng hoặc không đúng định dạng", "malformed"
        ) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(
            path,
            "tệp .pdf không có lớp văn bản (có thể là bản scan, cần nhận dạng ký tự)",
            "no_text",
        )
    return text


def read_document(path: str | Path) -> str:
    """The text of a document, by its extension. Raises DocumentError with a Vietnamese reason."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf"):
        raise DocumentError(
            p,
            f"không hỗ trợ định dạng '{suffix or '(không có đuôi)'}' (dùng .txt, .html, .docx, .pdf)",
            "unsupported",
        )
    if not p.exists():
        raise DocumentError(p, "tệp không tồn tại", "not_found")
    if p.is_dir():
        raise DocumentError(p, "đây là thư mục, không phải tệp", "not_a_file")
    too_big = file_problem(p)  # size and zip-bomb limits, before any parser opens it
    if too_big is not None:
        raise DocumentError(p, too_big, "too_large")
    if suffix == ".docx":
        return _read_docx(p)
    if suffix == ".pdf":
        return _read_pdf(p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError(p, f"không mở được tệp ({exc.strerror})", "io") from exc
    text = _decode(p, data)
    if suffix in (".html", ".htm"):
        try:
            return html_to_text(text)
        except AssertionError as exc:  # CPython's HTMLParser on some broken markup (fuzzing)
            raise DocumentError(p, "tệp HTML bị hỏng (cú pháp không hợp lệ)", "malformed") from exc
    return text
