"""What the person sees when their data cannot be opened as usual, and what each choice does.

Each start-up problem has its own small dialog (`problems.py`, `passphrases.py`): a `ModalScreen`
that dismisses with the person's answer and whose `then(answer)` does what they chose.
`problem_dialog` picks the one for an error; `damaged_dialog` is the notice about a damaged file
set aside earlier; `restore_from` makes a backup the current data. Nothing here ever shows a
traceback or changes data the person did not ask to change.
"""

from __future__ import annotations

from homework_tui.ui.startup.choose import problem_dialog
from homework_tui.ui.startup.damaged import damaged_dialog
from homework_tui.ui.startup.restoring import QUIT_CODE, RestoreFailed, restore_from

__all__ = ["QUIT_CODE", "RestoreFailed", "damaged_dialog", "problem_dialog", "restore_from"]
