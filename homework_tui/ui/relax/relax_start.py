"""Starting a session from the Relax screen: check the choice (its length, then everything the
session needs but the voice), ask how the person feels (Esc skips), remember the choice for next
time, then push the session screen (`relax_session`, or `relax_mindful` for mindfulness)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.ui.base import saving
from homework_tui.ui.relax.relax_rating import Rating, RatingDialog

if TYPE_CHECKING:
    from textual.worker import Worker

    from homework_tui.services.relax_catalog import SessionEntry
    from homework_tui.ui.base import SectionScreen

    _ScreenBase = SectionScreen
else:
    _ScreenBase = object


class SessionStartMixin(_ScreenBase):
    """For RelaxScreen: from Begin (b, Enter) to the session screen."""

    choice: RelaxChoice
    clock: Callable[[], float]  # sessions keep time by it (tests: by hand)

    if TYPE_CHECKING:

        def read_choice(self) -> RelaxChoice: ...

        def selected_entry(self) -> SessionEntry | None: ...

        def _set_problem(self, text: str) -> None: ...

        def load(self) -> Worker[None]: ...

    def action_begin(self) -> None:
        try:
            choice = self.read_choice()
        except ValidationError as error:
            self._set_problem(error.message)
            return
        entry = self.selected_entry()
        too = (
            entry.check_minutes(choice.minutes)
            if entry is not None and not choice.own_length
            else ""
        )
        self._set_problem(too)
        if not too:
            self.check_then_rate(choice)

    @work(thread=True, exclusive=True, group="relax-check", exit_on_error=False)
    def check_then_rate(self, choice: RelaxChoice, *, remember: bool = True) -> None:
        """Whether the session can start as chosen (its length, its file: everything but the
        voice, with the person's speech settings), before the person rates how they feel, so a
        rating is never asked for nothing. `remember`: see `rate_then_start`."""
        from audio.errors import AudioError

        try:
            self.homework.services.relax.check(choice, self.homework.settings)
        except AudioError as error:
            message = str(error)
            self.app.call_from_thread(self._set_problem, message[:1].upper() + message[1:])
            return
        self.app.call_from_thread(self.rate_then_start, choice, remember=remember)

    def rate_then_start(self, choice: RelaxChoice, *, remember: bool = True) -> None:
        """Ask how the person feels (Esc skips), then start `choice`. `remember`: keep it as the
        choice for next time (not for a session started from the command line)."""
        if not self.is_current:
            return
        self.choice = choice
        if remember:
            self.remember(choice)

        def rated(before: Rating | None) -> None:
            self.start(choice, before.value if before is not None else None)

        self.app.push_screen(
            RatingDialog(
                choice.scale,
                after=False,
                heading=_("Before you start: {title}").format(title=choice.shown_title),
            ),
            rated,
        )

    def start(self, choice: RelaxChoice, before: int | None = None) -> None:
        from homework_tui.ui.relax.relax_session import RelaxSessionScreen

        def done(logged: RelaxationSession | None) -> None:
            self.query_one("#rx-sessions").focus()  # so b, h and the arrows work at once
            self.load()

        screen_class = RelaxSessionScreen
        if choice.kind == "mindfulness":
            from homework_tui.ui.relax.relax_mindful import MindfulSessionScreen

            screen_class = MindfulSessionScreen
        self.app.push_screen(screen_class(choice, before=before, clock=self.clock), done)

    @work(thread=True, exclusive=True, group="relax-choice", exit_on_error=False)
    def remember(self, choice: RelaxChoice) -> None:
        from homework_tui.store.errors import StoreError
        from homework_tui.ui.relax.relax_data import choice_doc

        store = self.homework.store
        if store is None or self.homework.read_only:
            return
        try:
            with saving(self):
                choice_doc(store).save(choice)
        except StoreError:
            pass  # only a convenience; the session itself is what matters
