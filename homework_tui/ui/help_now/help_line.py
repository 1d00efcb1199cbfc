"""The calm line pointing to Help now, shown after a thought record or journal entry is saved when
the model's rule (`needs_help_line`) says so. One notification, never blocking, never a diagnosis;
it looks only at mood names and ratings, never at what was written."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from homework_tui.model.safety import HELP_LINE, SafetyPlan, needs_help_line
from homework_tui.store import Singleton, StoreError

SHOWN_FOR = 20  # seconds: long enough to read calmly


def own_mood_words(store: Any) -> tuple[str, ...]:
    """The person's own mood words from their safety plan (none when it cannot be read)."""
    if store is None:
        return ()
    try:
        return Singleton(store, "safety", SafetyPlan, SafetyPlan).load().mood_words
    except StoreError:
        return ()


def offer_help_line(
    app: Any,
    *,
    moods: Iterable[tuple[str, int | None]] = (),
    journal_mood: int | None = None,
) -> bool:
    """Show the line when the rule says so; True when it was shown."""
    words = own_mood_words(getattr(app, "store", None))
    if not needs_help_line(moods=moods, journal_mood=journal_mood, own_words=words):
        return False
    app.notify(HELP_LINE, timeout=SHOWN_FOR, markup=False)
    return True
