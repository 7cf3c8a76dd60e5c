"""`{% planning_panel %}` on a resolution's dashboard: year-end forecasts at risk, overdue
tasks, late reports and, for a term resolution, the term sentence, with links to their pages.
An inclusion tag, so the dashboard view and template need only one line."""

from __future__ import annotations

from typing import Any

from django import template

from chitieu.web.planning import clock
from chitieu.web.planning.forecasts import resolution_forecasts
from chitieu.web.planning.reporting import duties, late
from chitieu.web.planning.terms import sentence, term_rows
from chitieu.web.planning.views.tasks import task_rows

register = template.Library()


@register.inclusion_tag("planning/panel.html", takes_context=True)
def planning_panel(context: Any) -> dict[str, Any]:
    resolution = context["resolution"]
    user = context.get("user")
    if user is None or not user.is_authenticated:
        # A public dashboard read without logging in: tasks and late bodies are internal.
        return {"hidden": True}
    today = clock.today()
    forecasts = resolution_forecasts(resolution)
    terms = term_rows(resolution) if resolution.end_year else []
    tasks = task_rows(resolution)
    late_rows = late(duties(resolution, today))
    return {
        "resolution": resolution,
        "forecasts": forecasts,
        "at_risk": [f for f in forecasts if f.at_risk],
        "terms": terms,
        "term_sentence": sentence(terms) if terms else "",
        "tasks_total": len(tasks),
        "overdue": [t for t in tasks if t["overdue"]],
        "late_bodies": sorted({r.body.name for r in late_rows}),
        "late_count": len(late_rows),
        "hidden": False,
    }
