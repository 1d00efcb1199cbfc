"""Behavioural experiments: the list (waiting for an outcome first, then done), the chosen one in
words, and the way into planning, writing up what happened, deleting (with undo).

Unsaved drafts head the list, and one left from last time is offered back on opening.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from homework_tui.model.draft import Draft
from homework_tui.model.experiment import Experiment, awaiting_outcome, completed
from homework_tui.screens.base import SectionScreen, saving
from homework_tui.screens.dialogs import Choice, ChoiceDialog
from homework_tui.screens.experiment_data import FORM, experiments_repo
from homework_tui.store.drafts import Drafts
from homework_tui.store.errors import StoreError

DRAFT_ROW = "draft:"
EMPTY = (
    "No experiments yet. Press n to plan one: write down a worry as a belief, how strongly you "
    "believe it, and a small experiment to test it. Afterwards, come back to write what happened."
)


class ExperimentTable(DataTable[Text]):
    """One experiment per row; Enter opens the highlighted one (and says so in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", key_display="⏎"),
    ]


def shorten(text: str, width: int) -> Text:
    line = Text(" ".join(text.split()), no_wrap=True)
    line.truncate(max(width, 1), overflow="ellipsis")
    return line


def belief_cell(experiment: Experiment) -> Text:
    before = "–" if experiment.belief_rating is None else str(experiment.belief_rating)
    if not experiment.done:
        return Text(before)
    after = "–" if experiment.belief_after is None else str(experiment.belief_after)
    return Text(f"{before} → {after}")


def detail(experiment: Experiment) -> Text:
    text = Text()
    text.append("Belief: ", style="dim")
    text.append(experiment.belief)
    if experiment.belief_rating is not None:
        text.append(f"  ({experiment.belief_rating}/100)", style="dim")
    if experiment.what:
        text.append("\nExperiment: ", style="dim")
        text.append(" ".join(experiment.what.split()))
        place = ", ".join(p for p in (experiment.when, experiment.where) if p)
        if place:
            text.append(f" ({place})", style="dim")
    if not experiment.done:
        text.append("\nWaiting for what happened — press o when you've tried it.", style="italic")
        return text
    text.append("\nWhat I learned: ", style="dim")
    text.append(" ".join(experiment.learned.split()) or "–")
    change = experiment.belief_change
    if change is not None:
        text.append(f"\nBelief {experiment.belief_rating} → {experiment.belief_after}", style="bold")
    return text


