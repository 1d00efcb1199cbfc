"""Reading a therapist's plan file: every problem named with its line, in plain words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from homework_tui.model.activity import Kind
from homework_tui.model.plan import Every
from homework_tui.model.plan_toml import PlanFileError, parse_plan
from tests.hostile import LONG_DIGITS, TOML_DEEP_KEY, TOML_VALUES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "plan.toml"
TODAY = date(2025, 3, 11)


def problems(text: str) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        parse_plan(text, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_the_example_file_is_scenario_twos_plan() -> None:
    plan = parse_plan(EXAMPLE.read_text(), today=TODAY)
    kinds = [(a.kind, a.frequency.every, a.frequency.times, a.target) for a in plan.assignments]
    assert kinds == [
        (Kind.BREATHING, Every.DAY, 1, "resonance"),
        (Kind.THOUGHT_RECORD, Every.WEEK, 3, ""),
        (Kind.EXPOSURE, Every.WEEK, 2, "Social situations"),
    ]
    assert all(a.start == TODAY for a in plan.assignments)
    assert plan.assignments[0].minutes == 10
    assert plan.assignments[0].note.startswith("About 6 breaths a minute.")
    assert plan.info.therapist == "Dr Amara Okafor"


def test_every_setting() -> None:
    plan = parse_plan(
        """
[plan]
session = 2025-03-10
next_session = "2025-03-24"
end = 2025-03-23

[[homework]]
kind = "Journal"
weekdays = ["Mon", "thursday"]
title = "Evening journal [bold]"

[[homework]]
kind = "other"
title = "Walk for 20 minutes"
id = "walk"
times_a_week = 4
start = 2025-03-12

[[homework]]
kind = "experiment"
once_by = 2025-03-20
note = '''Test the prediction
"If I speak up, they'll laugh".'''

[[homework]]
kind = "PMR"
protocol = "16 groups"
daily = true
""",
        today=TODAY,
    )
    journal, walk, experiment, pmr = plan.assignments
    assert journal.frequency.weekdays == (0, 3) and journal.title == "Evening journal [bold]"
    assert (journal.start, journal.end) == (date(2025, 3, 10), date(2025, 3, 23))
    assert walk.source == "walk" and walk.start == date(2025, 3, 12)
    assert experiment.frequency.by == date(2025, 3, 20)
    assert experiment.note == 'Test the prediction\n"If I speak up, they\'ll laugh".'
    assert pmr.kind is Kind.PMR and pmr.name == "Muscle relaxation (16 groups)"
    assert plan.info.next_session == date(2025, 3, 24)


def test_an_unknown_kind_names_its_line_and_the_kinds_there_are() -> None:
    found = problems(
        '[[homework]]\nkind = "thought record"\ndaily = true\n\n'
        '[[homework]]\nkind = "yoga"\ndaily = true\n'
    )
    assert found == [
        "line 6: “yoga” is not a kind of homework homework-tui knows. Use one of: thought "
        "record, exposure, experiment, journal, breathing, pmr, mindfulness, phq9, gad7, activity "
        "scheduling, mood diary, sleep diary, panic diary, other."
    ]


def test_questionnaire_kinds_in_a_plan_file_and_a_misspelt_one() -> None:
    plan = parse_plan(
        '[[homework]]\nkind = "PHQ-9"\ntimes_a_week = 1\n\n[[homework]]\nkind = "gad7"\ntimes_a_week = 1\n'
    )
    assert [a.kind for a in plan.assignments] == [Kind.PHQ9, Kind.GAD7]
    assert plan.assignments[0].name == "PHQ-9 (depression)"
    found = problems('[[homework]]\nkind = "phq 8"\ndaily = true\n')
    assert len(found) == 1 and found[0].startswith("line 2: “phq 8” is not a kind of homework")
    assert "phq9, gad7" in found[0]


def test_a_date_that_does_not_exist_names_its_line() -> None:
    assert problems("[plan]\nsession = 2025-02-30\n") == [
        "line 2: this is not a real date; dates are written like 2025-03-11"
    ]
    assert problems('[[homework]]\nkind = "journal"\ndaily = true\nstart = "next Monday"\n') == [
        "line 4: start needs a date written like 2025-03-11 (got 'next Monday')"
    ]


def test_a_negative_frequency_names_its_line() -> None:
    assert problems('[[homework]]\nkind = "exposure"\n\n\ntimes_a_week = -2\n') == [
        "line 5: times_a_week is -2; it needs to be from 1 to 21"
    ]


def test_every_problem_is_listed_at_once_in_line_order() -> None:
    found = problems(
        '[plan]\ntherapist = "Dr O"\nsesion = 2025-03-10\n\n'
        '[[homework]]\nkind = "breathing"\n'
        "daily = true\ntimes_a_week = 2\n\n"
        '[[homework]]\nkind = "other"\nweekdays = ["Mon", "Funday"]\n\n'
        '[[homework]]\nkind = "journal"\n'
        'note = """\nkind = "not a key"\n"""\ntime_a_week = 3\n'
    )
    assert found == [
        "line 3: “sesion” is not a setting homework-tui knows. Did you mean “session”?",
        "line 8: give just one of daily or times_a_week for how often",
        'line 12: “Funday” is not a day of the week; write days like ["Mon", "Thu"]',
        'line 14: say how often: daily = true, times_a_week = 3, weekdays = ["Mon", "Thu"] '
        "or once_by = 2025-03-20",
        "line 19: “time_a_week” is not a setting homework-tui knows. Did you mean “times_a_week”?",
    ]


def test_rules_across_settings() -> None:
    found = problems(
        '[[homework]]\nkind = "journal"\ndaily = true\nstart = 2025-03-10\nend = 2025-03-01\n'
    )
    assert found[0].startswith("line 5: The last day (Sat 1 March) is before the first")
    found = problems('[[homework]]\nkind = "other"\ndaily = true\n')
    assert found == ["line 1: Please say what this homework is, in a few words."]
    found = problems(
        '[[homework]]\nkind = "journal"\ndaily = true\n'
        '[[homework]]\nkind = "journal"\ndaily = true\n'
    )
    assert found[0].startswith("line 4: this looks the same as the homework on line 1")


def test_broken_toml_and_empty_files() -> None:
    found = problems("[[homework]]\nkind = thought record\n")
    assert found[0].startswith("line 2: this value cannot be read; text needs quotes")
    assert problems("") == [
        "The file has no homework in it. Each piece of homework starts with a [[homework]] "
        "line (see the README, section Your therapist's plan)."
    ]


# -- hostile numbers and nesting: one problem, naming its line, never a traceback ----------------

HOSTILE_PLAN = """\
[plan]
therapist = "Dr Okafor"

