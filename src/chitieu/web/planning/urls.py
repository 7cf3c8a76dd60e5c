"""Routes of the planning pages, included under /ke-hoach/ by chitieu.web.urls."""

from __future__ import annotations

from django.urls import path

from chitieu.web.planning.views import calendar, targets, tasks

app_name = "planning"

urlpatterns = [
    path("chi-tieu/<int:target_id>/", targets.target_planning, name="target"),
    path("chi-tieu/<int:target_id>/nhiem-ky/", targets.term_spec_set, name="term_spec"),
    path("chi-tieu/<int:target_id>/cach-cong/", targets.accumulation_set, name="accumulation"),
    path("nghi-quyet/<int:resolution_id>/nhiem-ky/", targets.term_dashboard, name="term"),
    path("nghi-quyet/<int:resolution_id>/nhiem-vu/", tasks.task_list, name="task_list"),
    path(
        "nghi-quyet/<int:resolution_id>/lich-bao-cao/", calendar.reporting_calendar, name="calendar"
    ),
    path("nhiem-vu/<int:task_id>/", tasks.task_detail, name="task_detail"),
    path("nhiem-vu/<int:task_id>/sua/", tasks.task_edit, name="task_edit"),
    path("nhiem-vu/<int:task_id>/xoa/", tasks.task_delete, name="task_delete"),
    path("nhiem-vu/<int:task_id>/cap-nhat/", tasks.task_update_add, name="task_update"),
]
