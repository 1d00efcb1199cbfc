"""At start-up, a word about what was left unfinished last time (a closed terminal, a crash).

The app calls `announce_unfinished(app)` once its store is open: if any form's draft is waiting,
a calm notification says what and which key opens it. The section itself then offers the draft.
"""

from __future__ import annotations

from typing import Any

from homework_tui.i18n import _, ngettext
from homework_tui.model.draft import Draft
from homework_tui.sections import by_key
from homework_tui.store.drafts import Drafts
from homework_tui.ui.language.dates import short_date

# Each draft form and the section that offers it back.
FORMS: dict[str, str] = {"thought_record": "thoughts", "journal": "journal"}


def _one(form: str, new: bool, when: str, key: str) -> str:
    """The sentence about one draft of `form` (new: not yet a saved record)."""
    if form == "journal" and new:
        text = _("Your unfinished journal entry from {when} was kept for you.")
    elif form == "journal":
        text = _("Your unsaved changes to a journal entry from {when} was kept for you.")
    elif new:
        text = _("Your unfinished thought record from {when} was kept for you.")
    else:
        text = _("Your unsaved changes to a thought record from {when} was kept for you.")
    carry_on = _("Press {key} to carry on whenever you like.").format(key=key)
    return f"{text.format(when=when)} {carry_on}"


def _count(form: str, count: int, key: str) -> str:
    """ "2 thought records (press t)"."""
    if form == "journal":
        text = ngettext(
            "{n} journal entry (press {key})", "{n} journal entries (press {key})", count
        )
    else:
        text = ngettext(
            "{n} thought record (press {key})", "{n} thought records (press {key})", count
        )
    return text.format(n=count, key=key)


def describe(drafts: list[Draft]) -> str:
    """One or two sentences about `drafts` (newest first), for the person."""
    known = [d for d in drafts if d.form in FORMS]
    if not known:
        return ""
    if len(known) == 1:
        draft = known[0]
        # Translators: {day} "Thu 26 Nov", {time} "19:00".
        when = _("{day} at {time}").format(
            day=short_date(draft.updated_at), time=f"{draft.updated_at:%H:%M}"
        )
        key = by_key(FORMS[draft.form]).hotkey
        return _one(draft.form, draft.record_id is None, when, key)
    parts = []
    for form, section in FORMS.items():
        count = sum(1 for d in known if d.form == form)
        if count:
            parts.append(_count(form, count, by_key(section).hotkey))
    if len(parts) == 1:
        return _("Some unfinished writing was kept for you: {first}.").format(first=parts[0])
    return _("Some unfinished writing was kept for you: {first} and {second}.").format(
        first=parts[0], second=parts[1]
    )


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
                app.notify, message, title=_("Kept for you"), timeout=12, markup=False
            )

    app.run_worker(find, thread=True, group="drafts-notice", exit_on_error=False)
