"""The documented columns of a targets file and of a results file.

Each column has one Vietnamese header (what our templates and examples use) and aliases:
the English field name (what JSON files usually carry) and the other headers staff write.
Headers match after normalisation (case, spaces, dashes, a trailing ":" or "*"), with an
accent-free fallback. Columns we do not know are ignored, so a file may carry its own notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.tables.vocabulary import Vocabulary


@dataclass(frozen=True)
class Column:
    field: str  # the attribute it fills ("value"); also its English alias
    header: str  # the Vietnamese header of our templates ("Giá trị")
    aliases: tuple[str, ...] = ()
    required: bool = False
    help_vi: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, self.field, *self.aliases)


TARGET_COLUMNS: tuple[Column, ...] = (
    Column("order", "STT", ("số thứ tự", "tt"), help_vi="số thứ tự hiển thị"),
    Column(
        "code",
        "Mã",
        ("mã chỉ tiêu", "ma_chi_tieu"),
        required=True,
        help_vi="mã duy nhất của chỉ tiêu, ví dụ KT01",
    ),
    Column(
        "name",
        "Chỉ tiêu",
        ("tên chỉ tiêu", "tên"),
        required=True,
        help_vi="tên chỉ tiêu như trong nghị quyết",
    ),
    Column("field", "Lĩnh vực", (), help_vi="Kinh tế, Văn hóa – xã hội, Môi trường, …"),
    Column("kind", "Loại", (), help_vi='"mức" (giá trị đạt được) hoặc "tăng giảm" (% so với gốc)'),
    Column("comparator", "So sánh", (), help_vi=">=, <=, =, ~ (khoảng), range (từ … đến)"),
    Column(
        "value",
        "Giá trị",
        ("giá trị chỉ tiêu", "chỉ tiêu nq"),
        help_vi="con số của chỉ tiêu; để trống nếu chỉ tiêu định tính",
    ),
    Column(
        "value_max", "Giá trị tối đa", ("cận trên",), help_vi="cận trên, chỉ khi So sánh là range"
    ),
    Column("unit", "ĐVT", ("đơn vị tính", "đơn vị"), help_vi="đơn vị tính: %, tỷ đồng, xã, …"),
    Column("basis", "Gốc so sánh", ("so với",), help_vi='với chỉ tiêu tăng giảm: "năm 2022", …'),
    Column("direction", "Hướng", (), help_vi='"cao hơn là tốt", "thấp hơn là tốt", "trung tính"'),
    Column("period", "Kỳ", ("năm", "kỳ báo cáo"), help_vi="2024, 2024-H1, 2024-Q3, 2020-2025, …"),
)

RESULT_COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        "Mã",
        ("mã chỉ tiêu", "target_code", "ma_chi_tieu"),
        required=True,
        help_vi="mã của chỉ tiêu trong tệp chỉ tiêu",
    ),
    Column(
        "name", "Chỉ tiêu", ("tên chỉ tiêu", "tên"), help_vi="chỉ để dễ đọc, không dùng để ghép"
    ),
    Column("period", "Kỳ", ("năm", "kỳ báo cáo"), help_vi="kỳ của kết quả: 2024, 2024-6M, …"),
    Column(
        "value", "Thực hiện", ("giá trị", "kết quả", "thực hiện/ước th"), help_vi="giá trị đạt được"
    ),
    Column("unit", "ĐVT", ("đơn vị tính", "đơn vị"), help_vi="phải trùng ĐVT của chỉ tiêu"),
    Column("estimated", "Ước tính", ("ước",), help_vi='"x" hoặc "có" nếu là số ước thực hiện'),
    Column(
        "percent_of_target",
        "% so với NQ",
        ("% so với nghị quyết", "% so với kế hoạch", "% kế hoạch", "% nq", "% chỉ tiêu"),
        help_vi="tỷ lệ % so với chỉ tiêu, nếu báo cáo chỉ nêu tỷ lệ này",
    ),
    Column(
        "change_percent",
        "% so với cùng kỳ",
        ("% cùng kỳ", "tăng giảm so với cùng kỳ"),
        help_vi="% tăng (+) hoặc giảm (-) so với cùng kỳ năm trước",
    ),
    Column(
        "previous_value",
        "Cùng kỳ năm trước",
        ("cùng kỳ", "năm trước"),
        help_vi="giá trị cùng kỳ, để tính % so với cùng kỳ",
    ),
    Column(
        "status",
        "Đánh giá",
        ("declared_status", "tình trạng"),
        help_vi="vượt / đạt / không đạt, cho chỉ tiêu định tính",
    ),
    Column("source", "Nguồn", (), help_vi="văn bản hoặc đơn vị báo cáo"),
    Column("note", "Ghi chú", (), help_vi=""),
)


def header_vocabulary(columns: tuple[Column, ...]) -> Vocabulary[Column]:
    return Vocabulary({name: column for column in columns for name in column.names})


TARGET_HEADERS = header_vocabulary(TARGET_COLUMNS)
RESULT_HEADERS = header_vocabulary(RESULT_COLUMNS)


def column_by_field(columns: tuple[Column, ...], field: str) -> Column:
    for column in columns:
        if column.field == field:
            return column
    raise KeyError(field)
