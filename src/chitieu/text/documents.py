"""Read the text of a .txt, .html/.htm, .docx or .pdf file for the reader."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path

from chitieu.filesafety import file_problem


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


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


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
    lines: list[str] = []
    body = document.element.body
    # Paragraphs and tables in document order.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append(
                                " ".join(
                                    "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                    for p in cell.iter()
                                    if p.tag.endswith("}p")
                                ).strip()
                            )
                    lines.append("; ".join(c for c in cells if c))
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
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
