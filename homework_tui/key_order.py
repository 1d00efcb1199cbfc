"""Keys are acted on in the order they were typed, priority keys included.

Textual checks priority bindings (Ctrl+S, Ctrl+Q, F2, …) when a key reaches the App, but hands
every other key to the focused widget's own queue. In a burst (a fast typist, a terminal sending
a line at once) the widget may still hold keys typed *before* Ctrl+S when the App runs Ctrl+S's
action, so a save would miss the end of the text. `handled_so_far(widget)` waits until the widget
has handled everything already queued for it; the App awaits it before running a priority
binding (see `HomeworkApp._check_bindings`).

Tab and Shift+Tab have the same problem the other way round: Textual moves focus only once the
Tab has been handed to the focused widget and bubbled back up to the App, and keys typed right
after it are by then queued for the widget that had focus, so the start of the next field's text
lands at the end of the field before. `moves_focus_now(widget, key)` tells when the App can run
the Tab's binding at once instead, before handing on the next key.

Every other key a text box binds itself (Backspace, Delete, the arrows, Home, End, Ctrl+W…) has
the same problem: its binding runs only once the key has bubbled back up to the App, after the
characters typed after it have been handed to the box. In a burst (a slow SSH link delivers keys
in batches) `abc⌫⌫de` became `abc`, and `12⌫4` stayed `12`. `runs_own_binding_now(widget,
event)` tells when the App should let the box handle what it holds and then run the binding
itself, in the order typed.
"""

from __future__ import annotations

import asyncio
import unicodedata
from contextlib import suppress

from textual import events
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, TextArea

FOCUS_KEYS = frozenset({"tab", "shift+tab"})

HANDLED_WITHIN = 2.0
"""At most this long is waited for the focused widget (a widget stuck on a dialog never blocks
a priority key for good)."""  # i18n: not shown


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


def moves_focus_now(widget: Widget | None, key: str) -> bool:
    """True when `key` moves focus from `widget` and the widget has no use for it itself (a text
    area that indents with Tab keeps it)."""
    if widget is None or key not in FOCUS_KEYS:
        return False
    return not (isinstance(widget, TextArea) and widget.tab_behavior == "indent")


def is_text(event: events.Key) -> bool:
    """True when the key types a character (a text box inserts it; it is no command)."""
    character = event.character
    return (
        character is not None
        and len(character) == 1
        and unicodedata.category(character) not in ("Cc", "Cs")
    )


def runs_own_binding_now(widget: Widget | None, event: events.Key) -> bool:
    """True when `widget` is a text box that binds `event`'s key itself (and does not insert
    it): the App runs that binding at once, after the box has handled the keys before it."""
    if not isinstance(widget, (Input, TextArea)) or event.key in FOCUS_KEYS or is_text(event):
        return False
    if isinstance(widget, TextArea) and (
        event.key == "enter" or (widget.tab_behavior == "indent" and event.key == "escape")
    ):
        return False  # TextArea inserts a line break, or leaves, in its own key handler
    bindings = widget._bindings.key_to_bindings.get(event.key, ())
    return any(not binding.priority for binding in bindings)
