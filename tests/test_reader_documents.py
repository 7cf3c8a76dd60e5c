"""read_document and `chitieu extract`: file types, stdin, errors with a Vietnamese message."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from chitieu.cli import main
from chitieu.text import DocumentError, read_document

PASSAGE = "Phấn đấu năm 2027 tổng thu ngân sách 186 tỷ đồng; tỷ lệ hộ nghèo dưới 1,5%."


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with an ASCII text layer (enough to test that the layer is read)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF".encode()
    )
    return out.getvalue()


def test_it_reads_utf8_text_files(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(PASSAGE, encoding="utf-8")
    assert read_document(p) == PASSAGE


def test_it_reads_html_without_scripts_styles_and_navigation(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><style>p{}</style><script>var x = 99;</script></head><body>"
        "<nav>Trang chủ | Tin tức 2027</nav><p>Phấn đấu thu ngân sách&nbsp;186 tỷ đồng.</p>"
        "<footer>Điện thoại 0272 3841981</footer></body></html>",
        encoding="utf-8",
    )
    text = read_document(p)
    assert "186" in text and "var x" not in text and "Trang chủ" not in text
    assert "3841981" not in text


def test_it_reads_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Các chỉ tiêu chủ yếu năm 2027:")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tỷ lệ che phủ rừng"
    table.rows[0].cells[1].text = "45%"
    p = tmp_path / "a.docx"
    d.save(str(p))
    text = read_document(p)
    assert "Các chỉ tiêu chủ yếu năm 2027:" in text
    # A table row is a line of tab-separated cells (the table reader's input).
    assert "Tỷ lệ che phủ rừng\t45%" in text.splitlines()


def test_it_reads_the_text_layer_of_a_pdf(tmp_path: Path) -> None:
    p = tmp_path / "a.pdf"
    p.write_bytes(_minimal_pdf("Thu ngan sach 186 ty dong"))
    assert "186" in read_document(p)


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("a.xyz", b"x", "không hỗ trợ định dạng"),
        ("a.docx", b"not a zip", ".docx bị hỏng"),
        ("a.pdf", b"%PDF-1.4 garbage", ".pdf"),
    ],
)
def test_bad_files_raise_a_typed_error_naming_the_file(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        read_document(p)
    assert str(p) in err.value.message and why in err.value.message


def test_a_missing_file_raises_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="không tồn tại"):
        read_document(tmp_path / "none.txt")


def test_the_command_prints_the_contract_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.txt"
    p.write_text(PASSAGE, encoding="utf-8")
    assert main(["extract", str(p), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [t["value"] for t in out["targets"]] == [186, 1.5]
    assert out["targets"][1]["comparator"] == "<="


def test_the_command_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSAGE))
    assert main(["extract", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["targets"]


def test_the_default_table_uses_vietnamese_headers_and_number_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Phấn đấu tổng chi ngân sách 9.484,5 tỷ đồng.", encoding="utf-8")
    assert main(["extract", str(p)]) == 0
    out = capsys.readouterr().out
    assert "CHỈ TIÊU ĐỀ RA (1)" in out and "9.484,5" in out and "Đơn vị" in out


def test_explain_shows_matches_and_skips_with_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Ngày 19-4-2027, phấn đấu thu ngân sách 186 tỷ đồng.", encoding="utf-8")
    assert main(["extract", str(p), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "target.level" in out and "trap." in out and "Ngày 19-4-2027" in out


def test_the_command_exits_2_with_a_message_on_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.docx"
    p.write_bytes(b"broken")
    assert main(["extract", str(p)]) == 2
    err = capsys.readouterr().err
    assert "Không đọc được tệp" in err and str(p) in err
