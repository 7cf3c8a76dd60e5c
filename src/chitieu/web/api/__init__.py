"""REST API (django-ninja): `api` is mounted at /api/ by chitieu.web.urls.

routes.py holds the endpoints (same permissions and do_* actions as the UI), schemas.py the
request and response shapes."""

from __future__ import annotations

from chitieu.web.api.routes import api

__all__ = ["api"]
