"""The care screens in other languages, for real (issue 19): the Plan screen and its form in
German (a validation message too), a plural in two counts, dates in French, Help now in German,
the report written in the language chosen for the therapist, a start-up message in Spanish, and
the part's catalogues complete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select

from homework_tui.app import HomeworkApp
from homework_tui.i18n import current_language, in_language, use_language
from homework_tui.model.activity import Kind
from homework_tui.model.plan import Assignment
from homework_tui.store import Store
from homework_tui.store.plan import assignments_repo
from homework_tui.ui.widgets.clean_input import CleanInput
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_screen, wait_until

AppFactory = Callable[..., HomeworkApp]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "plan.toml"


def top(hw: HomeworkApp) -> str:
    return type(hw.screen).__name__


async def open_plan(pilot: Any) -> HomeworkApp:
    hw = await wait_ready(pilot)
    await pilot.press("p")
    await wait_screen(pilot, "PlanScreen")
    return hw


async def test_plan_and_its_form_in_german_with_a_german_validation_message(
    app: AppFactory,
) -> None:
    use_language("de")  # as `homework-tui --language de` does before the app starts
    hw = app(language="de")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await wait_until(pilot, lambda: "Dein Plan ist leer." in screen_words(hw))
            assert "Bericht" in screen_words(hw)  # a key in the footer
            await pilot.press("a")
            await wait_screen(pilot, "AssignmentForm")
            words = screen_words(hw)
            assert "Eine Übung zu deinem Plan hinzufügen" in words and "Art der Übung" in words
            hw.screen.query_one("#minutes", CleanInput).value = "zehn"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Minuten braucht eine ganze Zahl." in screen_words(hw))
    finally:
        hw.close_store()


async def test_an_imported_plan_is_counted_in_german_in_one_and_in_many(
    app: AppFactory, tmp_path: Path
) -> None:
    one = tmp_path / "eins.toml"
    one.write_text('[[homework]]\nkind = "journal"\ndaily = true\n')
    use_language("de")
    hw = app(language="de")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await pilot.press("f")
            await wait_screen(pilot, "ImportDialog")
            assert "Den Plan aus deiner Therapie importieren" in screen_words(hw)
            path = hw.screen.query_one("#import-path", CleanInput)
            path.value = str(one)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "eins.toml enthält 1 Übung:" in screen_words(hw))
            path.focus()
            path.value = str(EXAMPLE)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "plan.toml enthält 3 Übungen:" in screen_words(hw))
    finally:
        hw.close_store()


async def test_the_plans_dates_in_french(app: AppFactory, data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        repo = assignments_repo(store)
        repo.add(Assignment(kind=Kind.JOURNAL, start=date(2026, 11, 26)))
        repo.add(
            Assignment(kind=Kind.OTHER, title="Marcher", start=date.today(), end=date(2099, 3, 3))
        )
    use_language("fr")
    hw = app(language="fr")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await wait_until(pilot, lambda: "à partir du 26 nov." in screen_words(hw))
            words = screen_words(hw)
            assert f"du {date.today().day} " in words and " au 3 mars" in words
            assert "Fréquence" in words and "Cette semaine" in words  # the table's headings
    finally:
        hw.close_store()


async def test_help_now_in_german(app: AppFactory) -> None:
    use_language("de")
    hw = app(language="de")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")
            await wait_until(
                pilot,
                lambda: "Dein Sicherheitsplan ist noch nicht geschrieben." in screen_words(hw),
            )
            words = screen_words(hw)
            assert "Hilfe jetzt" in words and "Dein Krisentelefon und deine Menschen" in words
            assert "+ Dein örtliches Krisentelefon eintragen (l)" in words
    finally:
        hw.close_store()


async def test_the_report_is_written_in_the_language_chosen_for_the_therapist(
    app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import homework_tui.report.markdown as markdown

    languages: list[str] = []
    real_render = markdown.render

    def render(*args: Any, **kwargs: Any) -> str:
        languages.append(current_language())
        return real_render(*args, **kwargs)

    monkeypatch.setattr(markdown, "render", render)
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await pilot.press("w")
            await wait_screen(pilot, "ReportScreen")
            choice = hw.screen.query_one("#report-language", Select)
            assert choice.value == "en"  # the interface's language, unless changed
            choice.value = "es"
            hw.screen.query_one("#report-path", CleanInput).value = str(tmp_path / "informe.md")
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: (tmp_path / "informe.md").exists())
            await wait_until(pilot, lambda: not hw.screen.query_one(Select).expanded)
            assert languages == ["es"]
            assert current_language() == "en"  # the screens stay in the interface's language
            await wait_until(pilot, lambda: "It is not encrypted" in screen_words(hw))
    finally:
        hw.close_store()


async def test_the_report_screen_starts_in_the_interfaces_language(app: AppFactory) -> None:
    use_language("it")
    hw = app(language="it")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await pilot.press("w")
            await wait_screen(pilot, "ReportScreen")
            assert hw.screen.query_one("#report-language", Select).value == "it"
            assert "Resoconto per la prossima seduta" in screen_words(hw)
    finally:
        hw.close_store()


def test_a_start_up_problem_in_spanish() -> None:
    from homework_tui.ui.startup import RestoreFailed

    with in_language("es"):
        error = RestoreFailed(Path("copia.json"), "roto")
    assert str(error).startswith("No se pudo restaurar la copia de seguridad copia.json (roto).")


async def test_screens_drawn_again_in_another_language_keep_what_they_show(
    app: AppFactory, data_dir: Path
) -> None:
    """The app redraws the screens on show when the language changes (Settings, or a command):
    the plan keeps its table, Help now its contacts, each in the new language."""
    with Store.open(data_dir) as store:
        assignments_repo(store).add(Assignment(kind=Kind.OTHER, title="Walk", start=date.today()))
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot)
            await wait_until(pilot, lambda: "Walk" in screen_words(hw))
            hw.change_settings(language="de")
            await wait_until(pilot, lambda: "Diese Woche" in screen_words(hw))
            await wait_until(pilot, lambda: "Walk" in screen_words(hw))
            assert "ab " in screen_words(hw)
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")
            await wait_until(pilot, lambda: "Eine Person eintragen" in screen_words(hw))
            hw.change_settings(language="fr")
            await wait_until(pilot, lambda: "Ajouter une personne" in screen_words(hw))
            assert "Votre plan de sécurité n'est pas encore écrit." in screen_words(hw)
            await wait_until(pilot, lambda: not hw.workers._workers)
    finally:
        hw.close_store()
