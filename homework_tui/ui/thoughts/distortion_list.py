"""A tick list of thinking traps: Burns' ten (always there, in his order) and the person's own.

Values are `std:<key>` for a standard label and `own:<name>` for one of the person's own.
Space (or Enter) ticks the highlighted one. A ticked label shows `✓` in its box and an unticked
one an empty box (`widgets/tick_list.TickList`), so the difference shows without colour.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from homework_tui.i18n import _
from homework_tui.model.distortions import BY_KEY, STANDARD
from homework_tui.ui.widgets.tick_list import TickList

STD = "std:"
OWN = "own:"


def _standard_options(chosen: set[str]) -> list[Selection[str]]:
    return [Selection(Text(_(d.name)), STD + d.key, STD + d.key in chosen) for d in STANDARD]


def _own_option(name: str, chosen: bool) -> Selection[str]:
    prompt = Text(name)
    prompt.append("  " + _("(your label)"), style="dim")
    return Selection(prompt, OWN + name, chosen)


class DistortionList(TickList[str]):
    DEFAULT_CSS = """
    DistortionList {
        height: auto;
        max-height: 14;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(*_standard_options(set()), id=id, compact=True)
        self._own: list[str] = []

    @property
    def own_names(self) -> list[str]:
        return list(self._own)

    def add_own(self, name: str, *, chosen: bool = False) -> None:
        """Offer one of the person's own labels (once; any case counts as the same)."""
        if name.casefold() in (n.casefold() for n in self._own):
            if chosen:
                existing = next(n for n in self._own if n.casefold() == name.casefold())
                self.select(OWN + existing)
            return
        self._own.append(name)
        self.add_option(_own_option(name, chosen))

    def remove_own(self, name: str) -> None:
        """Stop offering one of the person's own labels (the standard ones always stay)."""
        if name not in self._own:
            return
        index = len(STANDARD) + self._own.index(name)
        self.deselect(OWN + name)
        self._own.remove(name)
        self.remove_option_at_index(index)

    def chosen(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(standard keys, own names) ticked, each in the order they are listed."""
        selected = set(self.selected)
        keys = tuple(d.key for d in STANDARD if STD + d.key in selected)
        own = tuple(n for n in self._own if OWN + n in selected)
        return keys, own

    def choose(self, keys: tuple[str, ...], own: tuple[str, ...]) -> None:
        """Tick exactly these (own names not offered yet are added)."""
        for name in own:
            self.add_own(name)
        wanted = {STD + k for k in keys} | {
            OWN + n for n in self._own if n.casefold() in {o.casefold() for o in own}
        }
        with self.prevent(SelectionList.SelectedChanged):
            self.deselect_all()
            for value in wanted:
                self.select(value)
        self.post_message(SelectionList.SelectedChanged(self).set_sender(self))

    @staticmethod
    def hint_for(value: str) -> Text:
        if value.startswith(STD):
            found = BY_KEY.get(value[len(STD) :])
            return Text(_(found.hint) if found else "")
        text = Text(_("Your own label:") + " ", style="dim")
        text.append(value[len(OWN) :])
        return text