class ExperimentsScreen(SectionScreen):
    CSS_PATH = "experiments.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New"),
        Binding("o", "outcome", "Outcome"),
        Binding("d,delete", "delete", "Delete", key_display="d"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self) -> None:
        super().__init__(name="experiments", classes="experiments")
        self.experiments: list[Experiment] = []
        self.drafts: list[Draft] = []
        self.undo_id: str | None = None
        self._offered = False

    def compose_content(self) -> ComposeResult:
        yield ExperimentTable(id="experiments", cursor_type="row")
        yield Static(Text(EMPTY), id="experiments-empty", classes="calm-note")
        yield Static(id="experiment-detail")

    def on_mount(self) -> None:
        self.title = "Experiments"
        table = self.query_one(DataTable)
        for label, key in (("", "state"), ("Belief", "belief"), ("Experiment", "what"),
                           ("Belief 0-100", "rating")):
            table.add_column(label, key=key)
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._offered:
            self.reload()

    @work(thread=True, exclusive=True, group="experiments-load")
    def reload(self, select: str | None = None) -> None:
        store = self.homework.store
        if store is None:
            return
        experiments = experiments_repo(store).all()
        drafts = Drafts(store).pending(FORM)
        self.app.call_from_thread(self._show, experiments, drafts, select)

    def _show(self, experiments: list[Experiment], drafts: list[Draft], select: str | None) -> None:
        self.experiments = experiments
        self.drafts = drafts
        self._fill(select)
        if not self._offered:
            self._offered = True
            if drafts:
                self._offer_draft(drafts[0])

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        width = max(self.size.width, 60)
        text_width = max((width - 12 - 14 - 8) // 2, 12)
        for draft in self.drafts:
            table.add_row(
                Text("draft", style="italic"),
                shorten(draft.fields.get("belief", ""), text_width),
                shorten(draft.fields.get("what", ""), text_width),
                Text("not saved yet", style="dim italic"),
                key=DRAFT_ROW + draft.id,
            )
        for experiment in awaiting_outcome(self.experiments):
            table.add_row(
                Text("◌ waiting"),
                shorten(experiment.belief, text_width),
                shorten(experiment.what, text_width),
                belief_cell(experiment),
                key=experiment.id,
            )
        for experiment in completed(self.experiments):
            table.add_row(
                Text("✓ done"),
                shorten(experiment.belief, text_width),
                shorten(experiment.what, text_width),
                belief_cell(experiment),
                key=experiment.id,
            )
        empty = not self.experiments and not self.drafts
        self.query_one("#experiments-empty").display = empty
        table.display = not empty
        if keep is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep), animate=False)
            except Exception:
                pass
        self._show_detail()
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.experiments or self.drafts:
            self._fill()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        box = self.query_one("#experiment-detail", Static)
        experiment = self._experiment(self._current_key())
        box.display = experiment is not None
        if experiment is not None:
            box.update(detail(experiment))

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except Exception:
            return None

    def _experiment(self, key: str | None) -> Experiment | None:
        return next((e for e in self.experiments if e.id == key), None)

    # -- opening -------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new(self) -> None:
        self._write(None, None)

    def action_open(self, outcome: bool = False) -> None:
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            draft = next((d for d in self.drafts if d.id == key.removeprefix(DRAFT_ROW)), None)
            if draft is not None:
                self._write(self._experiment(draft.record_id), draft)
            return
        experiment = self._experiment(key)
        if experiment is None:
            return
        draft = next((d for d in self.drafts if d.record_id == experiment.id), None)
        self._write(experiment, draft, outcome=outcome)

    def action_outcome(self) -> None:
        self.action_open(outcome=True)

    def _write(
        self, experiment: Experiment | None, draft: Draft | None, *, outcome: bool = False
    ) -> None:
        from homework_tui.screens.experiment_form import ExperimentForm

        was_done = experiment.done if experiment else False

        def done(saved: Experiment | None) -> None:
            if saved is not None:
                if saved.done and not was_done:
                    note = "Well done for testing it."
                    if saved.belief_change is not None:
                        note += f" Your belief went {saved.belief_rating} → {saved.belief_after}."
                    self.notify(note, title="Experiment written up", timeout=8, markup=False)
                else:
                    self.notify("Experiment saved.", title="Saved", markup=False)
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(ExperimentForm(experiment, draft, outcome=outcome), done)

    def _offer_draft(self, draft: Draft) -> None:
        preview = draft.preview("belief", "what") or "(nothing named yet)"
        body = Text(f"You were writing an experiment on {draft.updated_at:%a %-d %b at %H:%M}:\n\n  ")
        body.append(preview, style="italic")
        body.append("\n\nIt was kept for you. Would you like to carry on?")

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._write(self._experiment(draft.record_id), draft)

        self.app.push_screen(
            ChoiceDialog(
                "Welcome back",
                body,
                [Choice("c", "Continue it", "continue", primary=True), Choice("l", "Later", "later")],
                escape="later",
            ),
            chosen,
        )

    # -- deleting and undoing ------------------------------------------------------------------

    def action_delete(self) -> None:
        key = self._current_key()
        if key is not None:
            self._change(key, delete=True)

    def action_undo(self) -> None:
        if self.undo_id is not None:
            self._change(self.undo_id, delete=False)

    @work(thread=True, group="experiments-change")
    def _change(self, key: str, delete: bool) -> None:
        store = self.homework.store
        try:
            assert store is not None
            with saving():
                if key.startswith(DRAFT_ROW):
                    Drafts(store).discard(key.removeprefix(DRAFT_ROW))
                elif delete:
                    experiments_repo(store).delete(key)
                else:
                    experiments_repo(store).restore(key)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not changed", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._changed, key, delete)

    def _changed(self, key: str, delete: bool) -> None:
        if key.startswith(DRAFT_ROW):
            self.notify("Draft moved to the trash.", markup=False)
        elif delete:
            self.undo_id = key
            self.notify("Moved to the trash. Press u to undo.", title="Deleted", timeout=8,
                        markup=False)
        else:
            self.undo_id = None
            self.notify("Restored.", markup=False)
        self.reload(select=None if delete else key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action in ("open", "delete"):
            return self._current_key() is not None
        if action == "outcome":
            experiment = self._experiment(self._current_key())
            return experiment is not None
        return True
