"""Today: the home screen. A short welcome, where to start, what is due (filled in by the plan
issue, in `#today-due`), and a menu of every section with what it is for."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import N_, _
from homework_tui.sections import RELAX_WHAT, SECTIONS
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.widgets.footer import Footer

if TYPE_CHECKING:  # read lazily: Today's homework is mounted after the first frame
    from homework_tui.ui.today.today_due import DueLoaded
from homework_tui.ui.insights.insights_palette import show_insights, show_report

if TYPE_CHECKING:
    from homework_tui.ui.today.today_due import InsightsWanted, ReportWanted

WELCOME = N_(
    "Welcome. This is a quiet place for the homework you agreed with your therapist. "
    "Everything you write stays on this computer."
)
WHERE_TO_START = N_(
    "Not sure where to start? If you feel tense right now, try Relax (press r). "
    "Otherwise, open what your therapist asked you to practise."
)
# The plan can turn the Relax suggestion off (`suggest_relax = false`): for exposure work, where
# reaching for relaxation when tense can become a safety behaviour.
WHERE_TO_START_NO_RELAX = N_(
    "Not sure where to start? Open what your therapist asked you to practise."
)
NOTHING_DUE = N_(
    "Nothing is due yet. When you add what your therapist set in Plan (p), it will show up here."
)
HELP_NOW_PURPOSE = N_(
    "Your safety plan, the people you would call when things get hard, and your local crisis "
    "line. Reachable from every screen with F2."
)
SETTINGS_PURPOSE = N_("Colours, motion and the voice that guides relaxation.")


def menu_entry(key: str, title: str, purpose: str) -> Text:
    """One menu option: the title and its key, then what it is for (plain text, cheap to draw).
    `title` and `purpose` are looked up here (marked with N_ where they are written)."""
    entry = Text(_(title), style="bold")
    entry.append(f"  {key}", style="bold dim")  # i18n: not shown
    entry.append("\n")
    entry.append(_(purpose), style="dim")
    return entry


class SectionMenu(OptionList):
    """The list of places to go; Enter opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", N_("Open"), tooltip=N_("Open the highlighted place")),
    ]


class TodayScreen(HomeworkScreen[None]):
    """The home screen."""

    TITLE = "homework-tui"
    SUB_TITLE = N_("Today")

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(s.hotkey, f"app.open_section({s.key!r})", s.title, show=False) for s in SECTIONS),
        Binding("h", "app.help_now", N_("Help now"), show=False),
        Binding("s", "app.open_settings", N_("Settings"), show=False),
        Binding("b", "bridge", N_("For next session")),
        Binding("q", "app.quit", N_("Quit")),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="today", classes="page"):
            yield Static(Text(_(WELCOME)), id="today-welcome")
            yield Static(Text(_(WHERE_TO_START)), id="today-start")
            # What is due (homework_tui.ui.today.today_due) is mounted here just after the first
            # frame: its imports and reading cost start-up time; until then, a calm stand-in.
            with Vertical(id="today-due"):
                waiting = Static(Text(_(NOTHING_DUE)), id="today-nothing-due")
                waiting.border_title = _("Today's homework")
                yield waiting
            menu = SectionMenu(*self._menu_options(), id="today-menu")
            menu.border_title = _("Your homework")
            yield menu
        yield Footer()

    def _menu_options(self) -> list[Option]:
        options = [Option(menu_entry(s.hotkey, s.title, s.purpose), id=s.key) for s in SECTIONS]
        options.append(Option(menu_entry("F2", N_("Help now"), HELP_NOW_PURPOSE), id="help_now"))
        options.append(Option(menu_entry("s", N_("Settings"), SETTINGS_PURPOSE), id="settings"))
        return options

    def on_mount(self) -> None:
        self._composed()

    async def recompose(self) -> None:
        """Drawn again in another language (the app recomposes the screens on show when the
        language changes): its title, focus and homework list come back as on mount."""
        await super().recompose()
        self._composed()

    def _composed(self) -> None:
        self.sub_title = _(self.SUB_TITLE)
        self.query_one(SectionMenu).focus()
        self.call_after_refresh(self._mount_due)

    def _mount_due(self) -> None:
        from homework_tui.ui.today.today_due import TodayDue  # here: its imports cost start-up

        if self.query("#today-due-list"):
            return
        self.query("#today-nothing-due").remove()
        self.query_one("#today-due").mount(TodayDue(id="today-due-list"))

    def on_screen_resume(self) -> None:
        """Back on Today after logging something: count it at once."""
        for due in self.query("#today-due-list"):
            due.reload()  # type: ignore[attr-defined]

    def on_due_loaded(self, message: DueLoaded) -> None:
        """The plan is read (by Today's homework): word "where to start" and Relax's entry as
        the plan says (`suggest_relax`)."""
        message.stop()
        text = WHERE_TO_START if message.suggest_relax else WHERE_TO_START_NO_RELAX
        self.query_one("#today-start", Static).update(Text(_(text)))
        relax = next(s for s in SECTIONS if s.key == "relax")
        purpose = relax.purpose if message.suggest_relax else RELAX_WHAT
        entry = menu_entry(relax.hotkey, relax.title, purpose)
        menu = self.query_one(SectionMenu)
        if str(menu.get_option("relax").prompt) != str(entry):  # only when it changes
            menu.replace_option_prompt("relax", entry)

    def action_bridge(self) -> None:
        """What got in the way, and what to raise next session (they open the report)."""
        from homework_tui.ui.today.bridge_form import open_bridge

        open_bridge(self.homework)

    # (handlers by name: the list's module loads after the first frame, see on_mount)
    def on_insights_wanted(self, event: InsightsWanted) -> None:
        event.stop()
        show_insights(self.app)

    def on_report_wanted(self, event: ReportWanted) -> None:
        event.stop()
        show_report(self.app)

    @on(OptionList.OptionSelected, "#today-menu")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        if choice == "help_now":
            self.homework.show_help_now()
        elif choice == "settings":
            self.homework.open_settings()
        elif choice is not None:
            self.homework.open_section(choice)
