"""Finding the screen for a section, and a gentle stand-in while a section is being built.

`section_screen(section)` imports `homework_tui.ui.<section.module>` when first asked and
returns a new `<section.screen>()`. If that module does not exist yet, the person sees the
section's title and purpose with a calm note instead. When the module appears, it is used; no
change is needed here.
"""

from __future__ import annotations

import importlib

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from homework_tui.sections import Section
from homework_tui.ui.base import SectionScreen

SCREENS_PACKAGE = "homework_tui.ui"


def section_screen(section: Section) -> Screen[None]:
    """A new screen for `section`: the real one if it exists, otherwise a placeholder."""
    module_name = f"{SCREENS_PACKAGE}.{section.module}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            return SectionPlaceholderScreen(section, problem=_describe(error))
        return SectionPlaceholderScreen(section)
    except Exception as error:  # noqa: BLE001 - a bug in the section: shown calmly, never a traceback
        return SectionPlaceholderScreen(section, problem=_describe(error))
    screen_class = getattr(module, section.screen, None)
    if not (isinstance(screen_class, type) and issubclass(screen_class, Screen)):
        problem = f"{module_name} has no screen called {section.screen}"
        return SectionPlaceholderScreen(section, problem=problem)
    try:
        return screen_class()
    except Exception as error:  # noqa: BLE001 - a screen that cannot be built: shown calmly, too
        return SectionPlaceholderScreen(section, problem=_describe(error))


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


class SectionPlaceholderScreen(SectionScreen):
    """The title and purpose of a section that is not ready yet (or could not be opened)."""

    def __init__(self, section: Section, *, problem: str | None = None) -> None:
        super().__init__(name=section.key, classes="section-placeholder")
        self.section = section
        self.problem = problem
        self.title = section.title

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            yield Static(Text(self.section.title), classes="page-title")
            yield Static(Text(self.section.purpose), classes="purpose")
            if self.problem is None:
                note = (
                    "This part of homework-tui is still being built. Nothing is lost by "
                    "visiting: when it is ready, it will be right here."
                )
            else:
                note = (
                    "This part could not be opened because of a problem inside homework-tui, "
                    "not anything you did. Your data is safe. If it keeps happening, please "
                    "report the line below."
                )
            yield Static(Text(note), classes="calm-note")
            if self.problem is not None:
                yield Static(Text(self.problem), classes="problem-detail")
            yield Static(
                Text("Press Esc to go back to Today, or F2 for Help now."),
                classes="hint",
            )
