"""Pilot tests of choosing on the Relax screen (real app, real data file): sessions listed by kind,
the person's own script files with their language, a bad file shown with its line, and the
suggestion of the next muscle relaxation stage, which can be switched off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.base import now
from homework_tui.model.relaxation import RelaxChoice, session_log
from homework_tui.store import Store
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)

OWN_SCRIPT = """title: Hojas en el río
kind: mindfulness
language: es
minutes: 5
description: Una práctica corta para dejar pasar los pensamientos.

== Hojas
say Imagina un río [tranquilo] 🍃
pause 40 stretch
"""
ZULU_SCRIPT = """title: Ukuphefumula
kind: mindfulness
language: zu
minutes: 1

say Phefumula kancane.
pause 5 stretch
"""
BAD_SCRIPT = """title: Leaves
kind: mindfulness

say Notice the stream.
pause soon
"""


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No sound device, no speech engine; a config folder with one good and one bad script."""
    config = tmp_path / "config"
    (config / "sessions").mkdir(parents=True)
    (config / "sessions" / "hojas.txt").write_text(OWN_SCRIPT, encoding="utf-8")
    (config / "sessions" / "leaves.txt").write_text(BAD_SCRIPT, encoding="utf-8")
    (config / "sessions" / "zulu.txt").write_text(ZULU_SCRIPT, encoding="utf-8")
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield config


def practised(
    data_dir: Path,
    stage: str,
    afters: list[int | None],
    *,
    scale: str = "tension",
    hours_ago: int = 0,
    apart: timedelta = timedelta(days=1),
) -> None:
    """Log finished muscle relaxation sessions, one each `apart` (a day), the last one `hours_ago`
    + `apart` ago."""
    from homework_tui.ui.relax.relax_data import sessions_repo

    with Store.open(data_dir) as store:
        repo = sessions_repo(store)
        for i, after in enumerate(afters):
            log = session_log(
                RelaxChoice(session=stage, minutes=10, scale=scale),
                before=None,
                after=after,
                planned_seconds=600,
                actual_seconds=600,
                completed=True,
                audible=True,
            )
            repo.add(
                replace(
                    log, created_at=now() - (len(afters) - i) * apart - timedelta(hours=hours_ago)
                )
            )


async def open_relax(pilot: Any) -> Any:
    app = pilot.app
    await wait_ready(pilot)
    await pilot.press("r")
    await wait_screen(pilot, "RelaxScreen")
    await wait_until(pilot, lambda: app.screen.loaded)
    await pilot.pause()
    return app.screen


def words(app: Any) -> str:
    """The screen's words, the suggestion panel's left bar folded away too."""
    return " ".join(screen_words(app).replace("█", " ").split())


