"""The practice sections' words in other languages, away from the screens: plurals in two counts,
days as each language writes them, the Measures trend in Spanish, a step's progress in Italian,
and the catalogue check for the part."""

from __future__ import annotations

from datetime import date, datetime

from homework_tui.i18n import in_language
from homework_tui.model.measures import Scale
from homework_tui.ui.activation.mood_pattern import pattern_lines
from homework_tui.ui.diaries.day_text import day_text, day_time_text
from homework_tui.ui.exposure.exposure_charts import feared_words
from homework_tui.ui.measures.trend_view import trend_text
from homework_tui.ui.relax.relax_mindful import where_text
from homework_tui.ui.relax.relax_session import time_left


def test_time_left_uses_the_plural_in_two_counts() -> None:
    with in_language("de"):
        assert time_left(180) == "noch etwa 3 Minuten"
        assert time_left(45) == "noch etwa eine Minute"
        assert where_text(1, 4, 360) == "Teil 2 von 4  ·  noch etwa 6 Minuten"
    with in_language("it"):
        assert time_left(120) == "mancano circa 2 minuti"
    assert time_left(180) == "about 3 minutes left"


def test_feared_words_plural_in_french() -> None:
    with in_language("fr"):
        assert feared_words([]).startswith("Écrivez ce que vous craignez")


def test_days_in_french_and_german() -> None:
    thursday = date(2026, 11, 26)
    with in_language("fr"):
        assert day_text(thursday) == "jeu. 26 nov."
        assert day_time_text(datetime(2026, 11, 26, 19, 0)) == "jeu. 26 nov. 19:00"
    with in_language("de"):
        assert day_text(thursday, year=True) == "Do. 26. Nov. 2026"
    assert day_text(thursday) == "Thu 26 Nov"  # English as before
    assert day_text(thursday, weekday=False) == "26 Nov"


def test_the_measures_trend_in_spanish() -> None:
    with in_language("es"):
        text = trend_text(Scale.PHQ9, [], None)
    assert text == ("Aún sin responder. Pulsa p para responderlo (9 preguntas, un par de minutos).")


def test_the_mood_pattern_with_nothing_rated_in_italian() -> None:
    with in_language("it"):
        lines = pattern_lines([])
    assert lines[0].startswith("Ancora nessun andamento")
