"""Mindfulness sessions through the real engine (espeak-ng via pyttsx3): speech where the timeline
says, silent pauses, and the length asked for; languages without a voice; scripts by path."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from audio.errors import VoiceError
from audio.session import Session
from audio.session_setup import build_session
from audio.voice import DEFAULT_VOICE, VoiceEngine, VoiceInfo, voices_for_language
from audio.wav import read_wav

pytestmark = pytest.mark.timeout(300)


def within(seconds: float, minutes: float, tolerance: float = 0.02) -> bool:
    return abs(seconds - minutes * 60) <= minutes * 60 * tolerance


def sound_spans(session: Session) -> list[tuple[int, int]]:
    return sorted((e.start, e.end) for e in session.timeline.events if e.kind in ("speech", "tone"))


def quiet_spans(session: Session, shortest: float = 1.0) -> list[tuple[int, int]]:
    """Stretches of at least `shortest` seconds with no speech and no tone."""
    rate = session.sample_rate
    out, last = [], 0
    for start, end in sound_spans(session) + [(session.timeline.frames, session.timeline.frames)]:
        if start - last >= shortest * rate:
            out.append((last, start))
        last = max(last, end)
    return out


@pytest.mark.parametrize("minutes", [3, 4])
def test_grounding_rendered_to_wav(
    minutes: int, tmp_path: Path, speech_cache: Path, engine: VoiceEngine
):
    session = build_session("grounding", minutes=minutes, cache_dir=speech_cache, engine=engine)
    assert (session.kind, session.language, session.captions_only) == ("mindfulness", "en", False)
    out = tmp_path / f"grounding-{minutes}.wav"
    timeline = session.write_wav(out)
    rate, samples = read_wav(out)
    assert rate == session.sample_rate and len(samples) == timeline.frames
    assert within(len(samples) / rate, minutes), len(samples) / rate
    audio = samples.astype(np.float64) / 32767
    speech = [e for e in timeline.events if e.kind == "speech"]
    assert len(speech) >= 10
    for event in speech:  # the voice is heard where the timeline has a line
        rms = np.sqrt(np.mean(audio[event.start : event.end] ** 2))
        assert rms > 0.02, (event.text, rms)
    quiet = quiet_spans(session)
    assert sum(b - a for a, b in quiet) / rate > minutes * 60 * 0.25  # long silences
    for start, end in quiet:  # and they are silent
        assert np.sqrt(np.mean(audio[start:end] ** 2)) < 1e-4
    tones = [e for e in timeline.events if e.kind == "tone"]
    assert all(np.abs(audio[e.start : e.end]).max() > 0.05 for e in tones)


def test_stretchy_pauses_take_up_the_minutes(speech_cache: Path, engine: VoiceEngine):
    lengths = {}
    for minutes in (6, 9):
        session = build_session("leaves", minutes=minutes, cache_dir=speech_cache, engine=engine)
        timeline = session.resolve_all()
        lengths[minutes] = sum(b - a for a, b in quiet_spans(session)) / session.sample_rate
        assert within(timeline.seconds, minutes, 0.002), timeline.seconds
        assert session.estimated_seconds == minutes * 60
    assert lengths[9] - lengths[6] == pytest.approx(180, abs=2)  # the words stay, silence grows


@pytest.mark.parametrize(
    ("name", "minutes"),
    [
        ("body-scan", 10),
        ("body-scan", 20),
        ("body-scan-20", None),
        ("mindful-breathing", None),
        ("leaves", None),
        ("grounding", None),
    ],
)
def test_built_in_mindfulness_lasts_what_it_says(
    name, minutes, speech_cache: Path, engine: VoiceEngine
):
    """Laid out with real speech (not rendered: the length is the timeline's, the WAV would be
    the same frames)."""
    session = build_session(name, minutes=minutes, cache_dir=speech_cache, engine=engine)
    wanted = minutes or session.plan.target / 60
    timeline = session.resolve_all()
    assert timeline.complete and within(timeline.seconds, wanted), (name, timeline.seconds)
    assert session.kind == "mindfulness" and not session.notes


@pytest.mark.parametrize("rate", [90, 200])
def test_fitting_holds_at_other_speaking_rates_and_in_the_background(
    rate, speech_cache: Path, engine: VoiceEngine
):
    session = build_session(
        "grounding", minutes=4, rate=rate, cache_dir=speech_cache, engine=engine
    )
    session.start_background()
    deadline = time.monotonic() + 120
    while not session.timeline.complete and session.error is None and time.monotonic() < deadline:
        session.wait_for(session.timeline.frames + 1, timeout=1)
    assert session.error is None and session.timeline.complete
    assert within(session.timeline.seconds, 4, 0.002), session.timeline.seconds


def test_a_language_with_no_voice_is_captions_only(
    tmp_path: Path, speech_cache: Path, engine: VoiceEngine
):
    script = tmp_path / "zulu.txt"
    script.write_text(
        "title: Ukuphumula\nlanguage: zu\nminutes: 2\n"
        "say Phefumula kancane.\npause 20 stretch\nsay Kuhle.\n",
        encoding="utf-8",
    )
    session = build_session(str(script), cache_dir=speech_cache, engine=engine)
    assert session.captions_only and session.language == "zu"
    assert session.notes[0].startswith(
        "No Zulu voice is installed here, so the words are shown as captions only."
    )
    timeline = session.resolve_all()
    speech = [e for e in timeline.events if e.kind == "speech"]
    assert [e.text for e in speech] == ["Phefumula kancane.", "Kuhle."]
    assert all(e.end - e.start > session.sample_rate // 2 for e in speech)  # shown for a while
    assert within(timeline.seconds, 2, 0.002)
    assert not session.render(0, timeline.frames).any()  # nothing is heard
    with pytest.raises(
        VoiceError, match="No Zulu voice is installed here, so this session cannot be spoken"
    ):
        build_session(str(script), cache_dir=speech_cache, engine=engine, require_speech=True)


def test_a_spanish_script_gets_a_spanish_voice(
    tmp_path: Path, speech_cache: Path, engine: VoiceEngine
):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "calma.txt").write_text(
        "title: Calma\nlanguage: es\nsay Respira despacio.\n", encoding="utf-8"
    )
    session = build_session("calma", cache_dir=speech_cache, config_dir=tmp_path, engine=engine)
    assert session.speech.settings.voice == "roa/es" and session.language == "es"
    assert not session.captions_only and not session.notes
    timeline = session.resolve_all()
    assert session.render(0, timeline.frames).std() > 0.01
    english = build_session(
        "calma", voice="gmw/en-us", cache_dir=speech_cache, config_dir=tmp_path, engine=engine
    )
    assert english.notes == ["This script is in Spanish, but the voice gmw/en-us speaks English."]


def test_built_in_breathing_and_pmr_follow_the_voice(speech_cache: Path, engine: VoiceEngine):
    box = build_session("box", minutes=2, cache_dir=speech_cache, engine=engine)
    assert (box.kind, box.language, box.speech.settings.voice) == (
        "breathing",
        "en-us",
        DEFAULT_VOICE,
    )
    pmr = build_session("pmr4", cache_dir=speech_cache, engine=engine)
    assert pmr.kind == "relaxation" and pmr.title == "Progressive muscle relaxation, 4 groups"


def test_voices_for_language(engine: VoiceEngine):
    voices = engine.voices()
    assert voices_for_language("es", voices)[0].id == "roa/es"
    assert voices_for_language("en", voices)[0].id == DEFAULT_VOICE
    assert voices_for_language("en-gb", voices)[0].id == "gmw/en"
    assert voices_for_language("zu", voices) == []
    assert voices_for_language("any", voices) == voices_for_language(None, voices) == voices
    made_up = [
        VoiceInfo("x/pt", "Portuguese", ("pt",), None),
        VoiceInfo("x/pt-br", "Brazil", ("pt-br",), None),
        VoiceInfo("x/de", "German", ("de",), None),
    ]
    assert [v.id for v in voices_for_language("pt-br", made_up)] == ["x/pt-br", "x/pt"]
    assert [v.id for v in voices_for_language("PT", made_up)] == ["x/pt", "x/pt-br"]
