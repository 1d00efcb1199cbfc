"""`homework-tui export` / `import`: a full backup out and merged back in, by record id."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from homework_tui.model.base import Entity
from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Store
from tests.hostile import JSON_VALUES


@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str


TRICKY = '[bold]not bold[/] 😀 "quoted", with\nnewline'


def test_export_then_import_into_a_new_folder_and_twice_adds_nothing(cli, tmp_path: Path) -> None:
    with Store.open(cli.data) as store:
        repo = Repository(store, "notes", Note)
        kept = repo.add(Note(text=TRICKY))
        trashed = repo.add(Note(text="in the trash"))
        repo.delete(trashed.id)
    out = tmp_path / "backup.json"
    run = cli("export", "--format", "json", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    payload = json.loads(out.read_text())
    assert payload["format"] == "homework-tui-backup"
    assert {d["text"] for d in payload["tables"]["notes"]} == {TRICKY, "in the trash"}

    other = tmp_path / "other"
    first = cli("import", str(out), data_dir=other)
    assert first.returncode == 0, first.stderr
    assert "2 added, 0 updated, 0 already here" in first.stdout
    second = cli("import", str(out), data_dir=other)
    assert "0 added, 0 updated, 2 already here" in second.stdout
    with Store.open(other) as store:
        repo = Repository(store, "notes", Note)
        assert repo.get(kept.id) == kept
        assert repo.get(trashed.id) is None and repo.trash()[0].id == trashed.id


def test_import_keeps_local_edits_unless_the_file_is_newer(cli, tmp_path: Path) -> None:
    with Store.open(cli.data) as store:
        note = Repository(store, "notes", Note).add(Note(text="original"))
    out = tmp_path / "backup.json"
    cli("export", "--out", str(out))
    with Store.open(cli.data) as store:
        Repository(store, "notes", Note).add(
            Note(id=note.id, created_at=note.created_at, text="edited since")
        )
    run = cli("import", str(out))
    assert "0 added, 0 updated, 1 already here" in run.stdout
    with Store.open(cli.data) as store:
        assert Repository(store, "notes", Note).get(note.id).text == "edited since"


def test_export_to_stdout_is_json(cli) -> None:
    run = cli("export")
    assert run.returncode == 0
    assert json.loads(run.stdout)["tables"] == {}


def test_bad_import_files_get_a_clear_message_and_change_nothing(cli, tmp_path: Path) -> None:
    with Store.open(cli.data) as store:
        Repository(store, "notes", Note).add(Note(text="kept"))
    cases = {
        "missing.json": None,
        "garbage.json": "{not json",
        "other.json": '{"hello": 1}',
        "newer.json": '{"format": "homework-tui-backup", "schema_version": 999, "tables": {}}',
        "text-version.json": '{"format": "homework-tui-backup", "schema_version": "1", '
        '"tables": {}}',
        "noid.json": '{"format": "homework-tui-backup", "schema_version": 1, '
        '"tables": {"notes": [{"text": "no id"}]}}',
    }
    for name, body in cases.items():
        path = tmp_path / name
        if body is not None:
            path.write_text(body)
        run = cli("import", str(path))
        assert run.returncode == 1, name
        assert run.stderr.startswith("homework-tui: "), name
        assert "Traceback" not in run.stderr, name
        assert ("newer" in run.stderr) == (name == "newer.json"), (name, run.stderr)
        if name == "text-version.json":
            assert "not a whole number ('1')" in run.stderr
    with Store.open(cli.data) as store:
        assert [n.text for n in Repository(store, "notes", Note).all()] == ["kept"]


def test_export_to_an_unwritable_path(cli) -> None:
    run = cli("export", "--out", "/nonexistent-folder/backup.json")
    assert run.returncode == 1 and "cannot write" in run.stderr and "Traceback" not in run.stderr


def files_in(folder: Path) -> dict[str, bytes]:
    """Every data file's bytes (not the lock, which names the last process that opened it)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }


HOSTILE_IMPORTS = {
    **JSON_VALUES,
    "1,000 nested arrays (under orjson's own limit)": "[" * 1000 + "]" * 1000,
    "a 100,000-character text": json.dumps("x" * 100_000),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_IMPORTS))
def test_a_hostile_value_in_a_backup_is_one_line_and_changes_nothing(
    cli, tmp_path: Path, case: str
) -> None:
    with Store.open(cli.data) as store:
        Repository(store, "journal", JournalEntry).add(JournalEntry(title="kept", text="x"))
    out = tmp_path / "backup.json"
    assert cli("export", "--out", str(out)).returncode == 0
    payload = json.loads(out.read_text())
    payload["tables"]["journal"].append(
        {**payload["tables"]["journal"][0], "id": "hostile", "mood": "HOSTILE"}
    )
    out.write_text(json.dumps(payload).replace('"HOSTILE"', HOSTILE_IMPORTS[case]))
    before = files_in(cli.data)
    run = cli("import", str(out))
    assert run.returncode == 1
    assert run.stderr.startswith(f"homework-tui: {out}"), run.stderr
    assert run.stderr.count("\n") == 1 and len(run.stderr) < 300, run.stderr
    assert files_in(cli.data) == before
