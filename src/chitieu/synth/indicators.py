"""The indicators the synthetic resolutions draw their targets from, and their seasons.

Forty real indicators of commune resolutions (economy, society, environment, defence, Party
building, administration), each with its unit, comparator, direction, a commune's usual
range, a yearly trend, and whether it is reported monthly (with which seasonality)."""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.model import Comparator, Direction, Field, Kind

# Monthly shares of a year's flow: Tết (Jan/Feb) lifts trade, harvests lift May-June and
# Sep-Nov, budget revenue and investment are disbursed late in the year.
SEASONS: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    "budget": (0.8, 0.6, 0.8, 0.9, 0.9, 1.0, 0.9, 0.9, 1.0, 1.1, 1.3, 1.8),
    "trade": (1.4, 1.3, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 0.9, 0.9, 0.9, 1.1),
    "harvest": (0.3, 0.3, 0.5, 0.9, 2.2, 2.0, 0.5, 0.4, 1.5, 1.8, 1.2, 0.4),
    "tourism": (1.3, 1.2, 0.8, 0.9, 1.0, 1.4, 1.5, 1.2, 0.7, 0.6, 0.6, 0.8),
    "rainy": (0.2, 0.2, 0.3, 0.6, 1.4, 1.8, 2.0, 2.0, 1.6, 1.2, 0.5, 0.2),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    field: Field
    unit: str
    low: float  # a commune's yearly figure lies in [low, high] (before the ward factor)
    high: float
    growth: float  # yearly trend (negative: falls)
    comparator: Comparator = Comparator.AT_LEAST
    direction: Direction = Direction.HIGHER
    kind: Kind = Kind.LEVEL
    season: str = ""  # "" = annual only; else reported monthly with this seasonality
    decimals: int = 1
    spread: float = 0.05  # relative spread of the actual figure around the planned one
    urban: bool = False  # scaled up in wards (phường)


E, C, M, D, P, OT = (
    Field.ECONOMY,
    Field.CULTURE_SOCIETY,
    Field.ENVIRONMENT,
    Field.DEFENCE_SECURITY,
    Field.PARTY_BUILDING,
    Field.OTHER,
)
LE, GE, EQ, ABOUT, RANGE = (
    Comparator.AT_MOST,
    Comparator.AT_LEAST,
    Comparator.EQUAL,
    Comparator.ABOUT,
    Comparator.RANGE,
)
LOW = Direction.LOWER

