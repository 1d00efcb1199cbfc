"""The homework-tui application: screens, keys, the command palette, and opening the data.

Start-up paints Today first and opens the store in a thread worker meanwhile (nothing heavy is
imported before the first frame). Each section lives in its own mode, so moving between sections
keeps whatever is half-written in each. Help now (F2) is pushed on top of whatever is showing.
Going to those places, and the palette's list of them, is `navigation.NavigationMixin`.
The terminal's own cursor follows the focus (for screen readers): `ui/cursor_follows_focus`.

Screens see it through `ui/app_protocol.HomeworkAppProtocol`: `store`, `read_only`, `settings`,
`data_ready_signal`, and `services` (made here, closed on unmount), never this class itself."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from homework_tui.i18n import N_, _
from homework_tui.key_order import (
    handled_so_far,
    has_priority_binding,
    moves_focus_now,
    runs_own_binding_now,
)
from homework_tui.model.settings import DEFAULT_THEME, Settings
from homework_tui.navigation import TODAY, NavigationMixin
from homework_tui.paths import data_dir
from homework_tui.services.app_services import Services
from homework_tui.terminal_input import read_pastes_whole
from homework_tui.ui.app_protocol import HomeworkAppProtocol
from homework_tui.ui.base import LatestValueSaver, SaveRefused
from homework_tui.ui.cursor_follows_focus import CursorFollowsFocus
from homework_tui.ui.privacy.privacy_lock import IdleLock
from homework_tui.ui.read_only import ReadOnlyWatch
from homework_tui.ui.store_messages import DamagedFound, StoreFailed, StoreOpened
from homework_tui.ui.today.today import TodayScreen
from homework_tui.ui.widgets.banner import ReadOnlyBanner
from homework_tui.ui.widgets.palette import HomeworkCommands
from homework_tui.ui.widgets.themes import OUR_THEMES

if TYPE_CHECKING:
    from argparse import Namespace

    from textual.driver import Driver

    from homework_tui.store import Store


class HomeworkApp(NavigationMixin, CursorFollowsFocus, App[int]):
    """A calm, private, offline companion for therapy homework."""

    CSS_PATH = "app.tcss"
    DEFAULT_MODE: ClassVar[str] = TODAY
    TITLE = "homework-tui"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[Any]] = {HomeworkCommands}
    COMMAND_PALETTE_DISPLAY = "^p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "help_now", N_("Help now"), key_display="F2", priority=True),
        Binding("escape", "back", N_("Back"), key_display="Esc"),
        Binding("f1", "toggle_keys", N_("Keys"), key_display="F1", priority=True),
        Binding(
            "ctrl+p", "command_palette", N_("Commands"), key_display="^p", show=False, priority=True
        ),
        # Only while this window is read-only (see check_action and screens/read_only.py).
        Binding("f5", "take_over", N_("Take over"), key_display="F5", priority=True),
        Binding("f6", "save_to_file", N_("Save to a file"), key_display="F6", priority=True),
    ]

    def __init__(
        self,
        data_folder: Path,
        *,
        read_only: bool = False,
        services: Services | None = None,
        language: str = "",
    ) -> None:
        super().__init__()
        self.data_folder = data_folder
        # `--language` given: it wins over Settings' language until the person changes that.
        self.language_given = bool(language)
        self.services = services or Services()  # ours: closed on unmount (tests pass silent ones)
        self.read_only = read_only
        self.store: Store | None = None
        self.settings = Settings()
        self.settings_saver: LatestValueSaver[Settings] | None = None
        self.data_ready_signal: Signal[Store] = Signal(self, "data-ready")
        self.animation_level = "none"
        self.passphrase: str | None = None  # asked for at start-up; dropped once the data opens
        self.idle_lock = IdleLock(self)
        self.read_only_watch = ReadOnlyWatch(self, asked=read_only)
        self.damaged_told = False  # the person was told of a damaged file in this run already
        self._opened: Store | None = None  # set from the worker thread, closed at exit
        self._pending: Callable[[], object] | None = None
        self._added_modes: set[str] = set()
        for theme in OUR_THEMES:
            self.register_theme(theme)
        # Chosen before the first CSS pass without firing the theme watcher, which would parse
        # every stylesheet a second time before the first frame.
        self.set_reactive(HomeworkApp.theme, DEFAULT_THEME)
        self.set_class(True, f"-theme-{DEFAULT_THEME}", update=False)
        self.set_class(self.current_theme.dark, "-dark-mode", update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    # -- start-up ----------------------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        # Before the driver starts reading: a bracketed paste arrives as one paste, whatever
        # escape sequences or control bytes it holds, never as keys (see terminal_input.py).
        read_pastes_whole()
        return super().get_driver_class()

    def get_default_screen(self) -> Screen[Any]:
        # Today as the plain default screen paints ~150 ms sooner than as a mode's first screen
        # (Textual waits for a mode screen to mount before the app's own mount).
        return TodayScreen()

    def on_mount(self) -> None:
        # Sections are modes, added when first opened; this lets them switch back to Today (whose
        # first screen, from get_default_screen, is already up: the mode's factory is not called).
        self._add_mode_once(TODAY, TodayScreen)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.app_resume_signal.subscribe(self, self.cursor_resumed)
        self.follow_focus_with_cursor(self.settings.cursor_on_focus)
        # Open the data just after the first frame, so Today paints as fast as a bare app.
        self.screen.call_after_refresh(self.open_store, read_only=self.read_only)

    @work(thread=True, exclusive=True, group="store-open", exit_on_error=False)
    def open_store(self, read_only: bool = False, restore: Path | None = None) -> None:
        """Open the data folder (restoring `restore` first, if given), off the event loop."""
        from homework_tui.store import CorruptData, Singleton, Store
        from homework_tui.store.backups import (
            backup_choices,
            damaged_files,
            restored_note,
        )
        from homework_tui.ui.startup import restore_from

        try:
            if restore is not None:
                restore_from(self.data_folder, restore, self.passphrase)
            store = Store.open(self.data_folder, read_only=read_only, passphrase=self.passphrase)
        except Exception as error:  # noqa: BLE001 - every failure becomes a calm dialog, never a traceback
            choices = (
                backup_choices(self.data_folder, None, self.passphrase)
                if isinstance(error, CorruptData)
                else []
            )
            self.post_message(StoreFailed(error, read_only, choices))
            return
        self._opened = store
        if not self.is_running:  # the app closed while the data was opening
            self.close_store()
            return
        try:
            settings = Singleton(store, "settings", Settings, Settings).load()
        except Exception:  # noqa: BLE001 - unreadable settings: the defaults, and the app still opens
            settings = Settings()
        opened = StoreOpened(store, settings)
        if not store.read_only:
            store.back_up("start")  # before anything is written
            if restore is not None:
                opened.note = restored_note(self.data_folder, restore)
            damaged = damaged_files(self.data_folder)
            if damaged and not self.damaged_told:
                choices = backup_choices(self.data_folder, store, self.passphrase)
                self.post_message(DamagedFound(opened, damaged, choices))
                return
        self.post_message(opened)

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        from homework_tui.store import Singleton

        store = message.store
        self.store = store
        self.passphrase = None  # the store holds the key now; restoring a backup asks again
        self.read_only = store.read_only
        settings_doc = Singleton(store, "settings", Settings, Settings)
        self.settings_saver = LatestValueSaver(
            self, "settings", settings_doc.save, written=message.settings
        )
        self.apply_settings(message.settings)
        self.idle_lock.encryption_changed()
        self.read_only_watch.opened(store)
        if self.read_only:
            for screen in self.screen_stack:
                self._ensure_banner(screen)
        self.data_ready_signal.publish(store)
        if message.note:
            self.notify(message.note, title=_("Restored"), markup=False, timeout=15)
        self._announce_unfinished()  # drafts kept from a closed terminal or a crash
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    def _announce_unfinished(self) -> None:
        """Tell the person, once, about writing kept from last time (drafts)."""
        from homework_tui.ui.thoughts.thought_drafts import announce_unfinished

        announce_unfinished(self)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        from homework_tui.ui.startup import problem_dialog

        dialog, handle = problem_dialog(
            self, message.error, read_only=message.read_only, backups=message.backups
        )
        self.push_screen(dialog, handle)

    @on(DamagedFound)
    def _damaged_found(self, message: DamagedFound) -> None:
        from homework_tui.ui.startup import damaged_dialog

        dialog, handle = damaged_dialog(self, message)
        self.push_screen(dialog, handle)

    def close_store(self) -> None:
        """Close the data once the saves in progress have finished (safe to call twice)."""
        self.services.saves.wait()
        store, self._opened, self.store = self._opened, None, None
        if store is not None:
            if not store.read_only:
                store.back_up("quit")
            store.close()

    def on_unmount(self) -> None:
        self.close_store()
        self.services.close()  # no speech or sound worker outlives the app

    # -- settings ----------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Make `settings` visible now (theme, motion, language)."""
        language_changed = settings.language != self.settings.language
        self.settings = settings
        if language_changed and not self.language_given:
            self.speak_language(settings.language)
        if settings.theme in self.available_themes and self.theme != settings.theme:
            self.theme = settings.theme
        self.animation_level = "full" if settings.animations else "none"
        self.follow_focus_with_cursor(settings.cursor_on_focus)
        self.idle_lock.settings_changed()

    def speak_language(self, language: str) -> None:
        """Show the interface in `language` ("" for the computer's) from now on: the screens on
        show are drawn again; sections opened before are rebuilt when next opened, unless a form
        is open in one (it keeps its words, and its language, until it is closed)."""
        from homework_tui.i18n import current_language, use_language

        before = current_language()
        if use_language(language) == before:
            return
        current = self.current_mode
        for mode in list(self._added_modes):
            if mode not in (current, TODAY) and len(self._modes_screens(mode)) <= 1:
                self.remove_mode(mode)
                self._added_modes.discard(mode)
        for screen in {*self.screen_stack, *self._modes_screens(TODAY)}:
            if screen.is_mounted:
                screen.call_later(screen.recompose)

    def _modes_screens(self, mode: str) -> list[Screen[Any]]:
        return list(self._screen_stacks.get(mode, []))

    def change_settings(self, **changes: Any) -> Settings:
        """Apply `changes` live and save them in the background. Raises ValidationError."""
        settings = self.settings.changed(**changes)
        self.apply_settings(settings)
        if self.settings_saver is not None:
            self.settings_saver.save(settings)
        return settings

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.change_settings(theme=theme.name)

    @on(SaveRefused)
    def _save_refused(self, message: SaveRefused) -> None:
        """Any save a screen did not handle itself: tell the person gently."""
        title = _("Read-only") if message.read_only else _("Not saved")
        self.notify(message.message, title=title, severity="warning", markup=False)

    # -- keys --------------------------------------------------------------------------------

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        # Before a priority key's action (Ctrl+S, Ctrl+Q, …), let the focused widget handle the
        # keys typed before it, so the action sees every one of them (see key_order).
        if priority and has_priority_binding(self.screen._binding_chain, key):
            await handled_so_far(self.focused)
        return await super()._check_bindings(key, priority)

    # -- actions -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        from homework_tui.ui.quit_check import ask_before_quitting

        if not await ask_before_quitting(self):
            self.exit()

    def action_help_now(self) -> None:
        self.show_help_now()

    def action_take_over(self) -> None:
        self.read_only_watch.take_over()

    def action_save_to_file(self) -> None:
        from homework_tui.ui.save_to_file import is_form

        if is_form(self.screen):
            self.read_only_watch.save_form_to_file(self.screen)

    def action_open_section(self, key: str) -> None:
        self.open_section(key)

    def action_open_settings(self) -> None:
        self.open_settings()

    def action_command_palette(self) -> None:
        """Textual's command palette, its search box's hint in the interface's language."""
        from textual.command import CommandPalette

        from homework_tui.i18n import _

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=_("Search for commands…"))
            )

    def action_toggle_keys(self) -> None:
        from textual.widgets import HelpPanel

        panels = self.screen.query(HelpPanel)
        if panels:
            panels.remove()
        else:
            self.screen.mount(HelpPanel())
        self.refresh_bindings()

    async def action_back(self) -> None:  # async, as App.action_back it replaces
        from textual.widgets import HelpPanel

        if self.screen.query(HelpPanel):
            self.action_toggle_keys()
        elif len(self.screen_stack) > 1:
            self.pop_screen()
        elif self.current_mode != TODAY:
            self.switch_mode(TODAY)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.idle_lock.allows(action):
            return False
        if action == "take_over":
            return self.read_only and self.store is not None
        if action == "save_to_file":
            from homework_tui.ui.save_to_file import is_form

            return self.read_only and self.store is not None and is_form(self.screen)
        if action == "help_now":  # already there: F2 leaves the footer
            return not any(s.id == "help-now" for s in self.screen_stack)
        if action == "back":
            return (
                self.current_mode != TODAY
                or len(self.screen_stack) > 1
                or bool(self.screen.query("HelpPanel"))
            )
        return True

    # -- every screen ------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.InputEvent, events.Paste)):
            self.idle_lock.touch()  # auto-lock counts idle time from the last key or mouse event
        if isinstance(event, events.Key) and not event.is_forwarded:
            focused = self.focused
            now = moves_focus_now(focused, event.key)
            if not now and runs_own_binding_now(focused, event):
                await handled_so_far(focused)  # the keys typed before this one first
                now = True
            if now and (
                await self._check_bindings(event.key, priority=True)
                or await self._check_bindings(event.key)
            ):
                return  # acted on before the next key is handed on (see key_order)
        await super().on_event(event)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        if self.idle_lock.defers(screen) and not kwargs.get("wait_for_dismiss"):
            return self.idle_lock.later(partial(super().push_screen, screen, *args, **kwargs))
        return super().push_screen(screen, *args, **kwargs)

    def pop_screen(self) -> AwaitComplete:
        if self.idle_lock.defers(None):  # a screen under the lock finished: pop it on unlock
            return self.idle_lock.later(super().pop_screen)
        return super().pop_screen()

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if self.read_only and self.store is not None:
            self.call_after_refresh(self._ensure_banner, screen)

    def _ensure_banner(self, screen: Screen[Any]) -> None:
        if screen.is_modal or not screen.is_attached or screen.query("#read-only-banner"):
            return
        screen.mount(ReadOnlyBanner(self.read_only_watch.banner_text()))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """No blinking cursors: a steady cursor is calmer and sends nothing while idle."""
        widget: Any = event.widget
        if getattr(widget, "cursor_blink", False):
            widget.cursor_blink = False


def run_app(args: Namespace) -> int:
    """Run the app on the terminal; the exit code is 0 unless the data could not be opened."""
    app = HomeworkApp(
        data_dir(args.data_dir),
        read_only=bool(args.read_only),
        language=getattr(args, "language", None) or "",
    )
    start = getattr(args, "start", None)  # a subcommand's first step once the data is open
    if start is not None:
        app.when_ready(partial(start, app))
    try:
        app.run()
    finally:
        app.close_store()
    return app.return_code or 0


def _satisfies_protocol(app: HomeworkApp) -> HomeworkAppProtocol:
    return app  # mypy checks here that HomeworkApp is what the screens are written against
