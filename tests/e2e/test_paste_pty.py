"""End to end, real bytes: the installed console script in tmux, given bytes exactly as a terminal
sends them (`send-keys -H`: tmux writes them unchanged to the app's pty). A bracketed paste holding
escape sequences, an OSC 52 clipboard write, BEL or Ctrl+Q is one paste, kept in order and cleaned
(the person told so), and the app goes on running; emoji typed byte by byte keep their joiners."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Store
from tests.e2e.test_tmux import SCRIPT, Terminal, pytestmark  # noqa: F401 (e2e marks)

START, END = b"\x1b[200~", b"\x1b[201~"
TAB, SHIFT_TAB = b"\t", b"\x1b[Z"


class App:
    """The app on a fresh data folder in a tmux pane, and the bytes sent to it."""

    def __init__(self, terminal: Terminal, folder: Path) -> None:
        self.terminal = terminal
        self.data = folder / "data"
        self.exit_file = folder / "exit-code"

    def start(self) -> None:
        command = (
            f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{self.data}'; "
            f"echo $? > '{self.exit_file}'; sleep 60"
        )
        self.terminal.start(command, 100, 30)
        self.terminal.wait_for("Your homework")

    def send(self, data: bytes) -> None:
        """`data` written to the app's terminal as it is, in one go."""
        self.terminal.tmux("send-keys", "-t", self.terminal.name, "-H", *(f"{b:02x}" for b in data))

    def send_byte_by_byte(self, data: bytes) -> None:
        """`data` written one byte per write, as a slow terminal (or ssh) may deliver typing."""
        for byte in data:
            self.send(bytes([byte]))

    def cursor_row(self) -> int:
        return int(self.terminal.tmux("display", "-p", "-t", self.terminal.name, "#{cursor_y}"))

    def move_focus(self, key: bytes) -> None:
        """Send Tab or Shift+Tab and wait until the focus has moved (the terminal's cursor, which
        Textual puts in the focused box, changes row): a key sent at once after Tab can still
        reach the box that had the focus."""
        row = self.cursor_row()
        self.send(key)
        deadline = time.monotonic() + 10
        while self.cursor_row() == row:
            assert time.monotonic() < deadline, f"the focus did not move:\n{self.terminal.screen()}"
            time.sleep(0.05)

    def new_journal_entry(self, title: str) -> None:
        self.send(b"j")
        self.terminal.wait_for("New entry")
        self.send(b"n")
        self.terminal.wait_for("new entry")
        self.send(title.encode())
        self.terminal.wait_for(title)
        self.move_focus(TAB)  # to the writing box

    def save_and_read(self) -> JournalEntry:
        self.send(b"\x13")  # Ctrl+S
        self.terminal.wait_for("Journal entry saved")
        assert self.running(), "the app ended"
        with Store.open(self.data, read_only=True) as store:
            entries = Repository(store, "journal", JournalEntry).all()
        assert len(entries) == 1, entries
        return entries[0]

    def running(self) -> bool:
        return not self.exit_file.exists() and "Traceback" not in self.terminal.screen()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    socket = f"homework-paste-{uuid.uuid4().hex[:8]}"
    yield App(Terminal(socket, "app"), tmp_path)
    subprocess.run(
        ["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10, check=False
    )


PASTES = {
    "colour": (b"A\x1b[31mRED\x1b[0mB", "AREDB"),
    "osc52-and-bel": (b"C\x1b]52;c;SGVsbG8gdGhlcmU=\x07D\x07E", "CDE"),
    "esc-then-ctrl-q": (b"F\x1b\x11G\x11H", "FGH"),
}


@pytest.mark.parametrize("pasted, kept", list(PASTES.values()), ids=list(PASTES))
def test_a_paste_holding_terminal_codes_is_kept_in_order_cleaned_and_said(
    app: App, pasted: bytes, kept: str
) -> None:
    app.start()
    app.new_journal_entry("Pasted")
    app.send(b"<" + START + pasted + END + b">")  # typed, pasted, typed
    app.terminal.wait_for(f"<{kept}>")
    app.terminal.wait_for("Some invisible control characters")  # the person is told
    assert app.running(), "a byte of the paste acted as a key"
    entry = app.save_and_read()
    assert (entry.title, entry.text) == ("Pasted", f"<{kept}>")


FAMILY = "👨\u200d👩\u200d👧"
TYPED = f"{FAMILY} 🫨 a\u00a0b 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
"""A ZWJ family, an emoji newer than Python 3.11's Unicode tables, a no-break space, and a flag
made of tag characters: all characters Textual's boxes would drop when typed."""


def test_emoji_typed_byte_by_byte_keep_their_joiners(app: App) -> None:
    app.start()
    app.new_journal_entry("Family")
    app.send_byte_by_byte(TYPED.encode() + b" done")
    app.terminal.wait_for("done")
    app.move_focus(SHIFT_TAB)  # back to the title, at its end
    app.send_byte_by_byte(f" {FAMILY} end".encode())
    app.terminal.wait_for("end")
    entry = app.save_and_read()
    assert entry.text == f"{TYPED} done"
    assert entry.title == f"Family {FAMILY} end"


def test_a_paste_where_no_box_takes_text_is_no_keys(app: App) -> None:
    """On Today, `q` and Ctrl+Q quit: pasted (after an ESC, where Textual alone turned the rest
    of a paste into keys), they do nothing, and the next key typed works."""
    app.start()
    app.send(START + b"\x1b[31mq\x11\x07" + END)
    app.send(b"j")  # handled after the paste
    app.terminal.wait_for("New entry")
    assert app.running()
