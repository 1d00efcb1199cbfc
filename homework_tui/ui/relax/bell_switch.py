"""The terminal bell at each phase of a breathing or relaxation session, switched on or off from
one place: the Relax list (when no sound device was found) and the command palette ("Bell").
Kept tiny (no Textual) because the app imports it at start-up through the palette."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homework_tui.i18n import N_, _
from homework_tui.ui.app_protocol import homework_of

if TYPE_CHECKING:
    from textual.app import App

BELL_NAME = N_("Bell at each phase")
BELL_HELP = N_(
    "Ring the terminal bell at each in, hold and out (on/off), for when there is no sound"
)


def bell_state(on: bool) -> str:
    """How the bell's state reads to the person."""
    return (
        _("The terminal bell will ring at each phase of a session.")
        if on
        else _("The terminal bell at each phase is off.")
    )


def toggle_bell(app: App[Any]) -> bool:
    """Turn the bell at each phase on or off (kept with the other settings); say which it now
    is. Returns the new state."""
    homework = homework_of(app)
    on = not homework.settings.bell_on_phase
    homework.change_settings(bell_on_phase=on)
    app.notify(bell_state(on), timeout=3)
    return on
