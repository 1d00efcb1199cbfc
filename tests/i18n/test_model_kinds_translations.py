"""The model's kinds of homework (activation, diaries, exposure, measures, reminders) in the
person's language: week grid and charts with the language's day names and within 80 columns,
validation messages, plurals, typed answers read in the language, the PHQ-9 and GAD-7 in their
published translations (the FHIR export staying English), and the part's catalogues complete."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from homework_tui.i18n import LANGUAGES, _, in_language
from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay, parse_part
from homework_tui.model.activation.form import parse_outcome
from homework_tui.model.activation.grid import CELL_WIDTH, LEGEND, week_grid, week_start
from homework_tui.model.base import ValidationError
from homework_tui.model.diaries.charts import day_chart
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.exposure import Ladder, Step
from homework_tui.model.exposure.expectancy import Happened, parse_happened
from homework_tui.model.exposure.form import parse_day
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.model.measures import GAD7, PHQ9, MeasureResult, Scale, answer_words
from homework_tui.model.measures.asking import result_lines
from homework_tui.model.measures.fhir import fhir_bundle
from homework_tui.model.measures.trend import trend_lines
from homework_tui.model.reminders import parse_at

TZ = timezone(timedelta(hours=1))
MONDAY = date(2026, 11, 23)


def entries() -> list[ActivityEntry]:
    return [
        ActivityEntry(what="Walk", day=MONDAY, part=PartOfDay.AFTERNOON, outcome=Outcome.DONE),
        ActivityEntry(what="Call Sam", day=MONDAY, part=PartOfDay.EVENING, outcome="not_done"),
        ActivityEntry(
            what="Tidied",
            day=MONDAY + timedelta(days=3),
            part=PartOfDay.NIGHT,
            planned_ahead=False,
            outcome=Outcome.DONE,
        ),
    ]


def test_the_week_grid_in_french_and_german() -> None:
    with in_language("fr"):
        grid = week_grid(entries(), week_start(MONDAY))
        lines = grid.lines()
        assert lines[0].split() == ["lun.", "23", "mar.", "24", "mer.", "25", "jeu.", "26"] + [
            "ven.",
            "27",
            "sam.",
            "28",
            "dim.",
            "29",
        ]
        assert lines[2].startswith("Après-midi ✓")
        assert lines[-1].startswith("Faites ")
        assert grid.summary() == (
            "Activités prévues faites : 1 sur 2, et 1 autre faite sans être prévue."
        )
        assert "✓ prévue et faite" in _(LEGEND)
    with in_language("de"):
        lines = week_grid(entries(), week_start(MONDAY)).lines()
        assert lines[0].split()[:2] == ["Mo.", "23."]
        assert [line.split()[0] for line in lines[1:]] == [
            "Morgen",
            "Nachmittag",
            "Abend",
            "Nacht",
            "Erledigt",
        ]


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_the_week_grid_and_its_key_fit_80_columns_in_every_language(language: str) -> None:
    with in_language(language):
        grid = week_grid(entries(), week_start(MONDAY))
        lines = grid.lines()
        assert max(len(line) for line in lines) <= 80
        label_width = len(lines[1]) - len(lines[1][lines[1].index("·") :].lstrip())
        heads = lines[0][label_width:]
        # Seven day headings, each inside its cell with a space before the next one.
        cells = [heads[n * CELL_WIDTH : (n + 1) * CELL_WIDTH] for n in range(7)]
        assert all(cell.strip() and not cell.startswith(" ") for cell in cells), cells
        assert all(len(cell.rstrip()) < CELL_WIDTH for cell in cells), cells
        assert len(_(LEGEND)) <= 78


def test_a_day_chart_in_italian_and_spanish() -> None:
    with in_language("it"):
        assert day_chart([5, None, 6.5], date(2026, 11, 26), high=10, width=10, unit="/10") == [
            "mar 24  █████ 5/10",
            "mer 25  non annotato",
            "gio 26  ██████▌ 6,5/10",
        ]
    with in_language("es"):
        assert day_chart([None], date(2026, 11, 26), high=10, missing=_("not written")) == [
            "jue 26  sin anotar"
        ]


def test_validation_messages_in_german() -> None:
    with in_language("de"):
        with pytest.raises(ValidationError) as refused:
            ActivityEntry(what="  ", day=MONDAY)
        assert refused.value.message == "Bitte schreib in ein paar Worten, was die Aktivität ist."
        with pytest.raises(ValidationError) as refused:
            Ladder(name="")
        assert "Bitte gib der Leiter einen Namen" in refused.value.message
        with pytest.raises(ValidationError) as refused:
            parse_at("halb acht")
        assert refused.value.message == (
            "„halb acht“ ist keine Uhrzeit; schreib sie etwa so: 19:00 oder 7:30."
        )


def test_plurals_in_two_counts() -> None:
    one = Ladder(name="Social", steps=(Step(description="Say hello", suds=20),))
    three = Ladder(
        name="Social",
        steps=tuple(Step(description=f"Step {n}", suds=n * 10) for n in (1, 2, 3)),
    )
    with in_language("de"):
        assert one.warnings()[0].startswith("Diese Leiter hat 1 Stufe. ")
        assert three.warnings()[0].startswith("Diese Leiter hat 3 Stufen. ")
    with in_language("es"):
        assert (
            ExposureSettings(minimum_minutes=1)
            .describe_exclusions()
            .endswith("o que duró menos de 1 minuto no cuenta.")
        )
        assert (
            ExposureSettings(minimum_minutes=5)
            .describe_exclusions()
            .endswith("o que duró menos de 5 minutos no cuenta.")
        )


def test_sleep_explained_in_italian_once_and_twice_awake() -> None:
    def night(awakenings: int) -> SleepEntry:
        return SleepEntry(
            night_of=date(2026, 1, 12),
            to_bed="23:40",
            tried_to_sleep="23:40",
            minutes_to_fall_asleep=20,
            awakenings=awakenings,
            minutes_awake=30,
            final_awakening="07:00",
            out_of_bed="07:10",
            quality=3,
        )

    with in_language("it"):
        assert night(1).explained()[1].endswith("da sveglio/a durante la notte (1 volta).")
        assert night(2).explained()[1].endswith("da sveglio/a durante la notte (2 volte).")
        assert night(2).explained()[0] == (
            "Tempo a letto: 7 h 30 min, da quando sei andato/a a letto alle 23:40 a quando ti "
            "sei alzato/a alle 07:10."
        )
        assert night(2).quality_text == "3 (discreta)"


def test_typed_answers_are_read_in_the_language_and_in_english() -> None:
    with in_language("de"):
        assert parse_outcome("nicht erledigt") is Outcome.NOT_DONE
        assert parse_outcome("erl") is Outcome.DONE
        assert parse_outcome("done") is Outcome.DONE
        assert parse_part("Nachmittag") is PartOfDay.AFTERNOON
        assert parse_day("gestern", today=MONDAY) == MONDAY - timedelta(days=1)
    with in_language("fr"):
        assert parse_happened("oui") is Happened.YES
        assert parse_happened("en partie") is Happened.PARTLY
        assert parse_happened("no") is Happened.NO


def test_phq9_and_gad7_in_their_published_translations() -> None:
    with in_language("de"):
        assert PHQ9.items[0] == "Wenig Interesse oder Freude an Ihren Tätigkeiten"
        assert PHQ9.frame.startswith("Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen")
        assert answer_words() == (
            "Überhaupt nicht",
            "An einzelnen Tagen",
            "An mehr als der Hälfte der Tage",
            "Beinahe jeden Tag",
        )
        assert GAD7.items[0] == "Nervosität, Ängstlichkeit oder Anspannung"
    with in_language("fr"):
        assert PHQ9.items[0] == "Peu d'intérêt ou de plaisir à faire les choses"
    with in_language("it"):
        assert answer_words()[0] == "Mai"
    # The English stays the published English, whatever the language before.
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"


def test_a_result_and_its_trend_in_spanish_and_french() -> None:
    first = MeasureResult(
        scale=Scale.PHQ9,
        answers=(2, 2, 2, 1, 1, 2, 1, 1, 0),
        created_at=datetime(2026, 11, 19, 9, 5, tzinfo=TZ),
    )
    later = MeasureResult(
        scale=Scale.PHQ9,
        answers=(1, 1, 1, 1, 1, 1, 1, 1, 0),
        created_at=datetime(2026, 11, 26, 19, 5, tzinfo=TZ),
    )
    with in_language("es"):
        assert later.summary() == "PHQ-9: 8 de 27, leve"
        assert result_lines(later, -4, since_plan=True) == [
            "PHQ-9, total: 8 de 27, leve (algunas señales de depresión; vale la pena estar "
            "atento/a).",
            "Cambio desde que empezó tu plan: 4 menos (más bajo es mejor).",
        ]
    with in_language("fr"):
        lines = trend_lines([first, later])
        assert lines[1].startswith("jeu. 26 nov. 19:05  ")
        assert lines[1].endswith(" 8 légère")
        assert lines[2] == "Évolution depuis la première fois : 4 de moins (plus bas, c'est mieux)."


def test_the_fhir_export_stays_english_in_spanish() -> None:
    result = MeasureResult(scale=Scale.GAD7, answers=(0, 1, 2, 3, 0, 1, 2))
    with in_language("es"):
        bundle = fhir_bundle([result], made=datetime(2026, 11, 26, tzinfo=TZ))
    items = bundle["entry"][0]["resource"]["item"]
    assert items[0]["text"] == "Feeling nervous, anxious, or on edge"
    assert items[3]["answer"][0]["valueCoding"]["display"] == "Nearly every day"
    assert items[-1]["text"] == "GAD-7 total score"
