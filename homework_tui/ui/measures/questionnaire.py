"""Answering a questionnaire, one question per screen: the two-week frame, the exact wording, the
four answers (keys 0 to 3, or choose and Enter; Backspace goes back one). PHQ-9 item 9 above 0
shows the calm Help now line right away. The result is saved in a thread worker and shown on
`ResultScreen` only once it is on disk."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import N_, _
from homework_tui.model.measures import ANSWERS, SAFETY_ITEM, MeasureResult, Scale, questionnaire
from homework_tui.model.safety import HELP_LINE
from homework_tui.ui.base import HomeworkScreen, saving
from homework_tui.ui.widgets.footer import Footer

HELP_SHOWN_FOR = 20  # seconds
# The four answers (model/measures.ANSWERS, stored and exported in English), shown in the
# interface's language with the published translations' wording.
ANSWER_WORDS = (
    N_("Not at all"),
    N_("Several days"),
    N_("More than half the days"),
    N_("Nearly every day"),
)


class QuestionnaireScreen(HomeworkScreen[None]):
    CSS_PATH = "measures.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "answer(0)", N_("Answer"), key_display="0-3"),
        Binding("1", "answer(1)", N_("Several days"), show=False),
        Binding("2", "answer(2)", N_("More than half the days"), show=False),
        Binding("3", "answer(3)", N_("Nearly every day"), show=False),
        Binding("backspace", "previous", N_("Previous"), key_display="⌫"),
    ]

    def __init__(self, scale: Scale) -> None:
        super().__init__(name=f"questionnaire-{scale.value}")
        self.form = questionnaire(scale)
        self.scale = scale
        self.answers: list[int] = []
        self.saving_now = False
        self.title = _(self.form.name)

    @property
    def index(self) -> int:
        return len(self.answers)

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(classes="page"):
            yield Static(
                Text(_("{name}: {frame}").format(name=_(self.form.name), frame=_(self.form.frame))),
                id="frame",
            )
            yield Static(id="question-number")
            yield Static(id="question")
            yield OptionList(
                *(Option(f"{n}  {_(words)}", id=str(n)) for n, words in enumerate(ANSWERS)),
                id="answers",
            )
            yield Static(id="help-line", classes="calm-note")
            yield Static(id="save-problem", classes="calm-note")
            yield Static(
                Text(
                    _(
                        "Press 0, 1, 2 or 3, or choose an answer and press Enter. "
                        "Backspace goes back one question; Esc stops without saving."
                    )
                ),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-line").display = False
        self._show()

    def _show(self) -> None:
        total = len(self.form.items)
        number = min(self.index, total - 1)
        self.query_one("#question-number", Static).update(
            Text(_("Question {number} of {total}").format(number=number + 1, total=total))
        )
        self.query_one("#question", Static).update(Text(_(self.form.items[number])))
        options = self.query_one(OptionList)
        options.highlighted = None
        options.focus()

    def action_answer(self, value: int) -> None:
        if self.saving_now or self.index >= len(self.form.items):
            return
        self.answers.append(value)
        if self.scale is Scale.PHQ9 and self.index == SAFETY_ITEM + 1 and value > 0:
            self._show_help_line()
        if self.index == len(self.form.items):
            self.saving_now = True  # no more answers until the save is done
            self._save(MeasureResult(scale=self.scale, answers=tuple(self.answers)))
        else:
            self._show()

    def _show_help_line(self) -> None:
        line = self.query_one("#help-line", Static)
        line.update(Text(_(HELP_LINE)))
        line.display = True
        self.app.notify(_(HELP_LINE), timeout=HELP_SHOWN_FOR, markup=False)

    def action_previous(self) -> None:
        if self.answers and not self.saving_now:
            self.answers.pop()
            self._show()

    @on(OptionList.OptionSelected, "#answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_answer(int(event.option_id or 0))

    @work(thread=True, exclusive=True, group="save-measure", exit_on_error=False)
    def _save(self, result: MeasureResult) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.measures import save_result

        store = self.homework.store
        try:
            if store is None:
                raise StoreError(_("your data is not open"))
            with saving(self):
                save_result(store, result)
        except StoreError as error:
            self.app.call_from_thread(self._not_saved, str(error))
            return
        self.app.call_from_thread(self._saved, result)

    def _not_saved(self, problem: str) -> None:
        self.saving_now = False
        self.answers.pop()  # the last answer can be given again to retry
        box = self.query_one("#save-problem", Static)
        box.update(
            Text(
                _(
                    "Your answers were not saved. {problem} Answer the last question again to "
                    "try once more; your other answers are kept."
                ).format(problem=problem)
            )
        )
        box.display = True
        self._show()

    def _saved(self, result: MeasureResult) -> None:
        from homework_tui.ui.measures.result import ResultScreen

        self.app.switch_screen(ResultScreen(result))
