"""Step 4 of the thought record: tick thinking traps on the hot thought.

Burns' ten are always listed and cannot be removed. The person can add labels of their own
(kept for next time) and remove those again (Delete on the highlighted one; records that used it
keep it). Problems are posted as `DistortionPicker.Problem` for the form to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, SelectionList, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.distortions import OwnDistortion, display_name
from homework_tui.store.errors import StoreError
from homework_tui.ui.base import saving
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.thoughts.distortion_list import OWN, DistortionList
from homework_tui.ui.thoughts.thought_data import own_labels_repo
from homework_tui.ui.widgets.clean_input import CleanInput


class DistortionPicker(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove_label", N_("Remove my label"), key_display="Del"),
    ]

    @dataclass
    class Problem(Message):
        message: str
        field: str = "own-label"

    def compose(self) -> ComposeResult:
        yield DistortionList(id="distortions")
        yield Static("", id="distortion-chosen")
        yield Static("", id="distortion-hint", classes="step-question")
        with Horizontal(classes="own-label-row"):
            yield Static(_("Your own label:"), classes="row-label")
            yield CleanInput(
                placeholder=_("e.g. comparing myself — Enter adds it"),
                id="own-label",
                compact=True,
                max_length=60,
            )

    def on_mount(self) -> None:
        self._load()

    @property
    def choices(self) -> DistortionList:
        return self.query_one(DistortionList)

    # -- showing -------------------------------------------------------------------------------

    @on(SelectionList.SelectionHighlighted)
    def _show_hint(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        self.query_one("#distortion-hint", Static).update(
            DistortionList.hint_for(event.selection.value)
        )
        self.screen.refresh_bindings()

    @on(SelectionList.SelectedChanged)
    def _show_chosen(self) -> None:
        keys, own = self.choices.chosen()
        names = [_(display_name(k)) for k in keys] + list(own)
        if names:
            text = Text(_("Ticked:") + " ", style="bold")
        else:
            text = Text(_("Nothing ticked yet."), style="dim")
        text.append(", ".join(names))
        self.query_one("#distortion-chosen", Static).update(text)

    # -- the person's own labels ---------------------------------------------------------------

    @work(thread=True, group="own-labels")
    def _load(self) -> None:
        store = getattr(self.app, "store", None)
        if store is None:
            return
        names = [label.name for label in own_labels_repo(store).all(reverse=False)]
        self.app.call_from_thread(self._offer, names)

    def _offer(self, names: list[str]) -> None:
        for name in names:
            self.choices.add_own(name)

    @on(Input.Submitted, "#own-label")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            label = OwnDistortion(name=event.value)
        except ValidationError as error:
            self.post_message(self.Problem(error.message))
            return
        known = {n.casefold() for n in self.choices.own_names}
        self.choices.add_own(label.name, chosen=True)
        event.input.value = ""
        self.post_message(self.Problem(""))
        if label.name.casefold() not in known:
            self._keep(label)

    @work(thread=True, group="own-labels")
    def _keep(self, label: OwnDistortion) -> None:
        store = getattr(self.app, "store", None)
        try:
            if store is not None:
                with saving(self):
                    own_labels_repo(store).add(label)
        except StoreError as error:
            message = _(
                "Your label is on this record, but could not be kept for next time: {why}"
            ).format(why=error)
            self.app.call_from_thread(self.post_message, self.Problem(message))

    def _highlighted_own(self) -> str | None:
        option = self.choices.highlighted_option
        if option is None or not self.choices.has_focus:
            return None
        value = str(option.value)  # type: ignore[attr-defined]
        return value[len(OWN) :] if value.startswith(OWN) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_label":
            return self._highlighted_own() is not None
        return True

    def action_remove_label(self) -> None:
        name = self._highlighted_own()
        if name is None:
            return

        def chosen(choice: str | None) -> None:
            if choice == "remove":
                self.choices.remove_own(name)
                self._forget(name)

        self.app.push_screen(
            ChoiceDialog(
                _("Remove your label?"),
                Text(
                    _("“{name}” will no longer be offered. Records that used it keep it.").format(
                        name=name
                    )
                ),
                [
                    Choice("r", _("Remove it"), "remove"),
                    Choice("k", _("Keep it"), "keep", primary=True),
                ],
                escape="keep",
            ),
            chosen,
        )

    @work(thread=True, group="own-labels")
    def _forget(self, name: str) -> None:
        store = getattr(self.app, "store", None)
        if store is None:
            return
        repo = own_labels_repo(store)
        try:
            with saving(self):
                for label in repo.all():
                    if label.name.casefold() == name.casefold():
                        repo.delete(label.id)
        except StoreError as error:
            self.app.call_from_thread(self.post_message, self.Problem(str(error)))
