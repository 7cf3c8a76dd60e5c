"""Whole passages written for these tests (news of conferences, a resolution, a report),
with the output reviewed against EXTRACTION.md by hand. They guard the reader as a whole:
a change that breaks one shows the missed and extra items.
"""

from __future__ import annotations

from typing import Any

import pytest

from case_matching import describe, score_case
from chitieu.text import extract

PASSAGES: list[dict[str, Any]] = [
    {
        "id": "a",
        "text": "Huyện Châu Thành: Kinh tế - xã hội năm 2023 tiếp tục phát triển\n\nCập nhật lúc 15:20, 22/12/2023\n\nChiều 20/12, HĐND huyện Châu Thành khóa XII tổ chức kỳ họp thứ 9 (kỳ họp thường lệ cuối năm 2023). Theo báo cáo của UBND huyện, năm 2023, có 17/19 chỉ tiêu chủ yếu đạt và vượt kế hoạch, 2 chỉ tiêu không đạt.\n\nTổng giá trị sản xuất (theo giá so sánh 2010) ước đạt 12.456 tỷ đồng, tăng 7,8% so với năm 2022, đạt 101,2% kế hoạch. Thu ngân sách nhà nước trên địa bàn ước đạt 285,6 tỷ đồng, đạt 112,3% dự toán tỉnh giao. Thu nhập bình quân đầu người đạt 62,5 triệu đồng/người/năm. Tỷ lệ hộ nghèo giảm còn 1,35% (kế hoạch dưới 1,5%). Toàn huyện có thêm 2 xã đạt chuẩn nông thôn mới nâng cao, nâng tổng số lên 8/13 xã. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,1%, chưa đạt chỉ tiêu (93%).\n\nNăm 2024, huyện phấn đấu tổng giá trị sản xuất tăng 8-8,5%; thu ngân sách nhà nước trên địa bàn đạt 300 tỷ đồng trở lên; thu nhập bình quân đầu người đạt 68 triệu đồng; giảm tỷ lệ hộ nghèo còn dưới 1%; có thêm 2 xã đạt chuẩn nông thôn mới kiểu mẫu; tỷ lệ tham gia bảo hiểm y tế đạt trên 94%.\n\nKỳ họp đã thông qua 12 nghị quyết quan trọng.\n",
        "targets": [
            {
                "name": "tổng giá trị sản xuất",
                "kind": "change",
                "comparator": "range",
                "value": 8,
                "value_max": 8.5,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "thu ngân sách nhà nước",
                "kind": "level",
                "comparator": ">=",
                "value": 300,
                "value_max": None,
                "unit": "tỷ đồng",
                "basis": None,
            },
            {
                "name": "thu nhập bình quân đầu người",
                "kind": "level",
                "comparator": ">=",
                "value": 68,
                "value_max": None,
                "unit": "triệu đồng",
                "basis": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "kind": "level",
                "comparator": "<=",
                "value": 1,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "xã đạt chuẩn nông thôn mới kiểu mẫu",
                "kind": "level",
                "comparator": ">=",
                "value": 2,
                "value_max": None,
                "unit": "xã",
                "basis": None,
            },
            {
                "name": "tỷ lệ tham gia bảo hiểm y tế",
                "kind": "level",
                "comparator": ">=",
                "value": 94,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [
            {
                "name": "Tổng giá trị sản xuất (theo giá so sánh 2010)",
                "value": 12456,
                "unit": "tỷ đồng",
                "estimated": True,
                "percent_of_target": 101.2,
                "change_percent": 7.8,
                "status": None,
            },
            {
                "name": "Thu ngân sách nhà nước",
                "value": 285.6,
                "unit": "tỷ đồng",
                "estimated": True,
                "percent_of_target": 112.3,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Thu nhập bình quân đầu người",
                "value": 62.5,
                "unit": "triệu đồng/người/năm",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Tỷ lệ hộ nghèo",
                "value": 1.35,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "xã đạt chuẩn nông thôn mới nâng cao",
                "value": 2,
                "unit": "xã",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Tỷ lệ người dân tham gia bảo hiểm y tế",
                "value": 92.1,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": "not_achieved",
            },
        ],
        "summaries": [
            {"total": 19, "achieved": 17, "exceeded": None, "not_achieved": 2, "pending": None}
        ],
    },
    {
        "id": "b",
        "text": "NGHỊ QUYẾT\nVề nhiệm vụ phát triển kinh tế - xã hội năm 2025\n\nQUYẾT NGHỊ:\nĐiều 1. Mục tiêu, chỉ tiêu chủ yếu năm 2025\n1. Các chỉ tiêu kinh tế\n- Tốc độ tăng trưởng kinh tế (GRDP) từ 7,5% trở lên.\n- GRDP bình quân đầu người đạt 85 triệu đồng.\n- Tổng vốn đầu tư toàn xã hội khoảng 42.000 tỷ đồng.\n- Kim ngạch xuất khẩu đạt 3,2 tỷ USD, tăng 10% so với năm 2024.\n2. Các chỉ tiêu xã hội\n- Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều) giảm 1,2%.\n- Tỷ lệ lao động qua đào tạo đạt 70%; trong đó có văn bằng, chứng chỉ đạt 30%.\n- Giải quyết việc làm mới cho 25.000 lao động.\n- Số bác sĩ/vạn dân đạt 11 bác sĩ; số giường bệnh/vạn dân đạt 32 giường.\n3. Các chỉ tiêu môi trường\n- Tỷ lệ che phủ rừng duy trì ở mức 30,5%.\n- 100% chất thải rắn y tế được thu gom, xử lý đạt chuẩn.\n",
        "targets": [
            {
                "name": "Tốc độ tăng trưởng kinh tế (GRDP)",
                "kind": "level",
                "comparator": ">=",
                "value": 7.5,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "GRDP bình quân đầu người",
                "kind": "level",
                "comparator": ">=",
                "value": 85,
                "value_max": None,
                "unit": "triệu đồng",
                "basis": None,
            },
            {
                "name": "Tổng vốn đầu tư toàn xã hội",
                "kind": "level",
                "comparator": "~",
                "value": 42000,
                "value_max": None,
                "unit": "tỷ đồng",
                "basis": None,
            },
            {
                "name": "Kim ngạch xuất khẩu",
                "kind": "level",
                "comparator": ">=",
                "value": 3.2,
                "value_max": None,
                "unit": "tỷ USD",
                "basis": None,
            },
            {
                "name": "Kim ngạch xuất khẩu",
                "kind": "change",
                "comparator": ">=",
                "value": 10,
                "value_max": None,
                "unit": "%",
                "basis": "năm 2024",
            },
            {
                "name": "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)",
                "kind": "change",
                "comparator": "<=",
                "value": -1.2,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "Tỷ lệ lao động qua đào tạo",
                "kind": "level",
                "comparator": ">=",
                "value": 70,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "Tỷ lệ lao động qua đào tạo văn",
                "kind": "level",
                "comparator": ">=",
                "value": 30,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "Giải quyết việc làm mới",
                "kind": "level",
                "comparator": ">=",
                "value": 25000,
                "value_max": None,
                "unit": "lao động",
                "basis": None,
            },
            {
                "name": "Số bác sĩ/vạn dân",
                "kind": "level",
                "comparator": ">=",
                "value": 11,
                "value_max": None,
                "unit": "bác sĩ",
                "basis": None,
            },
            {
                "name": "số giường bệnh/vạn dân",
                "kind": "level",
                "comparator": ">=",
                "value": 32,
                "value_max": None,
                "unit": "giường",
                "basis": None,
            },
            {
                "name": "Tỷ lệ che phủ rừng",
                "kind": "level",
                "comparator": ">=",
                "value": 30.5,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "chất thải rắn y tế được thu gom, xử lý đạt chuẩn",
                "kind": "level",
                "comparator": ">=",
                "value": 100,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [],
        "summaries": [],
    },
    {
        "id": "c",
        "text": "Đảng bộ xã An Bình tổng kết năm 2024\n\nSáng 28/12, Đảng ủy xã An Bình tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024. Trong năm, Đảng bộ xã đã kết nạp 15 đảng viên mới, đạt 125% chỉ tiêu; có 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên. Thu ngân sách trên địa bàn xã đạt 12,5 tỷ đồng, bằng 115% so với cùng kỳ. Sản lượng lúa đạt hơn 45.000 tấn; tỷ lệ hộ sử dụng nước sạch đạt 98%.\n\nĐánh giá chung, trong 15 chỉ tiêu Nghị quyết năm 2024, có 14 chỉ tiêu đạt và vượt, 1 chỉ tiêu chưa đạt là thu nhập bình quân đầu người.\n\nNăm 2025, Đảng bộ xã đề ra 15 chỉ tiêu, trong đó: thu ngân sách đạt 13 tỷ đồng; kết nạp 12 đảng viên mới; tỷ lệ hộ nghèo giảm còn 0,5%.\n",
        "targets": [
            {
                "name": "thu ngân sách",
                "kind": "level",
                "comparator": ">=",
                "value": 13,
                "value_max": None,
                "unit": "tỷ đồng",
                "basis": None,
            },
            {
                "name": "kết nạp đảng viên mới",
                "kind": "level",
                "comparator": ">=",
                "value": 12,
                "value_max": None,
                "unit": "đảng viên",
                "basis": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "kind": "level",
                "comparator": "<=",
                "value": 0.5,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [
            {
                "name": "Đảng bộ xã đã kết nạp đảng viên mới",
                "value": 15,
                "unit": "đảng viên",
                "estimated": False,
                "percent_of_target": 125,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
                "value": 95,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Thu ngân sách trên địa bàn xã",
                "value": 12.5,
                "unit": "tỷ đồng",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 15,
                "status": None,
            },
            {
                "name": "Sản lượng lúa",
                "value": 45000,
                "unit": "tấn",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "tỷ lệ hộ sử dụng nước sạch",
                "value": 98,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
        ],
        "summaries": [
            {"total": 15, "achieved": 14, "exceeded": None, "not_achieved": 1, "pending": None}
        ],
    },
    {
        "id": "d",
        "text": "Tình hình kinh tế - xã hội 6 tháng đầu năm 2024 của tỉnh\n\nTheo báo cáo của Cục Thống kê, tốc độ tăng trưởng GRDP 6 tháng đầu năm 2024 ước đạt 6,72%, xếp thứ 15/63 tỉnh, thành phố. Chỉ số sản xuất công nghiệp (IIP) tăng 9,1% so với cùng kỳ năm trước. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 32.150 tỷ đồng, tăng 11,2%. Kim ngạch xuất khẩu ước đạt 1,85 tỷ USD, bằng 48,7% kế hoạch năm. Thu ngân sách nhà nước đạt 5.432 tỷ đồng, đạt 52,1% dự toán, giảm 3,5% so với cùng kỳ. Giải ngân vốn đầu tư công đạt 38,6% kế hoạch vốn được giao.\n\nVề an ninh trật tự, số vụ phạm pháp hình sự giảm 12 vụ (giảm 8,3%); tai nạn giao thông xảy ra 87 vụ, làm chết 45 người, giảm 4 người so với cùng kỳ.\n\nNhiệm vụ 6 tháng cuối năm, tỉnh tập trung phấn đấu hoàn thành các chỉ tiêu kế hoạch năm 2024, trong đó tốc độ tăng trưởng GRDP cả năm đạt 7% trở lên.\n",
        "targets": [
            {
                "name": "tốc độ tăng trưởng GRDP cả năm",
                "kind": "level",
                "comparator": ">=",
                "value": 7,
                "value_max": None,
                "unit": "%",
                "basis": None,
            }
        ],
        "results": [
            {
                "name": "tốc độ tăng trưởng GRDP 6 tháng đầu năm",
                "value": 6.72,
                "unit": "%",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Chỉ số sản xuất công nghiệp (IIP)",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 9.1,
                "status": None,
            },
            {
                "name": "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                "value": 32150,
                "unit": "tỷ đồng",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": 11.2,
                "status": None,
            },
            {
                "name": "Kim ngạch xuất khẩu",
                "value": 1.85,
                "unit": "tỷ USD",
                "estimated": True,
                "percent_of_target": 48.7,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Thu ngân sách nhà nước",
                "value": 5432,
                "unit": "tỷ đồng",
                "estimated": False,
                "percent_of_target": 52.1,
                "change_percent": -3.5,
                "status": None,
            },
            {
                "name": "Giải ngân vốn đầu tư công",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": 38.6,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "số vụ phạm pháp hình sự",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": -8.3,
                "status": None,
            },
            {
                "name": "tai nạn giao thông",
                "value": 87,
                "unit": "vụ",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "làm chết người",
                "value": 45,
                "unit": "người",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
        ],
        "summaries": [],
    },
    {
        "id": "e",
        "text": "HĐND xã\nKỳ họp thứ 10 HĐND xã Hòa An khóa XIII\nNgày 15/12/2023, HĐND xã Hòa An tổ chức kỳ họp thứ 10.\nNăm 2023, xã có 13/15 chỉ tiêu đạt và vượt Nghị quyết, trong đó có 6 chỉ tiêu vượt; còn 2 chỉ tiêu chưa đạt.\nKỳ họp thông qua Nghị quyết về nhiệm vụ năm 2024 với các chỉ tiêu: giá trị sản xuất nông nghiệp tăng 3,5%; thu nhập bình quân đầu người 58 triệu đồng; xây dựng hai ấp văn hóa; tỷ lệ hộ nghèo dưới 0,8%.",
        "targets": [
            {
                "name": "giá trị sản xuất nông nghiệp",
                "kind": "change",
                "comparator": ">=",
                "value": 3.5,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "thu nhập bình quân đầu người",
                "kind": "level",
                "comparator": ">=",
                "value": 58,
                "value_max": None,
                "unit": "triệu đồng",
                "basis": None,
            },
            {
                "name": "xây dựng ấp văn hóa",
                "kind": "level",
                "comparator": ">=",
                "value": 2,
                "value_max": None,
                "unit": "ấp",
                "basis": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "kind": "level",
                "comparator": "<=",
                "value": 0.8,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [],
        "summaries": [
            {"total": 15, "achieved": 13, "exceeded": 6, "not_achieved": 2, "pending": None}
        ],
    },
    {
        "id": "f",
        "text": "Thành ủy Long Xuyên tổ chức Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 18\n\nHội nghị đánh giá, năm 2022 là năm đầu tiên thành phố thực hiện thắng lợi Nghị quyết, với 21/23 chỉ tiêu đạt và vượt (có 11 chỉ tiêu vượt), 2 chỉ tiêu chưa đạt là tổng vốn đầu tư toàn xã hội và tỷ lệ đô thị hóa.\n\nCụ thể, tổng sản phẩm trên địa bàn (GRDP) tăng 8,12%; GRDP bình quân đầu người đạt 97,5 triệu đồng, tăng 12,3 triệu đồng so với năm 2021; cơ cấu kinh tế chuyển dịch đúng hướng, trong đó khu vực thương mại - dịch vụ chiếm 78,5%, công nghiệp - xây dựng chiếm 17,2%, nông nghiệp chiếm 4,3%. Tổng thu ngân sách trên địa bàn đạt 1.245 tỷ đồng, vượt 14,5% dự toán. Tỷ lệ hộ nghèo còn 0,92%, giảm 0,31% so với đầu năm.\n\nVề nhiệm vụ năm 2023, Hội nghị thống nhất các chỉ tiêu chủ yếu: tốc độ tăng trưởng kinh tế từ 7,5 - 8%; GRDP bình quân đầu người đạt 105 triệu đồng; tỷ lệ hộ nghèo giảm 0,2 - 0,3%; giải quyết việc làm cho khoảng 4.500 lao động; 100% xã, phường đạt chuẩn tiếp cận pháp luật.\n",
        "targets": [
            {
                "name": "tốc độ tăng trưởng kinh tế",
                "kind": "level",
                "comparator": "range",
                "value": 7.5,
                "value_max": 8,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "GRDP bình quân đầu người",
                "kind": "level",
                "comparator": ">=",
                "value": 105,
                "value_max": None,
                "unit": "triệu đồng",
                "basis": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "kind": "change",
                "comparator": "range",
                "value": -0.3,
                "value_max": -0.2,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "giải quyết việc làm",
                "kind": "level",
                "comparator": "~",
                "value": 4500,
                "value_max": None,
                "unit": "lao động",
                "basis": None,
            },
            {
                "name": "xã, phường đạt chuẩn tiếp cận pháp luật",
                "kind": "level",
                "comparator": ">=",
                "value": 100,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [
            {
                "name": "tổng sản phẩm trên địa bàn (GRDP)",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 8.12,
                "status": None,
            },
            {
                "name": "GRDP bình quân đầu người",
                "value": 97.5,
                "unit": "triệu đồng",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "khu vực thương mại - dịch vụ",
                "value": 78.5,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "công nghiệp - xây dựng",
                "value": 17.2,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "nông nghiệp",
                "value": 4.3,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Tổng thu ngân sách",
                "value": 1245,
                "unit": "tỷ đồng",
                "estimated": False,
                "percent_of_target": 114.5,
                "change_percent": None,
                "status": "exceeded",
            },
            {
                "name": "Tỷ lệ hộ nghèo",
                "value": 0.92,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": -0.31,
                "status": None,
            },
        ],
        "summaries": [
            {"total": 23, "achieved": 21, "exceeded": 11, "not_achieved": 2, "pending": None}
        ],
    },
    {
        "id": "g",
        "text": "Ước thực hiện năm 2024: tổng giá trị sản xuất 5.120 tỷ đồng, tăng 6,9%; thu ngân sách 156 tỷ đồng, đạt 108% dự toán; tỷ lệ hộ nghèo 1,8%.\n\nKế hoạch năm 2025:\n+ Tổng giá trị sản xuất tăng 7 - 7,5%.\n+ Thu ngân sách nhà nước đạt 165 tỷ đồng trở lên.\n+ Tỷ lệ hộ nghèo giảm còn 1,3%.\n+ Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân dưới 8%.\n",
        "targets": [
            {
                "name": "Tổng giá trị sản xuất",
                "kind": "change",
                "comparator": "range",
                "value": 7,
                "value_max": 7.5,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "Thu ngân sách nhà nước",
                "kind": "level",
                "comparator": ">=",
                "value": 165,
                "value_max": None,
                "unit": "tỷ đồng",
                "basis": None,
            },
            {
                "name": "Tỷ lệ hộ nghèo",
                "kind": "level",
                "comparator": "<=",
                "value": 1.3,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân",
                "kind": "level",
                "comparator": "<=",
                "value": 8,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [
            {
                "name": "tổng giá trị sản xuất",
                "value": 5120,
                "unit": "tỷ đồng",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": 6.9,
                "status": None,
            },
            {
                "name": "thu ngân sách",
                "value": 156,
                "unit": "tỷ đồng",
                "estimated": True,
                "percent_of_target": 108,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "value": 1.8,
                "unit": "%",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
        ],
        "summaries": [],
    },
    {
        "id": "h",
        "text": "Hội nghị Ban Chấp hành Đảng bộ huyện Tân Phước lần thứ 15\n\nTheo báo cáo, năm 2023, huyện đã hoàn thành 18/20 chỉ tiêu Nghị quyết đề ra. Giá trị sản xuất nông nghiệp tăng 4,2%; giá trị sản xuất công nghiệp - tiểu thủ công nghiệp tăng 12,5%; tổng mức bán lẻ hàng hóa tăng 10,8%. Thu ngân sách nhà nước trên địa bàn đạt gần 420 tỷ đồng, đạt 105% dự toán. Toàn huyện có 7/11 xã đạt chuẩn nông thôn mới. Tỷ lệ hộ nghèo còn 1,1%. Có 2 chỉ tiêu không đạt là tỷ lệ lao động qua đào tạo và thu nhập bình quân đầu người.\n\nNăm 2024, huyện phấn đấu giá trị sản xuất nông nghiệp tăng 4%; thu ngân sách nhà nước đạt 450 tỷ đồng; có thêm 1 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo dưới 1%; tỷ lệ lao động qua đào tạo đạt 65%.\n",
        "targets": [
            {
                "name": "giá trị sản xuất nông nghiệp",
                "kind": "change",
                "comparator": ">=",
                "value": 4,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "thu ngân sách nhà nước",
                "kind": "level",
                "comparator": ">=",
                "value": 450,
                "value_max": None,
                "unit": "tỷ đồng",
                "basis": None,
            },
            {
                "name": "xã đạt chuẩn nông thôn mới",
                "kind": "level",
                "comparator": ">=",
                "value": 1,
                "value_max": None,
                "unit": "xã",
                "basis": None,
            },
            {
                "name": "tỷ lệ hộ nghèo",
                "kind": "level",
                "comparator": "<=",
                "value": 1,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
            {
                "name": "tỷ lệ lao động qua đào tạo",
                "kind": "level",
                "comparator": ">=",
                "value": 65,
                "value_max": None,
                "unit": "%",
                "basis": None,
            },
        ],
        "results": [
            {
                "name": "Giá trị sản xuất nông nghiệp",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 4.2,
                "status": None,
            },
            {
                "name": "giá trị sản xuất công nghiệp - tiểu thủ công nghiệp",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 12.5,
                "status": None,
            },
            {
                "name": "tổng mức bán lẻ hàng hóa",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": 10.8,
                "status": None,
            },
            {
                "name": "Thu ngân sách nhà nước",
                "value": 420,
                "unit": "tỷ đồng",
                "estimated": False,
                "percent_of_target": 105,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "xã đạt chuẩn nông thôn mới",
                "value": 7,
                "unit": "xã",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
            {
                "name": "Tỷ lệ hộ nghèo",
                "value": 1.1,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": None,
            },
        ],
        "summaries": [
            {"total": 20, "achieved": 18, "exceeded": None, "not_achieved": 2, "pending": None}
        ],
    },
    {
        "id": "i",
        "text": "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2023\n\n1. Tốc độ tăng trưởng kinh tế ước đạt 6,5% (kế hoạch 7 - 7,5%), không đạt kế hoạch.\n2. Thu nhập bình quân đầu người ước đạt 65 triệu đồng (kế hoạch 64 triệu đồng), vượt kế hoạch.\n3. Tỷ lệ hộ nghèo giảm 1,5% (kế hoạch giảm 1%), vượt kế hoạch.\n4. Tỷ lệ che phủ rừng 42% (kế hoạch 42%), đạt kế hoạch.\n",
        "targets": [],
        "results": [
            {
                "name": "Tốc độ tăng trưởng kinh tế",
                "value": 6.5,
                "unit": "%",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": None,
                "status": "not_achieved",
            },
            {
                "name": "Thu nhập bình quân đầu người",
                "value": 65,
                "unit": "triệu đồng",
                "estimated": True,
                "percent_of_target": None,
                "change_percent": None,
                "status": "exceeded",
            },
            {
                "name": "Tỷ lệ hộ nghèo",
                "value": None,
                "unit": None,
                "estimated": False,
                "percent_of_target": None,
                "change_percent": -1.5,
                "status": "exceeded",
            },
            {
                "name": "Tỷ lệ che phủ rừng",
                "value": 42,
                "unit": "%",
                "estimated": False,
                "percent_of_target": None,
                "change_percent": None,
                "status": "achieved",
            },
        ],
        "summaries": [],
    },,

 {
  "id": "j",
  "text": "HĐND tỉnh Bến Tre khai mạc kỳ họp thứ 12\n\nSáng 5/12/2023, HĐND tỉnh khóa X khai mạc kỳ họp thường lệ cuối năm 2023. Báo cáo tại kỳ họp cho biết, năm 2023 tăng trưởng kinh tế của tỉnh ước đạt 6,1%, thấp hơn kế hoạch đề ra (7%). Thu nhập bình quân đầu người ước đạt 60,4 triệu đồng. Tổng thu ngân sách nhà nước ước thực hiện 5.350 tỷ đồng, đạt 95,5% dự toán. Tổng vốn đầu tư toàn xã hội ước đạt 25.870 tỷ đồng, bằng 101,4% so với năm 2022. Đến nay, toàn tỉnh có 111/139 xã đạt chuẩn nông thôn mới, trong đó có 30 xã đạt chuẩn nông thôn mới nâng cao.\n\nTrong 23 chỉ tiêu chủ yếu, ước có 17 chỉ tiêu đạt và vượt, 6 chỉ tiêu không đạt.\n\nNăm 2024, tỉnh đặt mục tiêu tăng trưởng kinh tế (GRDP) từ 7 - 7,5%; GRDP bình quân đầu người khoảng 66 triệu đồng; tổng thu ngân sách nhà nước trên địa bàn 5.700 tỷ đồng; tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1% trở lên; có thêm 10 xã đạt chuẩn nông thôn mới.\n",
  "targets": [
   {
    "name": "tăng trưởng kinh tế (GRDP)",
    "kind": "level",
    "comparator": "range",
    "value": 7,
    "value_max": 7.5,
    "unit": "%",
    "basis": None
   },
   {
    "name": "GRDP bình quân đầu người",
    "kind": "level",
    "comparator": "~",
    "value": 66,
    "value_max": None,
    "unit": "triệu đồng",
    "basis": None
   },
   {
    "name": "tổng thu ngân sách nhà nước",
    "kind": "level",
    "comparator": ">=",
    "value": 5700,
    "value_max": None,
    "unit": "tỷ đồng",
    "basis": None
   },
   {
    "name": "tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
    "kind": "change",
    "comparator": "<=",
    "value": -1,
    "value_max": None,
    "unit": "%",
    "basis": None
   },
   {
    "name": "xã đạt chuẩn nông thôn mới",
    "kind": "level",
    "comparator": ">=",
    "value": 10,
    "value_max": None,
    "unit": "xã",
    "basis": None
   }
  ],
  "results": [
   {
    "name": "tăng trưởng kinh tế của tỉnh",
    "value": 6.1,
    "unit": "%",
    "estimated": True,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Thu nhập bình quân đầu người",
    "value": 60.4,
    "unit": "triệu đồng",
    "estimated": True,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Tổng thu ngân sách nhà nước",
    "value": 5350,
    "unit": "tỷ đồng",
    "estimated": True,
    "percent_of_target": 95.5,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Tổng vốn đầu tư toàn xã hội",
    "value": 25870,
    "unit": "tỷ đồng",
    "estimated": True,
    "percent_of_target": None,
    "change_percent": 1.4,
    "status": None
   },
   {
    "name": "xã đạt chuẩn nông thôn mới",
    "value": 111,
    "unit": "xã",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "xã đạt chuẩn nông thôn mới nâng cao",
    "value": 30,
    "unit": "xã",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   }
  ],
  "summaries": [
   {
    "total": 23,
    "achieved": 17,
    "exceeded": None,
    "not_achieved": 6,
    "pending": None
   }
  ]
 },
 {
  "id": "k",
  "text": "Tp. Cần Thơ: 9 tháng năm 2024, thu hút FDI tăng mạnh\n\nTheo UBND thành phố, 9 tháng đầu năm 2024, thành phố thu hút 12 dự án FDI với tổng vốn đăng ký 205 triệu USD, gấp 3 lần cùng kỳ. Kim ngạch xuất khẩu hàng hóa ước đạt 1,65 tỷ USD, tăng 15,2% so cùng kỳ, đạt 78,6% kế hoạch năm. Tổng thu ngân sách nhà nước trên địa bàn đạt 9.120 tỷ đồng, đạt 69,5% dự toán Trung ương giao và đạt 65,3% dự toán HĐND thành phố giao.\n\nVề giải pháp trong quý IV, thành phố phấn đấu hoàn thành các chỉ tiêu: (1) tăng trưởng GRDP cả năm đạt 7,5%; (2) giải ngân vốn đầu tư công đạt trên 95%; (3) thu ngân sách đạt 14.000 tỷ đồng.\n",
  "targets": [
   {
    "name": "tăng trưởng GRDP cả năm",
    "kind": "level",
    "comparator": ">=",
    "value": 7.5,
    "value_max": None,
    "unit": "%",
    "basis": None
   },
   {
    "name": "giải ngân vốn đầu tư công",
    "kind": "level",
    "comparator": ">=",
    "value": 95,
    "value_max": None,
    "unit": "%",
    "basis": None
   },
   {
    "name": "thu ngân sách",
    "kind": "level",
    "comparator": ">=",
    "value": 14000,
    "value_max": None,
    "unit": "tỷ đồng",
    "basis": None
   }
  ],
  "results": [
   {
    "name": "thành phố thu hút",
    "value": 12,
    "unit": "dự án",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "FDI với tổng vốn đăng ký",
    "value": 205,
    "unit": "triệu USD",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Kim ngạch xuất khẩu hàng hóa",
    "value": 1.65,
    "unit": "tỷ USD",
    "estimated": True,
    "percent_of_target": 78.6,
    "change_percent": 15.2,
    "status": None
   },
   {
    "name": "Tổng thu ngân sách nhà nước",
    "value": 9120,
    "unit": "tỷ đồng",
    "estimated": False,
    "percent_of_target": 69.5,
    "change_percent": None,
    "status": None
   }
  ],
  "summaries": []
 },
 {
  "id": "l",
  "text": "Đại hội Đảng bộ xã Tân Lập nhiệm kỳ 2025 - 2030 thành công tốt đẹp\n\nNhiệm kỳ 2020 - 2025, Đảng bộ xã lãnh đạo thực hiện đạt và vượt 16/18 chỉ tiêu Nghị quyết Đại hội đề ra. Thu nhập bình quân đầu người năm 2025 đạt 72 triệu đồng, tăng 1,6 lần so với năm 2020. Tỷ lệ hộ nghèo giảm còn 0,8%. Xã được công nhận đạt chuẩn nông thôn mới nâng cao năm 2023.\n\nĐại hội đề ra 15 chỉ tiêu chủ yếu cho nhiệm kỳ 2025 - 2030, trong đó: tốc độ tăng trưởng giá trị sản xuất bình quân 9%/năm; thu nhập bình quân đầu người đến năm 2030 đạt 110 triệu đồng; tỷ lệ hộ nghèo giảm bình quân 0,3%/năm; hằng năm kết nạp từ 10 đảng viên mới trở lên; 100% chi bộ hoàn thành tốt nhiệm vụ trở lên.\n",
  "targets": [
   {
    "name": "tốc độ tăng trưởng giá trị sản xuất",
    "kind": "level",
    "comparator": ">=",
    "value": 9,
    "value_max": None,
    "unit": "%/năm",
    "basis": None
   },
   {
    "name": "thu nhập bình quân đầu người",
    "kind": "level",
    "comparator": ">=",
    "value": 110,
    "value_max": None,
    "unit": "triệu đồng",
    "basis": None
   },
   {
    "name": "tỷ lệ hộ nghèo",
    "kind": "change",
    "comparator": "<=",
    "value": -0.3,
    "value_max": None,
    "unit": "%/năm",
    "basis": None
   },
   {
    "name": "kết nạp đảng viên mới",
    "kind": "level",
    "comparator": ">=",
    "value": 10,
    "value_max": None,
    "unit": "đảng viên",
    "basis": None
   },
   {
    "name": "chi bộ hoàn thành tốt nhiệm vụ",
    "kind": "level",
    "comparator": ">=",
    "value": 100,
    "value_max": None,
    "unit": "%",
    "basis": None
   }
  ],
  "results": [
   {
    "name": "Thu nhập bình quân đầu người",
    "value": 72,
    "unit": "triệu đồng",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Tỷ lệ hộ nghèo",
    "value": 0.8,
    "unit": "%",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   }
  ],
  "summaries": [
   {
    "total": 18,
    "achieved": 16,
    "exceeded": None,
    "not_achieved": None,
    "pending": None
   }
  ]
 },
 {
  "id": "n",
  "text": "Huyện Mỏ Cày Nam tổng kết năm 2023\n\nTheo đó, năm 2023, huyện có 18/20 chỉ tiêu đạt và vượt Nghị quyết; trong đó, 12 chỉ tiêu vượt. Cụ thể: tốc độ tăng trưởng kinh tế đạt 8,6% (NQ 8 - 8,5%); thu ngân sách 560 tỷ đồng, đạt 112% (NQ 500 tỷ đồng); thu nhập bình quân đầu người 65 triệu đồng/năm, tăng 10 triệu đồng so năm 2022; tỷ lệ hộ nghèo còn 1,9%, giảm 0,8% so năm 2022.\n",
  "targets": [],
  "results": [
   {
    "name": "tốc độ tăng trưởng kinh tế",
    "value": 8.6,
    "unit": "%",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "thu ngân sách",
    "value": 560,
    "unit": "tỷ đồng",
    "estimated": False,
    "percent_of_target": 112,
    "change_percent": None,
    "status": None
   },
   {
    "name": "thu nhập bình quân đầu người",
    "value": 65,
    "unit": "triệu đồng/năm",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "tỷ lệ hộ nghèo",
    "value": 1.9,
    "unit": "%",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": -0.8,
    "status": None
   }
  ],
  "summaries": [
   {
    "total": 20,
    "achieved": 18,
    "exceeded": 12,
    "not_achieved": None,
    "pending": None
   }
  ]
 },
 {
  "id": "o",
  "text": "I. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2024\n- Giá trị sản xuất nông nghiệp: 2.350 tỷ đồng, tăng 3,1%.\n- Tổng vốn đầu tư toàn xã hội: 1.820 tỷ đồng.\n- Tỷ lệ che phủ cây xanh: 35,2%.\n- Số hộ nghèo giảm 120 hộ, tỷ lệ hộ nghèo còn 2,1%.\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n- Giá trị sản xuất nông nghiệp tăng 3,5%.\n- Tổng vốn đầu tư toàn xã hội: 2.000 tỷ đồng.\n- Tỷ lệ hộ nghèo dưới 1,8%.\n",
  "targets": [
   {
    "name": "Giá trị sản xuất nông nghiệp",
    "kind": "change",
    "comparator": ">=",
    "value": 3.5,
    "value_max": None,
    "unit": "%",
    "basis": None
   },
   {
    "name": "Tổng vốn đầu tư toàn xã hội",
    "kind": "level",
    "comparator": ">=",
    "value": 2000,
    "value_max": None,
    "unit": "tỷ đồng",
    "basis": None
   },
   {
    "name": "Tỷ lệ hộ nghèo",
    "kind": "level",
    "comparator": "<=",
    "value": 1.8,
    "value_max": None,
    "unit": "%",
    "basis": None
   }
  ],
  "results": [
   {
    "name": "Giá trị sản xuất nông nghiệp",
    "value": 2350,
    "unit": "tỷ đồng",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": 3.1,
    "status": None
   },
   {
    "name": "Tổng vốn đầu tư toàn xã hội",
    "value": 1820,
    "unit": "tỷ đồng",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "Tỷ lệ che phủ cây xanh",
    "value": 35.2,
    "unit": "%",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   },
   {
    "name": "tỷ lệ hộ nghèo",
    "value": 2.1,
    "unit": "%",
    "estimated": False,
    "percent_of_target": None,
    "change_percent": None,
    "status": None
   }
  ],
  "summaries": []
 }
]


@pytest.mark.parametrize("case", PASSAGES, ids=lambda c: c["id"])
def test_the_reader_returns_the_reviewed_items_for_a_whole_passage(case: dict[str, Any]) -> None:
    pred = extract(case["text"]).to_dict()
    scores = score_case(case, pred)
    assert all(s.exact for s in scores.values()), describe(case["id"], scores)
