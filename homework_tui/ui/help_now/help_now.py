"""Help now: the person's own safety plan first (Stanley & Brown's seven steps, written by them),
with step 5 the people and services to call: what to do in an emergency, their local crisis line
and their contacts. Reachable from every screen with F2. Everything the person typed is shown
literally."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import N_, _
from homework_tui.model.safety import (
    CONTACTS_STEP,
    EMERGENCY,
    IN_DANGER,
    STEPS_AFTER_CONTACTS,
    STEPS_BEFORE_CONTACTS,
    CrisisContact,
    PlanStep,
    SafetyPlan,
)
from homework_tui.ui.base import HomeworkScreen, LatestValueSaver, Saved, SaveRefused
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.help_now.contact_form import ContactDraft, ContactForm, ContactFormResult
from homework_tui.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from homework_tui.store import Singleton

EMPTY = N_(
    "Nothing here yet. Add the people you would reach out to when things get hard (a friend, "
    "someone in your family, your therapist's office) and your local crisis line, so the "
    "numbers are right here when you need them. They stay on this computer only."
)
NOT_OPEN = N_("Your saved contacts will show here as soon as your data is open.")
PLAN_NOT_WRITTEN = N_(
    "Your safety plan is not written yet. Press e to write it in your own words: warning signs, "
    "what helps, who to be with, reasons for living."
)
PLAN_NOT_OPEN = N_("Your safety plan will show here as soon as your data is open.")
NOT_WRITTEN_STEP = N_("(not written yet: press e to add it)")
CRISIS_LINE = "crisis-line"
NEW_PERSON = "new"
SAFETY_TABLE = "safety"


def contact_text(contact: CrisisContact, label: str | None = None) -> Text:
    """A contact as literal text: never parsed as markup."""
    text = Text()
    if label:
        # Translators: before a contact, e.g. "Crisis line: Samaritans   116 123".
        text.append(_("{label}: ").format(label=label), style="dim")
    text.append(contact.name, style="bold")
    text.append("   ")
    text.append(contact.number)
    if contact.note:
        text.append("\n")
        text.append(contact.note, style="dim")
    return text


def steps_text(plan: SafetyPlan, steps: tuple[PlanStep, ...]) -> Text:
    """Written steps under their numbered headings, the person's words literally."""
    text = Text()
    for index, step in enumerate(steps):
        if index:
            text.append("\n\n")
        text.append(f"{step.number} · {_(step.title)}", style="bold")
        text.append("\n")
        written = plan.step_text(step)
        text.append(
            written or _(NOT_WRITTEN_STEP),
            style="" if written else "dim italic",  # i18n: not shown
        )
    return text


class ContactList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", N_("Edit"))]


