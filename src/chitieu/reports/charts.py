"""Report charts: counts by status and % of target per target.

The PNGs that go into DOCX, HTML and PDF are drawn with Pillow (bars.py): matplotlib took
most of a one-shot report's time. SVG charts are still drawn by matplotlib (Agg, no display),
imported inside the functions so that importing the report model stays cheap.
Labels are Vietnamese; the font is one that carries Vietnamese glyphs (Liberation Serif from
fonts-liberation2, falling back to DejaVu), and numbers on axes use the Vietnamese format.
"""

from __future__ import annotations

import io
import weakref
from typing import Any, Literal

from chitieu.model import Status
from chitieu.numbers import format_number, format_percent
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


def _figure(width: float, height: float) -> Any:
    """A figure outside pyplot: pyplot keeps global state and is not safe in a threaded web
    server; a bare Figure with the Agg canvas is (matplotlib's advice for web apps)."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams["font.family"] = FONT_FAMILY
    matplotlib.rcParams["svg.fonttype"] = "path"  # text as outlines: the SVG needs no font
    # The layout engine fits labels and legend while drawing; bbox_inches="tight" would draw
    # the whole figure twice (a fifth of the time of a 60-target chart).
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def _save(fig: Any, fmt: ImageFormat) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI)
    return buffer.getvalue()


def status_chart(report: Report, fmt: ImageFormat = "png") -> bytes:
    """Bars of how many targets are exceeded / achieved / not achieved / pending."""
    counts = report.charts.status_counts
    if fmt == "png":
        from chitieu.reports.bars import Bar, column_chart

        return column_chart(
            [Bar(s.label_vi, float(n), STATUS_COLORS[s], format_number(n)) for s, n in counts],
            size=(6.3, 3.0),
            dpi=DPI,
            axis_label=report.labels["charts.count_axis"],
            tick_text=lambda t: format_number(int(t)),
            integer=True,
        )
    fig, ax = _figure(6.3, 3.0)
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
    rows = [row for row in report.rows if row.percent_of_target is not None]
    shown = [s for s in STATUS_COLORS if any(row.status is s for row in rows)]
    if fmt == "png":
        from chitieu.reports.bars import Bar, row_chart

        return row_chart(
            [
                Bar(
                    _short(row.name),
                    float(row.percent_of_target or 0),
                    STATUS_COLORS[row.status],
                    format_percent(row.percent_of_target or 0),
                )
                for row in rows
            ],
            width_in=6.3,
            dpi=DPI,
            axis_label=report.labels["charts.percent_axis"],
            tick_text=lambda x: format_number(float(x), 0) + "%",
            reference=100.0,
            legend=[(s.label_vi, STATUS_COLORS[s]) for s in shown],
        )
    from matplotlib.ticker import FuncFormatter

    height = max(2.0, 0.28 * len(rows) + 1.0)
    fig, ax = _figure(6.3, height)
    names = [_short(row.name) for row in reversed(rows)]
    values = [float(row.percent_of_target or 0) for row in reversed(rows)]
    colors = [STATUS_COLORS[row.status] for row in reversed(rows)]
    bars = ax.barh(names, values, color=colors)
    for bar, row in zip(bars, reversed(rows), strict=True):
        ax.annotate(
            format_percent(row.percent_of_target or 0),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
        )
    ax.set_xlim(0, max([*values, 100.0]) * 1.15)
    ax.axvline(100, color="#424242", linewidth=1, linestyle="--")
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=STATUS_COLORS[s], label=s.label_vi) for s in shown],
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),  # above the bars, never over them
        ncols=len(shown),
        fontsize=8,
        frameon=False,
    )
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


# The last report's PNG charts: render() is called once per format, and DOCX, HTML and PDF
# carry the same two images. Reports are frozen, so the same object has the same charts; a
# weak reference lets the report go, and one slot is enough (one report at a time).
_last: tuple[weakref.ref[Report], list[tuple[str, bytes]]] | None = None


def report_charts(report: Report) -> list[tuple[str, bytes]]:
    """`all_charts(report)` as PNG, drawn once for the same report object."""
    global _last
    last = _last
    if last is not None and last[0]() is report:
        return last[1]
    charts = all_charts(report)
    _last = (weakref.ref(report), charts)
    return charts
