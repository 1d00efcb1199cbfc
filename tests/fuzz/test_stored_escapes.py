"""A data file written by something other than homework-tui (a hand edit, an old version, a
tampered copy) with terminal escapes in every text, and values of the wrong type: `today`, `plan
show` and the Markdown report print no raw escape, and the app shows every section without one
and without crashing. (Import refuses such records; this is the data file itself.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.base import now
from homework_tui.model.distortions import OwnDistortion
from homework_tui.model.experiment import Experiment
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff, PlanInfo
from homework_tui.model.relaxation import RelaxationSession
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Store
from homework_tui.store.codec import to_doc
from tests.fuzz.conftest import Runner
from tests.fuzz.strategies import assert_terminal_safe
from tests.fuzz.ui import app_on, assert_healthy, run, wait_screen

ATTACK = "\x1b]0;pwned\x07\x1b[2J\x9b31m[bold]x[/bold]\x00 [/] [link=x]y[/link] [@click=app.quit]q"
MARK = "MARK"


def poisoned(value: Any) -> Any:
    """`value` (a document) with every MARK in its text replaced by the attack."""
    if isinstance(value, str):
        return value.replace(MARK, ATTACK)
    if isinstance(value, list):
        return [poisoned(v) for v in value]
    if isinstance(value, dict):
        return {k: poisoned(v) for k, v in value.items()}
    return value


def write_poisoned(folder: Path) -> None:
    ladder, step = Ladder(name=MARK, goal=MARK).with_step(MARK, 40)
    plan = Assignment(kind="other", title=MARK, note=MARK, start=date(2020, 1, 1))  # type: ignore[arg-type]
    records: dict[str, list[Any]] = {
        "journal": [JournalEntry(title=MARK, text=MARK, tags=(MARK,))],
        "thought_records": [
            ThoughtRecord(
                situation=MARK,
                moods=(Mood(name=MARK, before=80, after=30),),
                thoughts=(AutomaticThought(text=MARK, hot=True),),
                evidence_for=MARK,
                evidence_against=MARK,
                balanced_thought=MARK,
                own_distortions=(MARK,),
            )
        ],
        "own_distortions": [OwnDistortion(name=MARK + " own", hint=MARK)],
        "ladders": [ladder],
        "exposures": [
            Exposure(
                ladder_id=ladder.id,
                step_id=step.id,
                step_description=MARK,
                started_at=now(),
                peak=60,
                end=20,
                notes=MARK,
                safety_behaviours=(MARK,),
            )
        ],
        "experiments": [Experiment(belief=MARK, what=MARK), Experiment(belief=MARK, outcome=MARK)],
        "relaxation_sessions": [
            RelaxationSession(pattern=MARK, title=MARK, note=MARK, minutes=5, tension_before=60)
        ],
        "plan": [plan],
        "plan_checkoffs": [Checkoff(assignment_id=plan.id, day=date.today(), note=MARK)],
    }
    batch: dict[str, list[tuple[str, dict[str, Any] | None]]] = {
        table: [(r.id, poisoned(to_doc(r))) for r in found] for table, found in records.items()
    }
    batch["journal"].append(
        (
            "wrong-types",
            {
                "id": "wrong-types",
                "title": 5,
                "text": ["x"],
                "created_at": now().isoformat(),
                "updated_at": now().isoformat(),
            },
        )
    )
    batch["safety"] = [
        (
            "safety",
            poisoned(
                to_doc(
                    SafetyPlan(
                        contacts=(CrisisContact(name=MARK, number=MARK, note=MARK),),
                        crisis_line=CrisisContact(name=MARK, number=MARK),
                    )
                )
            ),
        )
    ]
    batch["plan_info"] = [("plan_info", poisoned(to_doc(PlanInfo(title=MARK, therapist=MARK))))]
    with Store.open(folder) as store:
        store.write_batch(batch)
    on_disk = b"".join(p.read_bytes() for p in folder.glob("homework.json*") if p.is_file())
    assert b"\\u001b]0;pwned" in on_disk  # the attack is in the file, as JSON keeps it


@pytest.fixture(scope="module")
def poisoned_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("poisoned") / "data"
    write_poisoned(folder)
    return folder


def test_the_command_line_prints_no_stored_escape(run: Runner, poisoned_folder: Path) -> None:
    for argv in (
        ["today"],
        ["plan", "show"],
        ["export", "--format", "markdown", "--full-text", "--since", "2000-01-01"],
        ["export", "--format", "markdown", "--since", "2000-01-01"],
    ):
        code, out, err = run(*argv, data=poisoned_folder)  # Runner checks both streams
        assert code == 0, (argv, err)
        # The text is there, made harmless; the escape sequences went whole (the window title
        # an OSC sequence carried is no text a person saw).
        assert "@click=app.quit" in out or argv[0] == "today", argv
        assert "pwned" not in out and "[31m" not in out, argv


def test_every_section_shows_no_stored_escape(poisoned_folder: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(poisoned_folder, folder)

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            assert_healthy(app, "(Today)")
            for key, screen in (
                ("thoughts", "ThoughtRecordsScreen"),
                ("journal", "JournalScreen"),
                ("experiments", "ExperimentsScreen"),
                ("exposure", "ExposureScreen"),
                ("plan", "PlanScreen"),
                ("relax", "RelaxScreen"),
            ):
                app.open_section(key)
                await wait_screen(pilot, screen)
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert_healthy(app, f"({screen})")
                if screen in ("JournalScreen", "ThoughtRecordsScreen", "ExperimentsScreen"):
                    await pilot.press("enter")  # open the first record
                    await pilot.pause(0.3)
                    assert_healthy(app, f"(a record opened from {screen})")
                    await pilot.press("escape")
                    await pilot.pause(0.2)
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")
            assert_healthy(app, "(Help now)")
            assert_terminal_safe(str(app.title) + str(app.sub_title), "(window title)")

    run(session)
