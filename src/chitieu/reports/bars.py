"""Bar charts drawn straight with Pillow: the PNG charts of the report, without matplotlib.

Our two charts are plain bars with labels, and matplotlib cost most of a one-shot report's
time (about 0.5 s to import, 0.6 s to lay out 60 annotated bars); Pillow is already there (it
reads the PNGs in python-docx and WeasyPrint) and draws the same in a few tens of ms.
Sizes follow charts.py: inches at DPI pixels per inch, text sizes in points.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# Fonts that carry the Vietnamese letters (fonts-liberation2, then fonts-dejavu-core).
FONT_FILES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
INK = (0x21, 0x21, 0x21)
GRID = (0x42, 0x42, 0x42)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: str
    text: str  # the figure written at the end of the bar


@cache
def _font(points: float, dpi: int) -> Any:
    from PIL import ImageFont

    size = max(1, round(points * dpi / 72))
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def nice_ticks(top: float, count: int = 6) -> list[float]:
    """Round tick values 0, step, 2·step… up to `top` (step 1, 2, 2.5 or 5 × 10^k)."""
    if top <= 0:
        return [0.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [i * step for i in range(int(top / step + 1e-9) + 1)]


def _text_size(draw: Any, text: str, font: Any) -> tuple[int, int]:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    return right - left, bottom - top


def _png(image: Any, dpi: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi), compress_level=6)
    return buffer.getvalue()


def column_chart(
    bars: Sequence[Bar],
    *,
    size: tuple[float, float],
    dpi: int,
    axis_label: str,
    tick_text: Callable[[float], str],
    integer: bool = False,
) -> bytes:
    """Vertical bars, one per category, the figure above each bar; y axis on the left."""
    from PIL import Image, ImageDraw

    width, height = round(size[0] * dpi), round(size[1] * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    tick_font, label_font, value_font = _font(9, dpi), _font(10, dpi), _font(10, dpi)
    top_value = max([*(b.value for b in bars), 1.0]) * 1.2
    ticks = [t for t in nice_ticks(top_value, 5) if not integer or t == int(t)]
    tick_width = max(_text_size(draw, tick_text(t), tick_font)[0] for t in ticks)
    line_height = _text_size(draw, "Ấg", label_font)[1]
    left = tick_width + line_height + round(0.25 * dpi)
    bottom = height - line_height - round(0.2 * dpi)
    top, right = round(0.1 * dpi), width - round(0.1 * dpi)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / top_value

    # The axis title, turned a quarter left like any y axis.
    title_w, title_h = _text_size(draw, axis_label, label_font)
    title = Image.new("RGB", (title_w + 4, title_h + 8), "white")
    ImageDraw.Draw(title).text((2, 0), axis_label, fill=INK, font=label_font)
    title = title.rotate(90, expand=True)
    image.paste(title, (round(0.05 * dpi), round((top + bottom - title.height) / 2)))
    for t in ticks:
        y = y_of(t)
        draw.line([(left - 5, y), (left, y)], fill=INK, width=1)
        draw.text((left - 8, y), tick_text(t), fill=INK, font=tick_font, anchor="rm")
    slot = (right - left) / max(len(bars), 1)
    for i, bar in enumerate(bars):
        x0 = left + slot * (i + 0.1)
        x1 = left + slot * (i + 0.9)
        y = y_of(bar.value)
        if bar.value > 0:
            draw.rectangle([x0, y, x1, bottom], fill=_rgb(bar.color))
        draw.text(((x0 + x1) / 2, y - 3), bar.text, fill=INK, font=value_font, anchor="md")
        draw.text(((x0 + x1) / 2, bottom + 6), bar.label, fill=INK, font=label_font, anchor="ma")
    draw.line([(left, top), (left, bottom), (right, bottom)], fill=INK, width=1)
    return _png(image, dpi)


def row_chart(
    bars: Sequence[Bar],
    *,
    width_in: float,
    dpi: int,
    axis_label: str,
    tick_text: Callable[[float], str],
    reference: float,
    legend: Sequence[tuple[str, str]],
) -> bytes:
    """Horizontal bars, first bar on top, names on the left, the figure after each bar, a dashed
    line at `reference` and the legend (label, colour) above the bars."""
    from PIL import Image, ImageDraw

    height_in = max(2.0, 0.28 * len(bars) + 1.0)
    width, height = round(width_in * dpi), round(height_in * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    name_font, value_font, tick_font = _font(8, dpi), _font(7, dpi), _font(9, dpi)
    label_font, legend_font = _font(10, dpi), _font(8, dpi)
    top_value = max([*(b.value for b in bars), reference]) * 1.15
    names_width = max([0, *(_text_size(draw, b.label, name_font)[0] for b in bars)])
    line_height = _text_size(draw, "Ấg", label_font)[1]
    ticks = nice_ticks(top_value)
    left = names_width + round(0.12 * dpi)
    # Room for half the last tick's label past the axis end.
    right = width - round(0.05 * dpi) - _text_size(draw, tick_text(ticks[-1]), tick_font)[0] // 2
    legend_height = _text_size(draw, "Ấg", legend_font)[1] + round(0.15 * dpi)
    top = legend_height + round(0.05 * dpi)
    bottom = height - 2 * line_height - round(0.25 * dpi)

    def x_of(value: float) -> float:
        return left + (right - left) * value / top_value

    slot = (bottom - top) / max(len(bars), 1)
    for i, bar in enumerate(bars):
        y0, y1 = top + slot * (i + 0.1), top + slot * (i + 0.9)
        middle = (y0 + y1) / 2
        x = x_of(bar.value)
        if bar.value > 0:
            draw.rectangle([left, y0, x, y1], fill=_rgb(bar.color))
        draw.text((x + 4, middle), bar.text, fill=INK, font=value_font, anchor="lm")
        draw.text((left - 6, middle), bar.label, fill=INK, font=name_font, anchor="rm")
    for t in ticks:
        x = x_of(t)
        draw.line([(x, bottom), (x, bottom + 5)], fill=INK, width=1)
        draw.text((x, bottom + 7), tick_text(t), fill=INK, font=tick_font, anchor="ma")
    x_ref = x_of(reference)
    dash = round(0.04 * dpi)
    for y in range(top, bottom, 2 * dash):
        draw.line([(x_ref, y), (x_ref, min(y + dash, bottom))], fill=GRID, width=2)
    draw.line([(left, top), (left, bottom), (right, bottom)], fill=INK, width=1)
    draw.text(
        ((left + right) / 2, height - round(0.08 * dpi)),
        axis_label,
        fill=INK,
        font=label_font,
        anchor="md",
    )
    # The legend: one swatch and label per status, centred above the bars.
    swatch = round(0.12 * dpi)
    gap = round(0.15 * dpi)
    widths = [swatch + 6 + _text_size(draw, label, legend_font)[0] for label, _ in legend]
    x = (left + right - sum(widths) - gap * max(len(widths) - 1, 0)) / 2
    y = round(0.08 * dpi)
    for (label, color), w in zip(legend, widths, strict=True):
        draw.rectangle([x, y, x + swatch, y + swatch], fill=_rgb(color))
        draw.text((x + swatch + 6, y + swatch / 2), label, fill=INK, font=legend_font, anchor="lm")
        x += w + gap
    return _png(image, dpi)
