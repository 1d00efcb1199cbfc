"""The report for the next session in plain mode: the same Markdown as the full-screen export
(`report.markdown.render`), written to a file private to the person; it says where."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from homework_tui.i18n import _
from homework_tui.model.plan import short_date
from homework_tui.plain.session import Session


def default_path(today: date) -> Path:
    """The full-screen export's suggestion: ~/homework-report-DATE.md."""
    return Path("~") / f"homework-report-{today.isoformat()}.md"  # i18n: not shown


def run(session: Session) -> None:
    from homework_tui.model.base import visible
    from homework_tui.report.data import collect, since_last_session
    from homework_tui.report.files import write_private
    from homework_tui.report.markdown import render

    io = session.io
    today = date.today()
    first = since_last_session(session.store, today)
    io.say(
        _(
            "The report for your next session covers {first} to {last}. Your journal writing, "
            "exposure notes and safety plan are left out of it."
        ).format(first=short_date(first), last=short_date(today))
    )
    suggested = default_path(today)
    answer = io.ask(_("Where to save it (Enter for {path}):").format(path=suggested))
    path = Path(answer.strip() or suggested).expanduser()
    text = render(collect(session.store, first, today))
    try:
        write_private(path, text.encode("utf-8"))
    except OSError as error:
        io.say(
            _("The report could not be written to {path}: {reason}").format(
                path=visible(str(path)), reason=error.strerror or error
            )
        )
        return
    io.say(
        _("Saved the report for your next session. It is in:\n{path}").format(
            path=visible(str(path))
        )
    )
