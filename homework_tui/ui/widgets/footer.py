"""The footer every screen shows: Textual's Footer, wrapped onto a second line when its keys do
not fit the width (a German or French screen at 80 columns), instead of cutting them off.

Key descriptions are translated where the screens list their active keys
(ui/language/keys_in_language.py), so this footer only lays them out."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

PALETTE = "-command-palette"


def key_width(key: FooterKey, *, compact: bool) -> int:
    """Cells a key takes with Textual's padding: " F2 " and "Help now ", or compact "F2" and
    " Help now" (with a gutter of one between columns)."""
    described = cell_len(key.description) + 1 if key.description else 0
    return cell_len(key.key_display) + (0 if compact else 2) + described


def columns_that_fit(widths: Sequence[int], room: int, gutter: int = 0) -> int:
    """The most columns a grid of keys (in reading order, row by row) can have within `room`
    cells; each column is as wide as its widest key, with `gutter` cells between. At least 1."""
    for columns in range(len(widths), 1, -1):
        column_widths = [max(widths[i::columns]) for i in range(columns)]
        if sum(column_widths) + gutter * (columns - 1) <= room:
            return columns
    return 1


class Footer(TextualFooter):
    """Keys in as many rows as they need (one when they fit, as Textual's)."""

    DEFAULT_CSS = """
    Footer {
        layout: grid;
        grid-columns: auto;
        grid-rows: 1;
        height: auto;
        &.-compact {
            grid-gutter: 0 1;
            FooterKey {
                margin-right: 0;
            }
        }
    }
    """

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        self._arrange([w for w in widgets if isinstance(w, FooterKey)])
        yield from widgets

    def on_resize(self, event: events.Resize) -> None:
        self._arrange(list(self.query_children(FooterKey)))

    def _arrange(self, keys: Sequence[Widget]) -> None:
        footer_keys = [k for k in keys if isinstance(k, FooterKey)]
        palette = [k for k in footer_keys if k.has_class(PALETTE)]
        listed = [k for k in footer_keys if not k.has_class(PALETTE)]
        if not listed:
            return
        width = self.size.width or self.app.size.width
        compact = self.compact
        # The palette's key is docked on the right, with a border and padding of its own.
        room = width - sum(key_width(k, compact=compact) + 2 for k in palette)
        widths = [key_width(k, compact=compact) for k in listed]
        self.styles.grid_size_columns = columns_that_fit(widths, room, 1 if compact else 0)
