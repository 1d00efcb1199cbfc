"""The Relax screen's suggestion of the next muscle relaxation stage (`model.progression`): the
words, the rule in plain words, `t` to try the suggested stage and `o` to switch suggestions off
(or back on). The choice is stored in its own small document (`relax_data.progression_doc`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.model.progression import TRY_NAMES, ProgressionPrefs, Suggestion
from homework_tui.ui.base import saving

if TYPE_CHECKING:
    from homework_tui.ui.relax.relax_data import RelaxState

STAGE_ACTIONS = ("try_stage", "stage_tips")
OFF_NOTE = N_("Suggestions of the next relaxation stage are off. Press o to turn them back on.")


def suggestion_text(suggestion: Suggestion) -> Text:
    text = Text(_(suggestion.message), style="bold")
    text.append(" " + _("Press t to try it, or o if you'd rather not have these suggestions."))
    text.append(f"\n{suggestion.rule.describe()}", style="dim")
    return text


class StageMixin:
    """For RelaxScreen: keeps the suggestion and the switch."""

    suggestion: Suggestion | None = None
    stage_prefs: ProgressionPrefs = ProgressionPrefs()
    practised_pmr: bool = False

    def show_stage(self, state: RelaxState) -> None:
        self.suggestion = state.suggestion
        self.stage_prefs = state.prefs
        self.practised_pmr = state.progress is not None
        self._show_stage_panel()

    def _show_stage_panel(self) -> None:
        panel: Any = self.query_one("#rx-stage", Static)  # type: ignore[attr-defined]
        entry = self.selected_entry()  # type: ignore[attr-defined]
        if self.suggestion is not None and (entry is None or entry.kind == "pmr"):
            panel.update(suggestion_text(self.suggestion))
            panel.display = True
        elif self.suggestion is not None:  # the short form while another kind is chosen
            panel.update(
                Text(
                    _(
                        "You seem ready for the next relaxation stage: {stage}. Press t to try it."
                    ).format(stage=_(TRY_NAMES[self.suggestion.next]).split(" (")[0])
                )
            )
            panel.display = True
        elif (
            not self.stage_prefs.suggest
            and self.practised_pmr
            and entry is not None
            and entry.kind == "pmr"
        ):
            panel.update(Text(_(OFF_NOTE)))
            panel.display = True
        else:
            panel.display = False

    def check_stage_action(self, action: str) -> bool:
        if action == "try_stage":
            return self.suggestion is not None
        return self.suggestion is not None or (not self.stage_prefs.suggest and self.practised_pmr)

    def action_try_stage(self) -> None:
        if self.suggestion is None:
            return
        screen: Any = self
        screen._highlight(self.suggestion.next)
        screen._highlighted()  # the form shows the new stage's own length before it is read
        screen.action_begin()

    def action_stage_tips(self) -> None:
        self.save_stage_prefs(ProgressionPrefs(suggest=not self.stage_prefs.suggest))

    @work(thread=True, exclusive=True, group="relax-stage", exit_on_error=False)
    def save_stage_prefs(self, prefs: ProgressionPrefs) -> None:
        from homework_tui.store.errors import StoreError
        from homework_tui.ui.relax.relax_data import progression_doc

        screen: Any = self
        store = screen.homework.store
        if store is None or screen.homework.read_only:
            screen.app.call_from_thread(
                screen.notify, _("Your data is open read-only, so this can't be changed now.")
            )
            return
        try:
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
                progression_doc(store).save(prefs)
        except StoreError as error:
            screen.app.call_from_thread(
                screen.notify,
                _("That could not be saved: {problem}").format(problem=error),
                severity="warning",
            )
            return
        note = (
            _("You'll see a suggestion here when you seem ready for the next stage.")
            if prefs.suggest
            else _("No more stage suggestions. Press o any time to have them back.")
        )
        screen.app.call_from_thread(screen.notify, note, timeout=4)
        screen.app.call_from_thread(screen.load)
