"""Real speech: espeak-ng through pyttsx3 in the worker process, no fake engine."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from audio.clips import prepare_speech
from audio.errors import VoiceError
from audio._proc import Worker
from audio.voice import VoiceEngine, VoiceSettings
from audio.wav import read_wav

pytestmark = pytest.mark.timeout(120)

SHORT = "Breathe in."
LONG = "Now let your shoulders drop, and feel the warmth spreading slowly down your arms."


def spectrum(samples: np.ndarray) -> np.ndarray:
    """Average magnitude spectrum in 64 bands (a fingerprint of what was said)."""
    x = samples.astype(np.float64)
    frames = [x[i : i + 1024] for i in range(0, len(x) - 1024, 512)]
    mags = np.mean([np.abs(np.fft.rfft(f * np.hanning(1024))) for f in frames], axis=0)
    return mags[:512].reshape(64, 8).mean(axis=1)


def test_two_different_lines_in_a_row_are_both_spoken(engine: VoiceEngine):
    """pyttsx3 2.99 keeps `_text_to_say`: without the workaround the second file says the first line."""
    settings = VoiceSettings(rate=150)
    rate_a, a = read_wav(engine.synthesize(SHORT, settings))
    rate_b, b = read_wav(engine.synthesize(LONG, settings))
    assert rate_a == rate_b == 22050
    a, b = prepare_speech(a, rate_a, 22050), prepare_speech(b, rate_b, 22050)
    assert 0.4 < len(a) / 22050 < 1.5  # two words
    assert len(b) > 4 * len(a)  # fourteen words
    correlation = np.corrcoef(spectrum(a), spectrum(b))[0, 1]
    assert correlation < 0.99


def test_worker_never_says_a_stale_line(tmp_path: Path):
    """Straight through the worker protocol, without the cache: A, B, then A at another rate. Each
    file holds its own line and earlier files are never rewritten."""
    worker = Worker("audio._voice_worker")
    try:
        assert worker.read(15)["ready"]
        paths = [tmp_path / f"{i}.wav" for i in range(3)]
        requests = [(SHORT, 150), (LONG, 150), (SHORT, 100)]
        sizes = []
        for i, ((text, rate), path) in enumerate(zip(requests, paths)):
            worker.send(
                {
                    "op": "say",
                    "id": i,
                    "text": text,
                    "voice": "gmw/en-us",
                    "rate": rate,
                    "volume": 1.0,
                    "out": str(path),
                }
            )
            answer = worker.read(30)
            assert answer["ok"], answer
            sizes.append([p.stat().st_size if p.exists() else 0 for p in paths])
        time.sleep(0.2)
        final = [p.stat().st_size for p in paths]
        assert sizes[-1] == final  # nothing rewrote an earlier file after its turn
        assert final[1] > 3 * final[0]  # B is the long line
        assert final[2] > final[0] * 1.2  # A again, slower: longer, and not B
        assert final[2] < final[1]
    finally:
        worker.close()


def test_speech_is_cached_and_a_warm_start_needs_no_engine(speech_cache: Path, engine: VoiceEngine):
    settings = VoiceSettings()
    path = engine.synthesize("Let your hands rest.", settings)
    assert path.is_relative_to(speech_cache)
    fresh = VoiceEngine(speech_cache)
    future = fresh.submit("Let your hands rest.", settings)
    assert future.done() and future.result() == path
    assert fresh._thread is None  # no worker was started for a cached line
    key = settings.cache_key("Let your hands rest.")
    assert key != VoiceSettings(rate=121).cache_key("Let your hands rest.")
    assert key != VoiceSettings(volume=0.5).cache_key("Let your hands rest.")
    assert key != VoiceSettings(voice="gmw/en").cache_key("Let your hands rest.")


def test_unknown_voice_is_a_clear_error(engine: VoiceEngine):
    with pytest.raises(VoiceError, match="unknown voice 'nobody/zz'.*homework-tui voices"):
        engine.synthesize("Hello.", VoiceSettings(voice="nobody/zz"))
    # and the engine is still fine afterwards, with the right voice
    rate, samples = read_wav(engine.synthesize("Still here.", VoiceSettings()))
    assert len(samples) > rate // 4


def test_voices_and_variants(engine: VoiceEngine):
    voices = engine.voices()
    assert any(v.id == "gmw/en-us" for v in voices)
    assert any(lang.startswith("en") for v in voices for lang in v.languages)
    _, plain = read_wav(engine.synthesize("Relax.", VoiceSettings(voice="gmw/en-us")))
    _, variant = read_wav(engine.synthesize("Relax.", VoiceSettings(voice="gmw/en-us+f3")))
    assert not np.array_equal(plain, variant)


def test_engine_output_never_reaches_the_terminal(tmp_path: Path):
    """pyttsx3 prints "Audio saved to …" for every file; the worker's fds 1 and 2 go nowhere."""
    code = (
        "from audio.voice import VoiceEngine, VoiceSettings\n"
        f"e = VoiceEngine({str(tmp_path)!r})\n"
        "e.synthesize('Nothing on the terminal, please.', VoiceSettings())\n"
        "e.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""


def test_bundled_espeak_library_works_without_the_system_one(tmp_path: Path, monkeypatch):
    """HOMEWORK_TUI_ESPEAK=bundled takes the path used when no system libespeak-ng exists:
    espeakng-loader's library is preloaded with ESPEAK_DATA_PATH."""
    pytest.importorskip("espeakng_loader")
    monkeypatch.setenv("HOMEWORK_TUI_ESPEAK", "bundled")
    bundled = VoiceEngine(tmp_path)
    try:
        rate, samples = read_wav(bundled.synthesize("Speech without root.", VoiceSettings()))
        assert bundled.info and bundled.info["library"] == "bundled"
        assert len(samples) > rate // 2 and np.abs(samples).max() > 3000
    finally:
        bundled.close()


def test_a_missing_engine_is_reported_not_raised_from_a_thread(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOMEWORK_TUI_ESPEAK", "system")
    monkeypatch.setenv("PYTHONPATH", "/nonexistent")
    broken = VoiceEngine(tmp_path)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pytest.raises(VoiceError, match="speech is unavailable.*espeak-ng"):
        broken.synthesize("Hello.", VoiceSettings(), timeout=30)
    assert broken.failure
    broken.close()


def test_settings_are_checked():
    with pytest.raises(VoiceError, match="rate"):
        VoiceSettings(rate=5)
    with pytest.raises(VoiceError, match="volume"):
        VoiceSettings(volume=0)
    assert VoiceSettings(voice="gmw/de+f2").language == "de"
    assert VoiceSettings(voice="English (America)").language == "en"


def test_rate_and_voice_changes_always_take_effect(tmp_path: Path):
    """espeak applies property changes on its own thread; pyttsx3's endLoop used to cancel them
    (and whole utterances) when it was still busy. Alternate rates and voices quickly: every take
    of the same line with the same settings must come out the same length, slower rates longer."""
    worker = Worker("audio._voice_worker")
    lengths: dict[tuple[int, str], set[int]] = {}
    try:
        assert worker.read(15)["ready"]
        for i in range(36):
            rate, voice = (100, 150, 200)[i % 3], ("gmw/en-us", "gmw/en")[i % 4 == 0]
            out = tmp_path / f"{i}.wav"
            worker.send(
                {
                    "op": "say",
                    "id": i,
                    "text": "Let it go.",
                    "voice": voice,
                    "rate": rate,
                    "volume": 1.0,
                    "out": str(out),
                }
            )
            assert worker.read(30)["ok"]
            _, samples = read_wav(out)
            loud = np.flatnonzero(np.abs(samples) > 300)
            assert len(loud), i  # never an empty take
            lengths.setdefault((rate, voice), set()).add(int(loud[-1] - loud[0]) // 220)  # 10 ms
    finally:
        worker.close()
    for takes in lengths.values():
        assert max(takes) - min(takes) <= 1, lengths
    us = {rate: min(t) for (rate, voice), t in lengths.items() if voice == "gmw/en-us"}
    assert us[100] > us[150] > us[200]


@pytest.mark.parametrize("case", ["5000-digit integer", "NaN", "10,000 nested arrays"])
def test_a_damaged_voices_cache_is_asked_again(tmp_path: Path, case: str):
    """The cached voice list is a file on disk: hostile JSON in it means asking espeak again
    (stdlib json raised RecursionError for deep nesting), never a crash."""
    from tests.hostile import JSON_VALUES

    (tmp_path / "voices.json").write_text(
        '{"engine": "x", "voices": [{"id": %s}]}' % JSON_VALUES[case]
    )
    engine = VoiceEngine(tmp_path)
    try:
        assert any(v.id == "gmw/en-us" for v in engine.voices())
    finally:
        engine.close()
    assert "gmw/en-us" in (tmp_path / "voices.json").read_text()