class HelpNowScreen(HomeworkScreen[None]):
    """The safety plan, with emergency guidance, the crisis line and the person's own contacts
    as its step 5."""

    TITLE = "homework-tui"
    SUB_TITLE = N_("Help now")
    CSS_PATH = "help_now.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_plan", N_("Safety plan")),
        Binding("a", "add_person", N_("Add person")),
        Binding("l", "edit_crisis_line", N_("Crisis line")),
        Binding("d,delete", "remove", N_("Remove")),
    ]

    def __init__(self) -> None:
        super().__init__(id="help-now")
        self.plan = SafetyPlan()
        self.saver: LatestValueSaver[SafetyPlan] | None = None
        self._drafts: dict[str, ContactDraft] = {}
        self._last_edit: tuple[str, ContactDraft] | None = None

    def compose(self) -> ComposeResult:
        self.sub_title = _(self.SUB_TITLE)
        yield Header(icon="·")
        with VerticalScroll(classes="page", id="help-now-page"):
            yield Static(Text(_(IN_DANGER)), id="help-now-in-danger")
            plan = Static(Text(_(PLAN_NOT_OPEN)), id="help-now-plan")
            plan.border_title = _("Your safety plan  (e to write or change it)")
            yield plan
            yield Static(
                Text(f"{CONTACTS_STEP.number} · {_(CONTACTS_STEP.title)}", style="bold"),
                id="help-now-step-contacts",
            )
            yield Static(Text(_(EMERGENCY)), id="help-now-emergency")
            yield Static(Text(_(NOT_OPEN)), id="help-now-empty", classes="calm-note")
            contacts = ContactList(id="help-now-contacts")
            contacts.border_title = _("Your crisis line and people")
            yield contacts
            yield Static(id="help-now-plan-rest")
        yield Footer()

    def on_mount(self) -> None:
        if self.homework.store is not None:
            self._load()
        else:
            self.homework.data_ready_signal.subscribe(self, lambda _store: self._load())
        self._show_plan()
        # The plan stays in view above: focusing the list must not scroll it away.
        self.query_one(ContactList).focus(scroll_visible=False)

    async def recompose(self) -> None:
        """Drawn again in another language: the plan and contacts as they were shown."""
        await super().recompose()
        self._show()
        self.query_one(ContactList).focus(scroll_visible=False)

    def _singleton(self) -> Singleton[SafetyPlan]:
        from homework_tui.store import Singleton

        store = self.homework.store
        if store is None:
            raise AssertionError("Help now loads its plan only once the data has opened")
        return Singleton(store, SAFETY_TABLE, SafetyPlan, SafetyPlan)

    def _load(self) -> None:
        self.plan = self._singleton().load()
        self.saver = LatestValueSaver(self, SAFETY_TABLE, self._singleton().save, self.plan)
        self._show()

    def _show_plan(self) -> None:
        """Steps 1–4 first, then step 5 (the contacts), then steps 6–7; an invitation while
        nothing is written."""
        ready = self.saver is not None
        written = ready and self.plan.is_written
        first = self.query_one("#help-now-plan", Static)
        if written:
            first.update(steps_text(self.plan, STEPS_BEFORE_CONTACTS))
        else:
            first.update(Text(_(PLAN_NOT_WRITTEN) if ready else _(PLAN_NOT_OPEN)))
        first.set_class(not written, "-not-written")
        self.query_one("#help-now-step-contacts").display = written
        self.query_one("#help-now-in-danger").display = written  # else the full text is in view
        rest = self.query_one("#help-now-plan-rest", Static)
        rest.update(steps_text(self.plan, STEPS_AFTER_CONTACTS) if written else "")
        rest.display = written

    def _show(self) -> None:
        ready = self.saver is not None
        empty = self.query_one("#help-now-empty", Static)
        empty.update(Text(_(EMPTY) if ready else _(NOT_OPEN)))
        empty.display = not ready or self.plan.is_empty
        self._show_plan()
        contacts = self.query_one(ContactList)
        highlighted = contacts.highlighted
        contacts.clear_options()
        if not ready:
            return
        line = self.plan.crisis_line
        if line is None:
            prompt = Text(_("+ Add your local crisis line  (l)"), style="dim")
        else:
            prompt = contact_text(line, _("Crisis line"))
        options = [Option(prompt, id=CRISIS_LINE)]
        for index, person in enumerate(self.plan.contacts):
            options.append(Option(contact_text(person), id=f"contact-{index}"))
        options.append(Option(Text(_("+ Add a person  (a)"), style="dim"), id=NEW_PERSON))
        contacts.add_options(options)
        if highlighted is not None:
            contacts.highlighted = min(highlighted, contacts.option_count - 1)

    # -- editing -----------------------------------------------------------------------------

    def action_edit_plan(self) -> None:
        store = self.homework.store
        if self.saver is None or store is None:
            self.notify(_(PLAN_NOT_OPEN), markup=False)
            return
        from homework_tui.ui.help_now.plan_form import FORM, SafetyPlanForm, plan_fields
        from homework_tui.ui.text_sheet import pending_draft

        form = SafetyPlanForm(plan_fields(self.plan), pending_draft(store, FORM))
        self.app.push_screen(form, self._plan_written)

    def _plan_written(self, saved: SafetyPlan | None) -> None:
        if saved is None:
            return
        self.plan = self.plan.with_steps(saved)  # the contacts as this screen has them
        self._show()

    def _target(self) -> str | None:
        contacts = self.query_one(ContactList)
        if contacts.highlighted is None or contacts.option_count == 0:
            return None
        return contacts.get_option_at_index(contacts.highlighted).id

    def _edit(self, target: str) -> None:
        if self.saver is None:
            self.notify(_(NOT_OPEN), markup=False)
            return
        if target == CRISIS_LINE:
            title = _("Your local crisis line")
            hint = _("A helpline near you that answers in a crisis, and when.")
            current = self.plan.crisis_line
        elif target == NEW_PERSON:
            title, hint, current = _("Add a person"), _("Someone you trust to call or text."), None
        else:
            current = self.plan.contacts[int(target.removeprefix("contact-"))]
            title, hint = _("Edit this person"), _("Change anything, then save.")
        if self.homework.read_only:
            hint = _("{hint} This window is read-only, so it cannot be saved here.").format(
                hint=hint
            )
        draft = self._drafts.get(target) or ContactDraft.of(current)
        self.app.push_screen(
            ContactForm(title, draft, hint=hint, id="contact-form"),
            lambda result: self._edited(target, current, result),
        )

    def _edited(
        self, target: str, current: CrisisContact | None, result: ContactFormResult | None
    ) -> None:
        if result is None:
            return
        if result.contact is None:
            if result.draft != ContactDraft.of(current) and not result.draft.is_blank:
                self._drafts[target] = result.draft
                self.notify(_("Kept what you typed; open it again to carry on."), markup=False)
            else:
                self._drafts.pop(target, None)
            return
        self._drafts.pop(target, None)
        if target == CRISIS_LINE:
            plan = self.plan.with_crisis_line(result.contact)
        elif target == NEW_PERSON:
            plan = self.plan.with_contact(result.contact)
        else:
            plan = self.plan.with_contact_at(int(target.removeprefix("contact-")), result.contact)
        self._last_edit = (target, result.draft)
        self._change(plan)

    def _change(self, plan: SafetyPlan) -> None:
        assert self.saver is not None
        self.plan = plan
        self._show()
        self.saver.save(plan)

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        self._last_edit = None

    @on(SaveRefused)
    def _refused(self, event: SaveRefused) -> None:
        event.stop()
        if self.saver is not None:
            self.plan = self.saver.written
            self._show()
        if self._last_edit is not None:
            target, draft = self._last_edit
            self._drafts[target] = draft
            self._last_edit = None
        self.notify(
            _("{problem} What you typed is kept here until you close homework-tui.").format(
                problem=event.message
            ),
            title=_("Read-only") if event.read_only else _("Not saved"),
            severity="warning",
            markup=False,
        )

    @on(OptionList.OptionSelected, "#help-now-contacts")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._edit(event.option.id)

    def action_add_person(self) -> None:
        self._edit(NEW_PERSON)

    def action_edit_crisis_line(self) -> None:
        self._edit(CRISIS_LINE)

    def action_remove(self) -> None:
        target = self._target()
        if self.saver is None or target is None or target == NEW_PERSON:
            return
        if target == CRISIS_LINE:
            if self.plan.crisis_line is None:
                return
            name = self.plan.crisis_line.name
            apply: Callable[[], SafetyPlan] = lambda: self.plan.with_crisis_line(None)  # noqa: E731 - one name, two removals
        else:
            index = int(target.removeprefix("contact-"))
            name = self.plan.contacts[index].name
            apply = lambda: self.plan.without_contact(index)  # noqa: E731 - one name, two removals

        def confirmed(choice: str | None) -> None:
            if choice == "remove":
                self._change(apply())

        # Translators: {name} is a person or crisis line the person saved.
        question = _("Remove {name} from your list? You can add them back any time.")
        before, _field, after = question.partition("{name}")
        dialog = ChoiceDialog(
            _("Remove from Help now?"),
            Text.assemble(before, (name, "bold"), after),
            [
                Choice("y", _("Remove"), "remove"),
                Choice("n", _("Keep"), "keep", primary=True),
            ],
            escape="keep",
            id="confirm-remove",
        )
        self.app.push_screen(dialog, confirmed)
