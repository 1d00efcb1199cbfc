"""Playback: the silent wall-clock player, and real PortAudio paced by a JACK dummy server."""

from __future__ import annotations

import os
import threading
import time
from fractions import Fraction
from pathlib import Path

import pytest

from audio.clock import SilentPlayer
from audio.errors import DeviceError
from audio.plan import Part, Phase, Plan, Say, Silence
from audio.player import open_player, output_devices
from audio.session import Session, Speech
from audio.session_setup import build_session
from audio.voice import VoiceSettings
from tests.hand_clock import HandClock

RATE = 22050


def tiny_session(rate: int = RATE) -> Session:
    """Three short parts and no voice (speech lengths estimated): about 4.5 seconds."""
    plan = Plan(
        "tiny",
        "Tiny",
        (
            Part("intro", "Intro", (Say("Hello.", Fraction(1, 2)),)),
            Part(
                "practice", "Practice", (Phase("inhale", Fraction(1)), Phase("exhale", Fraction(1)))
            ),
            Part("closing", "Closing", (Silence(Fraction(3, 2)),)),
        ),
    )
    session = Session(plan, Speech(rate, VoiceSettings(), None), rate)
    session.resolve_first()
    return session


@pytest.mark.timeout(30)
def test_silent_player_keeps_time_by_its_clock():
    """Time moved by hand: frame-exact however slow the machine is."""
    clock = HandClock()
    player = open_player(tiny_session(), prefer_device=False, clock=clock)
    assert isinstance(player, SilentPlayer) and not player.audible and player.reason
    assert player.position == 0
    clock.advance(0.5)
    assert player.position == RATE // 2 and player.seconds == 0.5
    player.pause()
    frozen = player.position
    clock.advance(0.3)
    assert player.position == frozen and player.now().paused
    player.resume()
    clock.advance(0.2)
    assert player.position == frozen + round(0.2 * RATE)
    player.skip()  # to the practice part, from its first frame
    moment = player.now()
    assert moment.part.kind == "practice" and moment.stage.kind == "inhale"
    assert moment.frame == moment.part.start
    deadline = time.monotonic() + 10
    while not player.timeline.complete:  # laid out in the background (no voice: quickly)
        assert time.monotonic() < deadline, "the session was not laid out"
        time.sleep(0.01)
    assert not player.finished  # the clock has not moved on
    clock.advance(player.timeline.seconds)  # past the end: it stops there
    assert player.wait(10) and player.finished
    assert player.position == player.timeline.frames


@pytest.mark.timeout(30)
def test_silent_player_follows_the_wall_clock_by_default():
    session = tiny_session()
    started = time.monotonic()
    player = open_player(session, prefer_device=False)
    assert player.clock is time.monotonic
    deadline = started + 10
    while player.position == 0:  # a busy machine slows it, never stops it
        assert time.monotonic() < deadline, "the silent player's clock did not move"
        time.sleep(0.01)
    assert player.seconds <= time.monotonic() - started + 1 / RATE
    player.stop()
    assert player.finished


@pytest.mark.timeout(30)
def test_silent_player_stop_and_skip_past_the_end():
    player = open_player(tiny_session(), prefer_device=False)
    player.skip()
    player.skip()
    assert player.now().part.kind == "closing"
    player.skip()  # the last part: the session ends
    assert player.finished
    again = open_player(tiny_session(), prefer_device=False)
    again.stop()
    assert again.finished


@pytest.mark.timeout(30)
def test_no_device_means_a_silent_player_that_says_why(monkeypatch):
    monkeypatch.setenv("JACK_DEFAULT_SERVER", f"no-such-server-{os.getpid()}")
    if output_devices():
        pytest.skip("this computer has a sound output device")
    player = open_player(tiny_session())
    assert isinstance(player, SilentPlayer) and "no audio output device" in player.reason
    player.stop()
    with pytest.raises(DeviceError, match="no audio output device"):
        open_player(tiny_session(), require_device=True)
    with pytest.raises(DeviceError):
        open_player(tiny_session(), device="no-such-device")


def until(condition, timeout: float = 10.0, what: str = "") -> None:
    """Poll `condition()` until true; fail after `timeout` seconds (a busy machine makes it
    take longer, never fail)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what or condition}"
        time.sleep(0.01)


def until_or_not(condition, timeout: float) -> bool:
    """Poll `condition()` for up to `timeout` seconds; whether it came true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def still(value, for_seconds: float = 0.2, timeout: float = 10.0):
    """Wait until `value()` has not changed for `for_seconds`; return it."""
    deadline = time.monotonic() + timeout
    last, since = value(), time.monotonic()
    while time.monotonic() - since < for_seconds:
        assert time.monotonic() < deadline, f"still changing: {last!r}"
        time.sleep(0.01)
        now = value()
        if now != last:
            last, since = now, time.monotonic()
    return last


def clock_reading(player) -> tuple[int, float]:
    """(session frame, wall time) read together: readings where this thread was interrupted
    between the two wall-clock reads (the busy thread holds the GIL) are taken again."""
    for _ in range(200):
        before = time.monotonic()
        frame = player.position
        after = time.monotonic()
        if after - before < 0.001:
            return frame, (before + after) / 2
    return frame, (before + after) / 2


def burn_cpu(stop: threading.Event) -> None:
    """A busy UI thread: pure Python, holding the GIL as much as it can."""
    x = 0
    while not stop.is_set():
        for i in range(20000):
            x += i * i


