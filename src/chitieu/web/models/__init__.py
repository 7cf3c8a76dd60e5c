"""ORM models, one domain noun per module. No evaluation rule lives here (see chitieu.evaluate);
rows translate to core objects in chitieu.web.domain."""

from __future__ import annotations

from chitieu.web.models.audit import AuditAction, AuditEntry, DeletedRecord
from chitieu.web.models.bodies import Body, BodyKind
from chitieu.web.models.memberships import Membership, Role
from chitieu.web.models.resolutions import Resolution, ResolutionKind
from chitieu.web.models.results import PeriodLock, ResultState, ResultVersion
from chitieu.web.models.targets import TargetChange, TargetRow
from chitieu.web.models.tokens import ApiToken
from chitieu.web.models.units import Unit, UnitLevel

__all__ = [
    "ApiToken",
    "AuditAction",
    "AuditEntry",
    "Body",
    "BodyKind",
    "DeletedRecord",
    "Membership",
    "PeriodLock",
    "Resolution",
    "ResolutionKind",
    "ResultState",
    "ResultVersion",
    "Role",
    "TargetChange",
    "TargetRow",
    "Unit",
    "UnitLevel",
]
