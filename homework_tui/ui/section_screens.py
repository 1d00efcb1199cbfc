"""The screen of each section, and a calm note when one could not be opened.

`section_screen(section)` returns a new screen for a section of `homework_tui.sections.SECTIONS`.
Each section's module is imported the first time it is opened (start-up stays fast), directly, so
a missing or broken module is a fault, never a section quietly left out. If opening one fails, the
person sees `SectionTroubleScreen`: it says plainly that something inside homework-tui went wrong,
that their data is safe, and shows the problem's line (and where it happened) to report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.sections import Section
from homework_tui.ui.base import SectionScreen
from homework_tui.ui.fault import describe

TROUBLE_NOTE = N_(
    "This part could not be opened because of a problem inside homework-tui, not anything "
    "you did. Your data is safe. If it keeps happening, please report the line below."
)
GO_BACK = N_("Press Esc to go back to Today, or F2 for Help now.")


def _thought_records() -> Screen[Any]:
    from homework_tui.ui.thoughts.thought_records import ThoughtRecordsScreen

    return ThoughtRecordsScreen()


def _exposure() -> Screen[Any]:
    from homework_tui.ui.exposure.exposure import ExposureScreen

    return ExposureScreen()


def _experiments() -> Screen[Any]:
    from homework_tui.ui.experiments.experiments import ExperimentsScreen

    return ExperimentsScreen()


def _journal() -> Screen[Any]:
    from homework_tui.ui.journal.journal import JournalScreen

    return JournalScreen()


def _activation() -> Screen[Any]:
    from homework_tui.ui.activation.activation import ActivationScreen

    return ActivationScreen()


def _diaries() -> Screen[Any]:
    from homework_tui.ui.diaries.diaries import DiariesScreen

    return DiariesScreen()


def _relax() -> Screen[Any]:
    from homework_tui.ui.relax.relax import RelaxScreen

    return RelaxScreen()


def _measures() -> Screen[Any]:
    from homework_tui.ui.measures.measures import MeasuresScreen

    return MeasuresScreen()


def _plan() -> Screen[Any]:
    from homework_tui.ui.plan.plan import PlanScreen

    return PlanScreen()


SCREENS: Mapping[str, Callable[[], Screen[Any]]] = {
    "thoughts": _thought_records,
    "exposure": _exposure,
    "experiments": _experiments,
    "journal": _journal,
    "activation": _activation,
    "diaries": _diaries,
    "relax": _relax,
    "measures": _measures,
    "plan": _plan,
}
# Section key → a new screen for it (a test checks every section has one).


def section_screen(section: Section) -> Screen[Any]:
    """A new screen for `section`; if making it fails (a bug), the calm note saying so."""
    try:
        return SCREENS[section.key]()
    except Exception as error:  # noqa: BLE001 - shown to the person in full, never a traceback
        return SectionTroubleScreen(section, problem=describe(error))


class SectionTroubleScreen(SectionScreen):
    """What shows instead of a section that could not be opened: its title and purpose, a calm
    note that this is a fault inside homework-tui, and the problem's line to report."""

    def __init__(self, section: Section, *, problem: str) -> None:
        super().__init__(name=section.key, classes="section-trouble")
        self.section = section
        self.problem = problem
        self.title = _(section.title)

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            yield Static(Text(_(self.section.title)), classes="page-title")
            yield Static(Text(_(self.section.purpose)), classes="purpose")
            yield Static(Text(_(TROUBLE_NOTE)), classes="calm-note")
            yield Static(Text(self.problem), classes="problem-detail")
            yield Static(Text(_(GO_BACK)), classes="hint")
