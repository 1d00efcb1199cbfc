"""Importing a plan file from the app: type where the file is, see what it holds (or every
problem, with its line), then add it to the plan or let it replace the plan.

Dismisses with an `ImportRequest` (the parsed plan and whether to replace), or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.plan_toml import PlanFile, PlanFileError, parse_plan
from homework_tui.ui.dialogs import CalmModal
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer

HINT = N_(
    "Your therapist's plan file ends in .toml. Type where it is, e.g. ~/Downloads/plan.toml, "
    "and press Enter to look inside. Nothing changes until you choose."
)


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    plan: PlanFile
    replace: bool


class ImportDialog(CalmModal["ImportRequest | None"]):
    CSS_PATH = "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        Binding("ctrl+a", "add", N_("Add to my plan"), key_display="^a", priority=True),
        Binding("ctrl+r", "replace", N_("Replace my plan"), key_display="^r", priority=True),
    ]

    def __init__(self, *, has_plan: bool, path: str = "") -> None:
        super().__init__(classes="plan-import")
        self.has_plan = has_plan
        self.start_path = path
        self.plan: PlanFile | None = None
        self.path: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog plan-dialog"):
            yield Static(Text(_("Import your therapist's plan")), classes="dialog-title")
            yield Static(Text(_(HINT)), classes="dialog-message")
            yield Label(_("File"))
            yield CleanInput(
                self.start_path,
                id="import-path",
                compact=True,
                placeholder=_("~/Downloads/plan.toml"),
            )
            yield Static("", id="import-result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    _("Add to my plan (Ctrl+A)"), id="import-add", variant="primary", compact=True
                )
                yield Button(_("Replace my plan (Ctrl+R)"), id="import-replace", compact=True)
                yield Button(_("Cancel (Esc)"), id="import-cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self._buttons()
        self.query_one("#import-path", CleanInput).focus()

    def _buttons(self) -> None:
        self.query_one("#import-add").display = self.plan is not None
        self.query_one("#import-replace").display = self.plan is not None and self.has_plan
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add":
            return self.plan is not None
        if action == "replace":
            return self.plan is not None and self.has_plan
        return True

    @on(CleanInput.Changed, "#import-path")
    def _path_changed(self) -> None:
        if self.plan is not None:
            self.plan = None
            self._buttons()

    @on(CleanInput.Submitted, "#import-path")
    def _look(self, event: CleanInput.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.query_one("#import-result", Static).update(Text(_("Reading…")))
            self._read(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="plan-import-read", exit_on_error=False)
    def _read(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            message = _("Cannot read {file}: {reason}.").format(file=path, reason=reason)
            self.app.call_from_thread(self._show, path, None, message)
            return
        try:
            plan = parse_plan(text)
        except PlanFileError as error:
            count = len(error.problems)
            lines = "\n".join(f"· {problem}" for problem in error.problems)
            message = ngettext(
                "{file} has a problem, so nothing can be imported yet:\n{problems}\n"
                "Your therapist can fix the file, or you can add the homework by hand.",
                "{file} has {n} problems, so nothing can be imported yet:\n{problems}\n"
                "Your therapist can fix the file, or you can add the homework by hand.",
                count,
            ).format(file=path.name, n=count, problems=lines)
            self.app.call_from_thread(self._show, path, None, message)
            return
        self.app.call_from_thread(self._show, path, plan, "")

    def _show(self, path: Path, plan: PlanFile | None, problem: str) -> None:
        result = self.query_one("#import-result", Static)
        self.plan, self.path = plan, path
        result.set_class(plan is None, "-problem")
        if plan is None:
            result.update(Text(problem))
        else:
            count = len(plan.assignments)
            holds = ngettext("{file} holds {n} homework:", "{file} holds {n} homework:", count)
            lines = [holds.format(file=path.name, n=count)]
            lines += [f"· {a.describe()}" for a in plan.assignments]
            lines += [
                _("Changed on reading: {notice}.").format(notice=notice) for notice in plan.notices
            ]
            if self.has_plan:
                lines.append(
                    _(
                        "Add it to your plan, or let it replace your current plan (what "
                        "you did stays in your records)."
                    )
                )
            result.update(Text("\n".join(lines)))
        self._buttons()
        if plan is not None:
            self.query_one("#import-add", Button).focus()

    def action_add(self) -> None:
        if self.plan is not None and self.path is not None:
            self.dismiss(ImportRequest(self.path, self.plan, replace=False))

    def action_replace(self) -> None:
        if self.plan is not None and self.path is not None and self.has_plan:
            self.dismiss(ImportRequest(self.path, self.plan, replace=True))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#import-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#import-replace")
    def _replace_pressed(self) -> None:
        self.action_replace()

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
