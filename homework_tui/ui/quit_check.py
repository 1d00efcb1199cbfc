"""Before quitting (Ctrl+Q, the palette's Quit): ask when something would be cut short.

* A form holding writing not saved as its record: its draft is written first, then the question
  says exactly what is on disk: "kept as a draft" only once that write succeeded; otherwise that
  the writing exists only in this window and is lost on quitting.
* A dialog form (a crisis contact, homework in the plan, …) whose fields changed: lost on
  quitting, as it keeps no draft.
* A relaxation session or exposure timer in progress: it is paused while asking, and goes on when
  the person stays.

Nothing at stake: the app quits at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homework_tui.i18n import _
from homework_tui.ui.dialogs import Choice, ChoiceDialog, SaveCancelModal
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.privacy.privacy_lock import all_screens

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from homework_tui.services.relax_player import SessionPlayer

QUIT_ID = "unsaved-quit"


def _session_player(screen: Screen[Any]) -> SessionPlayer | None:
    """The player of a relaxation session still going on in `screen`, else None."""
    from homework_tui.ui.relax.relax_session import RelaxSessionScreen

    if isinstance(screen, RelaxSessionScreen) and screen.started is not None and not screen.ended:
        return screen.started.player
    return None


def _timer_running(screen: Screen[Any]) -> bool:
    from homework_tui.ui.privacy.privacy_lock import runs_something
    from homework_tui.ui.relax.relax_session import RelaxSessionScreen

    return not isinstance(screen, RelaxSessionScreen) and runs_something(screen)


def _forms_question(
    kept: list[DraftForm], lost: list[tuple[DraftForm, str]], *, read_only: bool
) -> tuple[str, str]:
    """(title, body) for forms holding unsaved writing; `lost` holds those whose draft failed
    (in a read-only window every draft is refused: it says what to do there instead)."""
    if lost and read_only:
        from homework_tui.ui.read_only import QUIT_WARNING

        return _("Your writing is not saved yet"), _(QUIT_WARNING)
    if lost:
        form, why = lost[0]
        body = _(
            "Your {what} could not be written to disk just now: {why} What you typed "
            "exists only in this window ({draft}), and it is lost if you quit. "
            "Free some space or fix the folder, then save with Ctrl+S."
        ).format(what=_(form.WHAT), why=why, draft=form.earlier_draft())
        return _("Your writing is not saved yet"), body
    # Translators: one unsaved form in a list ("your thought record, your journal entry").
    names = ", ".join(_("your {what}").format(what=_(form.WHAT)) for form in kept)
    body = _(
        "{names} is not saved yet. Everything you wrote is on disk as a "
        "draft, and it will be offered when you come back."
    ).format(names=names)
    return _("Quit homework-tui?"), body[:1].upper() + body[1:]


async def ask_before_quitting(app: App[Any]) -> bool:
    """Ask before quitting when something would be cut short, and return True (the answer quits
    or stays). False: nothing at stake, quit now."""
    if getattr(getattr(app, "idle_lock", None), "locked", False):
        return False  # at the lock screen: the drafts were written when it locked
    screens = all_screens(app)
    forms = [s for s in screens if isinstance(s, DraftForm) and s.holds_unsaved()]
    dialogs = [s for s in screens if isinstance(s, SaveCancelModal) and s.holds_unsaved()]
    players = [p for p in map(_session_player, screens) if p is not None]
    timers = [s for s in screens if _timer_running(s)]
    if not forms and not dialogs and not players and not timers:
        return False

    kept: list[DraftForm] = []
    lost: list[tuple[DraftForm, str]] = []
    for form in forms:
        failed = await form.keep_draft_now()
        if failed is None:
            kept.append(form)
        else:
            lost.append((form, failed))

    paused = [p for p in players if not p.paused]
    for player in paused:
        player.pause()
    parts: list[str] = []
    title = _("Quit homework-tui?")
    if forms:
        title, body = _forms_question(kept, lost, read_only=bool(getattr(app, "read_only", False)))
        parts.append(body)
    for dialog in dialogs:
        title = _("Your writing is not saved yet")
        parts.append(
            _(
                "What you typed in this {what} is not saved (Ctrl+S saves it), and it is lost "
                "if you quit."
            ).format(what=_(dialog.WHAT))
        )
    if players:
        parts.append(_("Your relaxation session stops here and is not logged."))
    if timers:
        parts.append(_("Your exposure timer stops here."))

    def chosen(choice: str | None) -> None:
        if choice == "quit":
            app.exit()
            return
        for player in paused:
            player.resume()

    app.push_screen(
        ChoiceDialog(
            title,
            " ".join(parts),
            [
                Choice("s", _("Stay"), "stay", primary=True),
                Choice("q", _("Quit anyway") if lost or dialogs else _("Quit"), "quit"),
            ],
            escape="stay",
            id=QUIT_ID,
        ),
        chosen,
    )
    return True
