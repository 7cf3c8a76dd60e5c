"""Whole dashboard pages for visitors who are not logged in, cached per (page address and
query, language) at the versions of the data they show.

Logged-in pages are not cached: they carry the user's own links and forms (enter a result,
lock a period), the planning panel (which changes with roles and with the day) and messages.
A visitor's page depends only on the data, the address (period, filters: the language switch
sends the visitor back to it) and the language, except for the CSRF token of the language
switch, which is new on every response: the page is stored with a placeholder in its place and
each response gets its own token (get_token, as the {% csrf_token %} tag would).

A hit costs one query (the resolution's two versions), one file read and the middleware: about
a tenth of building the page (docs/scale.md).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connections, router
from django.http import HttpRequest
from django.middleware.csrf import get_token

from chitieu.model import Field, Period, PeriodError, Status
from chitieu.web.models import Resolution
from chitieu.web.pagecache.models import DashboardVersion
from chitieu.web.pagecache.versions import ALL

CACHE = "dashboard"
# Changing the dashboard's templates or build changes the pages: a deploy moves to new keys.
LAYOUT = "1"
log = logging.getLogger(__name__)


def csrf_placeholder() -> str:
    # Stable across workers (they share the stored pages), unguessable from outside.
    return "csrf" + hashlib.sha256(b"pagecache:" + settings.SECRET_KEY.encode()).hexdigest()[:40]


def _is_period(value: str) -> bool:
    try:
        Period.parse(value)
    except PeriodError:
        return False
    return True


# The dashboard's own parameters and the values worth caching ("" is "all").
QUERY: dict[str, Callable[[str], bool]] = {
    "ky": _is_period,
    "linh_vuc": lambda v: not v or v in Field._value2member_map_,
    "trang_thai": lambda v: not v or v in Status._value2member_map_,
    "co_quan": lambda v: not v or (v.isdigit() and len(v) <= 12),
}


def _cacheable_query(request: HttpRequest) -> bool:
    """Only the dashboard's own parameters with valid values: an unknown parameter or value
    would otherwise let anyone fill the cache with copies of one page, and a bad period
    shows a message, which is per request."""
    return all(
        name in QUERY and len(values) == 1 and QUERY[name](values[0])
        for name, values in request.GET.lists()
    )


def page_key(request: HttpRequest, resolution_id: int, language: str) -> str | None:
    """The key of this visitor's page, or None if it must not come from the cache (not
    public or missing, a query we do not cache, cookies that carry messages or a session).

    One query: the resolution's public flag and the versions of its issuing body and of all
    bodies, on the database its data will be read from (a replica reflects a version and the
    data it covers in the same commit)."""
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME) or request.COOKIES.get("messages"):
        return None
    if not _cacheable_query(request):
        return None
    alias = router.db_for_read(Resolution)
    versions = DashboardVersion._meta.db_table
    with connections[alias].cursor() as cursor:
        cursor.execute(
            # Table names from the models' metadata, values as parameters.
            f"SELECT r.is_public,"
            f" (SELECT v.value FROM {versions} v WHERE v.body_id = r.issuing_body_id),"
            f" (SELECT v.value FROM {versions} v WHERE v.body_id = %s)"
            f" FROM {Resolution._meta.db_table} r WHERE r.id = %s",
            [ALL, resolution_id],
        )
        row = cursor.fetchone()
    if row is None or not row[0]:
        return None
    query = request.META.get("QUERY_STRING", "")
    return f"{LAYOUT}:{row[1]}:{row[2]}:{language}:{request.path}?{query}"


def get_page(request: HttpRequest, key: str) -> str | None:
    """The stored page with this request's CSRF token, or None."""
    try:
        page = caches[CACHE].get(key)
    except (OSError, EOFError, ValueError) as exc:  # a damaged file: rebuild, do not fail
        log.warning("bộ nhớ đệm bảng điều khiển: không đọc được %s: %s", key, exc)
        return None
    if not isinstance(page, str):
        return None
    return page.replace(csrf_placeholder(), get_token(request))


def put_page(request: HttpRequest, key: str, page: str) -> str:
    """Store a page rendered with csrf_placeholder() as its token; returns it with this
    request's token."""
    try:
        caches[CACHE].set(key, page)
    except OSError as exc:  # a full or read-only disk costs speed, not the page
        log.warning("bộ nhớ đệm bảng điều khiển: không ghi được %s: %s", key, exc)
    return page.replace(csrf_placeholder(), get_token(request))
