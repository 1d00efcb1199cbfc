"""Help now in plain mode: read first when asked, the person's safety plan in Stanley & Brown's
order with the emergency guidance, the crisis line and their people as step 5. They can write the
plan and add people here too. Typing "help now" at any question shows it."""

from __future__ import annotations

from collections.abc import Iterable

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.safety import (
    CONTACTS_STEP,
    EMERGENCY,
    IN_DANGER,
    STEPS_AFTER_CONTACTS,
    STEPS_BEFORE_CONTACTS,
    WRITTEN_STEPS,
    CrisisContact,
    PlanStep,
    SafetyPlan,
    needs_help_line,
)
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.io import help_now_words
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, indented, run_section
from homework_tui.plain.session import Session
from homework_tui.report.local import shown
from homework_tui.store import ReadOnly, Singleton, StoreError

SAFETY_TABLE = "safety"  # the table the full-screen Help now keeps the plan in
HELP_LINE = N_(
    "If you're thinking of harming yourself, type “{help_now}” at any question for your plan "
    "and your crisis contacts."
)
NOT_WRITTEN = N_(
    "Your safety plan is not written yet. Choose “write” to write it in your own words: "
    "warning signs, what helps, who to be with, reasons for living."
)
NO_CONTACTS = N_(
    "No people or crisis line saved yet. Choose “person” or “line” to add them, so the "
    "numbers are right here when you need them. They stay on this computer only."
)


def plan_doc(session: Session) -> Singleton[SafetyPlan]:
    return Singleton(session.store, SAFETY_TABLE, SafetyPlan, SafetyPlan)


def help_line() -> str:
    """The calm line pointing to Help now."""
    return _(HELP_LINE).format(help_now=help_now_words())


def contact_line(contact: CrisisContact, label: str = "") -> str:
    """ "Samaritans, 116 123. Any time", after its `label` when given ("Crisis line: …")."""
    line = f"{contact.name}, {contact.number}"
    line += f". {contact.note}" if contact.note else ""
    return _("{label}: {contact}").format(label=label, contact=line) if label else line


def crisis_line(contact: CrisisContact) -> str:
    """“Crisis line: Samaritans, 116 123. Any time”."""
    return contact_line(contact, _("Crisis line"))


def steps(plan: SafetyPlan, chosen: tuple[PlanStep, ...]) -> list[str]:
    lines: list[str] = []
    for step in chosen:
        written = plan.step_text(step)
        lines += [
            f"{step.number}. {shown(step.title)}",
            indented(written) if written else "  " + _("(not written)"),
        ]
    return lines


def plan_text(plan: SafetyPlan) -> str:
    """The whole of Help now as lines, in the order the full-screen screen shows it."""
    lines = [_("Help now"), shown(EMERGENCY if not plan.is_written else IN_DANGER)]
    if plan.is_written:
        lines += [_("Your safety plan:"), *steps(plan, STEPS_BEFORE_CONTACTS)]
        lines += [f"{CONTACTS_STEP.number}. {shown(CONTACTS_STEP.title)}", f"  {shown(EMERGENCY)}"]
    else:
        lines.append(_(NOT_WRITTEN))
    if plan.crisis_line is not None:
        lines.append("  " + crisis_line(plan.crisis_line))
    for number, person in enumerate(plan.contacts, 1):
        person_line = _("Person {n}: {contact}").format(n=number, contact=contact_line(person))
        lines.append(f"  {person_line}")
    if plan.is_empty:
        lines.append(_(NO_CONTACTS))
    if plan.is_written:
        lines += steps(plan, STEPS_AFTER_CONTACTS)
    return "\n".join(lines)


def offer_help_line(
    session: Session,
    *,
    moods: Iterable[tuple[str, int | None]] = (),
    journal_mood: int | None = None,
) -> None:
    """After saving: the calm line pointing to Help now when the model's rule says so (mood names
    and ratings only, with the person's own mood words from their plan)."""
    try:
        words = plan_doc(session).load().mood_words
    except StoreError:
        words = ()
    if needs_help_line(moods=moods, journal_mood=journal_mood, own_words=words):
        session.io.say(help_line())


def show(session: Session) -> None:
    session.io.say(plan_text(plan_doc(session).load()))


def _save(session: Session, plan: SafetyPlan, saved: str) -> None:
    try:
        plan_doc(session).save(plan)
    except ReadOnly as error:
        session.io.say(str(error))
        return
    except StoreError as error:
        session.io.say(_("Nothing was saved. {reason}").format(reason=error))
        return
    session.io.say(saved)


def write_plan(session: Session) -> None:
    plan = plan_doc(session).load()
    session.io.say(
        _(
            "Your safety plan, one step at a time. A line holding only “.” ends a step; "
            "a step left empty keeps what it says now."
        )
    )
    form = Form(session.io)
    for step in WRITTEN_STEPS:
        if now_written := plan.step_text(step):
            says = _("{step} now says:\n{text}")
            session.io.say(says.format(step=shown(step.title), text=indented(now_written)))
        session.io.say(shown(step.hint))
        form.ask(Field(step.key, f"{step.number}. {shown(step.title)}", Kind.TEXT))

    def written(values: dict[str, str]) -> SafetyPlan:
        kept = {s.key: values.get(s.key, "").strip() or plan.step_text(s) for s in WRITTEN_STEPS}
        return SafetyPlan(**kept)  # type: ignore[arg-type]

    written_plan = form.build(written)
    _save(session, plan.with_steps(written_plan), _("Saved your safety plan."))
    show(session)


def ask_contact(session: Session) -> CrisisContact:
    form = Form(session.io)
    form.ask(Field("name", _("Name")))
    form.ask(Field("number", _("Number")))
    form.ask(Field("note", _("A note, such as when to call"), optional=True))
    return form.build(lambda values: CrisisContact(**values))


def add_person(session: Session) -> None:
    plan = plan_doc(session).load()
    contact = ask_contact(session)
    try:
        changed = plan.with_contact(contact)
    except ValidationError as error:
        session.io.say(_("Nothing was saved. {reason}").format(reason=error.message))
        return
    _save(session, changed, _("Saved {contact}.").format(contact=contact_line(contact)))


def set_crisis_line(session: Session) -> None:
    plan = plan_doc(session).load()
    session.io.say(_("Your local crisis line: its name and number."))
    contact = ask_contact(session)
    saved = _("Saved {contact}.").format(contact=crisis_line(contact))
    _save(session, plan.with_crisis_line(contact), saved)


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("read", _("Read it again"), ("show",)), show),
        Action(Choice("write", _("Write or change your safety plan"), ("plan",)), write_plan),
        Action(Choice("person", _("Add a person"), ("add",)), add_person),
        Action(Choice("line", _("Set your crisis line"), ("crisis",)), set_crisis_line),
    )


def run(session: Session) -> None:
    show(session)
    run_section(session, _("Help now"), actions())
