"""The years that date a statement: "giai đoạn" and "nhiệm kỳ" open a period alike.

The tokens hold folded text, where "đoạn" reads "đọan": a comparison with the word as written
never matched, so the first year of "giai đoạn 2026 - 2030" was lost while "nhiệm kỳ 2025 -
2030" kept both.
"""

from __future__ import annotations

import pytest

from chitieu.text.modes import period_years
from chitieu.text.tokens import prepare


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Mục tiêu giai đoạn 2026 - 2030: tăng trưởng bình quân 8%/năm.", [2026, 2030]),
        ("Nhiệm kỳ 2025 - 2030, phấn đấu 10 xã đạt chuẩn nông thôn mới.", [2025, 2030]),
        ("Trong giai đoạn 2026, tỉnh phấn đấu thu ngân sách 1.000 tỷ đồng.", [2026]),
        ("Năm 2027, thu ngân sách đạt 1.200 tỷ đồng.", [2027]),
    ],
)
def test_a_period_word_dates_the_statement_with_each_of_its_years(
    text: str, years: list[int]
) -> None:
    doc = prepare(text)
    assert period_years(doc, 0, len(doc.tokens)) == years


def test_a_poverty_standard_of_a_term_dates_nothing() -> None:
    # "chuẩn nghèo giai đoạn 2022 - 2025" names the standard, not the statement's period.
    doc = prepare("Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2022 - 2025 còn 1,2%.")
    assert period_years(doc, 0, len(doc.tokens)) == []
