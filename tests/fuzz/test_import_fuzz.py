"""`homework-tui import` fed backups made by `export` (with hostile text in every kind of record)
and backups damaged in every way a hand or a bad disk might: a valid file comes back exactly (the
export after import holds the same records, every one loads); a file that is not valid is refused
with one clear message and changes nothing on disk; nothing imported can stop the data opening or
leave a record the app cannot read."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from homework_tui.model.distortions import OwnDistortion
from homework_tui.model.draft import Draft
from homework_tui.model.experiment import Experiment
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff, PlanInfo
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.model.settings import Settings
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Repository, Singleton, Store, schema
from homework_tui.store.backup_io import RECORD_MODELS
from tests.fuzz.conftest import Runner
from tests.fuzz.strategies import MEGABYTE, NASTY, expected_line, expected_text, text
from tests.hypothesis_profiles import examples

RECORDS: dict[str, type] = {
    "journal": JournalEntry,
    "thought_records": ThoughtRecord,
    "own_distortions": OwnDistortion,
    "ladders": Ladder,
    "exposures": Exposure,
    "experiments": Experiment,
    "relaxation_sessions": RelaxationSession,
    "plan": Assignment,
    "plan_checkoffs": Checkoff,
    "drafts": Draft,
}
SINGLES: dict[str, type] = {
    "settings": Settings,
    "safety": SafetyPlan,
    "plan_info": PlanInfo,
    "relax_choice": RelaxChoice,
    "exposure_settings": ExposureSettings,
}


def fill(folder: Path, words: list[str]) -> None:
    """One record of every kind, each text field holding one of `words` (made valid: a word the
    model refuses, such as an empty name, is replaced); the first word, which may be a megabyte,
    goes in whole into a journal entry, a thought record's situation and a draft."""
    w = [word if expected_line(word) and len(word) < 60 else "x" for word in words]
    long = words[0] if expected_text(words[0]).strip() else "long"
    with Store.open(folder) as store:

        def add(table: str, record: Any) -> Any:
            return Repository(store, table, type(record)).add(record)

        add("journal", JournalEntry(title=w[0], text=long, mood=3, tags=("tag",)))
        trashed = add("journal", JournalEntry(title="gone", text=w[1]))
        Repository(store, "journal", JournalEntry).delete(trashed.id)
        add(
            "thought_records",
            ThoughtRecord(
                situation=long,
                moods=(Mood(name=w[1], before=80, after=40),),
                thoughts=(AutomaticThought(text=w[2], hot=True),),
                evidence_for=w[3],
                evidence_against=w[0],
                balanced_thought=w[4],
                balanced_belief=60,
                own_distortions=(w[5],),
            ),
        )
        add("own_distortions", OwnDistortion(name=w[5] + " mine", hint=w[0]))
        ladder, step = Ladder(name=w[1], goal=w[0]).with_step(w[2], 40)
        add("ladders", ladder)
        from homework_tui.model.base import now

        add(
            "exposures",
            Exposure(
                ladder_id=ladder.id,
                step_id=step.id,
                step_description=w[2],
                started_at=now(),
                peak=60,
                end=20,
                notes=w[0],
                safety_behaviours=(w[3],),
            ),
        )
        add("experiments", Experiment(belief=w[0], what=w[3], outcome=w[1], learned=w[2]))
        add("relaxation_sessions", RelaxationSession(pattern="box", note=w[2], tension_before=50))
        assignment = add("plan", Assignment(kind="other", title=w[0], note=w[1]))  # type: ignore[arg-type]
        add("plan_checkoffs", Checkoff(assignment_id=assignment.id, day=date.today(), note=w[1]))
        add("drafts", Draft(form="journal", fields={"title": w[0], "text": long}))
        for table, value in (
            ("settings", Settings(voice=w[1])),
            ("safety", SafetyPlan(contacts=(CrisisContact(name=w[0], number=w[1], note=w[2]),))),
            ("plan_info", PlanInfo(title=w[3], therapist=w[4])),
            ("relax_choice", RelaxChoice(session="box")),
            ("exposure_settings", ExposureSettings(safety_behaviours=(w[5],))),
        ):
            Singleton(store, table, type(value), type(value)).save(value)


