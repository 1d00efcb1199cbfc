"""Key descriptions in the interface's language, for the footer and the keys panel (F1).

Key bindings are class attributes, written before any language is chosen, so their descriptions
are marked with `N_("Save")` and looked up here, each time a screen lists its active keys. Our
three kinds of screen (`HomeworkScreen`, `CalmModal`, `LockScreen`) return their
`active_bindings` through `in_language`, so the Footer and Textual's KeyPanel both show them.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding

from homework_tui.i18n import N_, _

# The descriptions of Textual's own widgets' keys (text boxes, lists, tabs…), which the keys
# panel lists next to ours: marked here so the catalogues translate them too.
TEXTUAL_KEYS = (
    N_("Bottom"),
    N_("Copy"),
    N_("Copy selected text"),
    N_("Cursor Down"),
    N_("Cursor Up"),
    N_("Cursor down"),
    N_("Cursor down select"),
    N_("Cursor left"),
    N_("Cursor left select"),
    N_("Cursor left word select"),
    N_("Cursor line end"),
    N_("Cursor line end select"),
    N_("Cursor line start"),
    N_("Cursor line start select"),
    N_("Cursor page down"),
    N_("Cursor page up"),
    N_("Cursor right"),
    N_("Cursor right select"),
    N_("Cursor right word select"),
    N_("Cursor to next ancestor"),
    N_("Cursor to next sibling"),
    N_("Cursor to parent"),
    N_("Cursor to previous sibling"),
    N_("Cursor up"),
    N_("Cursor up select"),
    N_("Cursor word left"),
    N_("Cursor word right"),
    N_("Cut"),
    N_("Cut selected text"),
    N_("Delete all to the left"),
    N_("Delete all to the right"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Delete left to start of word"),
    N_("Delete line"),
    N_("Delete right to start of word"),
    N_("Delete to line end"),
    N_("Delete to line start"),
    N_("Down"),
    N_("End"),
    N_("Expand or collapse all"),
    N_("First"),
    N_("Go to end"),
    N_("Go to start"),
    N_("Home"),
    N_("Last"),
    N_("Move cursor left"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor left and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Move cursor right and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Next option"),
    N_("Next tab"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Page Up"),
    N_("Page down"),
    N_("Page up"),
    N_("Paste"),
    N_("Paste text from the clipboard"),
    N_("Press button"),
    N_("Previous option"),
    N_("Previous tab"),
    N_("Redo"),
    N_("Scroll Down"),
    N_("Scroll End"),
    N_("Scroll Home"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Up"),
    N_("Select"),
    N_("Select all"),
    N_("Select line"),
    N_("Select line end"),
    N_("Select line start"),
    N_("Show menu"),
    N_("Submit"),
    N_("Toggle"),
    N_("Toggle option"),
    N_("Top"),
    N_("Undo"),
    N_("Up"),
)


def in_language(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """`bindings` with each description and tooltip in the current language."""
    return {
        key: active._replace(
            binding=replace(
                active.binding,
                description=_(active.binding.description) if active.binding.description else "",
                tooltip=_(active.binding.tooltip) if active.binding.tooltip else "",
            ),
            tooltip=_(active.tooltip) if active.tooltip else "",
        )
        for key, active in bindings.items()
    }
