"""Demo data: the two sample towns of the seed articles.

Cai Lậy 2024: the targets exactly as the article (and tests/…/gold.jsonl) states them.
Cai Lậy 2023 and Kiến Tường 2019: the full target sets of chitieu.reports.demo (19 and 24
targets, see demo_articles.py) with the results the articles state; the targets they are
measured against are not in the articles, so they are invented and flagged "số liệu minh họa"
(illustrative), as is every other figure not taken from an article.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Target
from chitieu.web.actions.bodies import do_create_body, do_create_user, do_grant_role
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_save_result
from chitieu.web.actions.targets import do_create_target
from chitieu.web.demo_articles import load_cai_lay_2023, load_kien_tuong_2019
from chitieu.web.demo_planning import load_forecasts, load_term
from chitieu.web.models import Body, BodyKind, Resolution, ResultState, Role, TargetRow, Unit

DEMO_PASSWORD = "chitieu-demo"
DEMO_LOGINS: list[tuple[str, str]] = [
    ("cailay.bientap", "biên tập chỉ tiêu của Thị ủy Cai Lậy"),
    ("cailay.baocao", "báo cáo kết quả (UBND thị xã Cai Lậy và các phòng)"),
    ("cailay.duyet", "phê duyệt kết quả của Thị ủy Cai Lậy"),
    ("cailay.xem", "chỉ xem"),
    ("kientuong.baocao", "báo cáo kết quả của thị xã Kiến Tường"),
    ("quantri", "quản trị toàn hệ thống"),
]
MARKER = "DEMO"  # Resolution.number prefix of demo resolutions: loading twice adds nothing.

# The targets of the Cai Lậy 2024 article, in order (as tests/web/data/cai-lay-2024.gold.json).
E, C, S, P = Field.ECONOMY, Field.CULTURE_SOCIETY, Field.DEFENCE_SECURITY, Field.PARTY_BUILDING
CAI_LAY_2024: list[tuple[str, str, str, str, str, Field, str]] = [
    # name, kind, comparator, value, unit, field, responsible body key
    ("tổng giá trị sản xuất (giá so sánh 2010)", "level", ">=", "9484", "tỷ đồng", E, "tckh"),
    ("tổng thu ngân sách địa phương", "level", ">=", "186", "tỷ đồng", E, "tckh"),
    ("tổng chi ngân sách", "level", ">=", "640.706", "tỷ đồng", E, "tckh"),
    ("xã đạt chuẩn nông thôn mới nâng cao", "level", ">=", "2", "xã", E, "kinhte"),
    ("xã nông thôn mới kiểu mẫu", "level", ">=", "1", "xã", E, "kinhte"),
    ("trường đạt chuẩn quốc gia", "level", ">=", "3", "trường", C, "gddt"),
    (
        "tỷ lệ huy động học sinh so với dân số trong độ tuổi: nhà trẻ",
        "level",
        ">=",
        "28.5",
        "%",
        C,
        "gddt",
    ),
    ("mẫu giáo (3 - 5 tuổi)", "level", ">=", "90.5", "%", C, "gddt"),
    ("mẫu giáo 5 tuổi", "level", ">=", "100", "%", C, "gddt"),
    ("tiểu học", "level", ">=", "100", "%", C, "gddt"),
    ("trung học cơ sở", "level", ">=", "99.6", "%", C, "gddt"),
    ("giải quyết việc làm", "level", ">=", "870", "lao động", C, "ldtbxh"),
    ("tạo việc làm mới", "level", ">=", "360", "lao động", C, "ldtbxh"),
    ("xuất khẩu lao động", "level", ">=", "28", "lao động", C, "ldtbxh"),
    ("dạy nghề", "level", ">=", "120", "lao động", C, "ldtbxh"),
    ("tỷ lệ hộ nghèo", "level", "<=", "0.63", "%", C, "ldtbxh"),
    ("hộ thoát nghèo", "level", ">=", "20", "hộ", C, "ldtbxh"),
    ("tỷ lệ người dân tham gia bảo hiểm y tế", "level", ">=", "97.5", "%", C, "bhxh"),
    ("số vụ tội phạm về trật tự xã hội", "change", "<=", "-5", "%", S, "congan"),
    ("kết nạp đảng viên mới", "level", ">=", "60", "đảng viên", P, "btc"),
    ("đảng viên hoàn thành nhiệm vụ trở lên", "level", ">=", "98", "%", P, "btc"),
    ("đảng viên hoàn thành tốt nhiệm vụ trở lên", "level", ">=", "90", "%", P, "btc"),
    ("tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "level", ">=", "85", "%", P, "btc"),
]

# Less is better for these indicators (poverty, crime): "exceeded" means lower.
LOWER_IS_BETTER = {"tỷ lệ hộ nghèo", "số vụ tội phạm về trật tự xã hội"}

FIELD_PREFIX = {E: "KT", C: "XH", S: "AN", P: "XD", Field.ENVIRONMENT: "MT", Field.OTHER: "K"}


def _target(
    name: str,
    kind: str,
    comparator: str,
    value: str,
    unit: str,
    field: Field,
    code: str,
    order: int,
) -> Target:
    return Target(
        name=name,
        kind=Kind(kind),
        comparator=Comparator(comparator),
        value=Decimal(value),
        unit=unit,
        direction=Direction.LOWER if name in LOWER_IS_BETTER else Direction.HIGHER,
        field=field,
        code=code,
        order=order,
    )


def _codes(rows: list[tuple[str, Field]]) -> list[str]:
    counters: dict[Field, int] = {}
    out = []
    for _, field in rows:
        counters[field] = counters.get(field, 0) + 1
        out.append(f"{FIELD_PREFIX[field]}{counters[field]:02d}")
    return out


def _bodies() -> dict[str, Body]:
    cai_lay_unit = Unit.objects.filter(name="Phường Cai Lậy").first()
    kien_tuong_unit = Unit.objects.filter(name="Phường Kiến Tường").first()
    b: dict[str, Body] = {}
    # The towns were district-level "thị xã" when the articles were written; since 2025 their
    # centres are wards, which is the unit the bodies hang on here.
    b["thiuy_cl"] = do_create_body("Thị ủy Cai Lậy", BodyKind.PARTY_COMMITTEE, cai_lay_unit)
    b["btc"] = do_create_body(
        "Ban Tổ chức Thị ủy Cai Lậy", BodyKind.AGENCY, cai_lay_unit, b["thiuy_cl"]
    )
    b["ubnd_cl"] = do_create_body(
        "UBND thị xã Cai Lậy", BodyKind.PEOPLES_COMMITTEE, cai_lay_unit, b["thiuy_cl"]
    )
    for key, name, kind in (
        ("tckh", "Phòng Tài chính – Kế hoạch", BodyKind.DEPARTMENT),
        ("kinhte", "Phòng Kinh tế", BodyKind.DEPARTMENT),
        ("gddt", "Phòng Giáo dục và Đào tạo", BodyKind.DEPARTMENT),
        ("ldtbxh", "Phòng Lao động – Thương binh và Xã hội", BodyKind.DEPARTMENT),
        ("bhxh", "Bảo hiểm xã hội thị xã Cai Lậy", BodyKind.AGENCY),
        ("congan", "Công an thị xã Cai Lậy", BodyKind.AGENCY),
    ):
        b[key] = do_create_body(name, kind, cai_lay_unit, b["ubnd_cl"])
    b["thiuy_kt"] = do_create_body("Thị ủy Kiến Tường", BodyKind.PARTY_COMMITTEE, kien_tuong_unit)
    b["ubnd_kt"] = do_create_body(
        "UBND thị xã Kiến Tường", BodyKind.PEOPLES_COMMITTEE, kien_tuong_unit, b["thiuy_kt"]
    )
    return b


def _users(b: dict[str, Body]) -> None:
    def user(
        username: str, full_name: str, grants: list[tuple[str, str]], superuser: bool = False
    ) -> None:
        u = do_create_user(username, DEMO_PASSWORD, full_name=full_name, superuser=superuser)
        for body_key, role in grants:
            do_grant_role(u, b[body_key], role)

    user("quantri", "Quản trị hệ thống", [], superuser=True)
    user("cailay.bientap", "Văn phòng Thị ủy Cai Lậy", [("thiuy_cl", Role.EDITOR)])
    user(
        "cailay.baocao",
        "Cán bộ tổng hợp UBND Cai Lậy",
        [("ubnd_cl", Role.REPORTER), ("btc", Role.REPORTER)],
    )
    user("cailay.duyet", "Lãnh đạo Thị ủy Cai Lậy", [("thiuy_cl", Role.APPROVER)])
    user("cailay.xem", "Đại biểu", [("thiuy_cl", Role.VIEWER)])
    user("kientuong.baocao", "Cán bộ tổng hợp UBND Kiến Tường", [("ubnd_kt", Role.REPORTER)])
    user("kientuong.bientap", "Văn phòng Thị ủy Kiến Tường", [("thiuy_kt", Role.EDITOR)])


def _approved(
    target: TargetRow, result: Result, author: object, illustrative: bool = False
) -> None:
    do_save_result(
        target, result, user=author, illustrative=illustrative, state=ResultState.APPROVED
    )  # type: ignore[arg-type]


def _cai_lay_2024(b: dict[str, Body], author: object) -> Resolution:
    resolution = do_create_resolution(
        issuing_body=b["thiuy_cl"],
        kind="annual",
        title="Nghị quyết Thị ủy Cai Lậy về nhiệm vụ năm 2024",
        number=f"{MARKER}-CL-2024",
        start_year=2024,
    )
    codes = _codes([(row[0], row[5]) for row in CAI_LAY_2024])
    rows = {}
    for i, (name, kind, comp, value, unit, field, resp) in enumerate(CAI_LAY_2024):
        rows[name] = do_create_target(
            resolution,
            _target(name, kind, comp, value, unit, field, codes[i], i + 1),
            responsible_body=b[resp],
        )
    # The article gives no 2024 results: these estimates are illustrative.
    year = Period.year_of(2024)
    for name, value in (
        ("tổng thu ngân sách địa phương", "201,3"),
        ("tỷ lệ hộ nghèo", "0,6"),
        ("giải quyết việc làm", "812"),
        ("tỷ lệ người dân tham gia bảo hiểm y tế", "97,8"),
        ("kết nạp đảng viên mới", "64"),
    ):
        target = rows[name]
        _approved(
            target,
            Result(
                period=year,
                value=Decimal(value.replace(",", ".")),
                unit=target.unit,
                estimated=True,
                source="số liệu minh họa",
            ),
            author,
            illustrative=True,
        )
    return resolution


def _article_resolutions(b: dict[str, Body]) -> None:
    """The two resolutions the articles report on, empty: demo_articles gives them targets."""
    do_create_resolution(
        issuing_body=b["thiuy_cl"],
        kind="annual",
        title="Nghị quyết Thị ủy Cai Lậy về nhiệm vụ năm 2023",
        number=f"{MARKER}-CL-2023",
        start_year=2023,
    )
    do_create_resolution(
        issuing_body=b["thiuy_kt"],
        kind="annual",
        title="Nghị quyết Thị ủy Kiến Tường năm 2019",
        number=f"{MARKER}-KT-2019",
        start_year=2019,
        is_public=True,
    )


def _load_article_sets(author: object) -> bool:
    """Cai Lậy 2023 and Kiến Tường 2019 get (or complete) their full target sets."""
    added = False
    for number, load in (
        (f"{MARKER}-CL-2023", load_cai_lay_2023),
        (f"{MARKER}-KT-2019", load_kien_tuong_2019),
    ):
        resolution = Resolution.objects.filter(number=number).first()
        if resolution is not None:
            added = load(resolution, author) or added
    return added


def _existing_bodies() -> dict[str, Body] | None:
    """The bodies of a demo loaded before, by the keys of `_bodies` the planning demo uses;
    None when one was renamed or deleted since (the planning demo is then left out)."""
    names = {
        "thiuy_cl": "Thị ủy Cai Lậy",
        "ubnd_cl": "UBND thị xã Cai Lậy",
        "tckh": "Phòng Tài chính – Kế hoạch",
        "kinhte": "Phòng Kinh tế",
        "gddt": "Phòng Giáo dục và Đào tạo",
        "ldtbxh": "Phòng Lao động – Thương binh và Xã hội",
        "bhxh": "Bảo hiểm xã hội thị xã Cai Lậy",
    }
    found = {b.name: b for b in Body.objects.filter(name__in=names.values())}
    if len(found) < len(names):
        return None
    return {key: found[name] for key, name in names.items()}


@transaction.atomic
def do_load_demo() -> bool:
    """Load the demo once; returns False when it is all there already. A demo loaded by an
    older version gets the parts added since (the planning demo, the full target sets of the
    articles' resolutions), nothing twice."""
    base = f"{MARKER}-CL-2024"
    added = False
    if not Resolution.objects.filter(number=base).exists():
        bodies = _bodies()
        _users(bodies)
        author = get_user_model().objects.get(username="cailay.duyet")
        _cai_lay_2024(bodies, author)
        _article_resolutions(bodies)
        added = True
    author = get_user_model().objects.filter(username="cailay.duyet").first()
    if author is not None:
        added = _load_article_sets(author) or added
    bodies = _existing_bodies()
    year_2024 = Resolution.objects.filter(number=base).first()
    if bodies is None or author is None or year_2024 is None:
        return added  # a demo changed by hand: what it lacks is not guessed back
    added = load_term(bodies, author) or added
    added = load_forecasts(bodies, author, year_2024) or added
    return added
