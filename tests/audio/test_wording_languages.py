"""Wording in Spanish, German, French, Portuguese and Italian (issue 14, point 3): every key of the
English wording, no English cue word in any built-in language-neutral session, tones instead of
English words for a language with no wording, and each language's voice says a line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from audio.clips import prepare_speech
from audio.pace import on_pace
from audio.plan import Phase, Plan
from audio.scripts import build_plan
from audio.voice import VoiceEngine, VoiceSettings
from audio.wav import read_wav
from audio.wording import DATA, _read_toml, has_wording, load_wording, packaged_languages

LANGUAGES = ("es", "de", "fr", "pt", "it")
VOICES = {"es": "roa/es", "de": "gmw/de", "fr": "roa/fr", "pt": "roa/pt", "it": "roa/it"}
NEUTRAL = ("box", "478", "resonance", "sigh", "pmr16", "pmr7", "pmr4", "release", "cue")
SPOKEN_ONLY = (
    "differential",
    "rapid",
    "application",
)  # applied relaxation's last stages: words, no cues
ENGLISH_WORDS = re.compile(
    r"\b(breathe|hold|relax|now|more|the|your|and|let|notice)\b", re.IGNORECASE
)


def keys(node: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in node.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping):
            yield from keys(value, path)
        else:
            yield path


def phases(plan: Plan) -> list[Phase]:
    return [s for p in plan.parts for s in p.steps if isinstance(s, Phase)]


def test_the_five_languages_are_built_in() -> None:
    assert set(LANGUAGES) <= set(packaged_languages())
    assert all(has_wording(lang) for lang in (*LANGUAGES, "es-419", "pt-br", "fr-fr"))
    assert not has_wording("nl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_english_key_is_there_and_no_other(language: str) -> None:
    english = _read_toml(DATA / "wording.toml", "en")
    own = _read_toml(DATA / f"wording.{language}.toml", language)
    english_keys = {k.replace("numbers.en.", f"numbers.{language}.") for k in keys(english)}
    assert set(keys(own)) == english_keys
    for path in (
        "pmr.tense_lines",
        "pmr.release_lines",
        "pmr.release.release_lines",
        "breathing.reminders",
        "pmr.rest_lines",
    ):
        assert len(load_wording(language).get(*path.split("."))) == len(
            load_wording("en").get(*path.split("."))
        ), path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NEUTRAL)
def test_no_english_cue_words(language: str, name: str) -> None:
    english_cues = {p.cue for p in phases(build_plan(name))} - {None}
    plan = build_plan(name, language=language, minutes=None)
    assert not plan.notes  # nothing says "English wording" or "tones instead"
    cues = [p.cue for p in phases(plan)]
    assert cues and all(cues[:2]), cues  # spoken cue words, in the language
    assert not english_cues & set(cues), english_cues & set(cues)
    for line in plan.texts():
        assert not ENGLISH_WORDS.search(line), (language, name, line)
        assert "{" not in line and "}" not in line, line


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", SPOKEN_ONLY)
def test_the_last_stages_of_applied_relaxation_speak_the_language(language: str, name: str) -> None:
    english = build_plan(name, language="en").texts()
    plan = build_plan(name, language=language, minutes=None)
    assert not plan.notes and plan.texts() and not set(plan.texts()) & set(english)
    for line in plan.texts():
        assert not ENGLISH_WORDS.search(line), (language, name, line)
        assert "{" not in line and "}" not in line, line


def test_numbers_and_sides_are_said_in_the_language() -> None:
    resonance = " ".join(
        build_plan("resonance", language="de", breaths_per_minute=5.5, ratio="4:6").texts()
    )
    assert "etwa viereinhalb" in resonance and "4,3" not in resonance
    spanish = " ".join(build_plan("pmr16", language="es").texts())
    assert "del lado derecho" in spanish and "del lado izquierdo" in spanish
    assert "right" not in spanish and "left" not in spanish


@pytest.mark.parametrize("name", NEUTRAL)
def test_a_language_without_wording_gets_tones_not_english_words(name: str) -> None:
    plan = build_plan(name, language="nl")
    marks = phases(plan)
    assert marks and all(p.cue is None and p.tone and not p.lines for p in marks)
    assert {p.tone for p in marks} <= {"inhale", "hold", "exhale", "topup", "tense", "release"}
    assert any("tones" in note for note in plan.notes)
    if name == "sigh":
        assert "topup" in {p.tone for p in marks}  # the extra sip keeps its own tone


def test_a_persons_own_wording_for_their_language_brings_the_words_back(tmp_path: Path) -> None:
    (tmp_path / "wording.nl.toml").write_text(
        '[breathing.cues]\ninhale = "Adem in"\n', encoding="utf-8"
    )
    wording = load_wording("nl", folder=tmp_path)
    assert wording.in_language and not wording.notes and has_wording("nl", tmp_path)
    assert phases(build_plan("box", wording=wording))[0].cue == "Adem in"


@pytest.mark.timeout(120)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_voice_says_a_line_at_its_pace(engine: VoiceEngine, language: str) -> None:
    line = load_wording(language).texts("breathing", "reminders")[0]
    if VOICES[language] not in {v.id for v in engine.voices()}:
        pytest.skip(f"no espeak-ng voice {VOICES[language]} here")
    rate, samples = read_wav(
        engine.synthesize(line, VoiceSettings(VOICES[language], 120), timeout=60)
    )
    spoken = prepare_speech(samples, rate, rate)
    assert on_pace(len(spoken) / rate, line, 120), (language, line, len(spoken) / rate)
