"""The app part in other languages: the command palette, the app's keys, the store's messages,
backups (a plural in two counts, a date in French), doctor's findings and the Relax catalogue's
lines say what they say in the language chosen, and `scripts/i18n check --part app` is clean."""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from homework_tui.app import HomeworkApp
from homework_tui.doctor import Level, run_checks
from homework_tui.i18n import _, in_language, use_language
from homework_tui.sections import SECTIONS
from homework_tui.services.relax_catalog import speaker_line
from homework_tui.store.backups import Backup, Summary
from homework_tui.store.errors import CorruptData, WriteFailed
from textual.pilot import Pilot

from tests.ui.helpers import (
    SIZE,
    screen_words,
    wait_for_palette_match,
    wait_ready,
    wait_screen,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]


async def run_command(pilot: Pilot[Any], name: str) -> None:
    await pilot.press("ctrl+p")
    await wait_screen(pilot, "CommandPalette")
    await pilot.press(*name)
    await wait_for_palette_match(pilot, name)
    await pilot.press("enter")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ != "CommandPalette")
    await pilot.pause()


async def test_the_palette_lists_and_opens_places_in_german(app: AppFactory) -> None:
    use_language("de")  # as `--language de` does before the app starts
    async with app(language="de").run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        names = [name for name, _about, _run in hw.palette_commands()]
        assert {"Heute", "Gedankenprotokolle", "Einstellungen", "Hilfe jetzt", "Beenden"} <= set(
            names
        )
        assert "Settings" not in names
        await run_command(pilot, "Gedankenprotokolle")
        await wait_until(pilot, lambda: hw.current_mode == "thoughts")
        await run_command(pilot, "Einstellungen")
        await wait_screen(pilot, "SettingsScreen")


async def test_the_apps_own_keys_are_in_german_in_the_footer(app: AppFactory) -> None:
    use_language("de")  # as `--language de` does before the app starts
    async with app(language="de").run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await wait_until(pilot, lambda: "Hilfe jetzt" in screen_words(hw))
        assert "Help now" not in screen_words(hw)


def test_section_names_and_purposes_follow_the_glossary() -> None:
    thoughts, relax = SECTIONS[0], next(s for s in SECTIONS if s.key == "relax")
    with in_language("it"):
        assert _(thoughts.title) == "Registri dei pensieri"
        assert _(relax.title) == "Rilassamento"
        assert _(relax.purpose).startswith("Respirazione guidata")
    with in_language("fr"):
        assert _(relax.title) == "Détente"
    assert _(relax.title) == "Relax"  # English again outside the block


def test_store_messages_in_the_language_shown(tmp_path: Path) -> None:
    with in_language("de"):
        full = str(WriteFailed(tmp_path / "homework.json", OSError(errno.ENOSPC, "x")))
    assert "der Datenträger ist voll" in full
    assert full.startswith(f"Speichern in {tmp_path} nicht möglich")
    one, three = (
        [tmp_path / "homework-2026-11-26.json"],
        [tmp_path / f"b{i}.json" for i in (1, 2, 3)],
    )
    data = tmp_path / "homework.json"
    with in_language("fr"):
        assert "Il y a 1 sauvegarde ; la plus récente est" in str(
            CorruptData(data, tmp_path / "moved", one, "x")
        )
        assert "Il y a 3 sauvegardes ; la plus récente est b1.json." in str(
            CorruptData(data, tmp_path / "moved", three, "x")
        )
    english = str(CorruptData(data, data, three, "a reason"))
    assert english == (
        "Your data file could not be read (a reason). Nothing was moved or changed. "
        "There are 3 backups; the newest is b1.json."
    )


def test_backups_read_in_french_and_english() -> None:
    backup = Backup(Path("b.json"), datetime(2026, 11, 26, 20, 25), True, "daily")
    summary = Summary({"journal": 1, "thought_records": 3}, other=1)
    with in_language("fr"):
        assert backup.when == "jeu. 26 nov. 2026, 20:25"
        assert backup.why == "sauvegarde quotidienne"
        assert summary.describe() == "1 entrée de journal, 3 registres de pensées, 1 autre entrée"
    assert backup.when == "Thu 26 Nov 2026, 20:25"
    assert summary.describe() == "1 journal entry, 3 thought records, 1 other record"


def test_doctor_reports_in_spanish(tmp_path: Path) -> None:
    with in_language("es"):
        data = run_checks(tmp_path / "nothing-yet")[0]
    assert data.topic == "Datos"
    assert data.level is Level.OK
    assert data.summary == "aún no hay datos: se crearán la primera vez que guardes"


class _Voice:
    name = "German"
    languages = ("de",)
    id = "de"


def test_who_speaks_names_the_language_in_the_interfaces_language() -> None:
    with in_language("es"):
        assert speaker_line("de", "", [_Voice()], voice_on=True) == "En alemán, con la voz de."
    with in_language("it"):
        off = speaker_line("de", "", [_Voice()], voice_on=False)
    assert off == "La voce è spenta: le parole appariranno come sottotitoli."
