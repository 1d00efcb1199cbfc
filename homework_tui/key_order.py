"""Keys are acted on in the order they were typed, priority keys included.

Textual checks priority bindings (Ctrl+S, Ctrl+Q, F2, …) when a key reaches the App, but hands
every other key to the focused widget's own queue. In a burst (a fast typist, a terminal sending
a line at once) the widget may still hold keys typed *before* Ctrl+S when the App runs Ctrl+S's
action, so a save would miss the end of the text. `handled_so_far(widget)` waits until the widget
has handled everything already queued for it; the App awaits it before running a priority
binding (see `HomeworkApp._check_bindings`).
"""

from __future__ import annotations

import asyncio
from contextlib import suppress

from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.widget import Widget

HANDLED_WITHIN = 2.0
"""At most this long is waited for the focused widget (a widget stuck on a dialog never blocks
a priority key for good)."""


def has_priority_binding(chain: list[tuple[DOMNode, BindingsMap]], key: str) -> bool:
    """True when some node in `chain` binds `key` as a priority binding."""
    return any(
        binding.priority
        for _, bindings in chain
        for binding in bindings.key_to_bindings.get(key, ())
    )


async def handled_so_far(widget: Widget | None) -> None:
    """Return once `widget` has handled every message queued for it before this call."""
    if widget is None or not widget.is_running:
        return
    reached = asyncio.Event()
    widget.call_later(reached.set)
    with suppress(TimeoutError):
        await asyncio.wait_for(reached.wait(), HANDLED_WITHIN)
