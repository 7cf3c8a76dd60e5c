"""The Content-Security-Policy (Django's built-in CSP middleware, settings.SECURE_CSP).

Scripts only from this server; the inline event handlers of our templates are allowed by
their hashes ('unsafe-hashes'), nothing else inline runs, so an injected <script> or
on…= attribute does nothing. Imported by the settings module: no models here.
"""

from __future__ import annotations

import base64
import hashlib

from django.utils.csp import CSP

# The inline event handlers our templates use, allowed by hash (a test checks that every
# on…="…" attribute in the templates is in this list, and nothing else inline runs).
INLINE_HANDLERS = (
    "return confirm('Khóa kỳ này? Sau khi khóa không thể sửa kết quả.')",
    "this.form.submit()",
)


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp_policy() -> dict[str, list[str]]:
    return {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.UNSAFE_HASHES, *(_hash(h) for h in INLINE_HANDLERS)],
        # style="" attributes in templates and the Swagger UI: inline styles cannot run code.
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
        "img-src": [CSP.SELF, "data:"],
        "font-src": [CSP.SELF],
        "connect-src": [CSP.SELF],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.NONE],
    }
