from __future__ import annotations


class ActionError(ValueError):
    """A refused state change; the message is Vietnamese and shown to the user as is."""
