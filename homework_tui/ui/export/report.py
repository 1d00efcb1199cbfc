"""The report for the next session, written from the app: choose the period and the format, see
a progress bar while it is written, then read it here or open the file.

Markdown is one readable file; CSV is one file per kind of homework in a folder. Files are
private to you (0600) and not encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    Checkbox,
    Header,
    Input,
    Label,
    Markdown,
    ProgressBar,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from homework_tui.i18n import LANGUAGES, N_, _, current_language, in_language, ngettext
from homework_tui.model.plan import short_date
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton

if TYPE_CHECKING:
    from homework_tui.report.choices import TextChoices

INTRO = N_(
    "A clear summary to bring to your next session: what was asked and done, your thought "
    "records, exposures, experiments and relaxation. It stays on this computer unless you share it."
)
PERIODS = ("session", "week", "month", "from")


@dataclass
class ReportWritten(Message):
    paths: list[Path]
    markdown: str | None


@dataclass
class ReportFailed(Message):
    message: str


class ReportScreen(HomeworkScreen[None]):
    CSS_PATH = "report.tcss"
    TITLE = N_("Report for your next session")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write", N_("Write report"), key_display="^s", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__(classes="report")
        self.since_session: date | None = None
        self.writing = False

    def compose(self) -> ComposeResult:
        today = date.today()
        self.title = _(self.TITLE)
        yield Header(icon="·")
        with VerticalScroll(id="report", classes="page"):
            yield Static(Text(_(INTRO)), classes="purpose")
            yield Label(_("Which days"))
            with RadioSet(id="report-period"):
                yield MarkedRadioButton(
                    _("Since your last session"), value=True, id="period-session"
                )
                yield MarkedRadioButton(_("The last 7 days"), id="period-week")
                yield MarkedRadioButton(_("The last 30 days"), id="period-month")
                yield MarkedRadioButton(_("From a date I choose"), id="period-from")
            with Horizontal(id="report-from-row"):
                # Translators: before a date box: the report starts on that day.
                yield Label(_("From"), classes="row-label")
                yield CleanInput(
                    (today - timedelta(days=13)).isoformat(),
                    id="report-from",
                    placeholder="2025-03-10",
                    compact=True,
                )
            yield Label(_("Format"))
            with RadioSet(id="report-format"):
                yield MarkedRadioButton(
                    _("Markdown: one file, easy to read"), value=True, id="format-markdown"
                )
                yield MarkedRadioButton(
                    _("CSV: one file per kind, for a spreadsheet"), id="format-csv"
                )
            yield Static(
                Text(
                    _(
                        "Your evidence for and against is always in the report. Your "
                        "own writing goes in only if you choose:"
                    )
                ),
                classes="report-hint",
            )
            yield MarkedCheckbox(_("Include my journal writing in full"), id="report-journal-text")
            yield MarkedCheckbox(_("Include my notes after exposures"), id="report-exposure-notes")
            yield MarkedCheckbox(_("Include my safety plan"), id="report-safety-plan")
            yield Label(_("Save to"))
            yield CleanInput(self._default_path("markdown"), id="report-path", compact=True)
            with Horizontal(id="report-buttons"):
                yield Button(
                    Text(_("Write report (Ctrl+S)")),
                    id="report-write",
                    variant="primary",
                    compact=True,
                )
                # The report's language: the interface's unless the therapist reads another.
                yield Label(_("Language (for your therapist):"), id="report-language-label")
                yield Select(
                    [(name, code) for code, name in LANGUAGES.items()],
                    value=current_language() if current_language() in LANGUAGES else "en",
                    allow_blank=False,
                    id="report-language",
                    compact=True,
                )
            yield ProgressBar(id="report-progress", show_eta=False)
            yield Static("", id="report-result")
            yield Markdown(id="report-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-progress").display = False
        self.query_one("#report-preview").display = False
        self.query_one("#report-period", RadioSet).focus()
        self._find_session()

    async def recompose(self) -> None:
        """Drawn again in another language (the choices start again, as when opened)."""
        await super().recompose()
        self.on_mount()

    # -- choices ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="report-session", exit_on_error=False)
    def _find_session(self) -> None:
        store = self.homework.store
        if store is None:
            return
        from homework_tui.report.data import since_last_session

        day = since_last_session(store, date.today())
        self.app.call_from_thread(self._session_found, day)

    def _session_found(self, day: date) -> None:
        self.since_session = day
        self.query_one("#period-session", RadioButton).label = _(
            "Since your last session ({date})"
        ).format(date=short_date(day))

    def _default_path(self, form: str) -> str:
        stamp = date.today().isoformat()
        name = f"homework-report-{stamp}" + (".md" if form == "markdown" else "")
        return str(Path("~") / name)

    @on(RadioSet.Changed, "#report-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        form = "csv" if event.pressed.id == "format-csv" else "markdown"
        path = self.query_one("#report-path", Input)
        if path.value in (self._default_path("markdown"), self._default_path("csv")):
            path.value = self._default_path(form)

    @on(Input.Changed, "#report-from")
    def _from_typed(self, event: Input.Changed) -> None:
        if event.input.has_focus:  # the person typed a date: that is the period they want
            self.query_one("#period-from", RadioButton).value = True

    @on(Button.Pressed, "#report-write")
    def _write_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_write()

    def _period(self) -> tuple[date, date] | str:
        today = date.today()
        chosen = self.query_one("#report-period", RadioSet).pressed_button
        choice = (chosen.id or "period-session").removeprefix("period-") if chosen else "session"
        if choice == "week":
            return today - timedelta(days=6), today
        if choice == "month":
            return today - timedelta(days=29), today
        if choice == "from":
            text = self.query_one("#report-from", Input).value.strip()
            try:
                first = date.fromisoformat(text)
            except ValueError:
                return _(
                    "“{text}” is not a date this can read; please write it like 2025-03-10."
                ).format(text=text)
            if first > today:
                return _("That date is still ahead; please choose a day up to today.")
            return first, today
        return (self.since_session or today - timedelta(days=13)), today

    # -- writing ---------------------------------------------------------------------------------

    def action_write(self) -> None:
        if self.writing or self.homework.store is None:
            return
        period = self._period()
        if isinstance(period, str):
            self._say(period, problem=True)
            return
        text = self.query_one("#report-path", Input).value.strip()
        if not text:
            self._say(_("Please say where to save the report."), problem=True)
            return
        form = (
            "csv" if self.query_one("#report-format", RadioSet).pressed_index == 1 else "markdown"
        )
        from homework_tui.report.choices import TextChoices

        choices = TextChoices(
            journal_text=self.query_one("#report-journal-text", Checkbox).value,
            exposure_notes=self.query_one("#report-exposure-notes", Checkbox).value,
            safety_plan=self.query_one("#report-safety-plan", Checkbox).value,
        )
        self.writing = True
        self._say(_("Writing…"))
        bar = self.query_one("#report-progress", ProgressBar)
        bar.update(total=100, progress=0)
        bar.display = True
        language = self.query_one("#report-language", Select).value
        self._write(period, form, choices, Path(text).expanduser(), str(language))

    @work(thread=True, exclusive=True, group="report-write", exit_on_error=False)
    def _write(
        self,
        period: tuple[date, date],
        form: str,
        choices: TextChoices,
        path: Path,
        language: str,
    ) -> None:
        from homework_tui.report.csv_files import write_csv
        from homework_tui.report.data import collect
        from homework_tui.report.files import write_private
        from homework_tui.report.markdown import render
        from homework_tui.store import StoreError

        def step(start: int, span: int) -> Callable[[int, int], None]:
            def report(done: int, total: int) -> None:
                self.app.call_from_thread(self._progress, start + span * done / max(total, 1))

            return report

        try:
            data = collect(self.homework.store, *period, progress=step(0, 70))  # type: ignore[arg-type]
            # The words are written in the report's language. The language is the process's,
            # so they are written on the app's thread, where nothing is drawn meanwhile.
            if form == "csv":

                def write() -> list[Path]:
                    with in_language(language):
                        return write_csv(data, path, choices=choices, progress=self._csv_progress)

                paths = self.app.call_from_thread(write)
                markdown = None
            else:

                def render_in_language() -> str:
                    with in_language(language):
                        return render(data, choices)

                markdown = self.app.call_from_thread(render_in_language)
                write_private(path, markdown.encode("utf-8"))
                paths = [path]
                self.app.call_from_thread(self._progress, 100)
        except StoreError as error:
            self.post_message(ReportFailed(str(error)))
            return
        except OSError as error:
            self.post_message(
                ReportFailed(
                    _(
                        "Could not write to {place} ({reason}). Nothing else changed; "
                        "please choose another place."
                    ).format(place=path, reason=error.strerror or error)
                )
            )
            return
        except Exception as error:  # noqa: BLE001 - a fault of ours: said so, never a silent stop
            from homework_tui.ui.fault import describe

            self.post_message(
                ReportFailed(
                    _(
                        "The report could not be made because of a problem inside homework-tui, "
                        "not anything you did. Your data is safe. If it keeps happening, please "
                        "report this line: {line}"
                    ).format(line=describe(error))
                )
            )
            return
        self.post_message(ReportWritten(paths, markdown))

    def _say(self, words: str, *, problem: bool = False) -> None:
        result = self.query_one("#report-result", Static)
        result.update(Text(words))
        result.set_class(problem, "-problem")
        # After the next layout: the preview below may be filled in the same turn.
        self.call_after_refresh(result.scroll_visible, animate=False)

    def _csv_progress(self, done: int, total: int) -> None:
        """The CSV files' progress (70 to 100 %), told on the app's thread."""
        self._progress(70 + 30 * done / max(total, 1))

    def _progress(self, value: float) -> None:
        self.query_one("#report-progress", ProgressBar).update(progress=value)

    @on(ReportWritten)
    async def _written(self, message: ReportWritten) -> None:
        self.writing = False
        count = len(message.paths)
        where = (
            str(message.paths[0])
            if message.markdown is not None
            else ngettext("{n} file in {folder}", "{n} files in {folder}", count).format(
                n=count, folder=message.paths[0].parent
            )
        )
        preview = self.query_one("#report-preview", Markdown)
        if message.markdown is not None:
            preview.display = True
            await preview.update(message.markdown)  # laid out first, so the line below stays seen
        else:
            preview.display = False
        if message.markdown:
            said = _(
                "Saved to {place}. It is not encrypted, so keep it somewhere private. "
                "The report is below."
            )
        else:
            said = _("Saved to {place}. It is not encrypted, so keep it somewhere private.")
        self._say(said.format(place=where))

    @on(ReportFailed)
    def _failed(self, message: ReportFailed) -> None:
        self.writing = False
        self.query_one("#report-progress").display = False
        self._say(message.message, problem=True)
