"""The therapist's plan in plain mode: what was set, how often, and the sessions around it."""

from __future__ import annotations

from homework_tui.i18n import N_, _
from homework_tui.model.plan import short_date
from homework_tui.plain.records import indented
from homework_tui.plain.session import Session
from homework_tui.store.plan import assignments, plan_info

NO_PLAN = N_(
    "No plan yet. Your therapist's plan file can be imported with "
    "“homework-tui plan import FILE”, or added in the full-screen app's Plan."
)


def plan_text(session: Session) -> str:
    info = plan_info(session.store).load()
    plan = assignments(session.store)
    lines = [_("Plan: {title}").format(title=info.title) if info.title else _("Your plan")]
    if info.therapist:
        lines.append(_("From {therapist}").format(therapist=info.therapist))
    if info.last_session:
        lines.append(_("Last session: {day}").format(day=short_date(info.last_session)))
    if info.next_session:
        lines.append(_("Next session: {day}").format(day=short_date(info.next_session)))
    for number, assignment in enumerate(plan, 1):
        lines.append(f"{number}. {assignment.describe()}")
        if assignment.note:
            lines.append(indented(assignment.note))
    if not plan:
        lines.append(_(NO_PLAN))
    if relax := info.describe_relax():
        lines.append(relax)
    return "\n".join(lines)


def run(session: Session) -> None:
    session.io.say(plan_text(session))
