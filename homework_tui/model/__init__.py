"""The homework model: dataclasses, validation and rules. Standard library only, no I/O."""

from homework_tui.model.base import Entity, ValidationError, clean_text, new_id, now, rating

__all__ = ["Entity", "ValidationError", "clean_text", "new_id", "now", "rating"]
