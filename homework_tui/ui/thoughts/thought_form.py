"""Writing a thought record, one step at a time, at the person's pace.

Everything typed goes to a draft within seconds (see `form_autosave`), so a closed terminal
loses nothing; Ctrl+S saves the record, finished or not (only the situation is needed). The hot
thought stays in view from step 4 to step 7. The screen dismisses with the saved record, or None.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header, Input, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError, optional_rating
from homework_tui.model.draft import Draft
from homework_tui.model.thought_prompts import MOOD_SUGGESTIONS
from homework_tui.model.thought_record import (
    ThoughtRecord,
    form_fields,
    indexed,
    record_from_fields,
    step_of,
)
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.naming import record_name
from homework_tui.ui.thoughts.distortion_list import DistortionList
from homework_tui.ui.thoughts.mood_rows import LaterMoodRow, MoodRerateRow, MoodRow
from homework_tui.ui.thoughts.thought_data import FORM, records_repo
from homework_tui.ui.thoughts.thought_form_steps import (
    STEPS,
    AlternativeRow,
    ThoughtRow,
    compose_step,
    question_text,
)
from homework_tui.ui.thoughts.thought_labels import DistortionPicker
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput

LAST = len(STEPS)


def _meaningful(fields: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fields.items() if v.strip()}


class ThoughtRecordForm(DraftForm, HomeworkScreen[ThoughtRecord | None]):
    CSS_PATH = "thought_records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("pagedown,ctrl+n", "step(1)", N_("Next"), key_display="PgDn", priority=True),
        Binding("pageup", "step(-1)", N_("Back"), key_display="PgUp", priority=True),
        Binding("ctrl+t", "hot", N_("Mark hot thought"), key_display="^t"),
        Binding("ctrl+g", "question", N_("Other question"), key_display="^g"),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
    ]
    LEAVE_TITLE = N_("Leave this thought record?")
    WHAT = N_("thought record")

    def __init__(self, record: ThoughtRecord | None = None, draft: Draft | None = None) -> None:
        super().__init__(classes="thought-form")
        self.record = record
        self.from_draft = draft is not None
        if draft is None:
            draft = Draft(form=FORM, record_id=record.id if record else None)
        self._draft = draft
        fields = dict(draft.fields) if self.from_draft else (form_fields(record) if record else {})
        self._initial = _meaningful(fields)
        self._fields = fields
        self.step = (
            int(draft.place) if draft.place.isdigit() and 1 <= int(draft.place) <= LAST else 1
        )
        moods = indexed(fields, "mood")
        self._moods = [i for i in moods if fields.get(f"mood-{i}-name", "").strip()]
        self._moods.append(max(moods, default=-1) + 1)
        thoughts = [i for i in indexed(fields, "thought") if fields.get(f"thought-{i}", "").strip()]
        self._thoughts = [*thoughts, max(thoughts, default=-1) + 1]
        self._after = {i: fields.get(f"mood-{i}-after", "") for i in moods}
        later = [i for i in indexed(fields, "later") if fields.get(f"later-{i}-name", "").strip()]
        self._later = [*later, max(indexed(fields, "later"), default=-1) + 1]
        alternatives = [i for i in indexed(fields, "alt") if fields.get(f"alt-{i}", "").strip()]
        self._alternatives = [*alternatives, max(indexed(fields, "alt"), default=-1) + 1]
        hot = fields.get("hot", "")
        self._hot: int | None = int(hot) if hot.isdigit() and int(hot) in thoughts else None
        self._question = {s.number: 0 for s in STEPS}
        self._message_field: str | None = None
        self._saving = False

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with Vertical(id="form-top"):
            yield Static(id="form-progress")
            yield Static(id="hot-banner")
            yield Static(id="form-message")
        with ContentSwitcher(initial=f"step-{self.step}", id="steps"):
            for step in STEPS:
                yield from compose_step(
                    step,
                    self._fields,
                    self._moods,
                    self._thoughts,
                    self._later,
                    self._alternatives,
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Thought record")
        name = record_name(self._fields.get("situation", ""))
        if self.record:
            when = _("from {day}").format(day=short_date(self.record.created_at, year=True))
        else:
            when = _("new")
        self.sub_title = f"{name} · {when}" if name else when
        distortions = self.query_one(DistortionList)
        keys = tuple(k for k in self._fields.get("distortions", "").split(",") if k)
        own = tuple(n for n in self._fields.get("own", "").split("\n") if n.strip())
        distortions.choose(keys, own)
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        self.query_one("#rerate-empty").display = not any(
            row.display for row in self.query(MoodRerateRow)
        )
        self.call_after_refresh(self._enter_step, self.step)
        self.start_autosave()

    # -- moving between steps ------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        target = self.step + delta
        if 1 <= target <= LAST:
            self._enter_step(target)
        elif target > LAST:
            self._say(_("This is the last step. Ctrl+S saves your thought record."))

    def _enter_step(self, number: int, focus: str | None = None) -> None:
        self.step = number
        step = STEPS[number - 1]
        self.query_one(ContentSwitcher).current = f"step-{number}"
        dots = " ".join("●" if s.number <= number else "○" for s in STEPS)
        progress = Text(
            _("Step {n} of {count} · {title}").format(n=number, count=LAST, title=_(step.title)),
            style="bold",
        )
        progress.append(f"   {dots}", style="dim")
        self.query_one("#form-progress", Static).update(progress)
        self._show_hot_banner(step.shows_hot_thought)
        if self._message_field is not None and step_of(self._message_field) != number:
            self._say("")
        self.refresh_bindings()
        self.note_change()
        target = self._find(focus) if focus else None
        if target is None:
            container = self.query_one(f"#step-{number}")
            focusable = [
                w for w in container.query("Input, TextArea, SelectionList") if w.focusable
            ]
            target = focusable[0] if focusable else None
        if target is not None:
            target.focus()
            target.scroll_visible(animate=False)

    def _find(self, field_id: str) -> Widget | None:
        found = self.query(f"#{field_id}")
        return found.first() if found else None

    def _show_hot_banner(self, visible: bool) -> None:
        banner = self.query_one("#hot-banner", Static)
        banner.display = visible
        if not visible:
            return
        hot = self._hot_text()
        if hot:
            text = Text(_("Hot thought:") + " ", style="bold")
            text.append(hot)
        else:
            text = Text(
                _(
                    "No hot thought marked yet. In step 3, move to the thought that feels "
                    "strongest and press ctrl+t."
                ),
                style="italic",
            )
        banner.update(text)

    def _hot_text(self) -> str:
        if self._hot is None:
            return ""
        found = self.query(f"#thought-{self._hot}")
        return " ".join(found.first(Input).value.split()) if found else ""

    def _sync_rerate_row(self, index: int) -> None:
        name = " ".join(self.query_one(f"#mood-{index}-name", Input).value.split())
        before = self.query_one(f"#mood-{index}-before", Input).value
        found = self.query(f"#rerate-row-{index}")
        if found:
            found.first(MoodRerateRow).show(name, before)
        elif name:
            self.query_one("#rerate-rows").mount(MoodRerateRow(index, name, before))
        named = any(row.display for row in self.query(MoodRerateRow)) or bool(name)
        self.query_one("#rerate-empty").display = not named

    # -- rows that grow as the person writes ---------------------------------------------------

    @on(Input.Changed)
    def _row_changed(self, event: Input.Changed) -> None:
        field_id = event.input.id or ""
        if field_id.startswith("mood-") and not field_id.endswith("-after"):
            index = int(field_id.split("-")[1])
            self._sync_rerate_row(index)
            if index == self._moods[-1] and event.value.strip() and field_id.endswith("-name"):
                self._moods.append(index + 1)
                self.query_one("#mood-rows").mount(MoodRow(index + 1, MOOD_SUGGESTIONS))
        elif field_id.startswith("thought-"):
            index = int(field_id.split("-")[1])
            if index == self._thoughts[-1] and event.value.strip():
                self._thoughts.append(index + 1)
                self.query_one("#thought-rows").mount(ThoughtRow(index + 1))
            if self._hot is None and event.value.strip():
                self._mark_hot(index)
        elif field_id.startswith("mood-") and field_id.endswith("-after"):
            self._after[int(field_id.split("-")[1])] = event.value
        elif field_id.startswith("later-") and field_id.endswith("-name"):
            index = int(field_id.split("-")[1])
            if index == self._later[-1] and event.value.strip():
                self._later.append(index + 1)
                self.query_one("#later-rows").mount(LaterMoodRow(index + 1, MOOD_SUGGESTIONS))
        elif field_id.startswith("alt-") and not field_id.endswith("-belief"):
            index = int(field_id.split("-")[1])
            if index == self._alternatives[-1] and event.value.strip():
                self._alternatives.append(index + 1)
                self.query_one("#alt-rows").mount(AlternativeRow(index + 1))
        if isinstance(event.input, RatingInput):
            self._check_rating(event.input)

    def _check_rating(self, widget: RatingInput) -> None:
        field_id = widget.id or ""
        try:
            optional_rating(field_id, widget.value, self._rating_label(field_id), high=widget.high)
        except ValidationError as error:
            widget.add_class("-invalid")
            self._say(error.message, field_id)
            return
        widget.remove_class("-invalid")
        if self._message_field == field_id:
            self._say("")

    def _rating_label(self, field_id: str) -> str:
        if field_id == "belief":
            return _("Belief in the balanced thought")
        if field_id.startswith("alt-"):
            return _("Belief in this alternative thought")
        prefix, index = field_id.split("-")[:2]
        found = self.query(f"#{prefix}-{index}-name")
        name = " ".join(found.first(Input).value.split()) if found else ""
        again = field_id.endswith("-after")
        if not name:
            return _("This mood's re-rating") if again else _("This mood's rating")
        if again:
            return _("The “{name}” re-rating").format(name=name)
        return _("The “{name}” rating").format(name=name)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        self.focus_next()

    def _mark_hot(self, index: int | None) -> None:
        self._hot = index
        for row in self.query(ThoughtRow):
            row.set_hot(row.index == index)
        self.note_change()

    def action_hot(self) -> None:
        focused = self.focused
        if focused is None or not (focused.id or "").startswith("thought-"):
            self._say(_("Move to a thought first (Tab), then press ctrl+t to mark it as hot."))
            return
        index = int((focused.id or "").split("-")[1])
        if not self.query_one(f"#thought-{index}", Input).value.strip():
            self._say(_("Write the thought first, then mark it as hot."))
            return
        self._mark_hot(index)
        self._say("")

    def action_question(self) -> None:
        step = STEPS[self.step - 1]
        if len(step.questions) < 2:
            return
        index = (self._question[step.number] + 1) % len(step.questions)
        self._question[step.number] = index
        self.query_one(f"#step-{step.number}-question", Static).update(question_text(step, index))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hot":
            return self.step == 3
        if action == "question":
            return len(STEPS[self.step - 1].questions) > 1
        return True

    # -- thinking traps ------------------------------------------------------------------------

    def on_distortion_picker_problem(self, message: DistortionPicker.Problem) -> None:
        self._say(message.message, message.field)

    # -- the draft -----------------------------------------------------------------------------

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        fields: dict[str, str] = {
            key: self.query_one(f"#{key}", TextArea).text
            for key in ("situation", "evidence-for", "evidence-against", "balanced")
        }
        # A re-rating as its box holds it now (a burst of "45" and Ctrl+S reaches the box before
        # its Changed message reaches the form); else as kept while the box was not shown.
        shown_after = {
            box.id: box.value
            for box in self.query(Input)
            if box.id and box.id.startswith("mood-") and box.id.endswith("-after")
        }
        for row in self.query(MoodRow):
            i = row.index
            fields[f"mood-{i}-name"] = row.query_one(f"#mood-{i}-name", Input).value
            fields[f"mood-{i}-before"] = row.query_one(f"#mood-{i}-before", Input).value
            fields[f"mood-{i}-after"] = shown_after.get(f"mood-{i}-after", self._after.get(i, ""))
        for later in self.query(LaterMoodRow):
            i = later.index
            fields[f"later-{i}-name"] = later.query_one(f"#later-{i}-name", Input).value
            fields[f"later-{i}-after"] = later.query_one(f"#later-{i}-after", Input).value
        for thought_row in self.query(ThoughtRow):
            fields[f"thought-{thought_row.index}"] = thought_row.query_one(Input).value
        fields["hot"] = "" if self._hot is None else str(self._hot)
        keys, own = self.query_one(DistortionList).chosen()
        fields["distortions"] = ",".join(keys)
        fields["own"] = "\n".join(own)
        fields["belief"] = self.query_one("#belief", Input).value
        for alternative in self.query(AlternativeRow):
            i = alternative.index
            fields[f"alt-{i}"] = alternative.query_one(f"#alt-{i}", Input).value
            fields[f"alt-{i}-belief"] = alternative.query_one(f"#alt-{i}-belief", Input).value
        return fields, str(self.step)

    def draft_worth_keeping(self, fields: dict[str, str]) -> bool:
        meaningful = {k: v for k, v in fields.items() if v.strip()}
        return self.from_draft or meaningful != self._initial

    # -- saving and leaving --------------------------------------------------------------------

    def _say(self, message: str, field_id: str | None = None) -> None:
        box = self.query_one("#form-message", Static)
        box.update(Text(message))
        box.display = bool(message)
        self._message_field = field_id if message else None

    async def action_save(self) -> None:
        if self._saving:
            return
        fields, _unused = self.draft_snapshot()
        try:
            record = record_from_fields(fields, base=self.record)
        except ValidationError as error:
            self._enter_step(step_of(error.field), focus=self._widget_for(error.field))
            self._say(error.message, error.field)
            return
        self._saving = True
        self._save(record)

    def _widget_for(self, field_id: str) -> str:
        if field_id == "hot":
            return f"thought-{self._hot if self._hot is not None else 0}"
        return field_id

    def persist(self, store: Store, record: ThoughtRecord, *extra: object) -> ThoughtRecord:
        return records_repo(store).save(record)

    def after_saved(self, record: ThoughtRecord) -> None:
        from homework_tui.ui.help_now.help_line import offer_help_line

        ratings = [(m.name, r) for m in record.moods for r in (m.before, m.after)]
        offer_help_line(self.app, moods=ratings)

    def saved_note(self, record: ThoughtRecord) -> str:
        if record.complete:
            return _("Thought record saved. Well done for taking the time.")
        return _("Saved. The parts still empty can be filled in whenever you like.")

    def unchanged(self, fields: dict[str, str]) -> bool:
        return _meaningful(fields) == self._initial

    def _save_chosen(self) -> None:
        self.run_worker(self.action_save())
