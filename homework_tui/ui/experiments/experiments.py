"""Behavioural experiments: the list (waiting for an outcome first, then done), the chosen one in
words, and the way into planning, writing up what happened, deleting (with undo).

Unsaved drafts head the list, and one left from last time is offered back on opening.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from homework_tui.i18n import N_, _
from homework_tui.model.draft import Draft
from homework_tui.model.experiment import Experiment, awaiting_outcome, completed
from homework_tui.store import Repository, Store
from homework_tui.ui.experiments.experiment_data import FORM, experiments_repo
from homework_tui.ui.record_list import DRAFT_ROW, DraftListScreen, RecordTable

EMPTY = N_(
    "No experiments yet. Press n to plan one: write down a worry as a belief, how strongly you "
    "believe it, and a small experiment to test it. Afterwards, come back to write what happened."
)


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
    text.append(_("Belief:") + " ", style="dim")
    text.append(experiment.belief)
    if experiment.belief_rating is not None:
        text.append(f"  ({experiment.belief_rating}/100)", style="dim")
    if experiment.what:
        text.append("\n" + _("Experiment:") + " ", style="dim")
        text.append(" ".join(experiment.what.split()))
        place = ", ".join(p for p in (experiment.when, experiment.where) if p)
        if place:
            text.append(f" ({place})", style="dim")
    if not experiment.done:
        text.append(
            "\n" + _("Waiting for what happened — press o when you've tried it."), style="italic"
        )
        return text
    text.append("\n" + _("What I learned:") + " ", style="dim")
    text.append(" ".join(experiment.learned.split()) or "–")
    change = experiment.belief_change
    if change is not None:
        text.append(
            "\n"
            + _("Belief {before} → {after}").format(
                before=experiment.belief_rating, after=experiment.belief_after
            ),
            style="bold",
        )
    return text


class ExperimentsScreen(DraftListScreen):
    CSS_PATH = "experiments.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New")),
        Binding("o", "outcome", N_("Outcome")),
        Binding("d,delete", "delete", N_("Delete"), key_display="d"),
        Binding("u", "undo", N_("Undo")),
    ]
    SCREEN_TITLE = N_("Experiments")
    COLUMNS = (
        ("", "state"),
        (N_("Belief"), "belief"),
        (N_("Experiment"), "what"),
        (N_("Belief 0-100"), "rating"),
    )
    DRAFT_FORM = FORM

    def __init__(self) -> None:
        super().__init__(name="experiments", classes="experiments")
        self.records: list[Experiment] = []

    def compose_content(self) -> ComposeResult:
        yield RecordTable(id="experiments")
        yield Static(Text(_(EMPTY)), id="experiments-empty", classes="calm-note")
        yield Static(id="experiment-detail")

    def repository(self, store: Store) -> Repository[Experiment]:
        return experiments_repo(store)

    def _reload_on_resume(self) -> bool:
        return self._offered

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        width = max(self.size.width, 60)
        text_width = max((width - 12 - 14 - 8) // 2, 12)
        for draft in self.drafts:
            table.add_row(
                Text(_("draft"), style="italic"),
                shorten(draft.fields.get("belief", ""), text_width),
                shorten(draft.fields.get("what", ""), text_width),
                Text(_("not saved yet"), style="dim italic"),  # i18n: not shown
                key=DRAFT_ROW + draft.id,
            )
        for state, experiments in (
            ("◌ " + _("waiting"), awaiting_outcome(self.records)),
            ("✓ " + _("done"), completed(self.records)),
        ):
            for experiment in experiments:
                table.add_row(
                    Text(state),
                    shorten(experiment.belief, text_width),
                    shorten(experiment.what, text_width),
                    belief_cell(experiment),
                    key=experiment.id,
                )
        empty = not self.records and not self.drafts
        self.query_one("#experiments-empty").display = empty
        table.display = not empty
        self._restore_cursor(table, keep)
        self._show_detail()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        box = self.query_one("#experiment-detail", Static)
        experiment = self._record(self._current_key())
        box.display = experiment is not None
        if experiment is not None:
            box.update(detail(experiment))

    # -- opening -------------------------------------------------------------------------------

    def action_outcome(self) -> None:
        self._open_current(outcome=True)

    def _write(
        self,
        experiment: Experiment | None,
        draft: Draft | None,
        /,
        *,
        outcome: bool = False,
        **options: Any,
    ) -> None:
        from homework_tui.ui.experiments.experiment_form import ExperimentForm

        was_done = experiment.done if experiment else False

        def done(saved: Experiment | None) -> None:
            if saved is not None:
                if saved.done and not was_done:
                    note = _("Well done for testing it.")
                    if saved.belief_change is not None:
                        note = _(
                            "Well done for testing it. Your belief went {before} → {after}."
                        ).format(before=saved.belief_rating, after=saved.belief_after)
                    self.notify(note, title=_("Experiment written up"), timeout=8, markup=False)
                else:
                    self.notify(_("Experiment saved."), title=_("Saved"), markup=False)
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(ExperimentForm(experiment, draft, outcome=outcome), done)

    def _draft_intro(self, draft: Draft) -> str:
        return _("You were writing an experiment")

    def _draft_preview(self, draft: Draft) -> str:
        return draft.preview("belief", "what") or _("(nothing named yet)")

    # -- deleting and undoing ------------------------------------------------------------------

    def _discarded(self) -> None:
        self.notify(_("Draft moved to the trash."), markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action in ("open", "delete"):
            return self._current_key() is not None
        if action == "outcome":
            experiment = self._record(self._current_key())
            return experiment is not None
        return True
