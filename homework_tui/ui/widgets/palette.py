"""The command palette (Ctrl+P): every place and app action by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider

from homework_tui.i18n import _
from homework_tui.ui.app_protocol import homework_of


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    help: str
    run: Callable[[], object]


class HomeworkCommands(Provider):
    """Places (Today, each section, Settings, Help now) and actions (keys, theme, quit)."""

    def _commands(self) -> list[PaletteCommand]:
        # Names and help are marked with N_ where they are written, and looked up here.
        return [
            PaletteCommand(_(name), _(help_text), run)
            for name, help_text, run in homework_of(self.app).palette_commands()
        ]

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.name), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
