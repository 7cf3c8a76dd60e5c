"""Each sample article, pasted whole into the fact check page of the demo resolution it reports
on, is found correct: the demo holds the full target sets of chitieu.reports.demo (19 targets
for Cai Lậy 2023, 24 for Kiến Tường 2019), so no counted sentence is accused against a partial
set; and one figure changed in the text is the one mismatch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import chitieu.reports
from chitieu.web.demo import DEMO_PASSWORD, do_load_demo
from chitieu.web.models import Resolution, ResultVersion, TargetRow

pytestmark = pytest.mark.django_db

SAMPLES = Path(chitieu.reports.__file__).parent / "samples"
# sample file -> (demo resolution number, period, a figure the article states, a wrong one)
CASES = {
    "cai-lay-2024.txt": ("DEMO-CL-2023", "2023", "126,82%", "162,82%"),
    "kien-tuong-2019.txt": ("DEMO-KT-2019", "2019", "148%", "184%"),
}


def _counts(number: str, period: str, text: str) -> dict[str, int]:
    client = Client()
    assert client.login(username="quantri", password=DEMO_PASSWORD)
    resolution = Resolution.objects.get(number=number)
    response = client.post(
        f"/nghi-quyet/{resolution.pk}/kiem-tra-so-lieu/", {"ky": period, "text": text}
    )
    assert response.status_code == 200
    page = response.content.decode()
    found = re.findall(r'<li class="fc-(\w+)" data-verdict="\w+">[^<]*<strong>(\d+)</strong>', page)
    assert found, page
    return {key: int(n) for key, n in found}


@pytest.mark.parametrize("sample", sorted(CASES))
def test_a_whole_sample_article_shows_no_mismatch_against_its_demo_resolution(
    sample: str,
) -> None:
    do_load_demo()
    number, period, _, _ = CASES[sample]
    counts = _counts(number, period, (SAMPLES / sample).read_text(encoding="utf-8"))
    assert counts["mismatch"] == 0, counts
    assert counts["match"] >= 5, counts


@pytest.mark.parametrize("sample", sorted(CASES))
def test_one_figure_changed_in_a_sample_article_is_the_one_mismatch(sample: str) -> None:
    do_load_demo()
    number, period, right, wrong = CASES[sample]
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    assert text.count(right) == 1
    counts = _counts(number, period, text.replace(right, wrong))
    assert counts["mismatch"] == 1, counts


def test_the_demo_holds_the_full_sets_and_marks_invented_results() -> None:
    do_load_demo()
    for number, size in (("DEMO-CL-2023", 19), ("DEMO-KT-2019", 24)):
        assert TargetRow.objects.filter(resolution__number=number).count() == size
        assert not TargetRow.objects.filter(resolution__number=number, illustrative=False).exists()
        invented = ResultVersion.objects.filter(
            target__resolution__number=number, illustrative=True
        )
        assert invented.exists()
        assert all(v.source == "số liệu minh họa" for v in invented)
    # The article's figures are stored as the article states them, with the article as source.
    revenue = ResultVersion.objects.get(
        target__resolution__number="DEMO-CL-2023",
        target__name="thu ngân sách từ kinh tế địa phương",
    )
    assert not revenue.illustrative and "Báo Ấp Bắc" in revenue.source


def test_a_demo_loaded_with_the_old_four_targets_is_completed_once() -> None:
    assert do_load_demo() is True
    # What an older demo held: only the four targets the article reports on, other codes.
    old = Resolution.objects.get(number="DEMO-CL-2023")
    keep = [
        "thu ngân sách từ kinh tế địa phương",
        "tỷ lệ hộ nghèo",
        "tổng giá trị sản xuất (giá so sánh 2010)",
        "số vụ tội phạm về trật tự xã hội",
    ]
    TargetRow.objects.filter(resolution=old).exclude(name__in=keep).delete()
    for i, name in enumerate(keep):
        TargetRow.objects.filter(resolution=old, name=name).update(code=f"OLD{i}", order=i + 1)
    kept_results = ResultVersion.objects.filter(target__resolution=old).count()
    assert do_load_demo() is True
    assert TargetRow.objects.filter(resolution=old).count() == 19
    codes = list(TargetRow.objects.filter(resolution=old).values_list("code", flat=True))
    assert len(set(codes)) == 19 and not any(c.startswith("OLD") for c in codes)
    assert ResultVersion.objects.filter(target__resolution=old).count() > kept_results
    counts = (TargetRow.objects.count(), ResultVersion.objects.count())
    assert do_load_demo() is False
    assert (TargetRow.objects.count(), ResultVersion.objects.count()) == counts


def test_the_web_demo_evaluates_each_target_as_the_reports_demo_does() -> None:
    from chitieu.reports import demo as sets
    from chitieu.web.views.reports import report_data

    do_load_demo()
    for number, expected in (
        ("DEMO-CL-2023", sets.demo_evaluations()),
        ("DEMO-KT-2019", sets.kien_tuong_evaluations()),
    ):
        resolution = Resolution.objects.get(number=number)
        web = report_data(resolution, expected[0].target.period or sets.YEAR).evaluations
        assert {e.target.code: e.status for e in web} == {e.target.code: e.status for e in expected}
