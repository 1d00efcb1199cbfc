"""Exposure (ladder, timer, log), Plan and the report in plain mode, through the real console
script in a pty; records read back through the store, the report from its file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from homework_tui.model.exposure.expectancy import Happened
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.plan import Assignment, Kind, PlanInfo
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import EXPOSURES_TABLE, LADDERS_TABLE, PLAN_TABLE
from tests.plain.conftest import saved
from tests.plain.driver import HOSTILE, Plain

MENU = "Choose a number or a name:"


def _ladder(root: Path) -> Ladder:
    ladder = Ladder(
        name="Social situations",
        steps=(
            Step(description="Say hello to a neighbour", suds=30),
            Step(description=HOSTILE["markup"], suds=60),
        ),
    )
    with Store.open(root / "data") as store:
        Repository(store, LADDERS_TABLE, Ladder).add(ladder)
    return ladder


def test_a_new_ladder_is_shown_as_numbered_lines_with_suds_and_state(root: Path) -> None:
    plain = Plain(root)
    plain.answer(MENU, "exposure")
    plain.answer(MENU, "ladder")
    plain.answer("The ladder's name", HOSTILE["hebrew"])
    plain.answer("Its goal", "")
    plain.answer("Step 1", "Stand near the door " + HOSTILE["emoji"])
    plain.answer("SUDS, 0 to 100:", "101")
    plain.expect("The step's SUDS is 101; it goes from 0 to 100.")
    plain.answer("SUDS, 0 to 100:", "25")
    plain.answer("Step 2", "")
    plain.expect(f"Saved the ladder “{HOSTILE['hebrew']}”.")
    plain.expect("1. Stand near the door " + HOSTILE["emoji"] + ", SUDS 25, not tried,")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [ladder] = saved(root, LADDERS_TABLE, Ladder)
    assert ladder.name == HOSTILE["hebrew"]
    assert [(s.description, s.suds) for s in ladder.steps] == [
        ("Stand near the door " + HOSTILE["emoji"], 25)
    ]


def test_the_timer_asks_ratings_as_lines_and_saves_the_exposure(root: Path) -> None:
    ladder = _ladder(root)
    plain = Plain(root)
    plain.answer(MENU, "4")
    plain.answer(MENU, "timer")
    plain.expect("1. Say hello to a neighbour, SUDS 30, not tried, your next step")
    plain.expect(f"2. {HOSTILE['markup']}, SUDS 60, not tried")
    plain.answer("The step's number:", "2")
    plain.answer("What do you fear will happen", "They'll stare " + HOSTILE["markup"])
    plain.answer("How likely does it seem", "70")
    plain.answer("Predicted SUDS, 0 to 100", "80")
    plain.answer("this starts the clock", "40")
    plain.expect("The clock has started.")
    plain.answer("SUDS now, 0 to 100, or “stop”:", "seventy")
    plain.expect("A SUDS rating needs a whole number from 0 to 100.")
    plain.answer("SUDS now, 0 to 100, or “stop”:", "65")
    plain.expect("SUDS 65. Next rating in")
    plain.answer("SUDS now, 0 to 100, or “stop”:", "stop")
    plain.answer("One last rating", "25")
    plain.expect("SUDS before 40, peak 65, end 25.")
    plain.answer("Did it happen? yes, partly or no", "maybe")
    plain.expect("Please answer yes, partly or no.")
    plain.answer("Did it happen? yes, partly or no", "no")
    plain.answer("How surprised were you", "60")
    plain.expect("full stop")
    plain.line("Nobody stared for long.")
    plain.line(".")
    plain.answer("Did you leave earlier than you meant to", "")
    plain.answer("Safety behaviours", HOSTILE["arabic"])
    plain.expect("full stop")
    plain.line(".")
    plain.expect("Saved your exposure.")
    plain.expect("practising ×1, last peak 65 and end")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [exposure] = saved(root, EXPOSURES_TABLE, Exposure)
    assert exposure.step_id == ladder.steps[1].id
    assert exposure.step_description == HOSTILE["markup"]
    assert (exposure.predicted, exposure.before, exposure.peak, exposure.end) == (80, 40, 65, 25)
    assert [r.suds for r in exposure.readings] == [40, 65, 25]
    assert (exposure.feared_outcome, exposure.likelihood) == (
        "They'll stare " + HOSTILE["markup"],
        70,
    )
    assert (exposure.outcome, exposure.surprise, exposure.learned) == (
        Happened.NO,
        60,
        "Nobody stared for long.",
    )
    assert exposure.safety_behaviours == (HOSTILE["arabic"],)


def test_logging_an_exposure_uses_the_models_rules(root: Path) -> None:
    _ladder(root)
    plain = Plain(root)
    plain.answer(MENU, "exposure")
    plain.answer(MENU, "log")
    plain.answer("The step's number:", "1")
    plain.answer("Date, like 2025-03-10 (optional, Enter for today):", "")
    plain.answer("Start time", "")
    plain.answer("How many minutes", "20")
    plain.answer("What did you fear would happen", "")
    plain.answer("How likely did it seem", "")
    plain.answer("Predicted SUDS", "")
    plain.answer("SUDS before", "50")
    plain.answer("Peak SUDS, 0 to 100:", "30")
    plain.answer("SUDS at the end, 0 to 100:", "10")
    plain.answer("Did you leave earlier than you meant to", "")
    plain.answer("Safety behaviours", "")
    plain.expect("full stop")
    plain.line("Notes " + HOSTILE["emoji"])
    plain.line(".")
    plain.expect("so it can't be lower than before")  # the model's message, the peak asked again
    plain.answer("Peak SUDS, 0 to 100:", "55")
    plain.expect("Saved your exposure.")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [exposure] = saved(root, EXPOSURES_TABLE, Exposure)
    assert (exposure.before, exposure.peak, exposure.end, exposure.minutes) == (50, 55, 10, 20)
    assert exposure.notes == "Notes " + HOSTILE["emoji"]


def test_plan_and_report(root: Path) -> None:
    with Store.open(root / "data") as store:
        Repository(store, PLAN_TABLE, Assignment).add(
            Assignment(
                kind=Kind.JOURNAL, minutes=10, note=HOSTILE["markup"], start=date(2020, 1, 6)
            )
        )
        Singleton(store, "plan_info", PlanInfo, PlanInfo).save(PlanInfo(therapist="Dr Rivka"))
    report = root / "home" / "report.md"
    report.parent.mkdir()
    plain = Plain(root, HOME=str(root / "home"))
    plain.answer(MENU, "plan")
    plain.expect("1. Journal")
    plain.expect(HOSTILE["markup"])
    plain.answer(MENU, "report")
    plain.answer("Where to save it (Enter for ~/homework-report-", "~/report.md")
    plain.expect("Saved the report for your next session. It is in:")
    plain.expect(str(report)[:60])
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert report.stat().st_mode & 0o777 == 0o600
