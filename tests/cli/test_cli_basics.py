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


def test_doctor_tells_the_truth_about_a_damaged_file_before_and_after_the_app(cli) -> None:
    from homework_tui.store import CorruptData
    from homework_tui.store.backups import damaged_files, keep_aside

    with Store.open(cli.data) as store:
        store.table("notes").insert({"id": "a", "text": "x"})
        store.back_up("quit")
    (cli.data / "homework.json").write_text("{ damaged")
    (cli.data / "homework.json.journal").unlink(missing_ok=True)
    before = cli("doctor")
    assert before.returncode == 1 and "✗ Data" in before.stdout
    assert "Nothing was moved or changed" in before.stdout and "moved aside" not in before.stdout
    assert "There is 1 backup" in before.stdout
    assert (cli.data / "homework.json").read_text() == "{ damaged"  # doctor changed nothing
    try:  # the app's first open sets it aside; then the person starts fresh and writes
        Store.open(cli.data)
    except CorruptData as error:
        assert "moved aside" in str(error)
    with Store.open(cli.data) as store:
        store.table("notes").insert({"id": "b", "text": "new"})
    after = cli("doctor")
    assert after.returncode == 0
    assert "! Data: a damaged data file was set aside" in after.stdout
    assert "✓ Data" not in after.stdout and "homework.json.corrupt-" in after.stdout
    assert "backups: 1, the newest" in after.stdout
    keep_aside(cli.data, damaged_files(cli.data))
    kept = cli("doctor")
    assert "✓ Data: readable and private" in kept.stdout
    assert "kept aside: 1 damaged file(s)" in kept.stdout


def test_doctor_fails_where_nothing_can_be_saved(cli) -> None:
    """A data folder on a read-only mount (real: a bind mount in a private mount namespace)."""
    import shutil
    import subprocess
    import sys

    import pytest

    with Store.open(cli.data) as store:
        store.table("notes").insert({"id": "a", "text": "x"})
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux)")
    data = str(cli.data)
    script = (
        f"mount --bind {data} {data} && mount -o remount,bind,ro {data} && "
        f"{sys.executable} -m homework_tui --data-dir {data} doctor"
    )
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        timeout=60,
    )
    if "Data:" not in run.stdout:
        pytest.skip(f"cannot make a read-only mount here: {run.stderr.strip()}")
    assert run.returncode == 1
    assert "✗ Data: readable, but nothing can be saved there: the disk is read-only" in run.stdout
    assert "readable and private" not in run.stdout


def test_messages_say_homework_tui_once_and_read_only_blames_no_other_window(cli, tmp_path) -> None:
    backup = tmp_path / "x.json"
    backup.write_text(
        '{"format": "homework-tui-backup", "schema_version": 1, "tables": {"notes": [{"id": "a"}]}}'
    )
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    run = cli("import", str(backup), data_dir=a_file / "data")
    assert run.returncode == 1 and run.stderr.startswith("homework-tui: The data folder")
    assert run.stderr.count("homework-tui") == 1, run.stderr
    refused = cli("--read-only", "import", str(backup))
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert "another window" not in refused.stderr
