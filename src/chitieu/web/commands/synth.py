"""`chitieu synth`: generate the national synthetic dataset and load it into the database.

Resumable: run it again after an interruption and it goes on from the last finished
(province, year) chunk; run it again after it finished and it does nothing."""

from __future__ import annotations

import argparse
import sys

HELP = "sinh và nạp bộ dữ liệu mô phỏng toàn quốc (34 tỉnh, 3.321 xã, 10 năm)"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương, không phải {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương, không phải {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)"
    )
    parser.add_argument("--first-year", type=int, default=2017, help="năm đầu (mặc định 2017)")
    parser.add_argument("--years", type=_positive, default=10, help="số năm (mặc định 10)")
    parser.add_argument(
        "--communes", type=_positive, default=None, help="số xã (mặc định: cả 3.321 xã)"
    )
    parser.add_argument(
        "--provinces", type=_positive, default=None, help="chỉ lấy N tỉnh đầu (mặc định: 34)"
    )
    parser.add_argument(
        "--jobs", type=_positive, default=1, help="số tiến trình nạp song song (mặc định 1)"
    )
    parser.add_argument(
        "--no-fk-checks",
        action="store_true",
        help="PostgreSQL: bỏ kiểm tra khóa ngoại từng dòng khi nạp (nhanh hơn; cần quyền"
        " superuser, như pg_restore --disable-triggers)",
    )
    parser.add_argument(
        "--count", action="store_true", help="chỉ đếm số nghị quyết, chỉ tiêu, kết quả; không nạp"
    )


def run(args: argparse.Namespace) -> int:
    from chitieu.numbers import format_number
    from chitieu.synth import SynthSpec, iter_chunks

    spec = SynthSpec(
        seed=args.seed,
        first_year=args.first_year,
        years=args.years,
        communes=args.communes,
        provinces=args.provinces,
    )
    if args.count:
        res = tgt = out = 0
        for chunk in iter_chunks(spec):
            res += len(chunk.resolutions)
            tgt += sum(len(r.targets) for r in chunk.resolutions)
            out += chunk.result_count
        print(
            f"{format_number(res)} nghị quyết, {format_number(tgt)} chỉ tiêu, "
            f"{format_number(out)} kết quả"
        )
        return 0

    from chitieu.web.commands import migrate_database, setup_django

    setup_django()
    migrate_database(load_units=True)
    from chitieu.web.pagecache.versions import bump_all
    from chitieu.web.scale.load import do_load
    from chitieu.web.scale.parallel import do_load_parallel
    from chitieu.web.scale.progress import Progress

    progress = Progress(sys.stderr)
    try:
        if args.jobs > 1:
            stats = do_load_parallel(spec, args.jobs, progress, fk_checks=not args.no_fk_checks)
        else:
            stats = do_load(spec, progress=progress, fk_checks=not args.no_fk_checks)
    except RuntimeError as exc:  # LoadError, or a parallel loader that failed
        print(f"Lỗi: {exc}", file=sys.stderr)
        bump_all()  # the chunks loaded before the failure are committed
        return 2
    # COPY bypasses the signals: a year loaded before a served one changes its "cùng kỳ".
    bump_all()
    print(
        f"Đã nạp {format_number(stats.chunks)} phần (bỏ qua {format_number(stats.skipped)} phần"
        f" đã có): {format_number(stats.resolutions)} nghị quyết, "
        f"{format_number(stats.targets)} chỉ tiêu, {format_number(stats.results)} kết quả "
        f"({format_number(int(stats.rate))} kết quả/giây)"
    )
    return 0
