"""At start-up, a word about what was left unfinished last time (a closed terminal, a crash).

The app calls `announce_unfinished(app)` once its store is open: if any form's draft is waiting,
a calm notification says what and which key opens it. The section itself then offers the draft.
"""

from __future__ import annotations

from typing import Any

from homework_tui.model.draft import Draft
from homework_tui.sections import by_key
from homework_tui.store.drafts import Drafts

# Each draft form, the section that offers it back, and how to name it.
FORMS: dict[str, tuple[str, str, str]] = {
    "thought_record": ("thoughts", "thought record", "thought records"),
    "journal": ("journal", "journal entry", "journal entries"),
}


def describe(drafts: list[Draft]) -> str:
    """One or two sentences about `drafts` (newest first), for the person."""
    known = [d for d in drafts if d.form in FORMS]
    if not known:
        return ""
    if len(known) == 1:
        draft = known[0]
        section, name, _ = FORMS[draft.form]
        what = f"unfinished {name}" if draft.record_id is None else f"unsaved changes to a {name}"
        return (
            f"Your {what} from {draft.updated_at:%a %-d %b at %H:%M} was kept for you. "
            f"Press {by_key(section).hotkey} to carry on whenever you like."
        )
    parts = []
    for form, (section, one, many) in FORMS.items():
        count = sum(1 for d in known if d.form == form)
        if count:
            parts.append(f"{count} {one if count == 1 else many} (press {by_key(section).hotkey})")
    return "Some unfinished writing was kept for you: " + " and ".join(parts) + "."


def announce_unfinished(app: Any) -> None:
    """Look for drafts in a thread worker and, if there are any, notify once."""
    store = getattr(app, "store", None)
    if store is None:
        return

    def find() -> None:
        try:
            message = describe(Drafts(store).pending())
        except Exception:  # noqa: BLE001 - a notice is never worth an error
            return
        if message:
            app.call_from_thread(
                app.notify, message, title="Kept for you", timeout=12, markup=False
            )

    app.run_worker(find, thread=True, group="drafts-notice", exit_on_error=False)