def listed(screen: Any) -> list[str]:
    from textual.widgets import OptionList

    options = screen.query_one("#rx-sessions", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


async def test_sessions_by_kind_with_the_persons_files(app: Any) -> None:
    from audio.voice import VoiceInfo

    installed = [
        VoiceInfo("gmw/en-us", "English (America)", ("en-us",), None),
        VoiceInfo("roa/es", "Spanish (Spain)", ("es",), None),
    ]
    hw = app(services=quiet_services(voices=lambda: installed))
    async with hw.run_test(size=(100, 40)) as pilot:
        screen = await open_relax(pilot)
        ids = listed(screen)
        kinds = [i for i in ids if i.startswith("heading:")]
        assert kinds[:3] == ["heading:breathing", "heading:pmr", "heading:mindfulness"]
        assert (
            ids.index("box")
            < ids.index("heading:pmr")
            < ids.index("pmr16")
            < ids.index("heading:mindfulness")
        )
        assert ids.index("hojas") > ids.index("heading:mindfulness")
        words = screen_words(hw)
        assert "Hojas en el río (your file, Spanish)" in words
        # The files that could not be read close the list: scrolled to, they are shown in words.
        sessions = screen.query_one("#rx-sessions")
        sessions.scroll_end(animate=False)
        await wait_until(
            pilot, lambda: "Your file leaves.txt could not be read: line 5:" in screen_words(hw)
        )
        sessions.scroll_home(animate=False)
        # Choosing the person's file: what it is, where it is from, who would speak it.
        await wait_until(pilot, lambda: screen._selected() == "resonance")
        screen._highlight("hojas")
        await pilot.pause()
        words = screen_words(hw)
        assert "Una práctica corta" in words and "From your file hojas.txt." in words
        assert "Length (minutes)" in words and screen.query_one("#rx-minutes").value == "5"
        assert not screen.query_one("#rx-tones").display  # no breathing phases to mark
        assert (
            str(screen.query_one("#rx-speaker").render())
            == "Spoken in Spanish by the voice roa/es."
        )
        # A built-in mindfulness session: its own length, and only lengths it can be fitted to
        # (at the app's usual speech rate, a little quicker than the list's estimate).
        screen._highlight("body-scan")
        await wait_until(pilot, lambda: screen.query_one("#rx-minutes").value == "10")
        assert str(screen.query_one("#rx-fits").render()) == " (5 to 60)"
        screen.query_one("#rx-minutes").value = "3"
        await pilot.press("b")
        await wait_until(
            pilot,
            lambda: (
                "Body scan needs at least 5 minutes (and can last up to 60)." in screen_words(hw)
            ),
        )
        assert type(hw.screen).__name__ == "RelaxScreen"
        # A language no installed voice speaks: said before starting, and it still starts.
        screen._highlight("zulu")
        await wait_until(
            pilot,
            lambda: (
                str(screen.query_one("#rx-speaker").render())
                == ("No voice for Zulu is installed here — the words will be shown as captions.")
            ),
        )
        # The built-in "leaves" is replaced by their file of that name, even unreadable.
        assert "leaves" not in listed(screen)
        await pilot.press("b")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("enter")
        await wait_screen(pilot, "MindfulSessionScreen")
        await wait_until(pilot, lambda: hw.screen.started is not None, timeout=10)
        await wait_until(pilot, lambda: "Phefumula kancane." in screen_words(hw))
    hw.close_store()


async def test_the_next_stage_is_suggested_and_can_be_switched_off(
    app: Any, data_dir: Path
) -> None:
    from homework_tui.ui.relax.relax_data import progression_doc

    practised(
        data_dir, "pmr16", [60, 25, 20, 30, 15, 10, 20]
    )  # seven days: about a week at 16 groups
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        suggestion = (
            "You've reached low tension in your last 5 sessions of 16-group relaxation. "
            "When you're ready, try 7 groups."
        )
        # Short while a breathing session is chosen; in full beside muscle relaxation.
        await wait_until(
            pilot,
            lambda: (
                "You seem ready for the next relaxation stage: 7 groups. "
                "Press t to try it." in words(hw)
            ),
        )
        while screen._selected() != "pmr16":
            await pilot.press("down")
        await wait_until(pilot, lambda: suggestion in words(hw))
        assert "How it's decided: your last 5 rated sessions at a stage" in words(hw)
        assert "Press t to try it" in words(
            hw
        )  # named by the panel (the footer keeps to 80 columns)
        # t: the suggested stage, rated before it starts (Esc skips the rating; then let it go).
        await pilot.press("t")
        await wait_screen(pilot, "RatingDialog")
        assert "Before you start: Muscle relaxation, 7 groups" in words(hw)
        await pilot.press("escape")
        await wait_screen(pilot, "RelaxSessionScreen")
        await wait_until(pilot, lambda: hw.screen.started is not None, timeout=10)
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("d")
        await wait_screen(pilot, "RelaxScreen")
        assert screen._selected() == "pmr7"
        # o: no more suggestions, remembered in its own record.
        await pilot.press("o")
        await wait_until(pilot, lambda: suggestion not in words(hw))
        await wait_until(pilot, lambda: not progression_doc(hw.store).load().suggest)
        assert "Try next stage" not in words(hw)
        assert "Suggestions of the next relaxation stage are off" in words(
            hw
        )  # a PMR stage is chosen
        await pilot.press("o")
        await wait_until(pilot, lambda: suggestion in words(hw))
    hw.close_store()


async def test_no_suggestion_before_five_low_sessions(app: Any, data_dir: Path) -> None:
    practised(data_dir, "pmr16", [20, 25, 15, 10], hours_ago=12)
    practised(data_dir, "pmr16", [7], scale="anxiety")  # anxiety 0-10 counts ×10: 70 is not low
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        assert "try 7 groups" not in words(hw)
        assert not screen.query_one("#rx-stage").display
    hw.close_store()


async def test_five_calm_sessions_in_one_morning_are_not_a_week(app: Any, data_dir: Path) -> None:
    practised(data_dir, "pmr16", [20, 25, 15, 10, 5], apart=timedelta(minutes=20))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        while screen._selected() != "pmr16":
            await pilot.press("down")
        assert "try 7 groups" not in words(hw)
        assert not screen.query_one("#rx-stage").display
    hw.close_store()


def test_one_name_is_one_session(quiet: Path) -> None:
    """A saved pattern with the name of a script file is not offered twice (the file is what would
    play); every other pattern is listed with the breathing sessions."""
    from audio.breathing import custom_pattern

    from homework_tui.services.relax_catalog import catalog

    found = catalog(
        {
            "hojas": custom_pattern("hojas", 4, 4, 0, 0),
            "calm": custom_pattern("calm", 4, 6, 0, 0),
            "leaves": custom_pattern("leaves", 4, 6, 0, 0),
        }
    )
    names = [e.name.lower() for e in found.entries]
    assert len(names) == len(set(names))
    assert [e.kind for e in found.entries if e.name.lower() in ("hojas", "calm")] == [
        "breathing",
        "mindfulness",
    ]
    assert "leaves" not in names  # their unreadable file of that name
    assert found.problems == [
        "Your file leaves.txt could not be read: line 5: 'soon' is not a number of "
        "seconds; a pause needs one, e.g. 'pause 5'"
    ]


async def test_a_language_without_wording_says_tones_will_mark_the_steps(app: Any) -> None:
    from audio.voice import VoiceInfo

    installed = [
        VoiceInfo("gmw/en-us", "English (America)", ("en-us",), None),
        VoiceInfo("gmw/nl", "Dutch", ("nl",), None),
        VoiceInfo("gmw/de", "German", ("de",), None),
    ]
    hw = app(services=quiet_services(voices=lambda: installed))
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        hw.settings = replace(hw.settings, voice="gmw/nl")
        screen = await open_relax(pilot)
        note = (
            "There is no Dutch wording yet: tones mark each breath and muscle step, and the other "
            "lines are in English."
        )
        for name in ("box", "pmr4"):
            screen._highlight(name)
            await wait_until(pilot, lambda: note in str(screen.query_one("#rx-speaker").render()))
        screen._highlight("body-scan")  # its own English words, no cue words: nothing to say
        await wait_until(
            pilot, lambda: "wording" not in str(screen.query_one("#rx-speaker").render())
        )
        hw.settings = replace(hw.settings, voice="gmw/de")  # German has wording: no note
        screen._highlight("box")
        await wait_until(pilot, lambda: screen._selected() == "box")
        await pilot.pause()
        assert "wording" not in str(screen.query_one("#rx-speaker").render())
    hw.close_store()
