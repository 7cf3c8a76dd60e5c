"""Vietnamese number display in templates, through chitieu.numbers (one formatter)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.safestring import SafeString, mark_safe

from chitieu.numbers import format_number, format_percent

register = template.Library()


@register.filter
def vn_number(value: Decimal | int | float | None) -> str:
    if value is None or value == "":
        return ""
    return format_number(Decimal(value).normalize() if isinstance(value, Decimal) else value, 3)


@register.filter
def vn_percent(value: Decimal | int | float | None) -> str:
    if value is None or value == "":
        return ""
    return format_percent(value, 2)


@register.filter
def vn_signed_percent(value: Decimal | int | float | None) -> str:
    if value is None or value == "":
        return ""
    text = format_percent(value, 2)
    return text if text.startswith("-") else "+" + text


@register.simple_tag
def sparkline(points: tuple[tuple[str, float], ...], target: object = None) -> SafeString:
    """A tiny inline SVG trend with the target as a dashed line; no JavaScript, no CDN."""
    target = float(target) if isinstance(target, Decimal | int | float) else None  # type: ignore[arg-type]
    values = [v for _, v in points]
    if not values:
        return mark_safe("")
    lo = min([*values, target] if target is not None else values)
    hi = max([*values, target] if target is not None else values)
    span = (hi - lo) or 1.0
    w, h, pad = 80.0, 22.0, 2.0

    def y(v: float) -> float:
        return h - pad - (v - lo) / span * (h - 2 * pad)

    step = (w - 2 * pad) / max(len(values) - 1, 1)
    coords = " ".join(f"{pad + i * step:.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts = [f'<svg class="spark" viewBox="0 0 {w:.0f} {h:.0f}" width="80" height="22" role="img">']
    if target is not None:
        ty = y(target)
        parts.append(
            f'<line x1="0" x2="{w:.0f}" y1="{ty:.1f}" y2="{ty:.1f}" class="spark-target"/>'
        )
    if len(values) == 1:
        parts.append(f'<circle cx="{pad:.1f}" cy="{y(values[0]):.1f}" r="2" class="spark-dot"/>')
    else:
        parts.append(f'<polyline points="{coords}" class="spark-line"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


@register.simple_tag
def target_text(row: object) -> str:
    """ "từ 9.484 tỷ đồng trở lên", in the core's words (chitieu.evaluate.wording)."""
    from chitieu.evaluate.wording import describe_target
    from chitieu.web.domain import target_to_domain

    target = target_to_domain(row)  # type: ignore[arg-type]
    if target.is_qualitative:
        return "định tính"
    return describe_target(target)


@register.filter
def get_item(mapping: dict[str, str], key: str) -> str:
    return mapping.get(key, key)


@register.simple_tag
def trend_chart(points: list[tuple[str, float, str]], target: object = None) -> SafeString:
    """A labelled SVG line chart of a target's approved figures by period, with the target as
    a dashed line. `points` are (period label, value, value as displayed). No JavaScript."""
    from django.utils.html import escape

    if not points:
        return mark_safe("")
    goal = float(target) if isinstance(target, Decimal | int | float) else None  # type: ignore[arg-type]
    values = [v for _, v, _ in points]
    lo = min([*values, goal] if goal is not None else values)
    hi = max([*values, goal] if goal is not None else values)
    span = (hi - lo) or abs(hi) or 1.0
    lo, hi = lo - span * 0.15, hi + span * 0.15
    w, h, left, right, top, bottom = 560.0, 200.0, 12.0, 12.0, 18.0, 30.0

    def x(i: int) -> float:
        if len(points) == 1:
            return (w - left - right) / 2 + left
        return left + i * (w - left - right) / (len(points) - 1)

    def y(v: float) -> float:
        return top + (hi - v) / (hi - lo) * (h - top - bottom)

    parts = [
        f'<svg class="chart" viewBox="0 0 {w:.0f} {h:.0f}" role="img" aria-label="Biểu đồ kết quả">'
    ]
    if goal is not None:
        parts.append(
            f'<line x1="{left}" x2="{w - right}" y1="{y(goal):.1f}" y2="{y(goal):.1f}" class="spark-target"/>'
        )
        parts.append(
            f'<text x="{w - right}" y="{y(goal) - 4:.1f}" text-anchor="end" class="chart-goal">chỉ tiêu</text>'
        )
    if len(points) > 1:
        coords = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v, _) in enumerate(points))
        parts.append(f'<polyline points="{coords}" class="spark-line"/>')
    for i, (label, v, shown) in enumerate(points):
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" class="spark-dot"/>')
        parts.append(
            f'<text x="{x(i):.1f}" y="{y(v) - 8:.1f}" text-anchor="middle">{escape(shown)}</text>'
        )
        parts.append(
            f'<text x="{x(i):.1f}" y="{h - 10:.1f}" text-anchor="middle" class="chart-axis">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


@register.simple_tag
def value_with_unit(
    value: Decimal | None, unit: str | None, fallback_unit: str | None = None
) -> str:
    """ "9.484 tỷ đồng", "0,6%": the core's wording (no space before a percent sign)."""
    from chitieu.evaluate.wording import with_unit

    if value is None:
        return ""
    return with_unit(
        value.normalize() if isinstance(value, Decimal) else Decimal(value), unit or fallback_unit
    )
