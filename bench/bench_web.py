"""Server time of the web pages that matter: the dashboard of a 40-target resolution (goal
<= 100 ms) and the comparison view over 100 communes (goal <= 300 ms). Prints figures.

    .venv/bin/python bench/bench_web.py                       # SQLite (a file, WAL)
    DATABASE_URL=postgres://…/chitieu .venv/bin/python bench/bench_web.py   # PostgreSQL

The data go into a throwaway test database (Django's test_<name>), never the named one:
100 communes of one province, each with a 40-target resolution and, per target, a result
that went draft -> submitted -> approved for two periods (3 versions each). Times are the
whole Django request (middleware, permission checks, queries, evaluation, template), through
the test client, so without network; the median of --repeat runs after one warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal

COMMUNES = 100
TARGETS = 40


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    os.environ.setdefault("CHITIEU_DATA_DIR", tempfile.mkdtemp(prefix="chitieu-bench-"))
    os.environ.setdefault("CHITIEU_SECRET_KEY", "bench-" + "x" * 40)
    import django
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # A file, not the in-memory default of test databases: what a server really reads.
        settings.DATABASES["default"]["TEST"] = {
            "NAME": os.path.join(os.environ["CHITIEU_DATA_DIR"], "bench.sqlite3")
        }
    django.setup()


def _load() -> tuple[int, str]:
    """Returns (a resolution id, a province viewer's username)."""
    from django.contrib.auth import get_user_model

    from chitieu.web.models import (
        Body,
        BodyKind,
        Membership,
        Resolution,
        ResultVersion,
        Role,
        TargetRow,
        Unit,
        UnitLevel,
    )
    from chitieu.web.models.targets import name_key

    province = Unit.objects.create(
        code=82, name="Tỉnh Đồng Tháp", level=UnitLevel.PROVINCE, division_type="tỉnh"
    )
    province_body = Body.objects.create(
        name="UBND tỉnh", kind=BodyKind.PEOPLES_COMMITTEE, unit=province
    )
    user = get_user_model().objects.create_user("bench.viewer", password="x" * 12)
    Membership.objects.create(user=user, body=province_body, role=Role.VIEWER)
    first_resolution = 0
    for c in range(COMMUNES):
        unit = Unit.objects.create(
            code=1000 + c,
            name=f"Xã {c}",
            level=UnitLevel.COMMUNE,
            division_type="xã",
            parent=province,
        )
        body = Body.objects.create(
            name=f"Đảng ủy xã {c}", kind=BodyKind.PARTY_COMMITTEE, unit=unit, parent=province_body
        )
        resolution = Resolution.objects.create(
            issuing_body=body, kind="annual", title=f"Nghị quyết xã {c} năm 2024", start_year=2024
        )
        first_resolution = first_resolution or resolution.pk
        names = ["tỷ lệ hộ nghèo"] + [f"chỉ tiêu số {i}" for i in range(1, TARGETS)]
        rows = TargetRow.objects.bulk_create(
            TargetRow(
                resolution=resolution,
                code=f"KT{i:02d}",
                order=i,
                name=name,
                name_key=name_key(name),
                field="kinh_te",
                comparator="<=" if i == 0 else ">=",
                direction="lower" if i == 0 else "higher",
                value=Decimal(1) if i == 0 else Decimal(100 + i),
                unit="%" if i == 0 else "tỷ đồng",
                responsible_body=body,
            )
            for i, name in enumerate(names)
        )
        versions = []
        for row in rows:
            for period in ("2023", "2024"):
                value = (
                    Decimal("0.5") + Decimal(c) / 100 if row.order == 0 else row.value + (c % 7) - 3
                )
                for seq, state in enumerate(("draft", "submitted", "approved"), 1):
                    versions.append(
                        ResultVersion(
                            target=row,
                            period_code=period,
                            estimated=False,
                            seq=seq,
                            state=state,
                            value=value,
                            unit=row.unit,
                            created_by=user,
                        )
                    )
        ResultVersion.objects.bulk_create(versions, batch_size=1000)
    return first_resolution, user.username


def _time(client: object, url: str, repeat: int, rows: int) -> tuple[float, float]:
    get = client.get  # type: ignore[attr-defined]
    response = get(url)  # warm-up (template compile, connection)
    assert response.status_code == 200, response.status_code
    # The page must really show every row, or the timing means nothing.
    shown = response.content.decode().count('<span class="status st-')
    assert shown == rows, f"{url}: {shown} dòng, cần {rows}"
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return statistics.median(times), min(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    _setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        start = time.perf_counter()
        resolution_id, username = _load()
        load_s = time.perf_counter() - start
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        engine = connection.vendor
        print(
            f"Cơ sở dữ liệu: {engine} · nạp {COMMUNES} xã × {TARGETS} chỉ tiêu trong {load_s:.1f} s"
        )
        median, best = _time(client, f"/nghi-quyet/{resolution_id}/?ky=2024", args.repeat, TARGETS)
        print(
            f"Bảng điều khiển (dashboard) {TARGETS} chỉ tiêu: trung vị {median:.1f} ms, nhanh nhất {best:.1f} ms (mục tiêu <= 100 ms)"
        )
        median, best = _time(
            client,
            "/so-sanh/?ten=t%E1%BB%B7+l%E1%BB%87+h%E1%BB%99+ngh%C3%A8o&ky=2024",
            args.repeat,
            COMMUNES,
        )
        print(
            f"So sánh {COMMUNES} xã: trung vị {median:.1f} ms, nhanh nhất {best:.1f} ms (mục tiêu <= 300 ms)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return 0


if __name__ == "__main__":
    sys.exit(main())
