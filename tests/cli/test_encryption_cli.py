"""`homework-tui encrypt` / `decrypt` as a person runs them (passphrases piped on stdin here)."""

from __future__ import annotations


from homework_tui.store import Repository, Store
from tests.cli.test_backup_cli import Note


def test_encrypt_export_change_and_decrypt(cli) -> None:
    with Store.open(cli.data) as store:
        Repository(store, "notes", Note).add(Note(text="Marguerite's number"))
    run = cli("encrypt", stdin="hunter2hunter2\nhunter2hunter2\n")
    assert run.returncode == 0, run.stderr
    assert "no way to recover it" in run.stderr and "now encrypted" in run.stdout
    for path in cli.data.rglob("homework.json*"):
        assert b"Marguerite" not in path.read_bytes()
    doctor = cli("doctor")
    assert doctor.returncode == 0 and "encrypted and private" in doctor.stdout

    wrong = cli("export", stdin="not it\n")
    assert wrong.returncode == 1 and "does not open your data" in wrong.stderr
    exported = cli("export", stdin="hunter2hunter2\n")
    assert "Marguerite's number" in exported.stdout

    changed = cli("encrypt", stdin="hunter2hunter2\nnew passphrase\nnew passphrase\n")
    assert changed.returncode == 0 and "Passphrase changed" in changed.stdout
    assert cli("export", stdin="hunter2hunter2\n").returncode == 1

    plain = cli("decrypt", stdin="new passphrase\n")
    assert plain.returncode == 0, plain.stderr
    with Store.open(cli.data) as store:
        assert Repository(store, "notes", Note).all()[0].text == "Marguerite's number"


def test_bad_new_passphrases_change_nothing(cli) -> None:
    Store.open(cli.data).close()
    before = (cli.data / "homework.json").read_bytes()
    short = cli("encrypt", stdin="short\nshort\n")
    assert short.returncode == 1 and "at least 8 characters" in short.stderr
    differ = cli("encrypt", stdin="long enough\nsomething else\n")
    assert differ.returncode == 1 and "differ" in differ.stderr
    empty = cli("encrypt", stdin="")
    assert empty.returncode == 1 and "no passphrase" in empty.stderr
    assert (cli.data / "homework.json").read_bytes() == before
    assert "not encrypted" in cli("decrypt").stdout
