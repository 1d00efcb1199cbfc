"""The report's own notes from the person: the notes for the next session (Beck's bridge), which
open the report, and the safety plan, which comes in only when they choose it.

What goes in, in which order and under which headings, for both formats: `markdown.py` renders
it (escaped like all typed text), and the CSV tables are here.
"""

from __future__ import annotations

from homework_tui.i18n import N_, _
from homework_tui.model.bridge import BRIDGE_NOTES, SessionBridge
from homework_tui.model.safety import (
    CONTACTS_STEP,
    STEPS_AFTER_CONTACTS,
    STEPS_BEFORE_CONTACTS,
    CrisisContact,
    PlanStep,
    SafetyPlan,
)
from homework_tui.report.local import shown

BRIDGE_TITLE = N_("For this session")
SAFETY_TITLE = N_("My safety plan")
BRIDGE_CSV = "next-session.csv"
SAFETY_CSV = "safety-plan.csv"
NOT_WRITTEN = N_("(not written yet)")

Table = tuple[tuple[str, ...], list[list[str]]]


def bridge_notes(bridge: SessionBridge | None) -> list[tuple[str, str]]:
    """(heading, text) of each note written, in the form's order; none when there are none."""
    if bridge is None:
        return []
    return [
        (shown(note.title), bridge.text_of(note)) for note in BRIDGE_NOTES if bridge.text_of(note)
    ]


def bridge_table(bridge: SessionBridge | None) -> Table | None:
    """The notes as a two-column table (None when there are none)."""
    if bridge is None or bridge.is_empty:
        return None
    written = "" if bridge.updated_at is None else bridge.updated_at.date().isoformat()
    rows = [[title, text, written] for title, text in bridge_notes(bridge)]
    return (_("Note"), _("What I wrote"), _("Written")), rows


def _contact_line(contact: CrisisContact, label: str = "") -> str:
    words = f"{contact.name}, {contact.number}"
    words += f" ({contact.note})" if contact.note else ""
    return _("{label}: {contact}").format(label=label, contact=words) if label else words


def _contacts(plan: SafetyPlan) -> list[str]:
    lines = []
    if plan.crisis_line is not None:
        lines.append(_contact_line(plan.crisis_line, _("Crisis line")))
    lines += [_contact_line(contact) for contact in plan.contacts]
    return lines


def safety_steps(plan: SafetyPlan) -> list[tuple[str, list[str]]]:
    """(heading, what was written) of all seven steps in Stanley & Brown's order, the contacts
    and the crisis line as step 5; an empty list for a step not written."""

    def written(step: PlanStep) -> tuple[str, list[str]]:
        text = plan.step_text(step)
        return f"{step.number}. {shown(step.title)}", [text] if text else []

    return [
        *(written(step) for step in STEPS_BEFORE_CONTACTS),
        (f"{CONTACTS_STEP.number}. {shown(CONTACTS_STEP.title)}", _contacts(plan)),
        *(written(step) for step in STEPS_AFTER_CONTACTS),
    ]


def safety_table(plan: SafetyPlan | None) -> Table | None:
    """The plan as rows of (step, what was written): one row per contact in step 5, and an
    empty second cell for a step not written."""
    if plan is None:
        return None
    rows = [[heading, text] for heading, lines in safety_steps(plan) for text in (lines or [""])]
    return (_("Step"), _("What I wrote")), rows
