"""One dialog per start-up problem (issue 18, point 3): each error gets its own small ModalScreen,
with the id the Pilot tests find it by, and answers a dialog does not act on quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen

from homework_tui.app import HomeworkApp
from homework_tui.store import CorruptData, DataLocked, NewerSchema, UnreadableFolder
from homework_tui.store.crypto import WrongPassphrase
from homework_tui.ui.startup import QUIT_CODE, RestoreFailed
from homework_tui.ui.startup.choose import dialog_for
from homework_tui.ui.startup.passphrases import PassphraseDialog
from homework_tui.ui.startup.problems import (
    CannotOpenDialog,
    CorruptDialog,
    CorruptElsewhereDialog,
    LockedDialog,
    RestoreFailedDialog,
)

DATA = Path("/tmp/hw-data/homework.json")


def _restore_failed(cause: Exception) -> RestoreFailed:
    try:
        raise RestoreFailed(Path("/tmp/hw-data/backups/b1.json"), "no") from cause
    except RestoreFailed as error:
        return error


CASES = [
    (WrongPassphrase(), False, PassphraseDialog, "passphrase"),
    (DataLocked(DATA), False, LockedDialog, "problem-locked"),
    (
        CorruptData(DATA, DATA.with_suffix(".bad"), [], "not JSON"),
        False,
        CorruptDialog,
        "problem-corrupt",
    ),
    (CorruptData(DATA, DATA, [], "not JSON"), True, CorruptElsewhereDialog, "problem-corrupt"),
    (_restore_failed(WrongPassphrase()), False, PassphraseDialog, "passphrase"),
    (_restore_failed(ValueError("bad")), False, RestoreFailedDialog, "problem-restore"),
    (NewerSchema(DATA, 9, 3), False, CannotOpenDialog, "problem-newer"),
    (
        UnreadableFolder(DATA.parent, PermissionError(13, "Permission denied")),
        False,
        CannotOpenDialog,
        "problem-folder",
    ),
    (RuntimeError("surprise"), False, CannotOpenDialog, "problem-other"),
]


@pytest.mark.parametrize(
    ("error", "read_only", "kind", "dialog_id"),
    CASES,
    ids=[type(c[0]).__name__ + ("-ro" if c[1] else "") for c in CASES],
)
def test_each_problem_has_its_own_dialog(
    tmp_path: Path, error: Exception, read_only: bool, kind: type, dialog_id: str
) -> None:
    dialog = dialog_for(HomeworkApp(tmp_path), error, read_only=read_only)
    assert type(dialog) is kind
    assert isinstance(dialog, ModalScreen)
    assert dialog.id == dialog_id


def test_an_answer_a_dialog_does_not_act_on_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = HomeworkApp(tmp_path)
    exits: list[int | None] = []
    monkeypatch.setattr(app, "exit", lambda return_code=0, **_: exits.append(return_code))
    opened: list[dict[str, object]] = []
    monkeypatch.setattr(app, "open_store", lambda **kwargs: opened.append(kwargs))
    dialog = dialog_for(app, _restore_failed(ValueError("bad")), read_only=False)
    dialog.then("quit")
    dialog.then(None)
    assert exits == [QUIT_CODE, QUIT_CODE] and opened == []
    dialog.then("fresh")
    assert opened == [{}]
    unexpected = dialog_for(app, RuntimeError("surprise"), read_only=False)
    unexpected.then("fresh")  # offered nothing but Quit
    assert exits == [QUIT_CODE] * 3
