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
