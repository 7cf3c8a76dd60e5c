"""The charts: real PNG images, sized to the data, drawn only when there is data."""

from __future__ import annotations

import io

from PIL import Image

from chitieu.evaluate import evaluate_many
from chitieu.model import Result, Status, Target
from chitieu.reports.charts import (
    STATUS_COLORS,
    all_charts,
    percent_chart,
    report_charts,
    status_chart,
)
from chitieu.reports.demo import HEADER, YEAR, demo_evaluations, demo_report
from chitieu.reports.model import build_report


def image(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


def test_the_status_chart_is_a_png_with_a_bar_in_each_status_colour() -> None:
    picture = image(status_chart(demo_report())).convert("RGB")
    assert picture.size[0] > 600
    colours = {
        picture.getpixel((x, y))
        for x in range(0, picture.width, 3)
        for y in range(0, picture.height, 3)
    }
    for status in Status:
        hex_colour = STATUS_COLORS[status].lstrip("#")
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
        assert rgb in colours, status


def test_the_percent_chart_grows_with_the_number_of_targets() -> None:
    small = image(percent_chart(demo_report()))
    large = image(percent_chart(build_report(HEADER, YEAR, demo_evaluations(3))))
    assert large.height > 2 * small.height
    assert abs(large.width - small.width) < 0.2 * small.width  # longer names, same page width


def test_there_is_no_percent_chart_without_a_percent() -> None:
    pairs = [(Target("công tác tuyển quân"), Result(declared_status=Status.ACHIEVED))]
    report = build_report(HEADER, YEAR, evaluate_many(pairs))
    charts = all_charts(report)
    assert [caption for caption, _ in charts] == ["Số chỉ tiêu theo kết quả đánh giá"]
    assert image(charts[0][1]).format == "PNG"


def test_an_svg_chart_needs_no_font_installed() -> None:
    svg = status_chart(demo_report(), "svg").decode("utf-8")
    assert svg.lstrip().startswith("<?xml")
    assert "<text" not in svg  # glyphs drawn as paths


def test_the_charts_of_one_report_are_drawn_once_for_every_format() -> None:
    report = demo_report()
    first = report_charts(report)
    assert report_charts(report) is first
    other = report_charts(demo_report())
    assert other is not first
    assert [c for c, _ in other] == [c for c, _ in first]
