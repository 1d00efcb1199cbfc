"""The services one App owns: made with the App (or handed to it by a test), closed when it
unmounts, and reached by screens through `HomeworkAppProtocol.services`. Textual-free.

The relax service is made on first use: its imports (the session catalogue, the audio engine's
front) stay out of start-up, before the first frame.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from homework_tui.services.saves import SaveTracker

if TYPE_CHECKING:
    from homework_tui.services.relax_player import RelaxAudio
    from homework_tui.store.crypto import KdfParams


class Services:
    def __init__(
        self,
        *,
        saves: SaveTracker | None = None,
        relax: RelaxAudio | None = None,
        kdf_params: KdfParams | None = None,
    ) -> None:
        self.saves = saves or SaveTracker()  # store writes in progress
        self._relax = relax
        self._relax_lock = threading.Lock()  # screens' thread workers may ask at the same time
        # The key-derivation cost of a new passphrase; None: the default (a fresh salt each
        # time). Tests pass a cheap one.
        self.kdf_params = kdf_params

    @property
    def relax(self) -> RelaxAudio:
        """Sessions, and the speech and sound helpers they start (made on first use)."""
        with self._relax_lock:
            if self._relax is None:
                from homework_tui.services.relax_player import RelaxAudio

                self._relax = RelaxAudio()
            return self._relax

    def close(self) -> None:
        """End what the services started (speech and sound helper processes). The store is
        closed before this, once `saves` has no write running."""
        with self._relax_lock:
            relax = self._relax
        if relax is not None:
            relax.close()
