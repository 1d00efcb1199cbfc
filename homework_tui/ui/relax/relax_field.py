"""A short field of the Relax form (length, breaths a minute, ratio) whose footer says what Enter
does there: begin the session (the list's `b Begin` is a letter the field takes as typing)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from homework_tui.i18n import N_


class RelaxField(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", N_("Begin"), key_display="⏎"),
    ]