def everything(folder: Path) -> dict[str, Any]:
    """Every record and one-document value in `folder`, as the app reads them (and the trash)."""
    found: dict[str, Any] = {}
    with Store.open(folder, read_only=True) as store:
        for table, cls in RECORDS.items():
            repo = Repository(store, table, cls)
            found[table] = sorted(repo.all(), key=lambda r: r.id)
            found[table + " trash"] = sorted(repo.trash(), key=lambda r: r.id)
            assert repo.unreadable == [], f"{table}: {repo.unreadable}"
        for table, cls in SINGLES.items():

            def unreadable() -> Any:
                raise AssertionError(f"{table} did not load")

            if table in store.storage.read():
                found[table] = Singleton(store, table, cls, unreadable).load()
    return found


def data_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("homework.json*")) if p.is_file()}


def tables_of(backup: bytes) -> dict[str, list[dict[str, Any]]]:
    tables = orjson.loads(backup)["tables"]
    return {name: sorted(docs, key=lambda d: str(d.get("id"))) for name, docs in tables.items()}


def test_every_table_the_app_keeps_is_checked_on_import() -> None:
    assert set(RECORD_MODELS) >= set(RECORDS) | set(SINGLES)


@settings(max_examples=examples(2))
@given(words=st.lists(text, min_size=6, max_size=6))
@example(words=[MEGABYTE, *NASTY[:5]])
@example(words=NASTY[5:] + NASTY[:1])
def test_a_backup_comes_back_exactly(
    run: Runner, tmp_path_factory: pytest.TempPathFactory, words: list[str]
) -> None:
    root = tmp_path_factory.mktemp("backup")
    source, target = root / "source", root / "target"
    fill(source, words)
    backup = root / "backup.json"
    assert run("export", f"--out={backup}", data=source)[0] == 0
    code, out, _ = run("import", str(backup), data=target)
    assert code == 0, out
    assert everything(target) == everything(source)
    again = root / "again.json"
    assert run("export", f"--out={again}", data=target)[0] == 0
    assert tables_of(again.read_bytes()) == tables_of(backup.read_bytes())
    before = data_files(target)
    code, out, _ = run("import", str(backup), data=target)
    assert code == 0 and " 0 added, 0 updated" in out
    assert data_files(target) == before


# -- damaged backups ---------------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**64 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        text,
        st.sampled_from(NASTY),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)),
    max_leaves=6,
)
BAD_STAMPS = ["2025-01-01T00:00:00", "not a time", "9999-12-31T23:59:59+00:00", "", "٢٠٢٥-٠١-٠١"]


@st.composite
def damage(draw: st.DrawFn) -> tuple[str, Any]:
    """What to do to a valid backup: a path into it and the value to put there."""
    how = draw(
        st.sampled_from(
            ["field", "field", "field", "id", "stamp", "table", "meta", "doc", "top", "trash"]
        )
    )
    table = draw(st.sampled_from(sorted(RECORDS) + sorted(SINGLES)))
    if how == "field":
        return how, (
            table,
            draw(
                st.sampled_from(
                    [
                        "title",
                        "text",
                        "mood",
                        "name",
                        "note",
                        "situation",
                        "moods",
                        "steps",
                        "peak",
                        "started_at",
                        "kind",
                        "frequency",
                        "fields",
                        "contacts",
                        "speech_rate",
                        "theme",
                        "minutes",
                        "tags",
                        "belief_rating",
                        "readings",
                        "created_at",
                        "updated_at",
                    ]
                )
            ),
            draw(json_values),
        )
    if how == "id":
        return how, (table, draw(st.one_of(json_values, st.sampled_from(NASTY))))
    if how == "stamp":
        return how, (table, draw(st.sampled_from(BAD_STAMPS)))
    if how == "table":
        return how, (
            draw(st.one_of(text, st.sampled_from(["", "_meta", "journal"]))),
            draw(json_values),
        )
    if how == "meta":
        return how, draw(st.sampled_from([999, 0, -1, "1", None]))
    if how == "doc":
        return how, (table, draw(json_values))
    if how == "trash":
        return how, (table, draw(st.one_of(json_values, st.sampled_from(BAD_STAMPS))))
    return how, (
        draw(st.sampled_from(["format", "schema_version", "tables", "app_version"])),
        draw(json_values),
    )