def measure_drift(player, seconds: float) -> tuple[float, list[float], int]:
    """Largest |session clock - wall clock| change over `seconds`, the readings, and the
    underflows counted meanwhile."""
    f0, t0 = clock_reading(player)
    under0 = player.stats.underflows
    drifts = []
    for _ in range(int(seconds * 2)):
        time.sleep(0.5)
        frames, now = clock_reading(player)
        drifts.append((frames - f0) / player.sample_rate - (now - t0))
    return max(abs(d) for d in drifts), drifts, player.stats.underflows - under0


@pytest.mark.jack
@pytest.mark.timeout(120)
def test_live_playback_keeps_time_without_underflow(jack_server, speech_cache: Path, engine):
    session = build_session("box", minutes=2, cache_dir=speech_cache, engine=engine)
    player = open_player(session, require_device=True)
    stop = threading.Event()
    busy = threading.Thread(target=burn_cpu, args=(stop,), daemon=True)
    try:
        assert player.audible
        assert player.stream_rate == player.sample_rate == jack_server.sample_rate
        busy.start()
        time.sleep(1.0)
        for attempt in (1, 2, 3):
            xruns_before = len(jack_server.xruns())
            worst, drifts, underflows = measure_drift(player, 20)
            if worst > 0.020 or underflows:  # the server writes its xrun report a moment later
                until_or_not(lambda: len(jack_server.xruns()) > xruns_before, 2.0)
            scheduled_late = (
                len(jack_server.xruns()) > xruns_before and player.stats.callback_cpu_max_ms < 3
            )
            if attempt < 3 and scheduled_late and (worst > 0.020 or underflows):
                # JACK runs without real-time scheduling here: on a loaded machine the OS may not
                # run the server or our client in time, though our callback needs under 3 ms of
                # CPU. That is the machine, not the player; measure again (twice at most).
                continue
            break
        detail = f"{player.stats}; JACK: {jack_server.xruns()[-3:]}; drifts: {drifts}"
        assert player.stats.callback_cpu_max_ms < 3, detail  # copying a block is cheap
        assert player.stats.starved == 0, detail  # the feeder never fell behind
        if scheduled_late and (worst > 0.020 or underflows):
            # All three measurements spoiled by the JACK server itself being run late (xruns,
            # our callback cheap): the player's timekeeping could not be measured here.
            pytest.skip(f"JACK was run late in all three measurements (a loaded machine): {detail}")
        assert worst <= 0.020, detail
        assert underflows == 0, detail
        assert player.now().stage is not None
    finally:
        stop.set()
        player.stop()
    assert player.finished


@pytest.mark.jack
@pytest.mark.timeout(60)
def test_pause_resume_skip_and_volume_live(jack_server, speech_cache: Path, engine):
    session = build_session("pmr4", cache_dir=speech_cache, engine=engine)
    player = open_player(session, require_device=True)
    xruns_before = len(jack_server.xruns())
    try:
        until(lambda: player.seconds > 0.5, what="playing")
        player.volume = 0.3
        until(lambda: player._gain_now == pytest.approx(0.3), what="the volume ramp")
        player.pause()
        held = still(lambda: player.position)  # the fade-out block drains, then it rests
        time.sleep(0.5)  # a stretch in which the clock must not move
        assert player.position == held
        assert player._gain_now == 0.0
        player.resume()
        until(lambda: player.position > held, what="playing again")
        player.skip()
        until(lambda: player.now().part.index == 1, what="the next part")
        part = player.now().part
        assert part.index == 1 and part.kind == "group"
        assert player.position - part.start < RATE  # from the part's start
        # No underflow, unless the JACK server itself was run late by a loaded machine (an xrun:
        # it runs without real-time scheduling here), which no player can make up for.
        if player.stats.underflows:  # the server writes its xrun report a moment later
            until_or_not(lambda: len(jack_server.xruns()) > xruns_before, 2.0)
        late = len(jack_server.xruns()) > xruns_before
        assert player.stats.underflows == 0 or late, (player.stats, jack_server.xruns()[-3:])
    finally:
        player.stop()


@pytest.mark.jack
@pytest.mark.timeout(60)
def test_a_session_at_another_rate_follows_the_server(jack_server, speech_cache: Path, engine):
    session = build_session(
        "box", minutes=2, sample_rate=44100, cache_dir=speech_cache, engine=engine
    )
    player = open_player(session, require_device=True)
    try:
        assert player.sample_rate == player.stream_rate == jack_server.sample_rate
        assert player.timeline.sample_rate == jack_server.sample_rate
        until(lambda: player.position > 0 and player.first_sound_at is not None, what="sound")
    finally:
        player.stop()
    # After the end everything stays readable, the clock where the sound stopped.
    frozen = player.position
    time.sleep(0.1)
    assert player.position == frozen > 0 and player.finished
    assert player.now().finished and player.stats.blocks > 0
    player.pause(), player.resume(), player.skip(), player.stop()  # harmless once ended


@pytest.mark.timeout(30)
def test_a_sink_that_cannot_start_means_silence_with_a_reason(monkeypatch):
    """No PortAudio (or no Python for the sink): the player is silent and says why."""
    import sys

    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    player = open_player(tiny_session())
    assert isinstance(player, SilentPlayer) and "could not start" in player.reason
    player.stop()
    with pytest.raises(DeviceError):
        open_player(tiny_session(), require_device=True)
