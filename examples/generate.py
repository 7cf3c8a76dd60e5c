"""Writes the example files of this folder: the same targets and results as CSV, XLSX and JSON.

Run `.venv/bin/python examples/generate.py` after changing the data below; the tests check that
the three formats give the same evaluation. The targets are the Cai Lậy 2024 targets as
published; every result figure is INVENTED for illustration (see README.md).
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

TARGET_HEADERS = [
    "STT",
    "Mã",
    "Chỉ tiêu",
    "Lĩnh vực",
    "Loại",
    "So sánh",
    "Giá trị",
    "ĐVT",
    "Hướng",
    "Gốc so sánh",
    "Kỳ",
]
TARGET_KEYS = [
    "order",
    "code",
    "name",
    "field",
    "kind",
    "comparator",
    "value",
    "unit",
    "direction",
    "basis",
    "period",
]
KT, VH, QP, XD = "Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng Đảng"
HS = "Tỷ lệ huy động học sinh so với dân số trong độ tuổi: "
TARGETS: list[list[object]] = [
    [1, "KT01", "Tổng giá trị sản xuất (giá so sánh 2010)", KT, "mức", ">=", "9.484", "tỷ đồng", "", "", "2024"],
    [2, "KT02", "Tổng thu ngân sách địa phương", KT, "mức", ">=", "186", "tỷ đồng", "", "", "2024"],
    [3, "KT03", "Tổng chi ngân sách", KT, "mức", ">=", "640,706", "tỷ đồng", "", "", "2024"],
    [4, "KT04", "Xã đạt chuẩn nông thôn mới nâng cao", KT, "mức", ">=", "2", "xã", "", "", "2024"],
    [5, "KT05", "Xã nông thôn mới kiểu mẫu", KT, "mức", ">=", "1", "xã", "", "", "2024"],
    [6, "VH01", "Trường đạt chuẩn quốc gia", VH, "mức", ">=", "3", "trường", "", "", "2024"],
    [7, "VH02", HS + "nhà trẻ", VH, "mức", ">=", "28,5", "%", "", "", "2024"],
    [8, "VH03", HS + "mẫu giáo (3 - 5 tuổi)", VH, "mức", ">=", "90,5", "%", "", "", "2024"],
    [9, "VH04", HS + "mẫu giáo 5 tuổi", VH, "mức", ">=", "100", "%", "", "", "2024"],
    [10, "VH05", HS + "tiểu học", VH, "mức", ">=", "100", "%", "", "", "2024"],
    [11, "VH06", HS + "trung học cơ sở", VH, "mức", ">=", "99,6", "%", "", "", "2024"],
    [12, "VH07", "Giải quyết việc làm", VH, "mức", ">=", "870", "lao động", "", "", "2024"],
    [13, "VH08", "Tạo việc làm mới", VH, "mức", ">=", "360", "lao động", "", "", "2024"],
    [14, "VH09", "Xuất khẩu lao động", VH, "mức", ">=", "28", "lao động", "", "", "2024"],
    [15, "VH10", "Dạy nghề", VH, "mức", ">=", "120", "lao động", "", "", "2024"],
    [16, "VH11", "Tỷ lệ hộ nghèo", VH, "mức", "<=", "0,63", "%", "thấp hơn là tốt", "", "2024"],
    [17, "VH12", "Hộ thoát nghèo", VH, "mức", ">=", "20", "hộ", "", "", "2024"],
    [18, "VH13", "Tỷ lệ người dân tham gia bảo hiểm y tế", VH, "mức", ">=", "97,5", "%", "", "", "2024"],
    [19, "QP01", "Kiềm giảm số vụ tội phạm về trật tự xã hội", QP, "tăng giảm", "<=", "-5", "%", "thấp hơn là tốt", "năm 2023", "2024"],
    [20, "QP02", "Công tác tuyển quân đạt chỉ tiêu, đảm bảo chất lượng, đúng quy định", QP, "", "", "", "", "", "", "2024"],
    [21, "XD01", "Kết nạp đảng viên mới", XD, "mức", ">=", "60", "đảng viên", "", "", "2024"],
    [22, "XD02", "Đảng viên hoàn thành nhiệm vụ trở lên", XD, "mức", ">=", "98", "%", "", "", "2024"],
    [23, "XD03", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", XD, "mức", ">=", "90", "%", "", "", "2024"],
    [24, "XD04", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", XD, "mức", ">=", "85", "%", "", "", "2024"],
]  # fmt: skip

RESULT_HEADERS = [
    "Mã",
    "Chỉ tiêu",
    "Kỳ",
    "Thực hiện",
    "ĐVT",
    "Ước tính",
    "% so với NQ",
    "Đánh giá",
    "Nguồn",
]
RESULT_KEYS = [
    "code",
    "name",
    "period",
    "value",
    "unit",
    "estimated",
    "percent_of_target",
    "status",
    "source",
]
# ILLUSTRATIVE figures, not published results. VH13 has no row on purpose (not reported yet).
RESULTS: list[list[object]] = [
    ["KT01", "Tổng giá trị sản xuất", "2024", "9.350", "tỷ đồng", "x", "", "", "Phòng Kinh tế"],
    ["KT02", "Tổng thu ngân sách địa phương", "2023", "175", "tỷ đồng", "", "", "", "Phòng Tài chính – Kế hoạch"],
    ["KT02", "Tổng thu ngân sách địa phương", "2024", "201,5", "tỷ đồng", "", "", "", "Phòng Tài chính – Kế hoạch"],
    ["KT03", "Tổng chi ngân sách", "2024", "652,3", "tỷ đồng", "", "", "", "Phòng Tài chính – Kế hoạch"],
    ["KT04", "Xã đạt chuẩn nông thôn mới nâng cao", "2024", "2", "xã", "", "", "", "Phòng Kinh tế"],
    ["KT05", "Xã nông thôn mới kiểu mẫu", "2024", "0", "xã", "", "", "", "Phòng Kinh tế"],
    ["VH01", "Trường đạt chuẩn quốc gia", "2024", "3", "trường", "", "", "", "Phòng Giáo dục"],
    ["VH02", "Huy động nhà trẻ", "2024", "29,1", "%", "", "", "", "Phòng Giáo dục"],
    ["VH03", "Huy động mẫu giáo", "2024", "91", "%", "", "", "", "Phòng Giáo dục"],
    ["VH04", "Huy động mẫu giáo 5 tuổi", "2024", "100", "%", "", "", "", "Phòng Giáo dục"],
    ["VH05", "Huy động tiểu học", "2024", "100", "%", "", "", "", "Phòng Giáo dục"],
    ["VH06", "Huy động trung học cơ sở", "2024", "99,4", "%", "", "", "", "Phòng Giáo dục"],
    ["VH07", "Giải quyết việc làm", "2024", "905", "lao động", "", "", "", "Phòng Lao động"],
    ["VH08", "Tạo việc làm mới", "2024", "360", "lao động", "", "", "", "Phòng Lao động"],
    ["VH09", "Xuất khẩu lao động", "2024", "31", "lao động", "", "", "", "Phòng Lao động"],
    ["VH10", "Dạy nghề", "2024", "", "", "", "104,17", "", "Phòng Lao động"],
    ["VH11", "Tỷ lệ hộ nghèo", "2024", "0,58", "%", "x", "", "", "Phòng Lao động"],
    ["VH12", "Hộ thoát nghèo", "2024", "22", "hộ", "", "", "", "Phòng Lao động"],
    ["QP01", "Số vụ tội phạm về trật tự xã hội", "2023", "120", "vụ", "", "", "", "Công an thị xã"],
    ["QP01", "Số vụ tội phạm về trật tự xã hội", "2024", "112", "vụ", "", "", "", "Công an thị xã"],
    ["QP02", "Công tác tuyển quân", "2024", "", "", "", "", "Đạt", "Ban Chỉ huy Quân sự"],
    ["XD01", "Kết nạp đảng viên mới", "2024", "64", "đảng viên", "x", "", "", "Ban Tổ chức"],
    ["XD02", "Đảng viên hoàn thành nhiệm vụ trở lên", "2024", "98,2", "%", "", "", "", "Ban Tổ chức"],
    ["XD03", "Đảng viên hoàn thành tốt nhiệm vụ trở lên", "2024", "89,5", "%", "", "", "", "Ban Tổ chức"],
    ["XD04", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "2024", "86", "%", "", "", "", "Ban Tổ chức"],
]  # fmt: skip


def vn_number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def write_csv(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    # The way Excel in a Vietnamese locale saves "CSV UTF-8": BOM, ";" and decimal commas.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)


def write_xlsx(
    path: Path, title: str, headers: list[str], rows: list[list[object]], numeric: set[str]
) -> None:
    # A title line above the header, as in real office files; numbers as real numeric cells.
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(
            [
                (
                    float(vn_number(v))
                    if h in numeric and isinstance(v, str) and v
                    else (v if v != "" else None)
                )
                for h, v in zip(headers, row, strict=True)
            ]
        )
    workbook.save(path)


def write_json(
    path: Path, keys: list[str], rows: list[list[object]], numeric: set[str], flags: set[str]
) -> None:
    items = []
    for row in rows:
        item: dict[str, object] = {}
        for key, value in zip(keys, row, strict=True):
            if value == "":
                continue
            if key in numeric and isinstance(value, str):
                number = vn_number(value)
                item[key] = int(number) if number == number.to_integral_value() else float(number)
            elif key in flags:
                item[key] = value == "x"
            else:
                item[key] = value
        items.append(item)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    write_csv(HERE / "cai-lay-2024-targets.csv", TARGET_HEADERS, TARGETS)
    write_csv(HERE / "cai-lay-2024-results.csv", RESULT_HEADERS, RESULTS)
    write_xlsx(HERE / "cai-lay-2024-targets.xlsx", "CHỈ TIÊU NGHỊ QUYẾT NĂM 2024 – THỊ XÃ CAI LẬY",
               TARGET_HEADERS, TARGETS, {"Giá trị"})  # fmt: skip
    write_xlsx(HERE / "cai-lay-2024-results.xlsx", "KẾT QUẢ THỰC HIỆN (SỐ LIỆU MINH HỌA)",
               RESULT_HEADERS, RESULTS, {"Thực hiện", "% so với NQ"})  # fmt: skip
    write_json(HERE / "cai-lay-2024-targets.json", TARGET_KEYS, TARGETS, {"value"}, set())
    write_json(
        HERE / "cai-lay-2024-results.json",
        RESULT_KEYS,
        RESULTS,
        {"value", "percent_of_target"},
        {"estimated"},
    )


if __name__ == "__main__":
    main()
