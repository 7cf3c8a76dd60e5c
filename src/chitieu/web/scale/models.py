"""Tables of the scale app: the load log and the evaluation summary.

The summary (`TargetEvaluation`) holds one row per target of an annual resolution: the status
of its year figure as chitieu.evaluate decides it, with the commune, province, year and
indicator code copied in, so that national roll-ups are one GROUP BY over about 108,000 rows
a year instead of finding and evaluating the year figures among 1.2 million result versions
(docs/scale.md has the numbers).
"""

from __future__ import annotations

from django.db import models


class LoadChunk(models.Model):
    """One (province, year) chunk of a synthetic dataset, loaded in one transaction."""

    dataset = models.CharField(max_length=200)  # chitieu.synth.SynthSpec.key
    province_code = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField()
    resolutions = models.PositiveIntegerField()
    targets = models.PositiveIntegerField()
    results = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "province_code", "year"], name="unique_load_chunk"
            )
        ]


class TargetEvaluation(models.Model):
    """The evaluated status of a target for its resolution's year (refreshed on approval)."""

    target = models.OneToOneField(
        "web.TargetRow", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    resolution = models.ForeignKey("web.Resolution", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    # The issuing body's unit (a commune) and its province; null for bodies without a unit.
    commune = models.ForeignKey("web.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    province = models.ForeignKey("web.Unit", null=True, on_delete=models.SET_NULL, related_name="+")
    code = models.CharField(max_length=32, blank=True)  # the indicator's code (KT01…)
    field = models.CharField(max_length=32)
    status = models.CharField(max_length=16)  # chitieu.model.Status value
    estimated = models.BooleanField(default=False)  # evaluated on an estimate ("ước")

    class Meta:
        indexes = [
            # Covering indexes: the roll-ups read only these columns (index-only scans).
            models.Index(fields=["year", "province", "status"], name="scale_eval_year_prov"),
            models.Index(
                fields=["year", "code", "province", "status"], name="scale_eval_year_code"
            ),
            models.Index(fields=["province", "year", "commune", "status"], name="scale_eval_prov"),
        ]


class DeferredIndex(models.Model):
    """An index or constraint of the loaded tables set aside for a large initial load
    (chitieu.web.scale.indexes), with the SQL that puts it back. Written in the transaction
    that drops it and deleted in the one that recreates it, so after a crash at any point
    every index either exists or is listed here, and the next load puts it back."""

    table = models.CharField(max_length=100)
    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=16)  # index, unique, foreign key (see indexes.py)
    definition = models.TextField()  # CREATE INDEX … or the constraint's definition
    dropped_at = models.DateTimeField(auto_now_add=True)
