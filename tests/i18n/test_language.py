"""Choosing the interface's language, looking strings up, pseudo-localisation, and dates and
numbers in each language's own way (Babel)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.cli import language_asked
from homework_tui.i18n import (
    PSEUDO,
    _,
    current_language,
    day_and_date,
    decimal,
    in_language,
    language_from_environment,
    ngettext,
    short_day,
    use_language,
    weekday_name,
)
from homework_tui.i18n.pseudo import CLOSE, GROWTH, OPEN, pseudo
from homework_tui.model.base import ValidationError
from homework_tui.model.settings import Settings

THURSDAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, ("es", "ES")),
        ({"LANG": "pt_BR.UTF-8"}, ("pt", "BR")),
        ({"LANGUAGE": "fr_CA:de", "LANG": "es_ES.UTF-8"}, ("fr", "CA")),
        ({"LANGUAGE": "nl:de", "LANG": "es_ES.UTF-8"}, ("de", "")),  # first one we speak
        ({"LANGUAGE": "nl", "LANG": "it_IT.UTF-8"}, ("it", "IT")),  # none: on to the next
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "es_ES.UTF-8"}, ("de", "DE")),
        ({"LC_MESSAGES": "it_IT", "LANG": "es_ES.UTF-8"}, ("it", "IT")),
        ({"LC_ALL": "C.UTF-8", "LANG": "es_ES.UTF-8"}, ("en", "")),
        ({"LANG": "nl_NL.UTF-8"}, ("en", "")),  # a language we do not have: English
        ({"LANG": "de_AT.UTF-8@euro"}, ("de", "AT")),
        ({}, ("en", "")),
    ],
)
def test_language_from_the_locale(environ: dict[str, str], expected: tuple[str, str]) -> None:
    assert language_from_environment(environ) == expected


def test_language_asked_on_the_command_line() -> None:
    assert language_asked(["--language", "de", "export"]) == "de"
    assert language_asked(["--language=fr"]) == "fr"
    assert language_asked(["export", "--", "--language", "de"]) == ""
    assert language_asked([]) == ""


def test_an_unknown_code_falls_back_to_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "it")
    assert use_language("xx") == "it"
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "")
    assert use_language("") == "en"


def test_in_language_returns_to_the_language_before() -> None:
    use_language("es")
    with in_language("de") as inside:
        assert inside == "de" and current_language() == "de"
        assert _("Save") != "Save"  # a real German catalogue is loaded
    assert current_language() == "es"


def test_strings_are_looked_up_when_shown() -> None:
    with in_language("de"):
        german = _("Save")
    with in_language("es"):
        spanish = _("Save")
    assert (german, spanish) == ("Speichern", "Guardar")
    assert _("Save") == "Save"


def test_plural_forms_follow_the_language() -> None:
    assert ngettext("{n} minute", "{n} minutes", 1) == "{n} minute"
    assert ngettext("{n} minute", "{n} minutes", 2) == "{n} minutes"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Thursday 26 November"),
        ("fr", "jeudi 26 novembre"),
        ("es", "jueves, 26 de noviembre"),
        ("de", "Donnerstag, 26. November"),
        ("pt", "quinta-feira, 26 de novembro"),
        ("it", "giovedì 26 novembre"),
    ],
)
def test_dates_as_each_language_writes_them(language: str, expected: str) -> None:
    with in_language(language):
        assert day_and_date(THURSDAY) == expected


def test_numbers_and_short_days() -> None:
    assert decimal(3.5) == "3.5"
    with in_language("fr"):
        assert decimal(3.5) == "3,5"
        assert short_day(THURSDAY) == "jeu. 26"
    with in_language("de"):
        assert decimal(1234.25, 2) == "1.234,25"
        assert weekday_name(0) == "Montag"
        assert weekday_name(0, short=True) == "Mo."


def test_settings_keep_a_language_we_speak() -> None:
    assert Settings(language="de").language == "de"
    assert Settings().language == ""
    with pytest.raises(ValidationError):
        Settings(language="klingon")


@given(st.text(max_size=60))
def test_pseudo_localisation_grows_every_string_and_keeps_its_fields(text: str) -> None:
    out = pseudo(text)
    if not text:
        assert out == ""
        return
    assert out.startswith(OPEN) and out.endswith(CLOSE)
    assert len(out) >= len(text) * (1 + GROWTH) - 1


def test_pseudo_keeps_fields_and_markup() -> None:
    out = pseudo("Saved [b]{title}[/b] at %s")
    assert "{title}" in out and "[b]" in out and "[/b]" in out and "%s" in out
    assert out.format(title="x")  # still a template
    with in_language(PSEUDO):
        assert _("Save").startswith(OPEN)
