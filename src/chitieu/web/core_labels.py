"""The labels of the core's enums (statuses, fields, term and task kinds, forecast methods)
and of the web app's choices (resolution kinds, result states) for the translation catalogue. The core cannot import Django, so its labels are Vietnamese
strings; templates and forms translate them by value (`{% translate status.label_vi %}`,
`gettext_lazy(kind.label_vi)`), and this list is where `makemessages` finds them.
tests/web/test_web_i18n.py checks that it names every label and that each has an English
translation. The sentences the core builds (summary, evaluation, term and forecast wording)
are not labels: they stay Vietnamese in both languages."""

from __future__ import annotations

from enum import Enum

from django.utils.translation import gettext_noop

from chitieu.forecast import Accumulation, ForecastMethod
from chitieu.model import Comparator, Direction, Field, Kind, Status
from chitieu.tasks import TaskKind, TaskStatus
from chitieu.term import TermKind, TermStatus
from chitieu.web.models import ResolutionKind, ResultState
from chitieu.web.models.targets import _choices

LABEL_ENUMS: tuple[type[Enum], ...] = (
    Status,
    Field,
    TermStatus,
    TermKind,
    TaskKind,
    TaskStatus,
    Accumulation,
    ForecastMethod,
)
# The web app's own choices shown on pages (their stored labels are Vietnamese).
CHOICES: tuple[type[Enum], ...] = (ResolutionKind, ResultState)
# The core's enums whose labels are the web app's (chitieu.web.models.targets._choices).
TARGET_CHOICES: tuple[type[Enum], ...] = (Comparator, Kind, Direction)


def target_choice_labels() -> list[str]:
    return [label for enum in TARGET_CHOICES for _, label in _choices(enum)]


LABELS: tuple[str, ...] = (
    # Status
    gettext_noop("Vượt"),
    gettext_noop("Đạt"),
    gettext_noop("Không đạt"),
    gettext_noop("Chưa đánh giá"),
    # Field
    gettext_noop("Kinh tế"),
    gettext_noop("Văn hóa – xã hội"),
    gettext_noop("Môi trường"),
    gettext_noop("Quốc phòng – an ninh"),
    gettext_noop("Xây dựng Đảng và hệ thống chính trị"),
    gettext_noop("Khác"),
    # TermStatus
    gettext_noop("đúng tiến độ"),
    gettext_noop("có nguy cơ"),
    gettext_noop("chậm tiến độ"),
    gettext_noop("chưa đủ số liệu"),
    # TermKind
    gettext_noop("Mức đến cuối nhiệm kỳ"),
    gettext_noop("Tổng cả nhiệm kỳ"),
    gettext_noop("Tăng bình quân hằng năm"),
    # TaskKind
    gettext_noop("Nhiệm vụ"),
    gettext_noop("Giải pháp"),
    gettext_noop("Chương trình đột phá"),
    gettext_noop("Công trình trọng điểm"),
    # TaskStatus
    gettext_noop("Chưa bắt đầu"),
    gettext_noop("Đang thực hiện"),
    gettext_noop("Hoàn thành"),
    gettext_noop("Quá hạn"),
    # Accumulation
    gettext_noop("lũy kế (cộng dồn trong năm)"),
    gettext_noop("số tại thời điểm"),
    # ForecastMethod
    gettext_noop("số cả năm"),
    gettext_noop("theo tỷ trọng cùng kỳ các năm trước"),
    gettext_noop("theo tỷ trọng cùng kỳ năm trước"),
    gettext_noop("ngoại suy tuyến tính theo số tháng"),
    gettext_noop("số mới nhất cộng mức thay đổi cuối năm các năm trước"),
    gettext_noop("theo xu hướng từ đầu năm"),
    gettext_noop("giữ số mới nhất"),
    # ResolutionKind
    gettext_noop("Nghị quyết Đại hội (nhiệm kỳ)"),
    gettext_noop("Nghị quyết năm"),
    gettext_noop("Nghị quyết HĐND"),
    gettext_noop("Nghị quyết chuyên đề"),
    # ResultState
    gettext_noop("Nháp"),
    gettext_noop("Chờ duyệt"),
    gettext_noop("Đã duyệt"),
    gettext_noop("Trả lại"),
    # Comparator
    gettext_noop("≥ (trở lên)"),
    gettext_noop("≤ (không quá)"),
    gettext_noop("= (bằng)"),
    gettext_noop("≈ (khoảng)"),
    gettext_noop("khoảng a–b"),
    # Kind
    gettext_noop("mức"),
    gettext_noop("tăng/giảm %"),
    # Direction
    gettext_noop("càng cao càng tốt"),
    gettext_noop("càng thấp càng tốt"),
    gettext_noop("không xác định"),
    # chitieu.web.planning.models.PERIOD_KIND_LABELS
    gettext_noop("Hằng tháng"),
    gettext_noop("Hằng quý"),
    gettext_noop("6 tháng (đầu năm, cuối năm)"),
    gettext_noop("6 tháng (lũy kế)"),
    gettext_noop("9 tháng (lũy kế)"),
    gettext_noop("Cả năm"),
)
