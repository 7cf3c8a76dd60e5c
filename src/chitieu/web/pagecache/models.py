"""The version of the cached dashboards of one issuing body.

A cached page is keyed by the versions it was built at; a write that can change what the
dashboards of a body show sets that body's version to a new random value in the writing
transaction, so the version and the data become visible together (also on a replica, which
replays them in one commit) and no reader can pair a new version with old data. Not audited:
these rows are bookkeeping, rewritten on every approval."""

from __future__ import annotations

from django.db import models


class DashboardVersion(models.Model):
    # The issuing body's id; 0 stands for every body (a rename, a new resolution…).
    body_id = models.BigIntegerField(primary_key=True)
    value = models.BigIntegerField()
