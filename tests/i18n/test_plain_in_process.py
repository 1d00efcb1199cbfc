"""The plain mode in another language, in process: menus and prompts read from the catalogue, the
language's own typed words (back, help, yes, stop) accepted as well as the English ones, plurals
and dates in the language, Settings' language taken once the data is open, and the catalogue
check clean."""

from __future__ import annotations

import argparse
import io
from datetime import date
from pathlib import Path

import pytest

from homework_tui.i18n import current_language, in_language, ngettext
from homework_tui.model.settings import Settings
from homework_tui.plain.fields import Field, Kind, ask_field
from homework_tui.plain.io import LineIO, Quit, is_yes
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.session import start
from homework_tui.report.local import day_and_month, day_month_year
from homework_tui.store import Singleton, Store


def make(typed: str) -> tuple[LineIO, io.StringIO]:
    out = io.StringIO()
    return LineIO(io.StringIO(typed), out), out


def test_the_menu_speaks_german_and_takes_the_german_words() -> None:
    with in_language("de"):
        lineio, out = make("hilfe\nnirgends\ntagebuch\n")
        choices = [Choice("journal", "Tagebuch"), Choice("today", "Heute: was ansteht")]
        assert choose(lineio, "Hauptmenü", choices).key == "journal"
        written = " ".join(out.getvalue().split())  # lines are wrapped at 80 columns
        assert "Wähle eine Nummer oder einen Namen:" in written
        assert "„nirgends“ gibt es hier nicht. Tippe eine Nummer von 1 bis 2" in written
        assert "Tippe bei jeder Frage „hilfe“ für Hilfe" in written  # the general help
        lineio, _unused = make("zurück\n")
        with pytest.raises(Quit):
            lineio.ask("Titel:")
        lineio, _unused = make("quit\n")  # the English word keeps working
        with pytest.raises(Quit):
            lineio.ask("Titel:")


def test_a_rating_prompt_and_its_optional_bracket_in_french() -> None:
    with in_language("fr"):
        lineio, out = make("7\n")
        question = Field("mood", "Humeur", Kind.RATING, optional=True, low=0, high=10)
        assert ask_field(lineio, question) == "7"
        written = " ".join(out.getvalue().split())
        assert "Humeur, de 0 à 10 (facultatif, Entrée pour passer) :" in written


@pytest.mark.parametrize(
    ("language", "answer", "meant"),
    [("es", "sí", True), ("es", "S", True), ("de", "ja", True), ("de", "j", True),
     ("fr", "oui", True), ("pt", "sim", True), ("it", "sì", True), ("it", "si", True),
     ("de", "yes", True), ("de", "nein", False), ("fr", "non", False)],
)  # fmt: skip
def test_yes_in_the_language_and_in_english(language: str, answer: str, meant: bool) -> None:
    with in_language(language):
        assert is_yes(answer) is meant


def test_plurals_and_dates_in_the_language() -> None:
    with in_language("de"):
        assert ngettext("{n} minute", "{n} minutes", 1).format(n=1) == "1 Minute"
        assert ngettext("{n} minute", "{n} minutes", 5).format(n=5) == "5 Minuten"
    with in_language("fr"):
        assert day_and_month(date(2026, 11, 26)) == "26 novembre"
        assert day_month_year(date(2026, 11, 26)) == "jeu. 26 nov. 2026"
    assert day_month_year(date(2026, 11, 26)) == "Thu 26 Nov 2026"  # English as it was


def test_the_plain_mode_takes_settings_language_unless_one_was_given(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        Singleton(store, "settings", Settings, Settings).save(Settings(language="it"))
    with in_language("en"):
        lineio, _unused = make("")
        session = start(lineio, argparse.Namespace(data_dir=str(folder), language=None))
        assert session is not None
        session.store.close()
        assert current_language() == "it"
    with in_language("en"):
        session = start(lineio, argparse.Namespace(data_dir=str(folder), language="de"))
        assert session is not None
        session.store.close()
        assert current_language() == "en"  # --language was given: cli.py chose it already
