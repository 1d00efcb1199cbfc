"""Insights and the report in the command palette. Kept tiny (no Textual, no model imports at
module level) because the app imports it at start-up; the screens load when first opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import N_
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.relax.bell_switch import BELL_HELP, BELL_NAME, toggle_bell

if TYPE_CHECKING:
    from textual.app import App


def show_insights(app: App[Any]) -> None:
    """Open Insights over whatever is showing (once the data is open)."""
    if homework_of(app).store is None:
        homework_of(app).when_ready(lambda: show_insights(app))
        return
    from homework_tui.ui.insights.insights import InsightsScreen

    if not isinstance(app.screen, InsightsScreen):
        app.push_screen(InsightsScreen())


def show_report(app: App[Any]) -> None:
    """Open the report for the next session over whatever is showing."""
    if homework_of(app).store is None:
        homework_of(app).when_ready(lambda: show_report(app))
        return
    from homework_tui.ui.export.report import ReportScreen

    if not isinstance(app.screen, ReportScreen):
        app.push_screen(ReportScreen())


def switch_bell(app: App[Any]) -> None:
    toggle_bell(app)


# (name, help, run(app)) for the command palette; name and help are looked up where shown.
PALETTE_ENTRIES: list[tuple[str, str, Callable[[App[Any]], None]]] = [
    (
        N_("Insights"),
        N_("Your last week or month: practice, mood, SUDS and relaxation"),
        show_insights,
    ),
    (
        N_("Report for your next session"),
        N_("Write a summary to bring to your therapist (Markdown or CSV)"),
        show_report,
    ),
    (BELL_NAME, BELL_HELP, switch_bell),
]
