"""Reading a screen for text that does not fit: under pseudo-localisation every interface string
is wrapped in ⟦ ⟧ and made 40 % longer, so a string cut by its box, an ellipsis or the screen's
edge shows as an opening bracket without its closing one.

Checked widget by widget, on what the terminal shows: each text-bearing widget that is fully in
view must show as many ⟧ as ⟦ inside its own region; a footer key must be in view at all.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, Static, Switch
from textual.widgets._footer import FooterKey

from homework_tui.i18n.pseudo import CLOSE, OPEN

TEXT_WIDGETS = (Static, Label, Button, Checkbox, RadioButton, Input, FooterKey)


def screen_lines(app: App[Any]) -> list[str]:
    """The terminal's cells as text, one string per row (wide characters take one cell each)."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        row = []
        for segment in strip:
            assert isinstance(segment, Segment)
            for ch in segment.text:
                row.append(ch)
        lines.append("".join(row))
    return lines


def region_text(lines: list[str], region: Region) -> str:
    return "\n".join(line[region.x : region.right] for line in lines[region.y : region.bottom])


def cut_strings(app: App[Any]) -> list[str]:
    """What is cut on the screen now: one line per widget, naming it and what it shows."""
    lines = screen_lines(app)
    visible = app.screen._compositor.visible_widgets
    found: list[str] = []
    screen = app.screen.region
    for widget, (region, clip) in visible.items():
        if not isinstance(widget, TEXT_WIDGETS) or isinstance(widget, Switch):
            continue
        if not region:
            continue
        if region.right > min(clip.right, screen.right):
            shown = region_text(lines, region.intersection(clip).intersection(screen))
            found.append(f"{_name(widget)} runs past the right edge: {' '.join(shown.split())!r}")
            continue
        if region.y < clip.y or region.bottom > min(clip.bottom, screen.bottom):
            continue  # scrolled partly out of view: the rest is a scroll away, not cut
        shown = region_text(lines, region)
        if shown.count(OPEN) != shown.count(CLOSE):
            found.append(f"{_name(widget)} shows {' '.join(shown.split())!r}")
    for key in app.screen.query(FooterKey):
        if key.display and key not in visible:
            found.append(f"footer key {key.key!r} ({key.description!r}) is off the screen")
    return found


def _name(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id}" if widget.id else type(widget).__name__


# Words that are the same in every language, and the names of keys.
SAME_EVERYWHERE = {
    "homework-tui",
    "SUDS",
    "PHQ-9",
    "GAD-7",
    "PHQ",
    "GAD",
    "Esc",
    "Tab",
    "Ctrl",
    "Enter",
    "Del",
    "Space",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Shift",
    "Alt",
    "F1",
    "F2",
    "F5",
    "F6",
    "min",
}
# Key names as the keys panel writes them.
SAME_EVERYWHERE |= set(
    "tab shift ctrl pgup pgdn home end enter esc space up down left right".split()
)
SAME_EVERYWHERE |= {"delete", "backspace", "insert"}
# Under pseudo-localisation dates are written by Babel in English (its words, not ours).
SAME_EVERYWHERE |= set("Mon Tue Wed Thu Fri Sat Sun".split())
SAME_EVERYWHERE |= set("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


def untranslated_words(app: App[Any]) -> list[str]:
    """Words on the screen outside any ⟦ ⟧ (under pseudo-localisation on a store with no
    writing of the person's: every word the interface shows should be inside one)."""
    import re

    text = "\n".join(screen_lines(app))
    depth = 0
    outside = []
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            outside.append(ch)
    # A path on the screen (the data folder) is the computer's, not the interface's.
    kept = " ".join(token for token in "".join(outside).split() if "/" not in token)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+", kept)
    return sorted({w for w in words if w not in SAME_EVERYWHERE and len(w) > 1})
