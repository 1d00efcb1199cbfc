"""Which activities went with better mood: the average mood rated with each done activity and
each life area, as bars with the number beside them, and the caution that it is a pattern, not a
proof."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from homework_tui.i18n import N_, _, decimal, ngettext
from homework_tui.model.activation import ActivityEntry
from homework_tui.model.activation.pattern import CAUTION, MoodLink, mood_pattern
from homework_tui.model.diaries.charts import bar
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.widgets.footer import Footer

NAME_WIDTH = 26


def link_lines(links: tuple[MoodLink, ...]) -> list[str]:
    lines = []
    for link in links:
        name = link.name if len(link.name) <= NAME_WIDTH else link.name[: NAME_WIDTH - 1] + "…"
        sign = "+" if link.difference > 0 else ""
        lines.append(
            f"{name.ljust(NAME_WIDTH)} {bar(link.mood, 10, 20).ljust(20)} {decimal(link.mood)}/10 "
            f"({sign}{decimal(link.difference)}, {link.times}×)"
        )
    return lines


def pattern_lines(entries: list[ActivityEntry]) -> list[str]:
    pattern = mood_pattern(entries)
    if pattern.empty:
        return [
            _(
                "No pattern yet: rate your mood when you mark an activity done, and after a few "
                "days this shows which activities went with better mood."
            )
        ]
    lines = [
        ngettext(
            "Average mood with a done activity: {average}/10 ({n} rated).",
            "Average mood with a done activity: {average}/10 ({n} rated).",
            pattern.rated,
        ).format(average=decimal(pattern.average or 0.0), n=pattern.rated),
        "",
        _("By activity (average mood, difference from your average, times):"),
        *link_lines(pattern.by_activity),
    ]
    if pattern.by_area:
        lines += ["", _("By life area or value:"), *link_lines(pattern.by_area)]
    return [*lines, "", _(CAUTION)]


class MoodPatternScreen(HomeworkScreen[None]):
    CSS_PATH = "activation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), key_display="Esc"),
    ]

    def __init__(self, entries: list[ActivityEntry]) -> None:
        super().__init__(classes="mood-pattern")
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="pattern"):
            yield Static(Text("\n".join(pattern_lines(self.entries))), id="pattern-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Activities")
        self.sub_title = _("which activities went with better mood")
        self.query_one("#pattern").focus()
