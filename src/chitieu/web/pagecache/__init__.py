"""Cached public dashboards: the rendered page body, invalidated through versions kept in the
database (docs/scale.md, "Dashboard under load")."""
