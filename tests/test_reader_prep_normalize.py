"""The folded twin of a text (normalize.fold): lower case, new tone placement, same length."""

from __future__ import annotations

from chitieu.text.normalize import fold


def test_fold_moves_the_tone_of_oa_oe_uy_to_the_first_vowel() -> None:
    assert fold("Hoà Bình") == "hòa bình"
    assert fold("KHOẺ MẠNH") == "khỏe mạnh"
    assert fold("thuỷ lợi") == "thủy lợi"
    for old, new in (("oà", "òa"), ("oạ", "ọa"), ("oé", "óe"), ("uỹ", "ũy"), ("uỵ", "ụy")):
        assert fold(f"x{old}y") == f"x{new}y"


def test_fold_leaves_other_vowel_pairs_and_new_placements_alone() -> None:
    # Not one of the three pairs (uà, oỳ), or the tone is already on the first vowel.
    for text in ("thuà", "oỳ", "hòa", "thủy", "uo", "quả", "quốc"):
        assert fold(text) == text.lower()
    assert fold("uoà") == "uòa"  # the pair starts at the "o"


def test_fold_keeps_the_length_so_spans_hold() -> None:
    text = "Tổng thu NSNN ước đạt 9.484 tỷ đồng, khoẻ, hoà, thuỷ"
    assert len(fold(text)) == len(text)
