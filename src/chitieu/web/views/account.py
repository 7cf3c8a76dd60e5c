"""The user's API tokens: create (shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.tokens import do_create_token, do_revoke_token


@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    raw = None
    if request.method == "POST":
        try:
            if request.POST.get("revoke", "").isdigit():
                do_revoke_token(request.user, int(request.POST["revoke"]))
                messages.success(request, _("Đã thu hồi mã truy cập."))
                return redirect("api_tokens")
            _token, raw = do_create_token(request.user, request.POST.get("name", ""))
        except ActionError as exc:
            messages.error(request, str(exc))
    return render(
        request, "chitieu/api_tokens.html", {"tokens": request.user.api_tokens.all(), "raw": raw}
    )
