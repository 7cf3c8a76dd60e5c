from __future__ import annotations

from django.contrib import admin
from django.contrib.staticfiles.views import serve as static_serve
from django.urls import include, path, re_path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Static files straight from the packages: an office server needs no separate web server.
    re_path(r"^static/(?P<path>.*)$", static_serve, {"insecure": True}),
]
