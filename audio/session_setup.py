"""A session from what a person chose: a script or pattern's name, minutes, voice and options.

`build_session` checks everything a person chose (name, minutes, voice, pattern) and returns the
`audio.session.Session` with its first line laid out, so mistakes surface at once and playback
can start within milliseconds. `session_plan` makes the same plan without the speech engine, to
check a choice before the person is asked anything.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from audio.breathing import BreathingPattern, load_custom_patterns
from audio.errors import VoiceError
from audio.languages import language_name, no_voice_note
from audio.plan import Plan
from audio.pmr import PmrOptions
from audio.script_model import Script
from audio.script_plan import script_plan
from audio.scripts import build_plan
from audio.session import Session, Speech
from audio.voice import (
    DEFAULT_RATE,
    DEFAULT_VOICE,
    NATIVE_RATE,
    EngineSource,
    VoiceEngine,
    VoiceSettings,
    voice_for_language,
)
from audio.wording import load_wording


def _engine(cache_dir: str | os.PathLike[str] | None, workers: EngineSource | None) -> VoiceEngine:
    """`workers`' speech engine for `cache_dir`, else one made for this session (its worker
    ends when the session lets go of it)."""
    return workers.engine(cache_dir) if workers is not None else VoiceEngine(cache_dir)


def build_session(
    name: str,
    *,
    minutes: float | None = None,
    voice: str | None = None,
    rate: int | None = None,
    volume: float = 1.0,
    tones: bool = False,
    spoken_cues: bool = True,
    sample_rate: int = NATIVE_RATE,
    cache_dir: str | os.PathLike[str] | None = None,
    config_dir: str | os.PathLike[str] | None = None,
    wording_file: str | os.PathLike[str] | None = None,
    custom_patterns: Mapping[str, BreathingPattern] | None = None,
    breaths_per_minute: Any = None,
    ratio: Any = None,
    pmr: PmrOptions | None = None,
    require_speech: bool = False,
    engine: VoiceEngine | None = None,
    workers: EngineSource | None = None,
) -> Session:
    """A session ready to render or play, its first line already laid out.

    `name` is a script name (the person's from `config_dir/sessions`, else a built-in from
    audio/data/sessions), a path to a script file, a saved pattern's name or a pattern such as
    4-2-6-2. `config_dir` is where the person's scripts, `wording*.toml` and `patterns.toml`
    live (the app passes its own); `cache_dir` where speech is cached. With `voice=None` a voice
    that speaks the script's language is chosen; if none is installed the session is
    `captions_only` (with a note), or a VoiceError when `require_speech`. Without a speech engine
    the session still keeps time (with a note saying how to get a voice) unless
    `require_speech`. `engine` speaks; else `workers`' engine for `cache_dir` (a program that
    builds many sessions keeps one `AudioWorkers`), else one made for this session. Raises
    AudioError subclasses with a message for the person."""
    from audio.script_file import find_script

    folder = Path(config_dir) if config_dir else None
    found = find_script(name, folder)
    options: dict[str, Any] = {
        "minutes": minutes,
        "tones": tones,
        "spoken_cues": spoken_cues,
        "wording_file": wording_file,
        "custom_patterns": custom_patterns,
        "breaths_per_minute": breaths_per_minute,
        "ratio": ratio,
        "pmr": pmr,
    }
    if found is None:
        settings = VoiceSettings(
            voice or DEFAULT_VOICE, DEFAULT_RATE if rate is None else rate, volume
        )
        plan = _plan(name, None, folder, settings, **options)
        return _start(
            plan,
            settings,
            engine or _engine(cache_dir, workers),
            sample_rate,
            require_speech=require_speech,
            chosen=voice is not None,
        )
    script = found[1]
    engine = engine or _engine(cache_dir, workers)
    notes: list[str] = []
    chosen = voice
    captions_only = False
    if voice is None and script.language != "any":
        try:
            chosen = voice_for_language(script.language, engine)
        except VoiceError:
            if require_speech:
                raise
            chosen = DEFAULT_VOICE  # no engine at all: _start says so
        if chosen is None:
            note = no_voice_note(script.language)
            if require_speech:
                raise VoiceError(
                    note.replace(
                        "so the words are shown as captions only",
                        "so this session cannot be spoken",
                    )
                )
            captions_only = True
            notes.append(note)
    settings = VoiceSettings(
        chosen or DEFAULT_VOICE, DEFAULT_RATE if rate is None else rate, volume
    )
    if (
        voice is not None
        and script.language != "any"
        and settings.language.split("-")[0] != script.language.split("-")[0]
    ):
        notes.append(
            f"This script is in {language_name(script.language) or script.language}, "
            f"but the voice {settings.voice} speaks "
            f"{language_name(settings.language) or settings.language}."
        )
    plan = _plan(name, found, folder, settings, **options)
    return _start(
        plan,
        settings,
        None if captions_only else engine,
        sample_rate,
        require_speech=require_speech,
        chosen=voice is not None,
        notes=notes,
    )


def session_plan(
    name: str,
    *,
    minutes: float | None = None,
    voice: str | None = None,
    rate: int | None = None,
    tones: bool = False,
    spoken_cues: bool = True,
    config_dir: str | os.PathLike[str] | None = None,
    wording_file: str | os.PathLike[str] | None = None,
    custom_patterns: Mapping[str, BreathingPattern] | None = None,
    breaths_per_minute: Any = None,
    ratio: Any = None,
    pmr: PmrOptions | None = None,
) -> Plan:
    """The plan `build_session` lays out for the same choices, made without the speech engine
    (milliseconds): a check of a length, pattern or file before the person is asked anything.
    Raises the same AudioError subclasses, with the same messages."""
    from audio.script_file import find_script

    folder = Path(config_dir) if config_dir else None
    found = find_script(name, folder)
    # The voice chosen for a script in a language of its own changes nothing in its plan.
    settings = VoiceSettings(voice or DEFAULT_VOICE, DEFAULT_RATE if rate is None else rate)
    return _plan(
        name,
        found,
        folder,
        settings,
        minutes=minutes,
        tones=tones,
        spoken_cues=spoken_cues,
        wording_file=wording_file,
        custom_patterns=custom_patterns,
        breaths_per_minute=breaths_per_minute,
        ratio=ratio,
        pmr=pmr,
    )


def _plan(
    name: str,
    found: tuple[str, Script] | None,
    folder: Path | None,
    settings: VoiceSettings,
    *,
    minutes: float | None,
    tones: bool,
    spoken_cues: bool,
    wording_file: str | os.PathLike[str] | None,
    custom_patterns: Mapping[str, BreathingPattern] | None,
    breaths_per_minute: Any,
    ratio: Any,
    pmr: PmrOptions | None,
) -> Plan:
    """The plan for a script (`found`: its name and script) or, when None, a pattern's name."""
    file = Path(wording_file) if wording_file else None
    if found is None:
        wording = load_wording(settings.language, file=file, folder=folder)
        if custom_patterns is None and folder is not None:
            custom_patterns = load_custom_patterns(folder / "patterns.toml")
        return build_plan(
            name,
            minutes=minutes,
            spoken_cues=spoken_cues,
            tones=tones,
            words_per_minute=settings.rate,
            wording=wording,
            custom_patterns=custom_patterns,
            breaths_per_minute=breaths_per_minute,
            ratio=ratio,
            pmr=pmr,
        )
    script_name, script = found
    lang = settings.language if script.language == "any" else script.language
    wording = load_wording(lang, file=file, folder=folder)
    return script_plan(
        script,
        name=script_name,
        minutes=minutes,
        spoken_cues=spoken_cues,
        tones=tones,
        words_per_minute=settings.rate,
        wording=wording,
        language=settings.language,
        breaths_per_minute=breaths_per_minute,
        ratio=ratio,
        pmr=pmr,
    )


def _start(
    plan: Plan,
    settings: VoiceSettings,
    engine: VoiceEngine | None,
    sample_rate: int,
    *,
    require_speech: bool,
    chosen: bool,
    notes: list[str] | None = None,
) -> Session:
    """The session with its first line laid out; without a working engine, captions only."""
    if engine is None:
        session = Session(plan, Speech(sample_rate, settings, None), sample_rate, list(notes or []))
        session.resolve_first()
        return session
    session = Session(plan, Speech(sample_rate, settings, engine), sample_rate, list(notes or []))
    try:
        session.resolve_first()
    except VoiceError:
        if engine.failure is None or require_speech or chosen:
            raise
        session = Session(
            plan,
            Speech(sample_rate, settings, None),
            sample_rate,
            [*(notes or []), f"{engine.failure} (captions and timing still work)"],
        )
        session.resolve_first()
    return session


__all__ = ["build_session", "session_plan"]
