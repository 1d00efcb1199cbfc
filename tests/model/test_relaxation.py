"""The relaxation log and choice: ratings in range, lengths, resonance options, the fields Today and
the report read."""

from __future__ import annotations

import pytest

from homework_tui.model.base import ValidationError
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice, check_rating, session_log
from homework_tui.store.activities import relaxation_activity
from homework_tui.store.codec import from_doc, to_doc


def test_a_logged_session_has_the_fields_today_and_the_report_read() -> None:
    choice = RelaxChoice(session="resonance", minutes=5, breaths_per_minute=6, ratio="4:6")
    log = session_log(
        choice,
        before=70,
        after=40,
        planned_seconds=300,
        actual_seconds=301.26,
        completed=True,
        audible=True,
        note="calmer",
    )
    doc = to_doc(log)
    for key in (
        "id",
        "created_at",
        "kind",
        "pattern",
        "minutes",
        "tension_before",
        "tension_after",
        "completed",
    ):
        assert key in doc
    assert (doc["kind"], doc["pattern"], doc["minutes"]) == ("breathing", "resonance", 5.0)
    assert (doc["tension_before"], doc["tension_after"], doc["completed"]) == (70, 40, True)
    assert (doc["breaths_per_minute"], doc["ratio"], doc["planned_seconds"]) == (6.0, "4:6", 300.0)
    assert from_doc(RelaxationSession, doc) == log
    activity = relaxation_activity(doc)
    assert activity is not None and dict(activity.measures)["tension_after"] == 40.0


def test_pmr_is_its_own_kind_and_stopping_early_is_kept() -> None:
    log = session_log(
        RelaxChoice(session="pmr16", minutes=20),
        before=None,
        after=30,
        planned_seconds=1200,
        actual_seconds=250,
        completed=False,
        audible=False,
    )
    assert (log.kind, log.completed, log.minutes, log.tension_before) == ("pmr", False, 4.2, None)
    assert log.breaths_per_minute is None
    activity = relaxation_activity(to_doc(log))
    assert activity is not None and ("Completed", "stopped early") in activity.facts


def test_anxiety_ratings_never_land_in_the_tension_fields() -> None:
    log = session_log(
        RelaxChoice(session="box", scale="anxiety"),
        before=7,
        after=3,
        planned_seconds=60,
        actual_seconds=60,
        completed=True,
        audible=True,
    )
    assert (log.anxiety_before, log.anxiety_after, log.tension_before) == (7, 3, None)
    assert log.as_tension == (70, 30)
    assert log.rating_line() == "anxiety 7 → 3 (of 10)"


