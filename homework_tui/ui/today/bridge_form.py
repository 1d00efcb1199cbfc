"""Notes for the next session (Beck's bridge): what got in the way, and what I want to raise.
Opened from Today and from the plan screen (b); both notes open the report.

Draft-safe (`TextSheetForm`); dismisses with the saved notes, or None."""

from __future__ import annotations

from typing import Any

from homework_tui.i18n import N_, _
from homework_tui.model.base import now
from homework_tui.model.bridge import BRIDGE_NOTES, SessionBridge
from homework_tui.store import Singleton, Store
from homework_tui.ui.text_sheet import SheetField, TextSheetForm, pending_draft

FORM = "session_bridge"
TABLE = "bridge"
INTRO = N_(
    "A few words to bring to your next session. They open your report, so your therapist "
    "sees them first. Either one is fine on its own."
)


def bridge_singleton(store: Store) -> Singleton[SessionBridge]:
    return Singleton(store, TABLE, SessionBridge, SessionBridge)


class BridgeForm(TextSheetForm[SessionBridge]):
    FORM = FORM
    SHEET_TITLE = N_("For your next session")
    INTRO = INTRO
    FIELDS = tuple(SheetField(n.key, n.title, n.hint) for n in BRIDGE_NOTES)
    LEAVE_TITLE = N_("Leave these notes?")
    WHAT = N_("notes for the next session")

    def build(self, fields: dict[str, str]) -> SessionBridge:
        notes = {n.key: fields.get(n.key, "") for n in BRIDGE_NOTES}
        return SessionBridge(updated_at=now(), **notes)

    def persist(self, store: Store, record: SessionBridge, *extra: object) -> SessionBridge:
        return bridge_singleton(store).save(record)

    def saved_note(self, record: SessionBridge) -> str:
        if record.is_empty:
            return _("Your notes for the next session are cleared.")
        return _("Saved for your next session. Your report will open with these notes.")


def open_bridge(app: Any) -> None:
    """Open the notes for the next session (with an unsaved draft, if one is waiting)."""
    store = app.store
    if store is None:
        return
    saved = bridge_singleton(store).load()
    fields = {n.key: saved.text_of(n) for n in BRIDGE_NOTES}
    app.push_screen(BridgeForm(fields, pending_draft(store, FORM)))
