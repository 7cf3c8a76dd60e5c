"""Hostile text, generated: the number parser and the reader never fail in an undocumented
way and stay fast, whatever they are given.

parse_number may only raise NumberFormatError; extract() may raise nothing at all."""

from __future__ import annotations

import contextlib
import time
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.numbers import NumberFormatError, format_number, format_percent, parse_number
from chitieu.text import extract

# Pieces of real resolution text, so that generated input reaches the reader's deeper rules
# instead of being rejected at the first token.
PIECES = [
    "Tổng thu ngân sách",
    "đạt",
    "vượt",
    "tăng",
    "giảm",
    "trên",
    "dưới",
    "trở lên",
    "không quá",
    "khoảng",
    "từ",
    "đến",
    "chỉ tiêu",
    "so với cùng kỳ",
    "kế hoạch",
    "nghị quyết",
    "năm 2024",
    "nhiệm kỳ 2020-2025",
    "%",
    "tỷ đồng",
    "triệu đồng/người/năm",
    "hộ",
    "xã",
    "ước",
    "bình quân",
    "tỷ lệ hộ nghèo",
    "- ",
    "/",
    ";",
    ":",
    ".",
    ",",
    "(",
    ")",
    "\n",
    "\t",
    "\u00a0",
    "\u2212",
    "–",
    "9.484",
    "640,706",
    "126,82",
    "1.234,5",
    "0.63",
    "12,3,4",
    "1.23.4",
    "9" * 60,
    "١٢",
    "１２",
    "\u0301",  # combining accent (NFD Vietnamese)
    "\ufeff",
    "\x00",
]

texty = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.one_of(st.sampled_from(PIECES), st.integers(-(10**12), 10**12).map(str)), max_size=80
    ).map(" ".join),
)


@given(st.text(max_size=200))
@settings(max_examples=500, deadline=None)
def test_parse_number_returns_a_decimal_or_raises_its_own_error(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberFormatError as exc:
        assert str(exc)  # a message the user can read
    else:
        assert isinstance(value, Decimal) and value.is_finite()


@given(st.lists(st.sampled_from(list("0123456789.,- +\u00a0\u2212–")), max_size=30).map("".join))
@settings(max_examples=1000, deadline=None)
def test_parse_number_on_digit_soup_is_typed_and_fast(text: str) -> None:
    start = time.perf_counter()
    with contextlib.suppress(NumberFormatError):
        parse_number(text)
    assert time.perf_counter() - start < 0.5  # generous: a loaded CI machine


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        lambda d: abs(d.adjusted()) < 60
    )
)
@settings(max_examples=500, deadline=None)
def test_a_formatted_number_parses_back_to_the_same_value(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(st.one_of(st.decimals(), st.floats(), st.integers()))
@settings(max_examples=300, deadline=None)
def test_format_number_refuses_only_non_finite_numbers(value: object) -> None:
    try:
        text = format_number(value)  # type: ignore[arg-type]
        format_percent(value)  # type: ignore[arg-type]
    except NumberFormatError:
        assert not Decimal(str(value)).is_finite()
    else:
        assert text and "e" not in text.lower()


@given(texty)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_reader_never_raises_and_answers_quickly(text: str) -> None:
    start = time.perf_counter()
    extraction = extract(text)
    data = extraction.to_dict()
    assert isinstance(data, dict)
    # Generous for a slow CI machine: inputs here are at most a few kilobytes.
    assert time.perf_counter() - start < 2.0
