"""The model's words in the person's language: validation messages looked up when raised, labels
looked up when shown, plurals by each language's rule, dates through Babel, and stored values
left in English whatever language the app speaks."""

from __future__ import annotations

from datetime import date

import pytest

from audio.pmr_sessions import SESSIONS
from homework_tui.i18n import in_language, use_language
from homework_tui.model.activity import Kind
from homework_tui.model.base import ValidationError
from homework_tui.model.distortions import OwnDistortion, display_name, standard
from homework_tui.model.due import Streak
from homework_tui.model.insights import Change, Insights, StepTrend
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Every, Frequency, short_date
from homework_tui.model.plan_toml import PlanFileError, parse_plan
from homework_tui.model.pmr_stages import SHOWN_NAMES
from homework_tui.model.progression import ProgressionRule, Suggestion
from homework_tui.model.relaxation import RelaxationSession, phase_word, rating_text
from homework_tui.model.safety import needs_help_line
from homework_tui.model.settings import check_cue_word
from homework_tui.model.thought_record import ThoughtRecord

THURSDAY = date(2026, 11, 26)


def test_a_validation_message_is_in_the_language_spoken_when_it_is_raised() -> None:
    with in_language("de"), pytest.raises(ValidationError) as error:
        JournalEntry(title="", text="")
    assert (
        error.value.message == "Bitte schreib einen Titel oder ein paar Worte, bevor du speicherst."
    )
    # The same rule in English a moment later: nothing was looked up at import.
    with pytest.raises(ValidationError) as again:
        JournalEntry(title="", text="")
    assert again.value.message == "Please write a title or a few words before saving."


def test_a_rating_names_its_field_in_the_language() -> None:
    with in_language("de"), pytest.raises(ValidationError) as error:
        JournalEntry(title="Abend", mood=12)
    assert error.value.message == "Stimmung ist 12; möglich ist 0 bis 10."
    with in_language("it"), pytest.raises(ValidationError) as problem:
        ThoughtRecord(situation="")
    assert problem.value.message.startswith("Scrivi prima qualche parola sulla situazione")


def test_counts_follow_each_languages_plural_rule() -> None:
    with in_language("de"):
        assert Kind.THOUGHT_RECORD.count(1) == "1 Gedankenprotokoll"
        assert Kind.THOUGHT_RECORD.count(3) == "3 Gedankenprotokolle"
        assert Streak(1, 1, True).line() == "Serie: 1 Tag mit Übungen. Gut gemacht."
        assert Streak(4, 4, True).line() == "Serie: 4 Tage am Stück mit Übungen. Gut gemacht."
    with in_language("fr"):
        assert Kind.JOURNAL.count(2) == "2 entrées de journal"
        assert Frequency(every=Every.WEEK, times=3).describe() == "3 fois par semaine"


def test_dates_and_weekdays_read_as_the_language_writes_them() -> None:
    assert short_date(THURSDAY) == "Thu 26 November"
    with in_language("fr"):
        assert short_date(THURSDAY) == "jeu. 26 novembre"
        once = Frequency(every=Every.ONCE, by=THURSDAY)
        assert once.describe() == "une fois, d'ici le jeu. 26 novembre"
        days = Frequency(every=Every.WEEKDAYS, weekdays=(0, 3))
        assert days.describe() == "le lundi et le jeudi"
    with in_language("de"):
        assert short_date(THURSDAY) == "Do., 26. November"
    with in_language("es"):
        days = Frequency(every=Every.WEEKDAYS, weekdays=(0, 2, 4))
        assert days.describe() == "los lunes, los miércoles y los viernes"


def test_insights_speak_spanish_with_spanish_numbers() -> None:
    week = Insights(
        first=date(2026, 11, 20),
        last=THURSDAY,
        counts=((Kind.THOUGHT_RECORD, 2), (Kind.BREATHING, 1)),
        per_day=(1, 0, 1, 0, 0, 1, 0),
        previous_total=0,
        mood=Change(75, 47.5, 2),
        relaxation=Change(65, 40, 1),
        relaxation_minutes=15,
        belief=None,
        steps=(StepTrend("Saludar al vecino", (60, 45), (30, 20), (THURSDAY, THURSDAY)),),
        journal_moods=(),
    )
    with in_language("es"):
        text = "\n".join(week.sentences())
    assert "Practicaste 3 de 7 días: 2 registros de pensamientos, 1 sesión de respiración." in text
    assert "pasó de 75 a 48 de media (28 puntos menos, 2 registros)" in text
    assert "Relajación: tensión de 65 a 40 (de 100) de media (25 puntos menos, 1 sesión)" in text
    assert "Saludar al vecino: practicado 2 veces; SUDS máximo 60 → 45 (baja 15)." in text


def test_thinking_traps_show_burns_names_and_keep_their_keys() -> None:
    with in_language("es"):
        assert display_name("all-or-nothing") == "Pensamiento de todo o nada"
        assert standard("mind-reading").label == "Leer la mente"
        # A person's own label may not take a standard name in either language.
        with pytest.raises(ValidationError) as error:
            OwnDistortion(name="Filtro mental")
        assert error.value.message == "«Filtro mental» ya es una de las etiquetas estándar."
    record = ThoughtRecord(situation="Reunión", distortions=("all-or-nothing",))
    assert record.distortions == ("all-or-nothing",)  # stored as the key, in any language
    with in_language("de"):
        assert record.labels == ("Alles-oder-nichts-Denken",)


def test_stored_values_stay_english_and_are_translated_when_shown() -> None:
    with in_language("pt"):
        session = RelaxationSession(kind="breathing", pattern="box", completed=True)
        assert session.title == "Box breathing"  # what the log keeps
        assert rating_text("tension", 70, 40) == "tensão 70 → 40 (de 100)"
        assert session.outcome == "concluída"
        assert phase_word("inhale", None) == "Inspire"
    assert session.outcome == "done"


def test_the_pmr_stage_names_in_the_catalogue_are_audios_own() -> None:
    names = {n for s in SESSIONS for n in (s.title, s.short, s.in_sentence, s.invitation)}
    assert set(SHOWN_NAMES) == names
    with in_language("it"):
        message = Suggestion("pmr16", "pmr7", 5, ProgressionRule()).message
    assert message == (
        "Hai raggiunto una tensione bassa nelle tue ultime 5 sessioni di rilassamento a 16 "
        "gruppi. Quando te la senti, prova 7 gruppi."
    )


def test_a_plan_file_problem_is_explained_in_italian_with_its_keys_kept() -> None:
    plan = '[plan]\ntitel = "x"\n\n[[homework]]\nkind = "journal"\ndaily = true\n'
    with in_language("it"), pytest.raises(PlanFileError) as error:
        parse_plan(plan, today=THURSDAY)
    assert str(error.value) == (
        "riga 2: «titel» non è un'impostazione che homework-tui conosce. Intendevi «title»?"
    )


def test_a_mood_named_in_another_language_brings_the_help_line() -> None:
    for name in ("sin esperanza", "hoffnungslos", "désespérée", "vazio", "disperato"):
        assert needs_help_line(moods=[(name, 80)]), name
    assert not needs_help_line(moods=[("ansioso", 90)])


def test_the_cue_word_rule_is_told_in_the_language_after_a_switch() -> None:
    use_language("pt")
    with pytest.raises(ValidationError) as error:
        check_cue_word("calma 1")
    assert error.value.message.startswith("Uma palavra-chave tem de uma a 3 palavras")
