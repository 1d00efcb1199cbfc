"""Moving between places in the app: Today, the sections (each its own mode, added the first time
it is opened), Settings, Privacy and Help now, and the command palette's list of them all.

`NavigationMixin` is part of `HomeworkApp` (app.py); screens reach these through
`ui/app_protocol.HomeworkAppProtocol`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import _
from homework_tui.sections import SECTIONS, by_key
from homework_tui.ui.insights.insights_palette import PALETTE_ENTRIES

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from homework_tui.store import Store

    _AppBase = App[int]
else:
    _AppBase = object

TODAY = "today"  # Today is the default screen, in the app's default mode
SETTINGS = "settings"


class NavigationMixin(_AppBase):
    """For HomeworkApp: opens places, waiting for the data to open first where they need it."""

    store: Store | None
    _pending: Callable[[], object] | None  # run once the store is open (see when_ready)
    _added_modes: set[str]

    if TYPE_CHECKING:

        def action_toggle_keys(self) -> None: ...

    def when_ready(self, then: Callable[[], object]) -> bool:
        """True when the store is open; otherwise remember `then` for when it is."""
        if self.store is not None:
            return True
        self._pending = then
        return False

    def go_today(self) -> None:
        self.switch_mode(TODAY)

    def open_section(self, key: str) -> None:
        section = by_key(key)
        if not self.when_ready(partial(self.open_section, key)):
            return
        from homework_tui.ui.fault import describe
        from homework_tui.ui.section_screens import SectionTroubleScreen, section_screen

        self._add_mode_once(key, partial(section_screen, section))
        try:
            self.switch_mode(key)
        except Exception as error:  # noqa: BLE001 - a section that cannot start: a calm note, not a traceback
            self.remove_mode(key)
            self.add_mode(key, partial(SectionTroubleScreen, section, problem=describe(error)))
            self.switch_mode(key)

    def open_settings(self) -> None:
        if not self.when_ready(self.open_settings):
            return
        from homework_tui.ui.settings.settings import SettingsScreen

        self._add_mode_once(SETTINGS, SettingsScreen)
        self.switch_mode(SETTINGS)

    def _add_mode_once(self, mode: str, base_screen: Callable[[], Screen[Any]]) -> None:
        """Add a mode the first time it is opened (sections are modes, added when first used)."""
        if mode not in self._added_modes:
            self.add_mode(mode, base_screen)
            self._added_modes.add(mode)

    def open_privacy(self) -> None:
        from homework_tui.ui.privacy.privacy import PrivacyScreen

        self.open_settings()
        if self.store is not None and not isinstance(self.screen, PrivacyScreen):
            self.push_screen(PrivacyScreen())

    def show_help_now(self) -> None:
        from homework_tui.ui.help_now.help_now import HelpNowScreen

        if any(isinstance(screen, HelpNowScreen) for screen in self.screen_stack):
            return
        self.push_screen(HelpNowScreen())

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, run) for the command palette: every place and app action, in the
        interface's language now."""
        places: list[tuple[str, str, Callable[[], object]]] = [
            (_("Today"), _("Where to start, and what is due"), self.go_today),
        ]
        places += [(_(s.title), _(s.purpose), partial(self.open_section, s.key)) for s in SECTIONS]
        places += [(_(name), _(about), partial(run, self)) for name, about, run in PALETTE_ENTRIES]
        return [
            *places,
            (_("Help now"), _("Your safety plan and crisis contacts (F2)"), self.show_help_now),
            (_("Settings"), _("Theme, motion, voice and speech rate"), self.open_settings),
            (_("Privacy and lock"), _("Encryption, passphrase and auto-lock"), self.open_privacy),
            (_("Keys"), _("Show or hide all keys for this screen (F1)"), self.action_toggle_keys),
            (_("Change theme"), _("Try another colour theme"), self.action_change_theme),
            (_("Quit"), _("Close homework-tui (what you saved stays saved)"), self.action_quit),
        ]
