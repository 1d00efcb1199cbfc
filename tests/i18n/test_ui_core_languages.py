"""The ui_core part in other languages, for real: Today, the thought record form and its
validation under Pilot in German and Spanish, plurals, dates in French, sentences built outside a
screen in Spanish, and the part's catalogues complete (`scripts/i18n check --part ui_core`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime, timezone

from textual.pilot import Pilot

from homework_tui.app import HomeworkApp
from homework_tui.i18n import in_language, use_language
from homework_tui.model.draft import Draft
from homework_tui.model.thought_record import Mood, ThoughtRecord
from homework_tui.ui.language.dates import heading_date, short_date
from homework_tui.ui.thoughts.thought_drafts import describe
from homework_tui.ui.thoughts.thought_insight import shift_summary
from homework_tui.ui.widgets.marked_toggles import switch_text
from tests.ui.helpers import screen_words, settle, wait_ready, wait_screen, wait_until

SIZE = (100, 30)


@asynccontextmanager
async def running(
    make: Callable[..., HomeworkApp], language: str
) -> AsyncIterator[tuple[HomeworkApp, Pilot[int]]]:
    """The real app speaking `language`, the data open and Today settled."""
    use_language(language)
    app = make()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await settle(pilot)
            yield app, pilot
    finally:
        app.close_store()


async def test_today_in_german(app: Callable[..., HomeworkApp]) -> None:
    async with running(app, "de") as (shown, pilot):
        await wait_until(pilot, lambda: "Deine Übungen" in screen_words(shown))
        words = screen_words(shown)
        assert "Willkommen. Hier ist ein ruhiger Ort für die Übungen" in words
        assert "Heutige Übungen" in words  # the due list's border title
        assert "Nächste Sitzung" in words and "Beenden" in words  # footer keys
        assert "Welcome" not in words and "Your homework" not in words
        assert shown.screen.sub_title == "Heute"


async def test_today_in_spanish(app: Callable[..., HomeworkApp]) -> None:
    async with running(app, "es") as (shown, pilot):
        await wait_until(pilot, lambda: "Tus tareas" in screen_words(shown))
        words = screen_words(shown)
        assert "Te damos la bienvenida." in words
        assert "Aún no hay nada pendiente." in words
        assert "Salir" in words and "Próxima sesión" in words


async def test_thought_record_form_in_spanish(app: Callable[..., HomeworkApp]) -> None:
    async with running(app, "es") as (shown, pilot):
        await pilot.press("t")
        await wait_screen(pilot, "ThoughtRecordsScreen")
        await settle(pilot)
        assert shown.screen.title == "Registros de pensamientos"
        assert "Nuevo registro" in screen_words(shown)
        await pilot.press("n")
        await wait_screen(pilot, "ThoughtRecordForm")
        await wait_until(pilot, lambda: "Paso 1 de 8 · Situación" in screen_words(shown))
        words = screen_words(shown)
        assert "¿Qué pasó? ¿Con quién estabas" in words
        assert "Guardar" in words and "Siguiente" in words and "Cerrar" in words
        assert shown.screen.title == "Registro de pensamientos"
        assert shown.screen.sub_title == "nuevo"
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: "Paso 2 de 8 · Emociones" in screen_words(shown))
        assert "intensidad" in screen_words(shown)


async def test_a_validation_message_in_german(app: Callable[..., HomeworkApp]) -> None:
    async with running(app, "de") as (shown, pilot):
        await pilot.press("t")
        await wait_screen(pilot, "ThoughtRecordsScreen")
        await settle(pilot)
        await pilot.press("n")
        await wait_screen(pilot, "ThoughtRecordForm")
        await pilot.press("pagedown", "pagedown")
        await wait_until(
            pilot, lambda: "Schritt 3 von 8 · Automatische Gedanken" in screen_words(shown)
        )
        await pilot.press("ctrl+t")  # on an empty thought: nothing to mark yet
        await wait_until(
            pilot,
            lambda: (
                "Schreib zuerst den Gedanken auf und markiere ihn dann als heiß."
                in screen_words(shown)
            ),
        )
        assert "Heißer Gedanke" in screen_words(shown)  # the footer key


def test_plurals_in_two_counts() -> None:
    when = datetime(2026, 11, 26, 19, 0, tzinfo=timezone.utc)
    one = [Draft(form="journal", updated_at=when), Draft(form="thought_record", updated_at=when)]
    two = [*one, Draft(form="journal", updated_at=when)]
    with in_language("de"):
        said_one = describe(one)
        said_two = describe(two)
    assert "1 Tagebucheintrag (drück j)" in said_one
    assert "1 Gedankenprotokoll (drück t)" in said_one
    assert "2 Tagebucheinträge (drück j)" in said_two
    assert said_two.startswith("Unfertiges Geschriebenes wurde für dich aufbewahrt:")


def test_dates_in_french() -> None:
    thursday = date(2026, 11, 26)
    with in_language("fr"):
        assert heading_date(thursday) == "jeudi 26 novembre"
        assert short_date(thursday) == "jeu. 26 nov."
    # English stays as it was written before translation.
    assert heading_date(thursday) == "Thu 26 November"
    assert short_date(thursday, year=True) == "Thu 26 Nov 2026"


def test_insight_sentences_in_spanish() -> None:
    """A sentence built outside any screen (the thought records' insight) and a widget's words."""
    records = [
        ThoughtRecord(situation="En el trabajo", moods=(Mood(name="triste", before=80, after=40),)),
        ThoughtRecord(situation="En casa", moods=(Mood(name="ansioso", before=60, after=40),)),
    ]
    with in_language("es"):
        said = str(shift_summary(records))
        one = str(shift_summary(records[:1]))
        switch = str(switch_text(True))
    assert said == (
        "En 2 registros, tus emociones bajaron 30 puntos de media entre el inicio y el final del "
        "registro (de 70 a 40 sobre 100)."
    )
    assert one.startswith("En 1 registro, tus emociones bajaron 40 puntos")
    assert switch.endswith(" Sí")
    assert str(shift_summary(records)).startswith("Across 2 records, your moods eased by 30")


async def test_today_drawn_again_in_another_language(app: Callable[..., HomeworkApp]) -> None:
    """Settings changes the language while Today is on show: Today is composed again, in
    German, with its homework list back (not the stand-in shown before the list loads)."""
    async with running(app, "en") as (shown, pilot):
        await wait_until(pilot, lambda: "Your homework" in screen_words(shown))
        shown.speak_language("de")
        await wait_until(pilot, lambda: "Deine Übungen" in screen_words(shown))
        await settle(pilot)
        await wait_until(pilot, lambda: bool(shown.screen.query("#today-due-list")))
        assert not shown.screen.query("#today-nothing-due")
        assert shown.screen.sub_title == "Heute"
        assert "Heutige Übungen" in screen_words(shown)
        assert type(shown.focused).__name__ == "SectionMenu"
