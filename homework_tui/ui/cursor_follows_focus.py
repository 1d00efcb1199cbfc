"""The terminal's own cursor shown where the focus is, for screen readers and braille displays
(issue 17, point 1). Part of `HomeworkApp` (app.py), once for every screen.

Textual hides the terminal's cursor and, after every frame it draws, moves it to
`App.cursor_position` (which its Input and TextArea set, for input methods). Here
`cursor_position` is worked out at each frame from the focused widget (`focus_cursor.cursor_spot`),
and the cursor is made visible while the person's setting asks for it. Nothing more is sent to
the terminal: the move rides on the frames Textual draws anyway, and the cursor is shown or hidden
only when the setting changes (or the app comes back from a suspension).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ScreenError
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.geometry import Offset

from homework_tui.ui.focus_cursor import cursor_spot

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[int]
else:
    _AppBase = object

SHOW_CURSOR = "\x1b[?25h"
HIDE_CURSOR = "\x1b[?25l"


class CursorFollowsFocus(_AppBase):
    """For HomeworkApp: the terminal cursor follows the focus while `cursor_follows_focus`."""

    _cursor_follows_focus = False
    _cursor_asked = Offset(0, 0)  # what Textual's widgets last set, used while not following

    @property  # App's plain attribute, worked out at each frame here
    def cursor_position(self) -> Offset:
        """Where Textual puts the terminal's cursor after each frame (screen cells)."""
        if not self._cursor_follows_focus:
            return self._cursor_asked
        try:
            screen = self.screen
            focused = self.focused
            spot = None if focused is None else cursor_spot(focused, screen)
        except (ScreenError, NoWidget, NoScreen):  # no screen yet, or closing
            spot = None
        return Offset(0, 0) if spot is None else spot

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self._cursor_asked = offset

    @property
    def cursor_follows_focus(self) -> bool:
        """True while the terminal's cursor is shown where the focus is."""
        return self._cursor_follows_focus

    def follow_focus_with_cursor(self, follow: bool) -> None:
        """Show the terminal's cursor and keep it on the focus, or hide it as Textual does."""
        if follow == self._cursor_follows_focus:
            return
        self._cursor_follows_focus = follow
        self._send_cursor_visibility()
        self.refresh()  # one frame, so the cursor moves to the focus now

    def cursor_resumed(self, _app: Any) -> None:
        """After a suspension the terminal starts hidden again (Textual's application mode)."""
        self._send_cursor_visibility()

    def _send_cursor_visibility(self) -> None:
        # Textual has no public call for a terminal sequence of one's own; its driver's `write`
        # is what Textual itself uses for the cursor. Headless (tests) has no terminal.
        driver = getattr(self, "_driver", None)
        if driver is None or self.is_headless:
            return
        driver.write(SHOW_CURSOR if self._cursor_follows_focus else HIDE_CURSOR)
        driver.flush()
