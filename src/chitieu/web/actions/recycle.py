"""Soft delete with restore: a deleted resolution or target goes to the recycle bin
(DeletedRecord) with every row that hangs from it (targets, result versions, locks, history,
planning rows), and comes back whole, with the same ids.

Rows elsewhere that only pointed at it (an annual target's link to a deleted term target:
SET_NULL) are re-linked on restore. Everything happens in one transaction.
"""

from __future__ import annotations

import json
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.models import AbstractBaseUser
from django.core import serializers
from django.db import router, transaction
from django.utils import timezone

from chitieu.web.actions.errors import ActionError
from chitieu.web.audit import record
from chitieu.web.models import DeletedRecord, Resolution, TargetRow

Deletable = Resolution | TargetRow
# Summary rows computed from others (chitieu.web.scale): a restore may find them already
# recomputed by the restored rows' own signals, and overwrites them.
DERIVED_APPS = frozenset({"scale"})


def _collect(obj: Deletable) -> tuple[list[Any], list[list[Any]]]:
    collector = NestedObjects(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    if collector.protected:
        names = ", ".join(sorted({str(p) for p in collector.protected})[:5])
        raise ActionError(f"Không xóa được: còn dữ liệu khác phụ thuộc ({names})")
    rows: list[Any] = [obj]
    for model, instances in collector.data.items():
        rows += [i for i in instances if not (model is type(obj) and i.pk == obj.pk)]
    relinks: list[list[Any]] = []
    # field_updates: (field, new value) -> [collections of rows to set]; only SET_NULL here.
    for (field, _value), collections in collector.field_updates.items():
        for collection in collections:
            for instance in collection:
                old = getattr(instance, field.attname)
                relinks.append([instance._meta.label_lower, instance.pk, field.attname, old])
    return rows, relinks


@transaction.atomic
def do_soft_delete(obj: Deletable, *, user: AbstractBaseUser | None) -> DeletedRecord:
    rows, relinks = _collect(obj)
    data = json.dumps(
        {"objects": serializers.serialize("xml", rows), "relinks": relinks}, ensure_ascii=False
    )
    entry = DeletedRecord.objects.create(
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        rows=len(rows),
        data=data,
        deleted_by=user,
    )
    obj.delete()  # each deleted row leaves its own audit entry
    return entry


@transaction.atomic
def do_restore(entry: DeletedRecord, *, user: AbstractBaseUser | None) -> int:
    """Put the rows back; refuses if any id was taken since or a parent is gone."""
    entry = DeletedRecord.objects.select_for_update().get(pk=entry.pk)
    if entry.restored_at is not None:
        raise ActionError("Dữ liệu này đã được khôi phục rồi")
    payload = json.loads(entry.data)
    restored = 0
    for item in serializers.deserialize("xml", payload["objects"]):
        obj = item.object
        model = type(obj)
        derived = model._meta.app_label in DERIVED_APPS  # recomputed on save: overwrite
        if not derived and model._default_manager.filter(pk=obj.pk).exists():
            raise ActionError(
                f"Không khôi phục được: {model._meta.verbose_name} #{obj.pk} đã có trong dữ liệu"
            )
        item.save()
        restored += 1
    for label, pk, attname, value in payload["relinks"]:
        model = apps.get_model(label)
        model._default_manager.filter(pk=pk, **{attname: None}).update(**{attname: value})
    root = apps.get_model(entry.model)._default_manager.filter(pk=entry.object_id).first()
    if root is None:
        raise ActionError("Không khôi phục được: bản lưu trong thùng rác bị hỏng")
    try:
        root.full_clean(validate_unique=False)
    except Exception as exc:  # a parent (issuing body, resolution) deleted since
        raise ActionError(f"Không khôi phục được: {exc}") from exc
    entry.restored_at = timezone.now()
    entry.restored_by = user
    entry.save(update_fields=["restored_at", "restored_by"])
    record("update", root)  # one trail entry for the restore itself (rows are raw saves)
    return restored
