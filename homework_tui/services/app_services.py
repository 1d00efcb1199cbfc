"""The services one App owns: made with the App (or handed to it by a test), closed when it
unmounts, and reached by screens through `HomeworkAppProtocol.services`. Textual-free."""

from __future__ import annotations

from dataclasses import dataclass, field

from homework_tui.services.relax_player import RelaxAudio
from homework_tui.services.saves import SaveTracker


@dataclass
class Services:
    saves: SaveTracker = field(default_factory=SaveTracker)  # store writes in progress
    relax: RelaxAudio = field(default_factory=RelaxAudio)  # sessions, speech and sound helpers

    def close(self) -> None:
        """End what the services started (speech and sound helper processes). The store is
        closed before this, once `saves` has no write running."""
        self.relax.close()
