"""Textual's Footer, with each key's description in the interface's language.

Key bindings are class attributes, written before any language is chosen, so their descriptions
are marked with `N_("Save")` and looked up here, when the footer is drawn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel

from homework_tui.i18n import _


class Footer(TextualFooter):
    """The footer every screen shows: its keys' descriptions translated."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description) if widget.description else ""
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            elif isinstance(widget, FooterLabel):
                widget.update(_(str(widget.content)))
            yield widget
