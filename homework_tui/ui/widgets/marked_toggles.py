"""Checkbox, radio button and switch whose state shows without colour (issue 17, point 3).

Textual draws a Checkbox as ▐X▌ and a RadioButton as ▐●▌ whether on or off, and a Switch as a
slider whose knob is a block of colour: on a high-contrast, colour-blind or `NO_COLOR` screen
the state is lost. These say it in the text: a ticked box holds ✓ and an unticked one is empty;
the chosen radio button holds ● and the others are empty; a switch reads "On" or "Off" beside its
knob, which sits at the right when on.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton, Switch

from homework_tui.i18n import pgettext
from homework_tui.ui.widgets.tick_list import tick_mark

CHOSEN = "●"
NOT_CHOSEN = " "
SWITCH_ON = "━━●"
SWITCH_OFF = "●━━"


class MarkedCheckbox(Checkbox):
    """A Checkbox whose box shows ✓ when ticked and nothing when not."""

    def __init__(self, label: str = "", value: bool = False, **kwargs: object) -> None:
        super().__init__(label, value, **kwargs)  # type: ignore[arg-type]
        self.BUTTON_INNER = tick_mark(value)

    def watch_value(self) -> None:
        self.BUTTON_INNER = tick_mark(self.value)
        super().watch_value()


class MarkedRadioButton(RadioButton):
    """A RadioButton whose button shows ● when chosen and nothing when not."""

    def __init__(self, label: str = "", value: bool = False, **kwargs: object) -> None:
        super().__init__(label, value, **kwargs)  # type: ignore[arg-type]
        self.BUTTON_INNER = CHOSEN if value else NOT_CHOSEN

    def watch_value(self) -> None:
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        super().watch_value()


def switch_text(on: bool, style: Style | None = None) -> Text:
    """A switch's face: the knob at the right and "On", or at the left and "Off"."""
    knob_style = Style(color=style.color) if style is not None and style.color else None
    return Text.assemble(
        (SWITCH_ON if on else SWITCH_OFF, knob_style or ""),
        " " + (pgettext("switch", "On") if on else pgettext("switch", "Off")),
    )


class OnOffSwitch(Switch):
    """A Switch that says "On" or "Off" in words beside a knob drawn in characters."""

    DEFAULT_CSS = """
    OnOffSwitch { width: auto; }
    OnOffSwitch > .switch--slider { background: transparent; }
    """

    def render(self) -> Text:
        return switch_text(self.value, self.get_component_rich_style("switch--slider"))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        words = (pgettext("switch", "On"), pgettext("switch", "Off"))
        return len(SWITCH_OFF) + 1 + max(len(word) for word in words)
