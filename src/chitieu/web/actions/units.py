"""Load the official administrative units from the pinned `vietnam-provinces` package."""

from __future__ import annotations

from django.db import transaction

from chitieu.web.models import Unit, UnitLevel


@transaction.atomic
def do_load_units() -> tuple[int, int]:
    """Create or update the 34 provinces and 3,321 communes; returns (provinces, communes).

    Idempotent: codes are the key, so running it again only refreshes names."""
    import vietnam_provinces as vp

    provinces: dict[int, Unit] = {}
    for p in vp.Province.iter_all():
        unit, _ = Unit.objects.update_or_create(
            code=int(p.code),
            level=UnitLevel.PROVINCE,
            defaults={
                "name": p.name,
                "division_type": p.division_type.value,
                "parent": None,
            },
        )
        provinces[unit.code] = unit
    existing = {u.code: u for u in Unit.objects.filter(level=UnitLevel.COMMUNE)}
    new: list[Unit] = []
    changed: list[Unit] = []
    for w in vp.Ward.iter_all():
        parent = provinces[int(w.province_code)]
        unit = existing.get(int(w.code))
        if unit is None:
            new.append(
                Unit(
                    code=int(w.code),
                    name=w.name,
                    level=UnitLevel.COMMUNE,
                    division_type=w.division_type.value,
                    parent=parent,
                )
            )
        elif (unit.name, unit.division_type, unit.parent_id) != (
            w.name,
            w.division_type.value,
            parent.id,
        ):
            unit.name, unit.division_type, unit.parent = w.name, w.division_type.value, parent
            changed.append(unit)
    Unit.objects.bulk_create(new, batch_size=500)
    Unit.objects.bulk_update(changed, ["name", "division_type", "parent"], batch_size=500)
    communes = Unit.objects.filter(level=UnitLevel.COMMUNE).count()
    return len(provinces), communes
