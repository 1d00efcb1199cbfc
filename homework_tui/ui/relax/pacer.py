"""The breathing pacer: a soft shape that grows on the in-breath, stays full on a hold, and shrinks
on the out-breath. It is drawn from the session clock (the caller passes the stage and how far
through it the player is) and redraws only when the picture changes. Given the stage's length it
moves one step a second, when the count beside it changes (at most LEVELS steps a phase), so a
session over SSH costs a few hundred bytes a second (issue 14: ≤ 800 at 100x30).

`shape_level(kind, label, progress, seconds)` is the picture as a number (0 = smallest, LEVELS =
fullest); `Pacer.show(...)` refreshes only when that number changes.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.widget import Widget

LEVELS = 8
MIN_WIDTH = 6
STEP = 4  # columns added per level (two each side)


def stepped(progress: float, seconds: float, growing: bool) -> float:
    """`progress` moved on a step per whole second of a `seconds`-long stage. Growing, each second
    shows where it ends (full in the last second); shrinking, where it starts (full in the first),
    so an out-breath's last step and the next in-breath's first are the same picture."""
    steps = max(1, min(LEVELS, round(seconds)))
    done = min(steps - 1, math.floor(progress * steps + 1e-9))
    return (done + 1) / steps if growing else done / steps


def shape_level(
    kind: str | None, label: str | None, progress: float, seconds: float | None = None
) -> int:
    """How full the shape is for a stage at `progress` (0..1) through it; with the stage's length
    in `seconds`, in whole-second steps."""
    progress = min(1.0, max(0.0, progress))
    if seconds is not None and kind in ("inhale", "exhale") and label != "top-up":
        progress = stepped(progress, seconds, growing=kind == "inhale")
    if kind == "inhale":
        if label == "top-up":  # the sigh's second, short in-breath: from nearly full to full
            return LEVELS - 1 + round(progress)
        return round(progress * LEVELS)
    if kind == "exhale":
        return LEVELS - round(progress * LEVELS)
    if kind == "hold":
        return 0 if label == "empty" else LEVELS
    if kind == "tense":
        return LEVELS
    if kind == "release":
        return max(0, LEVELS - round(progress * 4 * LEVELS))  # lets go over the first quarter
    return 2  # intro, closing, between steps: small and still


def shape_lines(level: int, tense: bool = False) -> list[str]:
    """Three rows of a rounded shape `level` steps wide (half blocks make it look round)."""
    width = MIN_WIDTH + level * STEP
    body = "▓" if tense else "█"
    return ["▄" * (width - 2), body * width, "▀" * (width - 2)]


class Pacer(Widget):
    """The shape. Set `reduced_motion` to keep it still (the phase word and count carry on)."""

    DEFAULT_CSS = """
    Pacer {
        width: 40;
        height: 3;
        color: $accent;
        content-align: center middle;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.level = 2
        self.tense = False
        self.redraws = 0  # for tests and the benchmark

    def show(
        self, kind: str | None, label: str | None, progress: float, seconds: float | None = None
    ) -> bool:
        """Follow the session (`seconds`: the stage's length, for whole-second steps); True when
        the picture changed (and a redraw was asked for)."""
        level = shape_level(kind, label, progress, seconds)
        tense = kind == "tense"
        if level == self.level and tense == self.tense:
            return False
        self.level, self.tense = level, tense
        self.redraws += 1
        self.refresh()
        return True

    def render(self) -> Text:
        return Text("\n".join(shape_lines(self.level, self.tense)), justify="center", no_wrap=True)
