"""A questionnaire's result, shown once it is saved: the total, the band in words and what it
means, the trend of every result so far (text, no colour needed) and the change since the plan
started; after PHQ-9 item 9 above 0, the calm line pointing to Help now (F2)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from homework_tui.i18n import N_, _
from homework_tui.model.measures import MeasureResult
from homework_tui.model.safety import HELP_LINE
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.measures.trend_view import trend_text
from homework_tui.ui.widgets.footer import Footer

NOT_A_DIAGNOSIS = N_(
    "A questionnaire is not a diagnosis: it shows how the last two weeks have been, so you and "
    "your therapist can see change over time."
)


class ResultScreen(HomeworkScreen[None]):
    CSS_PATH = "measures.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "app.back", N_("Done")),
    ]

    def __init__(self, result: MeasureResult) -> None:
        super().__init__(name="measure-result")
        self.result = result
        self.title = _("{name} result").format(name=_(result.form.name))

    def compose(self) -> ComposeResult:
        result = self.result
        form = result.form
        band = result.band
        trend = ""
        store = self.homework.store
        if store is not None:
            from homework_tui.store import StoreError
            from homework_tui.store.measures import plan_start, results

            try:
                trend = trend_text(
                    result.scale, results(store, result.scale), plan_start(store, result.scale)
                )
            except StoreError:
                trend = ""
        yield Header(icon="·")
        with VerticalScroll(classes="page"):
            yield Static(
                Text(
                    _("Saved. {name}: {total} of {max_total}").format(
                        name=_(form.name), total=result.total, max_total=form.max_total
                    )
                ),
                classes="page-title",
            )
            yield Static(
                Text(
                    _("{band} ({low}–{high}): {meaning}.").format(
                        band=_(band.name).capitalize(),
                        low=band.low,
                        high=band.high,
                        meaning=_(band.meaning),
                    )
                ),
                classes="purpose",
            )
            if result.needs_help_line:
                yield Static(Text(_(HELP_LINE)), id="help-line-result", classes="calm-note")
            yield Static(Text(_("Your results so far")), classes="measure-heading")
            yield Static(Text("\n".join(trend.splitlines()[1:])), classes="measure-trend")
            yield Static(Text(_(NOT_A_DIAGNOSIS)), classes="hint")
        yield Footer()
