"""Settings: the cursor-follows-focus choice (issue 17, point 1) is on by default and is either
on or off (tests/store/test_settings_doc.py: an older document loads with it on)."""

from __future__ import annotations

import pytest

from homework_tui.model.base import ValidationError
from homework_tui.model.settings import Settings


def test_the_cursor_follows_the_focus_unless_turned_off() -> None:
    assert Settings().cursor_on_focus is True
    assert Settings().changed(cursor_on_focus=False).cursor_on_focus is False


def test_the_cursor_choice_is_on_or_off() -> None:
    with pytest.raises(ValidationError, match="either on or off"):
        Settings(cursor_on_focus="yes")  # type: ignore[arg-type]