# fmt: off
INDICATORS: tuple[Indicator, ...] = (
    Indicator("KT01", "Tổng thu ngân sách nhà nước trên địa bàn", E, "tỷ đồng", 15, 300, 0.08, season="budget", urban=True),
    Indicator("KT02", "Thu nhập bình quân đầu người", E, "triệu đồng/người/năm", 45, 90, 0.07),
    Indicator("KT03", "Tổng giá trị sản xuất", E, "tỷ đồng", 400, 5000, 0.08, season="flat", urban=True),
    Indicator("KT04", "Tốc độ tăng trưởng giá trị sản xuất", E, "%", 6.5, 7.5, 0, RANGE, spread=0.12, decimals=2),
    Indicator("KT05", "Sản lượng lương thực có hạt", E, "tấn", 2000, 40000, 0.01, season="harvest", decimals=0),
    Indicator("KT06", "Tổng vốn đầu tư toàn xã hội", E, "tỷ đồng", 100, 2500, 0.09, season="budget", urban=True),
    Indicator("KT07", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", E, "tỷ đồng", 200, 6000, 0.1, season="trade", urban=True),
    Indicator("KT08", "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp", E, "tỷ đồng", 100, 3000, 0.09, season="flat"),
    Indicator("KT09", "Số doanh nghiệp thành lập mới", E, "doanh nghiệp", 10, 120, 0.05, season="flat", decimals=0, spread=0.15, urban=True),
    Indicator("KT10", "Lượt khách du lịch", E, "lượt", 2000, 200000, 0.1, season="tourism", decimals=0, spread=0.1),
    Indicator("KT11", "Diện tích gieo trồng lúa cả năm", E, "ha", 500, 9000, -0.01, decimals=0),
    Indicator("KT12", "Số km đường giao thông nông thôn được cứng hóa", E, "km", 2, 25, 0.0, decimals=1, spread=0.15),
    Indicator("KT13", "Số hộ kinh doanh đăng ký mới", E, "hộ", 20, 400, 0.04, season="trade", decimals=0, spread=0.12, urban=True),
    Indicator("VH01", "Tỷ lệ hộ nghèo", C, "%", 0.5, 6, -0.15, LE, LOW, decimals=2, spread=0.08),
    Indicator("VH02", "Tỷ lệ dân số tham gia bảo hiểm y tế", C, "%", 88, 96, 0.005, decimals=2, spread=0.01),
    Indicator("VH03", "Số lao động được giải quyết việc làm", C, "người", 150, 1500, 0.03, season="flat", decimals=0, spread=0.08),
    Indicator("VH04", "Tỷ lệ lao động qua đào tạo", C, "%", 60, 78, 0.01, decimals=2, spread=0.02),
    Indicator("VH05", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", C, "%", 8, 18, -0.04, LE, LOW, decimals=2, spread=0.06),
    Indicator("VH06", "Số trường đạt chuẩn quốc gia", C, "trường", 2, 9, 0.03, decimals=0, spread=0.1),
    Indicator("VH07", "Tỷ lệ gia đình đạt danh hiệu văn hóa", C, "%", 85, 95, 0.003, decimals=2, spread=0.015),
    Indicator("VH08", "Số người tham gia bảo hiểm xã hội tự nguyện", C, "người", 50, 800, 0.08, season="flat", decimals=0, spread=0.1),
    Indicator("VH09", "Tỷ lệ dân số được quản lý sức khỏe", C, "%", 85, 95, 0.005, decimals=2, spread=0.015),
    Indicator("VH10", "Số lượt khám, chữa bệnh tại trạm y tế", C, "lượt", 3000, 30000, 0.02, season="trade", decimals=0, spread=0.06),
    Indicator("VH11", "Tỷ lệ tăng dân số tự nhiên", C, "%", 0.7, 1.2, -0.01, LE, LOW, decimals=2, spread=0.06),
    Indicator("VH12", "Tỷ lệ hộ dân sử dụng điện an toàn", C, "%", 97, 99.5, 0.001, decimals=2, spread=0.005),
    Indicator("MT01", "Tỷ lệ dân số nông thôn sử dụng nước sạch", M, "%", 70, 95, 0.01, decimals=2, spread=0.02),
    Indicator("MT02", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", M, "%", 80, 98, 0.005, decimals=2, spread=0.015),
    Indicator("MT03", "Tỷ lệ che phủ rừng", M, "%", 10, 60, 0.0, ABOUT, decimals=2, spread=0.03),
    Indicator("MT04", "Diện tích trồng rừng mới", M, "ha", 10, 300, 0.0, season="rainy", decimals=1, spread=0.1),
    Indicator("MT05", "Số vụ vi phạm môi trường bị phát hiện", M, "vụ", 3, 40, -0.05, LE, LOW, season="flat", decimals=0, spread=0.2),
    Indicator("QP01", "Tỷ lệ hoàn thành chỉ tiêu giao quân", D, "%", 100, 100, 0.0, EQ, decimals=0, spread=0.006),
    Indicator("QP02", "Số vụ tai nạn giao thông", D, "vụ", 5, 60, -0.05, LE, LOW, season="trade", decimals=0, spread=0.15),
    Indicator("QP03", "Tỷ lệ điều tra khám phá án hình sự", D, "%", 75, 92, 0.005, decimals=2, spread=0.03),
    Indicator("QP04", "Số vụ phạm pháp hình sự", D, "vụ", 5, 80, -0.04, LE, LOW, season="flat", decimals=0, spread=0.15),
    Indicator("QP05", "Số người chết do tai nạn giao thông", D, "%", -5, -5, 0.0, LE, LOW, Kind.CHANGE, decimals=0, spread=0.12),
    Indicator("XD01", "Số đảng viên mới kết nạp", P, "đảng viên", 8, 60, 0.0, season="flat", decimals=0, spread=0.15),
    Indicator("XD02", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", P, "%", 85, 95, 0.003, decimals=2, spread=0.03),
    Indicator("XD03", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên", P, "%", 85, 95, 0.003, decimals=2, spread=0.02),
    Indicator("KH01", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình", OT, "%", 30, 80, 0.08, decimals=2, spread=0.05),
    Indicator("KH02", "Số hồ sơ thủ tục hành chính được tiếp nhận", OT, "hồ sơ", 2000, 40000, 0.05, season="flat", decimals=0, spread=0.08, urban=True),
)
# fmt: on
