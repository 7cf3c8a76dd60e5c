from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.views import serve as static_serve
from django.urls import include, path, re_path

from chitieu.web.api import api
from chitieu.web.views import account, factcheck, reports, resolutions, results, targets

urlpatterns = [
    path("", resolutions.resolution_list, name="resolution_list"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(template_name="chitieu/login.html"),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("nghi-quyet/moi/", resolutions.resolution_create, name="resolution_create"),
    path(
        "nghi-quyet/<int:resolution_id>/",
        resolutions.resolution_dashboard,
        name="resolution_dashboard",
    ),
    re_path(
        r"^nghi-quyet/(?P<resolution_id>[0-9]+)/xuat\.(?P<fmt>csv|xlsx)$",
        resolutions.resolution_export,
        name="resolution_export",
    ),
    path("nghi-quyet/<int:resolution_id>/bao-cao/", reports.report, name="report"),
    path(
        "nghi-quyet/<int:resolution_id>/kiem-tra-so-lieu/",
        factcheck.factcheck,
        name="report_factcheck",
    ),
    path("mau-chi-tieu.xlsx", resolutions.targets_template_download, name="targets_template"),
    path("nghi-quyet/<int:resolution_id>/khoa-ky/", resolutions.period_lock, name="period_lock"),
    path(
        "nghi-quyet/<int:resolution_id>/chi-tieu/moi/", targets.target_create, name="target_create"
    ),
    path("nghi-quyet/<int:resolution_id>/dan-van-ban/", targets.target_paste, name="target_paste"),
    path("cong-khai/", resolutions.public_list, name="public_list"),
    path("so-sanh/", resolutions.comparison, name="comparison"),
    path("chi-tieu/<int:target_id>/", targets.target_detail, name="target_detail"),
    path("chi-tieu/<int:target_id>/sua/", targets.target_edit, name="target_edit"),
    path("chi-tieu/<int:target_id>/ket-qua/", results.result_entry, name="result_entry"),
    path("tai-khoan/ma-api/", account.api_tokens, name="api_tokens"),
    path("ke-hoach/", include("chitieu.web.planning.urls")),  # term, forecast, tasks, calendar
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Static files straight from the packages: an office server needs no separate web server.
    re_path(r"^static/(?P<path>.*)$", static_serve, {"insecure": True}),
]
