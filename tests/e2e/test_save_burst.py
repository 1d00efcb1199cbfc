"""End to end (issue 13, point 1): in a real terminal, text sent in one burst and Ctrl+S sent at
once after it is saved whole, in the journal, a thought record and an experiment, short and
long (2,000+ characters). Read back through the store, every character compared."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from homework_tui.ui.experiments.experiment_data import experiments_repo
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.ui.thoughts.thought_data import records_repo
from homework_tui.store import Store
from tests.e2e.test_tmux import SCRIPT, Terminal, terminal  # noqa: F401 (the fixture)

pytestmark = pytest.mark.e2e

SHORT = "I felt better after the walk and then I slept well END2"
LONG = " ".join(f"word{n} is here, and it matters [b]{n}[/b] 😀" for n in range(70)) + " END3"

# section key, words that show once its form is open, keys before the text, stored text of a record
FORMS: dict[str, tuple[str, str, tuple[str, ...], Callable[[Store], list[str]]]] = {
    "journal": ("j", "no wrong way", ("Tab",), lambda s: [e.text for e in journal_repo(s).all()]),
    "thought record": (
        "t",
        "Step 1 of",
        (),
        lambda s: [r.situation for r in records_repo(s).all()],
    ),
    "experiment": (
        "e",
        "Before: the plan",
        (),
        lambda s: [x.belief for x in experiments_repo(s).all()],
    ),
}


def saved_texts(data: Path, read: Callable[[Store], list[str]]) -> list[str]:
    if not (data / "homework.json").exists():
        return []
    with Store.open(data, read_only=True) as store:
        return read(store)


@pytest.mark.parametrize("text", [SHORT, LONG], ids=["short", "long"])
@pytest.mark.parametrize("form", list(FORMS))
def test_burst_then_ctrl_s_saves_every_character(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
    form: str,
    text: str,
) -> None:
    assert len(LONG) > 2000
    section, shows, before, read = FORMS[form]
    data = tmp_path / "data"
    terminal.start(f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; sleep 30", 100, 30)
    terminal.wait_for("F2 Help now", line=29)
    terminal.keys(section)
    terminal.wait_for("n New")
    terminal.keys("n")
    terminal.wait_for(shows)
    # One burst: the keys into the writing box (a Tab moves focus before the next key is handed
    # on), the whole text, then Ctrl+S at once (no wait for anything to show).
    for key in before:
        terminal.tmux("send-keys", "-t", terminal.name, key)
    terminal.tmux("send-keys", "-t", terminal.name, "-l", text)
    terminal.tmux("send-keys", "-t", terminal.name, "C-s")
    text_saved = text

    end = time.monotonic() + 30
    texts = saved_texts(data, read)
    while text_saved not in texts and time.monotonic() < end:
        time.sleep(0.1)
        texts = saved_texts(data, read)
    longest = max((len(t) for t in texts), default=0)
    assert texts == [text_saved], (
        f"{form}: saved {longest} of {len(text_saved)} characters; screen:\n{terminal.screen()}"
    )
    assert "Traceback" not in terminal.screen()


def test_title_tab_text_ctrl_s_in_one_burst_keeps_each_field(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The issue's own steps: Journal, n, a title, Tab, the text and Ctrl+S sent at once. Before
    the fix the text landed at the end of the title in 4 of 4 tries."""
    data = tmp_path / "data"
    terminal.start(f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; sleep 30", 100, 30)
    terminal.wait_for("F2 Help now", line=29)
    terminal.keys("j")
    terminal.wait_for("n New")
    terminal.keys("n")
    terminal.wait_for("no wrong way")
    for step in (("-l", "My title"), ("Tab",), ("-l", SHORT), ("C-s",)):
        terminal.tmux("send-keys", "-t", terminal.name, *step)

    def entries() -> list[tuple[str, str]]:
        if not (data / "homework.json").exists():
            return []
        with Store.open(data, read_only=True) as store:
            return [(e.title, e.text) for e in journal_repo(store).all()]

    end = time.monotonic() + 30
    while not entries() and time.monotonic() < end:
        time.sleep(0.1)
    assert entries() == [("My title", SHORT)], terminal.screen()


def test_editing_keys_in_a_burst_act_in_the_order_typed(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Backspace, the arrows and End sent in one burst with the characters around them (a slow
    SSH link delivers typing in batches) act where they were typed: Textual ran a text box's own
    bindings only after the characters typed later, so `abc⌫⌫de` was saved as `abc`."""
    data = tmp_path / "data"
    terminal.start(f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; sleep 30", 100, 30)
    terminal.wait_for("F2 Help now", line=29)
    terminal.keys("j")
    terminal.wait_for("n New")
    terminal.keys("n")
    terminal.wait_for("no wrong way")
    title = ("a", "b", "c", "BSpace", "BSpace", "d", "e", "Left", "Left", "X", "End", "Y")
    text = ("-l", "helo wrld")
    fix = ("Left", "Left", "Left", "o", "Home", "Right", "Right", "Right", "l", "End", "!")
    for step in (title, ("Tab",), text, fix, ("C-s",)):
        terminal.tmux("send-keys", "-t", terminal.name, *step)

    def entries() -> list[tuple[str, str]]:
        if not (data / "homework.json").exists():
            return []
        with Store.open(data, read_only=True) as store:
            return [(e.title, e.text) for e in journal_repo(store).all()]

    end = time.monotonic() + 30
    while not entries() and time.monotonic() < end:
        time.sleep(0.1)
    # abc ⌫⌫ de → "ade", ←← X → "aXde", End Y → "aXdeY"; "helo wrld" ←←← o → "helo world",
    # Home →→→ l → "hello world", End ! → "hello world!".
    assert entries() == [("aXdeY", "hello world!")], terminal.screen()


def test_a_re_rating_typed_and_saved_in_one_burst_is_kept(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Step 8 of a thought record: "45" and Ctrl+S sent at once. The form read the re-rating
    from the box's Changed message, which had not reached it yet: "80 → –" was saved."""
    data = tmp_path / "data"
    terminal.start(f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; sleep 30", 100, 30)
    terminal.wait_for("F2 Help now", line=29)
    terminal.keys("t")
    terminal.wait_for("n New")
    terminal.keys("n")
    terminal.wait_for("Step 1 of")
    steps: list[tuple[tuple[str, ...], ...]] = [
        (("-l", "Team meeting"),),
        (("-l", "anxious"), ("Tab",), ("-l", "80")),
        (("-l", "They all think I'm incompetent"),),
        (),
        (("-l", "Nobody replied"),),
        (("-l", "Two people thanked me"),),
        (("-l", "Nobody replied yet, and two people thanked me"), ("Tab",), ("-l", "60")),
    ]
    for number, keys in enumerate(steps, start=1):
        for key in keys:
            terminal.tmux("send-keys", "-t", terminal.name, *key)
        terminal.tmux("send-keys", "-t", terminal.name, "PageDown")
        terminal.wait_for(f"Step {number + 1} of 8")
    terminal.tmux("send-keys", "-t", terminal.name, "4", "5", "C-s")  # one write to the terminal

    def afters() -> list[int | None]:
        if not (data / "homework.json").exists():
            return []
        with Store.open(data, read_only=True) as store:
            return [m.after for r in records_repo(store).all() for m in r.moods]

    end = time.monotonic() + 30
    while not afters() and time.monotonic() < end:
        time.sleep(0.1)
    assert afters() == [45], terminal.screen()
