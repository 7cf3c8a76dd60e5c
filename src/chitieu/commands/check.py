"""`chitieu check TEXT --against TARGETS RESULTS`: check every number of a draft or an article.

Prints each claim the reader finds with its verdict: khớp (match), sai lệch (mismatch, with the
right value), không có số liệu (the target has no such figure), không gắn được (no target of
the data). Exit code 0 when nothing is wrong, 1 when a mismatch is found, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from chitieu.evaluate import evaluate_many
from chitieu.model import Evaluation, Period, PeriodError, Target
from chitieu.reports.factcheck import FactCheck, Verdict, check_text
from chitieu.tables import InputErrors, load_pairs, load_targets
from chitieu.text import DocumentError, read_document

HELP = "kiểm tra số liệu trong bản thảo hoặc bài báo so với dữ liệu"
EXIT_MISMATCH = 1
EXIT_INPUT = 2
DEMOS = ("cai-lay-2023", "kien-tuong-2019")
MARKS = {
    Verdict.MATCH: "✓",
    Verdict.MISMATCH: "✗",
    Verdict.NO_DATA: "–",
    Verdict.UNTIED: "?",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Đọc các số liệu trong văn bản (số chỉ tiêu đạt, % so với chỉ tiêu, tăng/giảm, giá trị) "
        "và đối chiếu từng số với dữ liệu chỉ tiêu, kết quả."
    )
    parser.add_argument(
        "text", metavar="VĂN_BẢN", help="tệp .txt, .html, .docx, .pdf hoặc - (đầu vào chuẩn)"
    )
    parser.add_argument(
        "--against",
        nargs=2,
        type=Path,
        metavar=("CHỈ_TIÊU", "KẾT_QUẢ"),
        help="tệp chỉ tiêu và tệp kết quả (.csv .xlsx .json)",
    )
    parser.add_argument("--period", metavar="KỲ", help="kỳ của kết quả: 2024, 2024-H1…")
    parser.add_argument(
        "--next-targets", type=Path, metavar="TỆP", help="chỉ tiêu kỳ tới, để kiểm tra chỉ tiêu"
    )
    parser.add_argument("--demo", choices=DEMOS, help="đối chiếu với dữ liệu mẫu")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _fail(message: str) -> int:
    print(f"Lỗi: {message}", file=sys.stderr)
    return EXIT_INPUT


def _data(args: argparse.Namespace) -> tuple[list[Evaluation], list[Target]]:
    if args.demo:
        from chitieu.reports import demo

        if args.demo == "kien-tuong-2019":
            return demo.kien_tuong_evaluations(), []
        return demo.demo_evaluations(), list(demo.NEXT_TARGETS)
    targets, results = args.against
    period = Period.parse(args.period) if args.period else None
    linked = load_pairs(targets, results, period)
    upcoming = load_targets(args.next_targets) if args.next_targets else []
    return evaluate_many(linked.pairs), upcoming


def render_text(result: FactCheck) -> str:
    lines = []
    for check in result.checks:
        lines.append(f"{MARKS[check.verdict]} {check.message}")
        if check.verdict is Verdict.MISMATCH and check.quote:
            lines.append(f"    trong văn bản: “{check.quote}”")
    counts = {v: len(result.by(v)) for v in Verdict}
    lines.append("")
    lines.append(
        f"Khớp: {counts[Verdict.MATCH]}; sai lệch: {counts[Verdict.MISMATCH]}; "
        f"không có số liệu: {counts[Verdict.NO_DATA]}; "
        f"không gắn được với chỉ tiêu: {counts[Verdict.UNTIED]}."
    )
    return "\n".join(lines) + "\n"


def render_json(result: FactCheck) -> str:
    items = [
        {
            "verdict": c.verdict.value,
            "claim": c.claim,
            "aspect": c.aspect,
            "name": c.name,
            "stated": c.stated,
            "expected": c.expected or None,
            "target_code": c.target_code or None,
            "target_name": c.target_name or None,
            "span": list(c.span),
            "message": c.message,
        }
        for c in result.checks
    ]
    counts = {v.value: len(result.by(v)) for v in Verdict}
    return json.dumps({"checks": items, "counts": counts}, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    if not args.demo and not args.against:
        return _fail("cần dữ liệu để đối chiếu: --against CHỈ_TIÊU KẾT_QUẢ (hoặc --demo)")
    try:
        text = sys.stdin.read() if args.text == "-" else read_document(args.text)
    except DocumentError as exc:
        return _fail(exc.message)
    except OSError as exc:
        return _fail(f"không đọc được {args.text}: {exc.strerror or exc}")
    try:
        evaluations, upcoming = _data(args)
    except PeriodError as exc:
        return _fail(f"--period: {exc}")
    except InputErrors as errors:
        print(errors.report(), file=sys.stderr)
        return EXIT_INPUT
    result = check_text(text, evaluations, upcoming)
    output = render_json(result) if args.format == "json" else render_text(result)
    sys.stdout.write(output)
    return EXIT_MISMATCH if result.mismatches else 0
