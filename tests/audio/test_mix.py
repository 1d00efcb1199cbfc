"""Rendering: real speech where the timeline says, silence elsewhere, exact onsets, no clicks, no
clipping."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audio.clips import INT16_SCALE
from audio.session import Session
from audio.session_setup import build_session
from audio.synth import TONE_PEAK, TONES, tone
from audio.timeline import Timeline
from audio.wav import read_wav, to_int16

pytestmark = pytest.mark.timeout(120)
RATE = 22050


def render_all(session: Session) -> tuple[Timeline, np.ndarray]:
    timeline = session.resolve_all()
    return timeline, session.render(0, timeline.frames)


@pytest.fixture(scope="module")
def spoken(speech_cache: Path, engine) -> tuple[Session, Timeline, np.ndarray]:
    session = build_session("4-2-6", minutes=1, cache_dir=speech_cache, engine=engine)
    timeline, audio = render_all(session)
    return session, timeline, audio


def test_speech_is_heard_exactly_where_the_timeline_says(spoken):
    session, timeline, audio = spoken
    speech = [e for e in timeline.events if e.kind == "speech"]
    assert len(speech) > 10
    covered = np.zeros(len(audio), dtype=bool)
    for event in speech:
        part = audio[event.start : event.end]
        clip = session.speech.cached(event.text)
        assert np.allclose(part, clip.astype(np.float64) / INT16_SCALE, rtol=0, atol=1e-7)
        assert np.sqrt(np.mean(part**2)) > 0.03, event.text  # real speech, not silence
        assert part[0] == 0.0 and part[-1] == 0.0
        covered[event.start : event.end] = True
    assert not np.any(audio[~covered])  # silence everywhere else, to the sample
    # the spoken cues start exactly at their phase
    for stage in (e for e in timeline.events if e.kind in ("inhale", "hold", "exhale")):
        assert timeline.speech_at(stage.start).start == stage.start


def test_every_line_is_a_different_recording(spoken):
    session, timeline, _ = spoken
    clips = {e.text: session.speech.cached(e.text) for e in timeline.events if e.kind == "speech"}
    fingerprints = {(len(c), int(np.abs(c).sum())) for c in clips.values()}
    assert len(fingerprints) == len(clips)  # no line repeats another's audio


def test_no_click_at_any_join(spoken):
    """At every start and end of a sound, the step between neighbouring samples is no larger than
    the sound's own typical steps."""
    _, timeline, audio = spoken
    steps = np.abs(np.diff(audio))
    for event in timeline.sound_between(0, timeline.frames):
        own = np.percentile(steps[event.start : event.end - 1], 99)
        for join in (event.start, event.end):
            if 0 < join < len(audio):
                assert abs(audio[join] - audio[join - 1]) <= own, (event, join)


def test_windows_join_seamlessly(spoken):
    session, timeline, audio = spoken
    pieces, start = [], 0
    for size in [1, 997, 4096, 12345, 65536] * 100:
        if start >= timeline.frames:
            break
        n = min(size, timeline.frames - start)
        pieces.append(session.render(start, n).copy())
        start += n
    assert np.array_equal(np.concatenate(pieces), audio[:start])


def test_speech_and_tones_together_never_clip(speech_cache: Path, engine):
    session = build_session("box", minutes=2, tones=True, cache_dir=speech_cache, engine=engine)
    timeline, audio = render_all(session)
    assert np.max(np.abs(audio)) < 1.0
    tones = [e for e in timeline.events if e.kind == "tone"]
    overlapping = [t for t in tones if timeline.speech_at(t.end - 1) is not None]
    assert len(overlapping) > len(tones) // 2  # the cue word starts while its tone still sounds
    assert np.max(np.abs(to_int16(audio))) < 32767


def test_tones_are_distinct_and_click_free():
    def pitch_track(x: np.ndarray) -> list[float]:
        out = []
        for i in range(0, len(x) - 2048, 1024):
            f = np.abs(np.fft.rfft(x[i : i + 2048] * np.hanning(2048)))
            out.append(float(np.argmax(f)) * RATE / 2048)
        return out

    for name in TONES:
        t = tone(name, RATE)
        assert t[0] == 0.0 and t[-1] == 0.0
        assert 0.05 < np.max(np.abs(t)) <= TONE_PEAK
    rising, falling = pitch_track(tone("inhale", RATE)), pitch_track(tone("exhale", RATE))
    assert rising[-1] > rising[0] and falling[-1] < falling[0]
    hold = pitch_track(tone("hold", RATE))
    assert max(hold) - min(hold) < 20
    assert len({len(tone(n, RATE)) for n in ("inhale", "hold", "exhale")}) == 3


def test_cue_onsets_in_the_wav_are_exact_over_20_minutes(
    tmp_path: Path, speech_cache: Path, engine
):
    session = build_session(
        "box", minutes=20, tones=True, spoken_cues=False, cache_dir=speech_cache, engine=engine
    )
    wav = tmp_path / "box.wav"
    timeline = session.write_wav(wav)
    rate, samples = read_wav(wav)
    assert rate == RATE and len(samples) == timeline.frames
    inhale = to_int16(tone("inhale", RATE))
    onsets = timeline.onsets("inhale")
    assert timeline.seconds > 19 * 60 and len(onsets) >= 70
    assert {b - a for a, b in zip(onsets, onsets[1:])} == {16 * RATE}  # 16.000 s
    for onset in onsets:
        assert samples[onset - 1] == 0  # silence up to the cue ...
        assert np.array_equal(
            samples[onset : onset + len(inhale)], inhale
        )  # ... and it starts here
