"""`chitieu extract FILE|-`: read targets, results and summaries from a Vietnamese text."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from chitieu.model import Field
from chitieu.numbers import format_number
from chitieu.text import DocumentError, Extraction, extract, read_document

HELP = "đọc chỉ tiêu, kết quả và số liệu tổng hợp từ văn bản (.txt, .html, .docx, .pdf)"

_COMPARATORS_VI = {">=": "≥", "<=": "≤", "=": "=", "~": "khoảng", "range": "từ … đến"}
_STATUS_VI = {"exceeded": "Vượt", "achieved": "Đạt", "not_achieved": "Không đạt"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="TỆP", help="tệp .txt, .html, .docx, .pdf hoặc - (stdin)")
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table: bảng dễ đọc (mặc định); json: đối tượng JSON theo EXTRACTION.md",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="in thêm những gì đã khớp và đã bỏ qua (vị trí, quy tắc)",
    )


def _n(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def _signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_number(value) + "%"


def _field(code: str | None) -> str:
    return "" if code is None else Field(code).label_vi


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def render_table(ex: Extraction) -> str:
    parts: list[str] = []
    parts.append(f"CHỈ TIÊU ĐỀ RA ({len(ex.targets)})")
    if ex.targets:
        rows = []
        for t in ex.targets:
            value = _n(t.value) if t.value_max is None else f"{_n(t.value)} – {_n(t.value_max)}"
            kind = "thay đổi" if t.kind == "change" else "mức"
            rows.append(
                [
                    t.name,
                    kind,
                    _COMPARATORS_VI.get(t.comparator, t.comparator),
                    value,
                    t.unit or "",
                    t.basis or "",
                    _field(t.field),
                ]
            )
        parts.append(
            _table(rows, ["Chỉ tiêu", "Loại", "So sánh", "Giá trị", "Đơn vị", "So với", "Lĩnh vực"])
        )
    parts.append("")
    parts.append(f"KẾT QUẢ THỰC HIỆN ({len(ex.results)})")
    if ex.results:
        rows = [
            [
                r.name,
                _n(r.value),
                (r.unit or "") if r.value is not None else "",
                "ước" if r.estimated else "",
                "" if r.percent_of_target is None else format_number(r.percent_of_target) + "%",
                _signed(r.change_percent),
                _STATUS_VI.get(r.status or "", ""),
                _field(r.field),
            ]
            for r in ex.results
        ]
        headers = ["Chỉ tiêu", "Giá trị", "Đơn vị", "Ước", "% kế hoạch", "So cùng kỳ"]
        parts.append(_table(rows, [*headers, "Đánh giá", "Lĩnh vực"]))
    parts.append("")
    parts.append(f"SỐ LIỆU TỔNG HỢP ({len(ex.summaries)})")
    if ex.summaries:
        rows = [
            [
                "" if v is None else str(v)
                for v in (s.total, s.achieved, s.exceeded, s.not_achieved, s.pending)
            ]
            for s in ex.summaries
        ]
        parts.append(_table(rows, ["Tổng số", "Đạt", "Vượt", "Không đạt", "Chưa đánh giá"]))
    return "\n".join(parts)


def render_explain(ex: Extraction) -> str:
    lines = ["", "GIẢI THÍCH (vị trí trong văn bản đã chuẩn hóa, quy tắc)"]
    items: list[tuple[int, str]] = []
    for t in ex.targets:
        items.append(
            (
                t.span[0],
                f"  [{t.span[0]}:{t.span[1]}] {t.rule}: «{ex.text[t.span[0] : t.span[1]]}» -> {t.name}",
            )
        )
    for r in ex.results:
        items.append(
            (
                r.span[0],
                f"  [{r.span[0]}:{r.span[1]}] {r.rule}: «{ex.text[r.span[0] : r.span[1]]}» -> {r.name}",
            )
        )
    for s in ex.summaries:
        items.append(
            (s.span[0], f"  [{s.span[0]}:{s.span[1]}] {s.rule}: «{ex.text[s.span[0] : s.span[1]]}»")
        )
    lines += [text for _, text in sorted(items)]
    lines.append("ĐÃ BỎ QUA")
    for d in sorted(ex.diagnostics, key=lambda d: d.span):
        snippet = " ".join(d.text.split())[:80]
        lines.append(f"  [{d.span[0]}:{d.span[1]}] {d.rule}: «{snippet}» — {d.message}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.file == "-" else read_document(args.file)
    except DocumentError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    ex = extract(text)
    try:
        _print(ex, args)
    except BrokenPipeError:  # "chitieu extract x.txt | head" is fine
        sys.stderr.close()
    return 0


def _print(ex: Extraction, args: argparse.Namespace) -> None:
    if args.format == "json":
        print(json.dumps(ex.to_dict(), ensure_ascii=False, indent=2))
        if args.explain:
            print(render_explain(ex), file=sys.stderr)
    else:
        print(render_table(ex))
        if args.explain:
            print(render_explain(ex))
