"""The fear ladder drawn as a picture: one rung per step, highest at the top.

Each rung is a bar between two rails whose length is the step's SUDS. Progress shows three ways at
once, so colour is never the only cue: the bar's glyph (░ not tried, ▓ practising, █ mastered),
a mark (○ ◐ ●) with the number of exposures, and the colour. The suggested next step carries
“▶ next”. The cursor (↑/↓) picks a step; Enter chooses it. The terminal's own cursor sits on
the cursor's rung, and with NO_COLOR the rung's words show in reverse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from homework_tui.i18n import N_, _
from homework_tui.model.exposure import Step
from homework_tui.model.exposure.mastery import StepProgress, StepState

GLYPH = {StepState.NOT_TRIED: "░", StepState.PRACTISING: "▓", StepState.MASTERED: "█"}
MARK = {StepState.NOT_TRIED: "○", StepState.PRACTISING: "◐", StepState.MASTERED: "●"}
LEGEND = N_("● mastered   ◐ practising (×times tried)   ○ not tried   ▶ next step")
WORDS_FROM = 90  # widths from here spell the state out beside the mark


def bar_width(width: int) -> int:
    """Columns for a SUDS-100 bar at this widget width."""
    return max(10, min(40, (width - 30) // 2))


def state_text(item: StepProgress, wide: bool) -> str:
    mark = MARK[item.state]
    if wide:
        return f"{mark} {_(item.label)}"
    if item.state is StepState.NOT_TRIED:
        return mark
    return f"{mark} ×{item.tries}"


def fit(text: str, width: int) -> Text:
    """`text` literally, cut to `width` terminal cells with an ellipsis (wide characters too)."""
    line = Text(text, no_wrap=True)
    line.truncate(max(width, 0), overflow="ellipsis")
    return line


class LadderPicture(Widget, can_focus=True):
    DEFAULT_CSS = """
    LadderPicture {
        height: auto;
        min-height: 1;
        padding: 0 1;
    }
    LadderPicture > .ladder--rail { color: $text-muted; }
    LadderPicture > .ladder--suds { color: $text; }
    LadderPicture > .ladder--untried { color: $text-muted; }
    LadderPicture > .ladder--practising { color: $warning; }
    LadderPicture > .ladder--mastered { color: $success; }
    LadderPicture > .ladder--next { color: $accent; text-style: bold; }
    LadderPicture > .ladder--cursor { background: $block-cursor-blurred-background; }
    LadderPicture:focus > .ladder--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    LadderPicture:nocolor > .ladder--cursor { text-style: reverse; }
    LadderPicture > .ladder--empty { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "ladder--rail",
        "ladder--suds",
        "ladder--untried",
        "ladder--practising",
        "ladder--mastered",
        "ladder--next",
        "ladder--cursor",
        "ladder--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(1)", N_("Up a rung"), show=False),
        Binding("down,j", "cursor(-1)", N_("Down a rung"), show=False),
        Binding("home", "cursor_to(1)", N_("Top"), show=False),
        Binding("end", "cursor_to(-1)", N_("Bottom"), show=False),
    ]

    cursor: reactive[int] = reactive(0)  # index into progress: 0 is the bottom rung

    @dataclass
    class Highlighted(Message):
        picture: LadderPicture
        step: Step | None

    @dataclass
    class Chosen(Message):
        picture: LadderPicture
        step: Step

    def __init__(self, *, empty: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.progress: list[StepProgress] = []
        self.next_id: str | None = None
        self.empty = empty

    # -- what to draw -----------------------------------------------------------------------

    def show(
        self, progress: list[StepProgress], next_id: str | None, select: str | None = None
    ) -> None:
        """Draw these rungs (bottom first); keep the cursor on `select` or the same step."""
        keep = select or (self.step.id if self.step else None)
        self.progress = list(progress)
        self.next_id = next_id
        ids = [p.step.id for p in self.progress]
        if keep in ids:
            index = ids.index(keep)
        elif next_id in ids:
            index = ids.index(next_id)
        else:
            index = min(self.cursor, max(len(ids) - 1, 0))
        self.set_reactive(LadderPicture.cursor, index)
        self.refresh(layout=True)
        self.post_message(self.Highlighted(self, self.step))
        self.call_after_refresh(self._scroll_to_cursor)

    @property
    def step(self) -> Step | None:
        if 0 <= self.cursor < len(self.progress):
            return self.progress[self.cursor].step
        return None

    def select(self, step_id: str) -> None:
        for index, item in enumerate(self.progress):
            if item.step.id == step_id:
                self.cursor = index

    # -- moving -------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.progress) - 1)) if self.progress else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if old != new:
            self.post_message(self.Highlighted(self, self.step))
        self._scroll_to_cursor()

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_cursor_to(self, where: int) -> None:
        self.cursor = len(self.progress) - 1 if where > 0 else 0

    def key_enter(self) -> None:
        if self.step is not None:
            self.post_message(self.Chosen(self, self.step))

    def _row_of(self, index: int) -> int:
        return len(self.progress) - 1 - index

    def terminal_cursor_spot(self) -> Offset:
        """The start of the cursor's rung, for the terminal's cursor (ui/focus_cursor.py)."""
        content = self.content_region
        row = self._row_of(self.cursor) if self.progress else 0
        return Offset(content.x, content.y + row)

    def _scroll_to_cursor(self) -> None:
        """Keep the cursor's rung in view when the ladder is taller than its container."""
        parent = self.parent
        if not self.progress or not self.is_mounted or not isinstance(parent, Widget):
            return
        if not parent.is_scrollable:
            return
        row = Region(0, self._row_of(self.cursor), self.size.width, 1)
        parent.scroll_to_region(
            row.translate(self.virtual_region.offset), animate=False, immediate=True
        )

    def on_click(self, event: object) -> None:
        y = getattr(event, "y", None)
        if isinstance(y, int) and self.progress:
            self.cursor = len(self.progress) - 1 - y

    # -- drawing ------------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self.progress), 1) if self.progress else 2

    def render(self) -> Text:
        if not self.progress:
            return Text(
                _(self.empty) if self.empty else "",
                style=self.get_component_rich_style("ladder--empty"),
            )
        width = self.content_size.width or self.size.width
        wide = width >= WORDS_FROM
        bar = bar_width(width)
        state_w = max(len(state_text(p, wide)) for p in self.progress)
        lines = Text(no_wrap=True, overflow="crop")
        for index in range(len(self.progress) - 1, -1, -1):
            lines.append_text(self._rung(index, width, bar, state_w, wide))
            if index:
                lines.append("\n")
        return lines

    def _rung(self, index: int, width: int, bar: int, state_w: int, wide: bool) -> Text:
        item = self.progress[index]
        style = self.get_component_rich_style
        is_next = item.step.id == self.next_id
        state_style = {
            StepState.NOT_TRIED: style("ladder--untried"),
            StepState.PRACTISING: style("ladder--practising"),
            StepState.MASTERED: style("ladder--mastered"),
        }[item.state]
        length = round(item.step.suds / 100 * bar)
        if item.step.suds and not length:
            length = 1
        row = Text(no_wrap=True, overflow="crop")
        row.append("▶ " if is_next else "  ", style("ladder--next") if is_next else Style())
        row.append(f"{item.step.suds:>3} ", style("ladder--suds"))
        rung_start = row.cell_len
        row.append("┃", style("ladder--rail"))
        row.append(GLYPH[item.state] * length, state_style)
        row.append(" " * (bar - length))
        row.append("┃", style("ladder--rail"))
        rung_end = row.cell_len
        row.append(" ")
        row.append(state_text(item, wide).ljust(state_w), state_style)
        row.append(" ")
        used = 2 + 4 + 1 + bar + 2 + state_w + 1
        label = item.step.description
        if is_next:
            # Translators: before the suggested next step's words on the ladder ("next: …").
            upcoming = _("next: ")
            row.append(upcoming, style("ladder--next"))
            used += Text(upcoming).cell_len
        words = fit(label, width - used)
        if is_next:
            words.stylize(style("ladder--next"))
        row.append_text(words)
        if index == self.cursor:  # the rung keeps its colours; the words around it light up
            row.pad_right(max(width - row.cell_len, 0))
            cursor = style("ladder--cursor")
            row.stylize(cursor, 0, rung_start)
            row.stylize(cursor, rung_end, len(row.plain))
        return row