def damaged(payload: dict[str, Any], change: tuple[str, Any]) -> dict[str, Any]:
    payload = copy.deepcopy(payload)
    how, what = change
    tables = payload["tables"]
    if how in ("field", "id", "stamp", "doc", "trash"):
        table = what[0]
        docs = tables.get(table) or [{"id": table}]
        tables[table] = docs
        if how == "field":
            docs[0][what[1]] = what[2]
        elif how == "id":
            docs[0]["id"] = what[1]
        elif how == "stamp":
            docs[0]["updated_at"] = what[1]
        elif how == "trash":
            docs[0]["_trashed_at"] = what[1]
        else:
            docs.append(what[1])
    elif how == "table":
        tables[what[0]] = what[1]
    elif how == "meta":
        tables["_meta"] = [{"id": "schema", "version": what}]
    else:
        payload[what[0]] = what[1]
    return payload


@pytest.fixture(scope="module")
def valid_backup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from homework_tui.store.backup_io import export_bytes

    folder = tmp_path_factory.mktemp("valid") / "data"
    fill(folder, ["Ana", "[b]x[/b]", "مرحبا", "e\u0301", "👨‍👩‍👧‍👦", "own"])
    with Store.open(folder, read_only=True) as store:
        return orjson.loads(export_bytes(store))  # type: ignore[no-any-return]


@settings(max_examples=examples(13))
@given(change=damage())
@example(change=("meta", 999))
@example(change=("field", ("settings", "theme", "\x1b]0;pwned\x07")))
@example(change=("field", ("journal", "title", 5)))
@example(change=("field", ("journal", "mood", 999)))
@example(change=("stamp", ("journal", "2099-01-01T00:00:00")))
@example(change=("trash", ("journal", "not a time")))
@example(change=("field", ("journal", "created_at", "2025-01-01T00:00:00")))
@example(change=("field", ("journal", "text", "\x1b]0;pwned\x07")))
def test_a_damaged_backup_is_refused_or_harmless(
    run: Runner,
    valid_backup: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
    change: tuple[str, Any],
) -> None:
    root = tmp_path_factory.mktemp("damaged")
    folder = root / "data"
    fill(folder, ["mine", "b", "c", "d", "e", "f"])
    mine = everything(folder)
    before = data_files(folder)
    path = root / "backup.json"
    path.write_bytes(orjson.dumps(damaged(valid_backup, change), option=orjson.OPT_NON_STR_KEYS))
    code, out, err = run("import", str(path), data=folder)
    if code != 0:
        assert code == 1 and err.startswith("homework-tui: ") and err.count("\n") == 1, err
        assert data_files(folder) == before, "a refused import changed the data"
        return
    after = everything(folder)  # every record loads (no table left unreadable)
    for table, records in mine.items():  # and nothing of mine is lost
        if isinstance(records, list):
            assert {r.id for r in records} <= {r.id for r in after[table]} | {
                r.id for r in after.get(table.replace(" trash", ""), [])
            } | {r.id for r in after.get(table + " trash", [])}
    with Store.open(folder, read_only=True) as store:
        assert store.schema_version == schema.CURRENT_VERSION
    assert run("today", data=folder)[0] == 0
    assert run("export", "--format=markdown", "--since=2000-01-01", data=folder)[0] == 0


@settings(max_examples=examples(10))
@given(
    body=st.one_of(
        st.binary(max_size=300),
        json_values.map(orjson.dumps),
        text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    )
)
@example(body=b"\x00\xff\x1b]0;pwned\x07")
@example(body=b'{"format": "homework-tui-backup", "schema_version": 1, "tables": {"\x1b[2J": 5}}')
@example(body=b"")
def test_garbage_is_refused_and_changes_nothing(
    run: Runner, tmp_path_factory: pytest.TempPathFactory, body: bytes
) -> None:
    root = tmp_path_factory.mktemp("garbage")
    folder = root / "data"
    fill(folder, ["a", "b", "c", "d", "e", "f"])
    before = data_files(folder)
    path = root / "garbage.json"
    path.write_bytes(body)
    code, _, err = run("import", str(path), data=folder)
    assert code == 1 and err.startswith("homework-tui: ")
    assert data_files(folder) == before
