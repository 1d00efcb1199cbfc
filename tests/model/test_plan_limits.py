"""A plan file's limits (issue 13, point 14): each passed limit is one problem naming it, nothing
is imported; terminal escape sequences in its text are removed whole and said."""

from __future__ import annotations

from datetime import date

import pytest

from homework_tui.model.plan import (
    NOTE_MAX,
    PLAN_FILE_MAX_BYTES,
    PLAN_MAX_HOMEWORK,
    PLAN_TEXT_MAX,
)
from homework_tui.model.plan_toml import PlanFileError, parse_plan

TODAY = date(2025, 3, 11)
ONE = '[[homework]]\nkind = "journal"\ndaily = true\nid = "h{n}"\n'


def problems(text: str) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        parse_plan(text, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_the_limits_are_the_documented_ones() -> None:
    assert (PLAN_FILE_MAX_BYTES, PLAN_MAX_HOMEWORK, NOTE_MAX, PLAN_TEXT_MAX) == (
        256 * 1024,
        100,
        2000,
        200,
    )


def test_as_many_homework_as_allowed_is_fine_one_more_is_one_problem() -> None:
    most = "".join(ONE.format(n=n) for n in range(PLAN_MAX_HOMEWORK))
    assert len(parse_plan(most, today=TODAY).assignments) == PLAN_MAX_HOMEWORK
    found = problems(most + ONE.format(n="extra"))
    assert found == ["the file holds 101 pieces of homework; a plan can hold at most 100"]


def test_sixty_thousand_homework_is_refused_in_one_line() -> None:
    text = "".join(ONE.format(n=n) for n in range(60_000))
    (only,) = problems(text)
    assert "a plan file can be at most 256 KB" in only


def test_a_file_over_the_size_limit_is_one_problem_naming_it() -> None:
    text = ONE.format(n=1) + "# " + "x" * (300 * 1024) + "\n"
    assert problems(text) == [
        (
            "the file is 300 KB; a plan file can be at most 256 KB "
            "(a plan written by hand is a few KB)"
        )
    ]


def test_a_huge_note_is_refused_with_its_line_and_the_limit() -> None:
    text = ONE.format(n=1) + f'note = "{"n" * 5_200_000}"\n'
    (only,) = problems(text)
    assert "at most 256 KB" in only  # the file limit comes first
    text = ONE.format(n=1) + f'note = "{"n" * (NOTE_MAX + 1)}"\n'
    assert problems(text) == ["line 5: note is 2,001 characters long; a note can be at most 2,000"]
    text = ONE.format(n=1) + f'note = "{"n" * NOTE_MAX}"\n'
    assert len(parse_plan(text, today=TODAY).assignments[0].note) == NOTE_MAX


def test_other_text_over_its_limit() -> None:
    text = f'[plan]\ntherapist = "{"t" * (PLAN_TEXT_MAX + 1)}"\n' + ONE.format(n=1)
    assert problems(text) == [
        ("line 2: therapist is 201 characters long; therapist can be at most 200")
    ]


def test_escape_sequences_are_removed_whole_and_said() -> None:
    text = (
        ONE.format(n=1)
        + 'note = "A\\u001b[31mRED\\u001b[0mB and \\u001b]52;c;aGk=\\u0007done"\n'
        + 'target = "\\u001b[1mbold\\u001b[0m"\n'
    )
    plan = parse_plan(text, today=TODAY)
    (assignment,) = plan.assignments
    assert assignment.note == "AREDB and done"
    assert "[31m" not in assignment.note and "\x1b" not in assignment.note
    assert assignment.target == "bold"
    assert plan.notices == (
        "line 5: 3 terminal escape sequences (colour or cursor codes) removed from note",
        "line 6: 2 terminal escape sequences (colour or cursor codes) removed from target",
    )


def test_a_plain_file_has_no_notices() -> None:
    assert parse_plan(ONE.format(n=1), today=TODAY).notices == ()
