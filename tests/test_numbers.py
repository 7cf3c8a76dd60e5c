"""Vietnamese numbers: "9.484" is nine thousand, "640,706" a fraction; nothing is guessed."""

from __future__ import annotations

import random
from decimal import Decimal, localcontext

import pytest
from babel.numbers import format_decimal

from chitieu.numbers import (
    NumberFormatError,
    format_number,
    format_percent,
    parse_number,
    quantize,
    to_decimal,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.484", "9484"),
        ("640,706", "640.706"),
        ("1.234,5", "1234.5"),
        ("02", "2"),
        ("12.345.678", "12345678"),
        ("1 234 567,89", "1234567.89"),
        ("9\u00a0484", "9484"),
        ("-3,4", "-3.4"),
        ("\u22122", "-2"),
        ("+5", "5"),
        (" 0,63 ", "0.63"),
        ("7.5", "7.5"),  # a decimal point with 1-2 digits cannot be a thousands group
        ("1.2345", "1.2345"),
    ],
)
def test_it_parses_numbers_written_the_vietnamese_way(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    ["12,3,4", "1.23.4", "1,2.3", "1..2", "1.234.56", "", "-", "abc", "1e5", "\u0661\u0662"],
)
def test_it_rejects_what_is_not_a_vietnamese_number_and_quotes_it(text: str) -> None:
    with pytest.raises(NumberFormatError) as error:
        parse_number(text)
    assert repr(text) in str(error.value)


def test_a_three_digit_tail_after_a_point_is_a_thousands_group() -> None:
    assert parse_number("1.234") == 1234
    assert parse_number("1.234") != Decimal("1.234")


def test_to_decimal_keeps_cell_values_exact_and_reads_text_vietnamese_style() -> None:
    assert to_decimal(126.82) == Decimal("126.82")  # not 126.8199999…
    assert to_decimal(9484) == Decimal(9484)
    assert to_decimal(Decimal("0.63")) == Decimal("0.63")
    assert to_decimal("9.484") == Decimal(9484)
    for bad in (True, None, [1]):
        with pytest.raises(NumberFormatError):
            to_decimal(bad)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (9484, None, "9.484"),
        (Decimal("640.706"), None, "640,706"),
        (1234.5, None, "1.234,5"),
        (-1234.5, None, "-1.234,5"),
        (Decimal("2.50"), None, "2,5"),
        (0, None, "0"),
        (1234567, None, "1.234.567"),
        (Decimal("1.005"), 2, "1,01"),  # half-up, not banker's rounding
        (Decimal("1.004"), 2, "1"),
        (Decimal("1E+40"), None, "10" + ".000" * 13),
    ],
)
def test_it_formats_numbers_the_vietnamese_way(
    value: Decimal | int | float, places: int | None, expected: str
) -> None:
    assert format_number(value, places) == expected


def test_it_formats_percentages_with_a_decimal_comma() -> None:
    assert format_percent(126.82) == "126,82%"
    assert format_percent(Decimal("99.125")) == "99,13%"
    assert format_percent(100) == "100%"
    assert format_percent(Decimal("0.5"), places=0) == "1%"


def test_quantize_rounds_half_up_even_for_large_values() -> None:
    assert quantize(Decimal("2.345"), 2) == Decimal("2.35")
    assert quantize(Decimal("-2.345"), 2) == Decimal("-2.35")
    assert quantize(Decimal("1E+30") + Decimal("0.005"), 2) == Decimal("1E+30") + Decimal("0.01")


def _babel_vi(value: Decimal, places: int | None) -> str:
    """The reference: Babel's `vi` locale with a pattern of as many optional decimals."""
    d = quantize(value, places) if places is not None else value
    exponent = d.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    with localcontext(prec=80):
        return str(format_decimal(d, format=pattern, locale="vi"))


def test_it_formats_exactly_as_babels_vietnamese_locale() -> None:
    rng = random.Random(7)
    values = [
        Decimal(rng.randint(-(10**12), 10**12)).scaleb(-rng.randint(-3, 8)) for _ in range(3000)
    ]
    for value in values:
        for places in (None, 0, 2):
            if quantize(value, places if places is not None else 8).is_zero():
                continue  # Babel writes "-0"; we write "0"
            assert format_number(value, places) == _babel_vi(value, places), (value, places)


def test_zero_has_no_sign_and_infinity_is_refused() -> None:
    assert format_number(Decimal("-0")) == "0"
    assert format_number(Decimal("-0.001"), 2) == "0"
    assert format_percent(Decimal("-0.001")) == "0%"
    with pytest.raises(NumberFormatError):
        format_number(Decimal("Infinity"))
