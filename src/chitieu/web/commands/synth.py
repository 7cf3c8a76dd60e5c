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
        "--out",
        metavar="THƯ_MỤC",
        default=None,
        help="không nạp: ghi bộ dữ liệu ra thư mục, mỗi (tỉnh, năm) một bộ tệp dạng COPY của"
        " PostgreSQL, kèm manifest.json (số dòng, tổng kiểm SHA-256)",
    )
    parser.add_argument("--gzip", action="store_true", help="với --out: nén các tệp bằng gzip")
    parser.add_argument(
        "--id-base",
        type=_positive,
        default=1,
        help="với --out: mã (id) đầu tiên của nghị quyết và chỉ tiêu (mặc định 1)",
    )
    parser.add_argument(
        "--from",
        dest="source",
        metavar="THƯ_MỤC",
        default=None,
        help="nạp bộ dữ liệu đã ghi bằng --out (đọc tệp, không sinh lại; --seed, --years…"
        " lấy từ manifest.json của thư mục); bị ngắt thì chạy lại để nạp tiếp",
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
    if args.out is not None:
        return _write_files(spec, args)
    migrate_database(load_units=True)
    from chitieu.web.pagecache.versions import bump_all
    from chitieu.web.scale.load import do_load
    from chitieu.web.scale.parallel import do_load_parallel
    from chitieu.web.scale.progress import Progress

    progress = Progress(sys.stderr)
    try:
        if args.source is not None:
            from pathlib import Path

            from chitieu.web.scale.fromfiles import do_load_files

            stats = do_load_files(Path(args.source), progress=progress)
        elif args.jobs > 1:
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


def _write_files(spec: object, args: argparse.Namespace) -> int:
    from pathlib import Path

    from chitieu.numbers import format_number
    from chitieu.synth import SynthSpec, chunk_keys
    from chitieu.web.scale.files import write_dataset
    from chitieu.web.scale.progress import Progress

    assert isinstance(spec, SynthSpec)
    progress = Progress(sys.stderr, label="Ghi tệp")
    progress.start(len(chunk_keys(spec)))
    try:
        manifest = write_dataset(
            spec,
            Path(args.out),
            compress=args.gzip,
            id_base=args.id_base,
            on_chunk=progress.advance,
        )
    except OSError as exc:
        print(f"Lỗi: không ghi được vào {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    progress.finish()
    files = manifest["chunks"]
    results = sum(c["files"]["result"]["rows"] for c in files)
    print(
        f"Đã ghi {format_number(len(files))} phần vào {args.out}: "
        f"{format_number(results)} kết quả (nạp bằng: chitieu synth --from {args.out})"
    )
    return 0
