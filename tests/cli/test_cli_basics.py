"""The console script's own words: --version, --help, doctor."""

from __future__ import annotations

import os

from homework_tui import __version__
from homework_tui.store import Store


def test_version_and_help(cli) -> None:
    assert cli("--version").stdout.strip() == f"homework-tui {__version__}"
    helped = cli("--help")
    assert helped.returncode == 0
    for command in ("doctor", "export", "import"):
        assert command in helped.stdout


def test_unknown_command_is_a_clear_error(cli) -> None:
    run = cli("fly")
    assert run.returncode == 2 and "invalid choice" in run.stderr


def test_doctor_tells_the_truth_about_data_and_sound(cli) -> None:
    fresh = cli("doctor")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "Data: no data yet" in fresh.stdout
    assert "Speech:" in fresh.stdout and "Sound output:" in fresh.stdout
    with Store.open(cli.data) as store:
        store.table("notes").insert({"id": "a", "text": "x"})
        held = cli("doctor")
        assert "lock: held by process" in held.stdout
    run = cli("doctor")
    assert "records: 1 in 1 tables; data version 1" in run.stdout
    assert "private to you" in run.stdout
    os.chmod(cli.data, 0o755)
    loose = cli("doctor")
    assert "others on this computer may read it" in loose.stdout and "chmod 700" in loose.stdout
    assert loose.returncode == 0


def test_doctor_fails_on_damaged_data_with_a_fix(cli) -> None:
    Store.open(cli.data).close()
    (cli.data / "homework.json").write_text("{ damaged")
    run = cli("doctor")
    assert run.returncode == 1
    assert "✗ Data" in run.stdout and "Fix:" in run.stdout and "Traceback" not in run.stdout


def test_doctor_says_when_the_data_folder_is_a_file(cli, tmp_path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    run = cli("doctor", data_dir=a_file)
    assert run.returncode == 1
    assert "is a file, not a folder" in run.stdout and "--data-dir" in run.stdout
