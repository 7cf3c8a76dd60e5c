"""The Pillow bar charts: round axis ticks, the figure written by each bar's end."""

from __future__ import annotations

import io
import subprocess
import sys

from PIL import Image

from chitieu.reports.bars import Bar, nice_ticks, row_chart


def test_ticks_are_round_steps_from_zero_that_stay_under_the_top() -> None:
    assert nice_ticks(172.5) == [0, 50, 100, 150]
    assert nice_ticks(38.4, 5) == [0, 10, 20, 30]
    assert nice_ticks(0) == [0.0]


def test_a_longer_bar_reaches_further_right_than_a_shorter_one() -> None:
    bars = [Bar("Dài", 150.0, "#2e7d32", "150%"), Bar("Ngắn", 50.0, "#c62828", "50%")]
    data = row_chart(
        bars,
        width_in=6.3,
        dpi=100,
        axis_label="% so với chỉ tiêu",
        tick_text=lambda x: f"{x:g}%",
        reference=100.0,
        legend=[("Vượt", "#2e7d32"), ("Không đạt", "#c62828")],
    )
    picture = Image.open(io.BytesIO(data)).convert("RGB")

    def extent(colour: tuple[int, int, int]) -> tuple[int, int]:
        xs = [
            x
            for x in range(picture.width)
            for y in range(40, picture.height, 2)  # below the legend's swatches
            if picture.getpixel((x, y)) == colour
        ]
        return min(xs), max(xs)

    green, red = extent((0x2E, 0x7D, 0x32)), extent((0xC6, 0x28, 0x28))
    assert abs(green[0] - red[0]) <= 1  # both start at the axis
    assert abs((green[1] - green[0]) - 3 * (red[1] - red[0])) <= 4  # 150% is 3 × 50%


def test_the_png_charts_of_a_report_do_not_load_matplotlib() -> None:
    # A fresh interpreter: this test process may have imported matplotlib already.
    code = (
        "import sys\n"
        "from chitieu.reports.charts import all_charts\n"
        "from chitieu.reports.demo import demo_report\n"
        "assert len(all_charts(demo_report())) == 2\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