[[homework]]
kind = "journal"
daily = true
minutes = {value}
"""


@pytest.mark.parametrize("case", sorted(TOML_VALUES))
def test_a_hostile_value_is_one_problem_on_its_line(case: str) -> None:
    found = problems(HOSTILE_PLAN.format(value=TOML_VALUES[case]))
    assert len(found) == 1, found
    assert found[0].startswith("line 7: "), found
    assert len(found[0]) < 200 and "\n" not in found[0], found


@pytest.mark.parametrize(
    "place",
    ["[plan]\ntitle.{key} = 1\n", "[[homework]]\nkind.{key} = 1\n", "{key} = 1\n", "[{key}]\n"],
)
def test_a_key_nested_ten_thousand_deep_is_one_problem_on_its_line(place: str) -> None:
    text = "# a plan\n" + place.format(key=TOML_DEEP_KEY)
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if TOML_DEEP_KEY in ln)
    found = problems(text)
    assert found == [
        f"line {line}: values here are nested more than 32 levels deep; this file "
        f"never needs more than a few"
    ]


def test_a_long_number_inside_text_is_only_text() -> None:
    # 5,000 digits inside a string are text: the only problem is the text's length limit.
    found = problems(HOSTILE_PLAN.format(value=10).replace('"Dr Okafor"', f'"Dr {LONG_DIGITS}"'))
    assert found == [
        f"line 2: therapist is {len(LONG_DIGITS) + 3:,} characters long; "
        "therapist can be at most 200"
    ]


# -- suggest_relax: Today's "try Relax" can be turned off (issue 15, point 12) -------------------

RELAX_PLAN = """\
[plan]
title = "Exposure, weeks 5 and 6"
{setting}

[[homework]]
kind = "exposure"
daily = true
"""


@pytest.mark.parametrize(
    ("setting", "suggested", "said"),
    [
        (
            "suggest_relax = false",
            False,
            "Today does not suggest Relax (your therapist's plan turns it off)",
        ),
        ("suggest_relax = true", True, "Today suggests Relax when you feel tense"),
        ("", True, ""),
    ],
)
def test_suggest_relax_is_read_and_on_unless_the_plan_says_no(
    setting: str, suggested: bool, said: str
) -> None:
    info = parse_plan(RELAX_PLAN.format(setting=setting), today=TODAY).info
    assert info.relax_suggested is suggested
    assert info.suggest_relax is (None if not setting else suggested)
    assert info.describe_relax() == said


@pytest.mark.parametrize("value", ['"false"', "0", "no", "[false]"])
def test_suggest_relax_of_another_type_is_one_problem_on_its_line(value: str) -> None:
    found = problems(RELAX_PLAN.format(setting=f"suggest_relax = {value}"))
    if value == "no":  # not TOML at all: the file cannot be read there
        assert len(found) == 1 and found[0].startswith("line 3: this value cannot be read")
        return
    assert len(found) == 1
    assert found[0].startswith("line 3: suggest_relax needs to be true or false, without quotes")
    assert "\n" not in found[0]


def test_a_misspelt_suggest_relax_is_named_with_the_right_spelling() -> None:
    found = problems(RELAX_PLAN.format(setting="suggest_relaxation = false"))
    assert found == [
        (
            "line 3: “suggest_relaxation” is not a setting homework-tui knows. "
            "Did you mean “suggest_relax”?"
        )
    ]


def test_the_activation_and_diary_kinds_are_plan_kinds_and_a_misspelt_one_gets_one_line() -> None:
    plan = parse_plan(
        '[[homework]]\nkind = "activity scheduling"\ntimes_a_week = 5\n\n'
        '[[homework]]\nkind = "Mood diary"\ndaily = true\n\n'
        '[[homework]]\nkind = "sleep_diary"\ndaily = true\n\n'
        '[[homework]]\nkind = "panic diary"\ntimes_a_week = 1\n',
        today=TODAY,
    )
    assert [(a.kind, a.frequency.describe()) for a in plan.assignments] == [
        (Kind.ACTIVITY_SCHEDULING, "5 times a week"),
        (Kind.MOOD_DIARY, "every day"),
        (Kind.SLEEP_DIARY, "every day"),
        (Kind.PANIC_DIARY, "once a week"),
    ]
    [line] = problems('[[homework]]\nkind = "sleep dairy"\ndaily = true\n')
    assert line.startswith("line 2: “sleep dairy” is not a kind of homework homework-tui knows.")
    assert "activity scheduling, mood diary, sleep diary, panic diary" in line
