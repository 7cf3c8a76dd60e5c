"""Report charts with matplotlib (Agg, no display): counts by status and % of target per target.

matplotlib is imported inside the functions so that importing the report model stays cheap.
Labels are Vietnamese; the font is one that carries Vietnamese glyphs (Liberation Serif from
fonts-liberation2, falling back to DejaVu), and numbers on axes use the Vietnamese format.
"""

from __future__ import annotations

import io
from typing import Any, Literal

from chitieu.model import Status
from chitieu.numbers import format_number
from chitieu.reports.model import Report

ImageFormat = Literal["png", "svg"]

STATUS_COLORS: dict[Status, str] = {
    Status.EXCEEDED: "#2e7d32",
    Status.ACHIEVED: "#1565c0",
    Status.NOT_ACHIEVED: "#c62828",
    Status.PENDING: "#9e9e9e",
}
FONT_FAMILY = ["Liberation Serif", "DejaVu Serif", "DejaVu Sans"]
# Long target names are cut on the percent chart so the bars keep most of the width.
NAME_WIDTH = 48
DPI = 150


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = FONT_FAMILY
    plt.rcParams["svg.fonttype"] = "path"  # text as outlines: the SVG needs no font installed
    return plt


def _save(fig: Any, fmt: ImageFormat) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buffer.getvalue()


def status_chart(report: Report, fmt: ImageFormat = "png") -> bytes:
    """Bars of how many targets are exceeded / achieved / not achieved / pending."""
    plt = _pyplot()
    counts = report.charts.status_counts
    fig, ax = plt.subplots(figsize=(6.3, 3.0))
    labels = [status.label_vi for status, _ in counts]
    values = [n for _, n in counts]
    bars = ax.bar(labels, values, color=[STATUS_COLORS[s] for s, _ in counts])
    for bar, n in zip(bars, values, strict=True):
        ax.annotate(
            format_number(n),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=10,
        )
    ax.set_ylabel(report.labels["charts.count_axis"])
    ax.set_ylim(0, max([*values, 1]) * 1.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, fmt)


def _short(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1].rstrip() + "…"


def percent_chart(report: Report, fmt: ImageFormat = "png") -> bytes:
    """Horizontal bars of % of target per target, with the 100% line; colour = status."""
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter

    rows = [row for row in report.rows if row.percent_of_target is not None]
    height = max(2.0, 0.28 * len(rows) + 1.0)
    fig, ax = plt.subplots(figsize=(6.3, height))
    names = [_short(row.name) for row in reversed(rows)]
    values = [float(row.percent_of_target or 0) for row in reversed(rows)]
    colors = [STATUS_COLORS[row.status] for row in reversed(rows)]
    ax.barh(names, values, color=colors)
    ax.axvline(100, color="#424242", linewidth=1, linestyle="--")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(float(x), 0) + "%"))
    ax.set_xlabel(report.labels["charts.percent_axis"])
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, fmt)


def all_charts(report: Report, fmt: ImageFormat = "png") -> list[tuple[str, bytes]]:
    """(caption, image) for every chart the report has data for."""
    charts = [(report.labels["charts.status_title"], status_chart(report, fmt))]
    if any(row.percent_of_target is not None for row in report.rows):
        charts.append((report.labels["charts.percent_title"], percent_chart(report, fmt)))
    return charts
