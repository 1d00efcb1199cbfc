"""Relax in plain mode: `homework-tui --plain breathe` prints each phase word and spoken line with
its time, rings the bell at phases when set, asks the ratings as lines, ends by itself and logs
the session; and its load on a slow link, over a whole five-minute box session."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.model.settings import Settings
from homework_tui.plain.relax.lines import SessionLines
from homework_tui.store import Singleton, Store
from homework_tui.store.activities import RELAXATION_TABLE
from tests.plain.conftest import saved
from tests.plain.driver import Plain

BOX_START = ["0:00 Breathe in", "0:04 Hold", "0:08 Breathe out", "0:12 Hold", "0:16 Breathe in"]
TIMED_LINE = re.compile(r"^\d+:\d\d \S")
TARGET_BYTES_PER_SECOND = 50


@pytest.mark.timeout(200)
def test_a_plain_box_session_prints_timed_lines_rings_the_bell_and_is_logged(root: Path) -> None:
    with Store.open(root / "data") as store:
        Singleton(store, "settings", Settings, Settings).save(Settings(bell_on_phase=True))
    # the cyclic sigh: the shortest breathing session (one and a half minutes; box needs two)
    plain = Plain(root, "--plain", "breathe", "--pattern", "sigh", "--minutes", "1.5", echo=True)
    plain.answer("Before you start: How tense do you feel", "250")
    plain.expect("Tension is 250; it goes from 0 to 100.")  # the model's message, asked again
    plain.answer("How tense do you feel", "60")
    plain.expect("Starting.")
    began = time.monotonic()
    plain.expect("The session has ended.", timeout=150)  # by itself, with no key pressed
    seconds = time.monotonic() - began
    session_bytes = len(plain.output)
    plain.answer("Now: How tense do you feel", "25")
    plain.expect("Saved your session: Cyclic sigh")
    assert plain.finish() == 0

    output = plain.output
    assert b"\x1b" not in output
    lines = output.decode("utf-8").replace("\x07", "").replace("\r\n", "\n").split("\n")
    timed = [line for line in lines if TIMED_LINE.match(line)]
    words = ("Breathe in", "A little more in", "Breathe out")
    phase_lines = [line for line in timed if line.split(" ", 1)[1] in words]
    assert [line.split(" ", 1)[1] for line in phase_lines[:3]] == list(words)
    assert phase_lines[0] == "0:00 Breathe in"
    assert len(phase_lines) < len(timed)  # the spoken lines are there too, with their times
    assert all(len(line) <= 80 for line in lines)
    assert output.count(b"\x07") == len(phase_lines)  # the bell once at each phase, and only then
    print(f"plain box session in a pty: {session_bytes / seconds:.1f} bytes a second")
    assert session_bytes / seconds < TARGET_BYTES_PER_SECOND
    [logged] = saved(root, RELAXATION_TABLE, RelaxationSession)
    assert (logged.pattern, logged.tension_before, logged.tension_after) == ("sigh", 60, 25)
    assert logged.completed


@pytest.mark.timeout(120)
def test_a_five_minute_box_session_writes_under_50_bytes_a_second(tmp_path: Path) -> None:
    """The plain lines of a whole five-minute box session, read off its real timeline (speech
    by espeak-ng) ten times a second, as `plain.relax` reads the player's clock."""
    from audio.clock import Moment

    from homework_tui.services.relax_player import RelaxAudio

    audio = RelaxAudio(sound=False)
    try:
        session = audio.build(RelaxChoice(session="box", minutes=5, intro=False), Settings())
        timeline = session.resolve_all()
    finally:
        audio.close()
    rate = timeline.sample_rate
    practice_start = timeline.parts[1].start
    lines = SessionLines(rate, practice_start / rate)
    written: list[str] = []
    for tenth in range(int((timeline.frames - practice_start) / rate * 10) + 1):
        frame = practice_start + tenth * rate // 10
        stage, speech = timeline.stage_at(frame), timeline.speech_at(frame)
        moment = Moment(frame, frame / rate, stage, speech, None, 0.0, False, False)
        written += lines.look(moment)[0]
    seconds = (timeline.frames - practice_start) / rate
    assert seconds > 4 * 60  # five minutes with its introduction, which `breathe` leaves out
    assert written[: len(BOX_START)] == BOX_START
    per_second = sum(len(f"{line}\n".encode()) for line in written) / seconds
    print(f"plain box session, {seconds:.0f} s: {per_second:.1f} bytes a second")
    assert per_second < TARGET_BYTES_PER_SECOND
