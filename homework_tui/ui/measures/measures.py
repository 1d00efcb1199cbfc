"""The Measures section's home: each questionnaire's results as a text trend (every result, two on
one day included), the latest band in words and the change since the plan started; p or g to
answer one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.model.measures import QUESTIONNAIRES, Scale
from homework_tui.sections import by_key
from homework_tui.ui.base import SectionScreen
from homework_tui.ui.measures.trend_view import trend_text


class MeasuresScreen(SectionScreen):
    CSS_PATH = "measures.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "take('phq9')", N_("Answer PHQ-9")),
        Binding("g", "take('gad7')", N_("Answer GAD-7")),
    ]

    def __init__(self) -> None:
        super().__init__(name="measures", classes="measures")
        self.title = _("Measures")

    def compose_content(self) -> ComposeResult:
        section = by_key("measures")
        with VerticalScroll(classes="page"):
            yield Static(Text(_(section.title)), classes="page-title")
            yield Static(Text(_(section.purpose)), classes="purpose")
            for scale, form in QUESTIONNAIRES.items():
                yield Static(
                    Text(_("{name} ({about})").format(name=_(form.name), about=_(form.about))),
                    classes="measure-heading",
                )
                yield Static(id=f"trend-{scale.value}", classes="measure-trend")
            yield Static(
                Text(
                    _(
                        "These questionnaires help you and your therapist see change over time. "
                        "They are not a diagnosis."
                    )
                ),
                id="measures-note",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_trends()

    def on_screen_resume(self) -> None:
        self.refresh_trends()

    def refresh_trends(self) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.measures import plan_start, results

        store = self.homework.store
        if store is None:
            return
        for scale in Scale:
            try:
                text = trend_text(scale, results(store, scale), plan_start(store, scale))
            except StoreError as error:
                text = _("Your results could not be read just now: {problem}").format(problem=error)
            self.query_one(f"#trend-{scale.value}", Static).update(Text(text))

    def action_take(self, scale: str) -> None:
        from homework_tui.ui.measures.questionnaire import QuestionnaireScreen

        self.app.push_screen(QuestionnaireScreen(Scale(scale)))
