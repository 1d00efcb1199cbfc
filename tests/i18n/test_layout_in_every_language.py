"""Text that grows: every screen at 80x24 with each interface string 40 % longer (pseudo-
localisation), and in each of our languages (German and French the longest) with each string
bracketed, read widget by widget for a string cut by its box, an ellipsis or the screen's edge,
and for a footer key pushed off the screen (tests/i18n/layout.py). Run on a real client's data
(tests/data/client-store), so the lists, ladders and charts are full."""

from __future__ import annotations

import gettext
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.app import HomeworkApp
from homework_tui.i18n import PSEUDO, use_language
from homework_tui.i18n import translate
from homework_tui.i18n.language import _catalogue
from homework_tui.i18n.pseudo import CLOSE, OPEN
from tests.i18n.layout import cut_strings
from tests.ui.helpers import quiet_services, settle, wait_ready, wait_until

STORE = Path(__file__).resolve().parents[1] / "data" / "client-store"
SIZE = (80, 24)

# From Today: the keys that open each screen (a section, a form, a dialog, a panel).
VISITS: dict[str, tuple[str, ...]] = {
    "today": (),
    "keys panel": ("f1",),
    "help now": ("f2",),
    "settings": ("s",),
    "insights": ("i",),
    "report": ("w",),
    "for next session": ("b",),
    "thought records": ("t",),
    "thought record form": ("t", "n"),
    "exposure": ("x",),
    "experiments": ("e",),
    "experiment form": ("e", "n"),
    "journal": ("j",),
    "journal form": ("j", "n"),
    "leaving a form with writing in it": ("j", "n", "x", "escape"),
    "activities": ("a",),
    "activity form": ("a", "n"),
    "diaries": ("y",),
    "mood diary form": ("y", "m"),
    "sleep diary form": ("y", "s"),
    "panic diary form": ("y", "a"),
    "relax": ("r",),
    "measures": ("m",),
    "phq-9": ("m", "p"),
    "plan": ("p",),
    "plan form": ("p", "a"),
}


class Bracketed(gettext.NullTranslations):
    """A language's real catalogue with every message wrapped in ⟦ ⟧, so a cut shows."""

    def __init__(self, language: str) -> None:
        super().__init__()
        found = _catalogue(language)
        assert found is not None
        self.real = found

    def gettext(self, message: str) -> str:
        return f"{OPEN}{self.real.gettext(message)}{CLOSE}" if message else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"{OPEN}{self.real.ngettext(msgid1, msgid2, n)}{CLOSE}"

    def pgettext(self, context: str, message: str) -> str:
        return f"{OPEN}{self.real.pgettext(context, message)}{CLOSE}" if message else message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return f"{OPEN}{self.real.npgettext(context, msgid1, msgid2, n)}{CLOSE}"


@pytest.fixture
def client_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(STORE, folder, ignore=shutil.ignore_patterns("*.lock"))
    return folder


def speak(language: str) -> None:
    if language == PSEUDO:
        use_language(PSEUDO)
    else:
        use_language(language)
        translate.set_active(Bracketed(language))


async def back_to_today(app: HomeworkApp, pilot: object) -> None:
    for _unused in range(6):
        if type(app.screen).__name__ == "TodayScreen" and not app.screen.query("HelpPanel"):
            return
        leaving = type(app.screen).__name__ == "ChoiceDialog"  # "keep, save or discard?"
        await pilot.press("d" if leaving else "escape")  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]
    raise AssertionError(f"Esc did not lead back to Today from {type(app.screen).__name__}")


@pytest.mark.parametrize("language", [PSEUDO, "de", "fr", "es", "pt", "it"])
async def test_nothing_is_cut_at_80x24(client_data: Path, language: str) -> None:
    speak(language)
    app = HomeworkApp(client_data, services=quiet_services())
    found: dict[str, list[str]] = {}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await settle(pilot)
            for visit, keys in VISITS.items():
                for key in keys:
                    await pilot.press(key)
                    await settle(pilot)
                await wait_until(pilot, lambda: app.screen.is_mounted)
                await settle(pilot)
                if cut := cut_strings(app):
                    found[f"{visit} ({type(app.screen).__name__})"] = cut
                await back_to_today(app, pilot)
    finally:
        app.close_store()
    assert found == {}, "\n".join(f"{where}: {what}" for where, what in found.items())


def test_the_walk_sees_a_cut() -> None:
    """The reader itself: a bracketed string cut by its box is found."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Narrow(App[None]):
        CSS = "Static { width: 10; height: 1; }"

        def compose(self) -> ComposeResult:
            yield Static(f"{OPEN}a long label that cannot fit{CLOSE}")

    async def run() -> list[str]:
        app = Narrow()
        async with app.run_test(size=(40, 5)) as pilot:
            await pilot.pause()
            return cut_strings(app)

    import asyncio

    assert asyncio.run(run()) != []


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    use_language("en")


async def test_every_word_on_every_screen_is_translated(tmp_path: Path) -> None:
    """Pseudo-localised on a new store (nothing the person wrote on screen): a word outside the
    brackets is a string that never went through the catalogue."""
    from tests.i18n.layout import untranslated_words

    use_language(PSEUDO)
    app = HomeworkApp(tmp_path / "data", services=quiet_services())
    found: dict[str, list[str]] = {}
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await settle(pilot)
            for visit, keys in VISITS.items():
                for key in keys:
                    await pilot.press(key)
                    await settle(pilot)
                await settle(pilot)
                if words := untranslated_words(app):
                    found[f"{visit} ({type(app.screen).__name__})"] = words
                await back_to_today(app, pilot)
    finally:
        app.close_store()
    assert found == {}, "\n".join(f"{where}: {what}" for where, what in found.items())