@pytest.mark.parametrize("value", [101, -1, "150", "abc", 2.5])
def test_a_tension_rating_out_of_range_is_refused_in_words(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check_rating(value, "tension")
    assert "0 to 100" in caught.value.message


def test_an_anxiety_rating_goes_to_ten() -> None:
    assert check_rating("", "anxiety") is None
    assert check_rating("10", "anxiety") == 10
    with pytest.raises(ValidationError, match="0 to 10"):
        check_rating(11, "anxiety")
    with pytest.raises(ValidationError):
        RelaxationSession(tension_before=120)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": "lots"}, "minutes"),
        ({"minutes": 61}, "minutes"),
        ({"breaths_per_minute": 8}, "bpm"),
        ({"breaths_per_minute": 4}, "bpm"),
        ({"ratio": "4-6"}, "ratio"),
        ({"ratio": "0:6"}, "ratio"),
        ({"scale": "mood"}, "scale"),
        ({"voice": False, "tones": False}, "voice"),
        ({"session": "  "}, "session"),
    ],
)
def test_a_choice_that_cannot_run_says_why(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        RelaxChoice(**changes)  # type: ignore[arg-type]
    assert caught.value.field == field and caught.value.message


def test_muscle_relaxation_without_voice_or_tones_is_allowed() -> None:
    assert RelaxChoice(session="pmr4", voice=False, tones=False).kind == "pmr"
    assert RelaxChoice(minutes="7.5").minutes == 7.5  # type: ignore[arg-type]


def test_a_mindfulness_script_is_logged_as_mindfulness_with_its_title() -> None:
    choice = RelaxChoice(
        session="body-scan-10",
        minutes=10,
        voice=False,
        session_kind="mindfulness",
        session_title="Body scan, 10 minutes",
        own_length=True,
    )
    assert (choice.kind, choice.title) == ("mindfulness", "Body scan, 10 minutes")
    log = session_log(
        choice,
        before=50,
        after=30,
        planned_seconds=600,
        actual_seconds=610,
        completed=True,
        audible=False,
    )
    assert (log.kind, log.pattern, log.title) == (
        "mindfulness",
        "body-scan-10",
        "Body scan, 10 minutes",
    )
    assert from_doc(RelaxChoice, to_doc(choice)) == choice
    activity = relaxation_activity(to_doc(log))
    assert activity is not None and activity.kind.value == "mindfulness"
    with pytest.raises(ValidationError):
        RelaxChoice(session="x", session_kind="yoga")


def test_a_mindfulness_script_starts_from_its_beginning_without_phase_tones() -> None:
    # The intro and tones checkboxes are hidden for mindfulness; the person's choices for breathing
    # are kept in the choice, but not applied to the mindfulness session.
    choice = RelaxChoice(session="body-scan", intro=False, tones=True, session_kind="mindfulness")
    assert (choice.intro, choice.tones) == (False, True)
    assert choice.with_intro and not choice.with_tones
    breathing = RelaxChoice(session="box", intro=False, tones=True)
    assert not breathing.with_intro and breathing.with_tones


def test_listening_counts_the_time_heard_not_the_clock_jumps() -> None:
    """Looks at the session clock 20 times a second: playing counts in full, a pause not at all,
    and a skip to the next part (the clock jumps minutes ahead) only as the moment it took."""
    from homework_tui.model.relaxation import Listening

    listening = Listening()
    now, clock = 100.0, 0.0
    listening.look(clock, now)
    for _ in range(200):  # 10 s of playing
        now, clock = now + 0.05, clock + 0.05
        listening.look(clock, now)
    for _ in range(100):  # 5 s paused
        now += 0.05
        listening.look(clock, now)
    listening.skipped()
    now, clock = now + 0.05, clock + 240.0  # skipped ahead four minutes
    listening.look(clock, now)
    for _ in range(40):  # 2 s more
        now, clock = now + 0.05, clock + 0.05
        listening.look(clock, now)
    assert abs(listening.seconds - 12.1) < 0.2 and listening.skipped_parts == 1


def test_a_session_with_skipped_parts_logs_the_minutes_heard_and_is_not_completed() -> None:
    """PMR16 run for about 5 real minutes with 12 parts skipped: about 5 minutes, not 18.6, and
    it says so wherever it is shown."""
    log = session_log(
        RelaxChoice(session="pmr16", minutes=20),
        before=60,
        after=30,
        planned_seconds=1200,
        actual_seconds=301.0,
        completed=True,
        audible=False,
        skipped_parts=12,
    )
    assert (log.minutes, log.completed, log.skipped_parts, log.outcome) == (
        5.0,
        False,
        12,
        "12 parts skipped",
    )
    doc = to_doc(log)
    assert (doc["minutes"], doc["completed"], doc["skipped_parts"]) == (5.0, False, 12)
    assert from_doc(RelaxationSession, doc) == log
    activity = relaxation_activity(doc)
    assert activity is not None and ("Completed", "12 parts skipped") in activity.facts
    assert dict(activity.measures)["minutes"] == 5.0
    one = session_log(
        RelaxChoice(session="pmr4"),
        before=None,
        after=None,
        planned_seconds=480,
        actual_seconds=400,
        completed=True,
        audible=True,
        skipped_parts=1,
    )
    assert one.outcome == "1 part skipped"
    whole = session_log(
        RelaxChoice(session="pmr4"),
        before=None,
        after=None,
        planned_seconds=480,
        actual_seconds=480,
        completed=True,
        audible=True,
    )
    assert (whole.completed, whole.outcome) == (True, "done")


def test_a_log_from_before_skips_were_counted_still_reads() -> None:
    doc = to_doc(
        session_log(
            RelaxChoice(session="box"),
            before=None,
            after=None,
            planned_seconds=300,
            actual_seconds=300,
            completed=True,
            audible=True,
        )
    )
    del doc["skipped_parts"]
    assert from_doc(RelaxationSession, doc).skipped_parts == 0
    with pytest.raises(ValidationError, match="Skipped parts"):
        RelaxationSession(skipped_parts=-1)
