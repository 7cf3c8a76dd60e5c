"""The PDF report: text extracted with pypdf, fonts read from the file, pages rendered to PNG
with pdftoppm (poppler-utils) and checked for ink."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from chitieu.reports.demo import demo_report
from chitieu.reports.render import render

REPORT = demo_report()
# Fonts known to carry the Vietnamese letters (fonts-liberation2, fonts-dejavu-core).
VIETNAMESE_FONTS = ("LiberationSerif", "Liberation-Serif", "DejaVu")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "bao-cao.pdf"
    path.write_bytes(render(REPORT, "pdf"))
    return path


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_text_extracts_with_its_vietnamese_letters(pdf: Path) -> None:
    reader = PdfReader(pdf)
    text = flat(" ".join(page.extract_text() or "" for page in reader.pages))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Kết quả thực hiện các chỉ tiêu Nghị quyết năm 2023" in text
    assert flat(REPORT.opening) in text
    assert "đạt 126,82% chỉ tiêu Nghị quyết, tăng 30,43% so với năm 2022" in text
    assert "ước thực hiện 8.922 tỷ đồng" in text
    assert "còn thiếu 78 tỷ đồng" in text
    assert "PHỤ LỤC" in text


def test_every_font_is_embedded_and_carries_vietnamese(pdf: Path) -> None:
    reader = PdfReader(pdf)
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[name] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert all(name.startswith(VIETNAMESE_FONTS) for name in fonts), fonts
    assert "Liberation-Serif" in fonts  # Times New Roman's metric twin carries the text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_every_page_renders_with_ink(pdf: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(pdf).pages) >= 3
    for page in pages:
        image = Image.open(io.BytesIO(page.read_bytes())).convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 500, f"{page.name} looks blank"
        assert image.size[0] < image.size[1]  # portrait A4


def test_the_embedded_body_font_has_every_letter_of_the_text(pdf: Path) -> None:
    # The subset WeasyPrint embeds keeps a cmap: every letter of the opening sentence (ệ, ạ,
    # ư, đ…) must map to a glyph of the regular body font, not to a fallback box.
    reader = PdfReader(pdf)
    font = next(
        ref.get_object()
        for ref in reader.pages[0]["/Resources"]["/Font"].values()
        if str(ref.get_object()["/BaseFont"]).endswith("+Liberation-Serif")
    )
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    data = descriptor["/FontFile2"].get_object().get_data()
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    letters = {ch for ch in REPORT.opening + REPORT.lead if ch.isalpha()}
    assert {"ệ", "ạ", "đ", "ư", "ả"} <= letters
    assert {ch for ch in letters if ord(ch) not in cmap} == set()


def test_pages_are_numbered_at_the_top_from_the_second_page(pdf: Path) -> None:
    pages = PdfReader(pdf).pages
    first = (pages[0].extract_text() or "").splitlines()
    second = (pages[1].extract_text() or "").splitlines()
    assert "1" not in [line.strip() for line in first]
    assert "2" in [line.strip() for line in second]  # pypdf lists margin boxes last
