"""Changing ladders and their steps on the exposure screen: new, rename, remove (with undo),
and each step added, changed, moved or removed (with undo).

A mixin for `ExposureScreen`: every change is shown at once (`_put_ladder`) and written in the
background by the screen's `ExposureWriter`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text

from homework_tui.i18n import _
from homework_tui.model.exposure import Ladder, Step
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.exposure.exposure_data import ExposureData
from homework_tui.ui.exposure.exposure_dialogs import (
    LADDER_HINT,
    STEP_HINT,
    FieldsDialog,
    ladder_fields,
    step_fields,
)
from homework_tui.ui.exposure.exposure_writer import ExposureWriter

if TYPE_CHECKING:
    from textual.app import App


class LadderEditing:
    data: ExposureData
    ladder_id: str | None
    writer: ExposureWriter | None
    # What u brings back: (ladder, step id) for a removed step, (ladder, None) for a ladder.
    undo: tuple[Ladder, str | None] | None = None

    if TYPE_CHECKING:
        app: App[object]

        @property
        def ladder(self) -> Ladder | None: ...

        @property
        def step(self) -> Step | None: ...

        def draw(self, select: str | None = None) -> None: ...

        def notify(self, message: str, **kwargs: object) -> None: ...

    # -- ladders ---------------------------------------------------------------------------

    def action_new_ladder(self) -> None:
        def apply(values: dict[str, str]) -> Ladder:
            return Ladder(name=values["name"], goal=values["goal"])

        def done(ladder: Ladder | None) -> None:
            if ladder is not None:
                self._put_ladder(ladder)
                self.ladder_id = ladder.id
                self.draw()
                self.notify(_("Ladder made. Press a to add its first step."), markup=False)

        self.app.push_screen(
            FieldsDialog(_("A new ladder"), ladder_fields(), apply, hint=_(LADDER_HINT)), done
        )

    def action_edit_ladder(self) -> None:
        ladder = self.ladder
        if ladder is None:
            return

        def apply(values: dict[str, str]) -> Ladder:
            return replace(ladder, name=values["name"], goal=values["goal"])

        def done(changed: Ladder | None) -> None:
            if changed is not None:
                self._put_ladder(changed)
                self.draw()

        self.app.push_screen(
            FieldsDialog(_("The ladder"), ladder_fields(ladder.name, ladder.goal), apply), done
        )

    def action_other_ladder(self, delta: int) -> None:
        ids = [lad.id for lad in self.data.ladders]
        if len(ids) < 2 or self.ladder_id not in ids:
            return
        self.ladder_id = ids[(ids.index(self.ladder_id) + delta) % len(ids)]
        self.draw()

    def action_remove_ladder(self) -> None:
        ladder = self.ladder
        if ladder is None:
            return

        def chosen(choice: str | None) -> None:
            if choice != "remove" or self.writer is None:
                return
            self.writer.remove_ladder(ladder.id)
            self.data = replace(
                self.data, ladders=tuple(lad for lad in self.data.ladders if lad.id != ladder.id)
            )
            self.ladder_id = self.data.ladders[0].id if self.data.ladders else None
            self.undo = (ladder, None)
            self.draw()
            self.notify(
                _("Ladder moved to the trash. Press u to bring it back."), timeout=8, markup=False
            )

        message = Text(
            _(
                "“{name}” and its steps go to the trash; the exposures you logged are kept. "
                "You can bring it back with u."
            ).format(name=ladder.name)
        )
        self.app.push_screen(
            ChoiceDialog(
                _("Remove this ladder?"),
                message,
                [
                    Choice("r", _("Remove it"), "remove"),
                    Choice("k", _("Keep it"), "keep", primary=True),
                ],
                escape="keep",
            ),
            chosen,
        )

    def _put_ladder(self, ladder: Ladder) -> None:
        """Show this version of the ladder now and write it in the background."""
        ladders = [lad for lad in self.data.ladders if lad.id != ladder.id]
        at = next((i for i, lad in enumerate(self.data.ladders) if lad.id == ladder.id), None)
        ladders.insert(len(ladders) if at is None else at, ladder)
        self.data = replace(self.data, ladders=tuple(ladders))
        if self.writer is not None:
            self.writer.save_ladder(ladder)

    # -- steps -----------------------------------------------------------------------------

    def action_add_step(self) -> None:
        ladder = self.ladder
        if ladder is None:
            self.action_new_ladder()
            return
        added: list[str] = []

        def apply(values: dict[str, str]) -> Ladder:
            changed, step = ladder.with_step(values["description"], values["suds"])
            added.append(step.id)
            return changed

        def done(changed: Ladder | None) -> None:
            if changed is not None:
                self._put_ladder(changed)
                self.draw(select=added[-1])

        self.app.push_screen(
            FieldsDialog(_("Add a step"), step_fields(), apply, hint=_(STEP_HINT)), done
        )

    def action_edit_step(self) -> None:
        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            return

        def apply(values: dict[str, str]) -> Ladder:
            return ladder.with_step_changed(step.id, values["description"], values["suds"])

        def done(changed: Ladder | None) -> None:
            if changed is not None:
                self._put_ladder(changed)
                self.draw(select=step.id)

        fields = step_fields(step.description, str(step.suds))
        self.app.push_screen(FieldsDialog(_("Change the step"), fields, apply), done)

    def action_move(self, direction: int) -> None:
        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            return
        changed, suds = ladder.moved(step.id, direction)
        if changed is ladder:
            return
        self._put_ladder(changed)
        self.draw(select=step.id)
        if suds is not None:
            self.notify(
                _(
                    "Moved, and its SUDS is now {suds} so the ladder stays in order. "
                    "Press e to change it."
                ).format(suds=suds),
                markup=False,
            )

    def action_remove_step(self) -> None:
        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            return
        self._put_ladder(ladder.without_step(step.id))
        self.undo = (ladder, step.id)
        self.draw()
        self.notify(
            _("Step removed (its exposures are kept). Press u to bring it back."),
            title=_("Removed"),
            timeout=8,
            markup=False,
        )

    def action_undo(self) -> None:
        if self.undo is None:
            return
        ladder, step_id = self.undo
        self.undo = None
        if step_id is None:  # a whole ladder
            if self.writer is not None:
                self.writer.restore_ladder(ladder.id)
            ladders = sorted((*self.data.ladders, ladder), key=lambda lad: lad.created_at)
            self.data = replace(self.data, ladders=tuple(ladders))
            self.ladder_id = ladder.id
            self.draw()
            self.notify(_("The ladder is back."), markup=False)
            return
        current = self.data.ladder(ladder.id)
        if current is None:
            return
        try:
            restored = current.with_step_restored(step_id)
        except KeyError:
            return
        self.ladder_id = current.id
        self._put_ladder(restored)
        self.draw(select=step_id)
        self.notify(_("The step is back."), markup=False)
