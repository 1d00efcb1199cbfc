"""The offline voice engine: session scripts, a sample-exact timeline, speech, mixing and playback.

Stands alone: no Textual, no TinyDB, no homework_tui import (the app passes folders in). Importing
`audio` is cheap; numpy, the speech worker and PortAudio load only when used.

The API a screen needs::

    from audio import AudioWorkers, build_session, open_player

    workers = AudioWorkers()                # the program's speech engines and spare sound sink
    workers.prewarm(cache_dir)              # when the Relax screen opens: start the speech worker
                                            # and a sound sink with the device open, in the background
    workers.close()                         # when the app ends: no helper process outlives it
    session = build_session("box", minutes=5, voice=None, rate=None, tones=False,
                            spoken_cues=True, cache_dir=cache, config_dir=config, workers=workers)
    player = open_player(session, workers=workers)  # sound if possible, else a SilentPlayer
    player.audible, player.reason           # False + why, when silent ("no audio output device…")

    # in a timer, ~20 times a second:
    moment = player.now()                   # Moment(frame, seconds, stage, speech, part,
                                            #        progress, paused, finished)
    moment.stage.kind                       # "intro" | "inhale" | "hold" | "exhale" | "tense"
                                            # | "release" | "closing" (None between steps)
                                            # | "own" (breathing at one's own pace: no pacer)
    moment.stage.label                      # PMR muscle group; "top-up", "full", "empty" for breaths
    moment.progress                         # 0..1 through the stage: drives the pacer
    moment.speech.text                      # the line being spoken: the caption
    moment.part.title                       # "Right hand and forearm", "Practice", …

    player.pause(); player.resume(); player.skip(); player.stop(); player.volume = 0.5
    player.finished, player.wait(timeout)   # the session has ended (or was stopped)
    player.error                            # None, or why sound stopped early (device gone, …)
    player.position, player.seconds         # the session clock (frames, seconds)
    player.timeline                         # Timeline; follow the player's, not the session's
    player.timeline.event_at(frame)         # the most specific event at a frame
    player.timeline.stage_at(frame), .speech_at(frame), .last_speech(frame), .part_at(frame)
    player.timeline.complete, .frames, .parts, .to_json()
    session.notes                           # things worth telling the person (e.g. no voice)
    session.estimated_seconds               # the length before every line is laid out
    session.kind                            # "breathing" | "relaxation" | "mindfulness"
    session.language                        # the words' language ("en", "es"; built-in
                                            # breathing/PMR: the voice's, e.g. "en-us")
    session.captions_only                   # True: nothing will be heard (no voice speaks the
                                            # script's language, or no engine); captions keep
                                            # time and session.notes says why

Session scripts (audio/data/sessions/FORMAT.md is the format, with an example)::

    from audio.script_file import list_scripts, load_script, parse_script, ScriptInfo
    scripts, problems = list_scripts(config_dir)   # built-ins + config_dir/"sessions"/*.txt;
                                                   # never raises: bad files are in `problems`
    info.name, info.title, info.kind, info.language, info.minutes, info.description,
    info.path, info.builtin, info.overrides_builtin          # (ScriptInfo, frozen)
    info.shortest_minutes, info.longest_minutes   # the minutes a script with a length of its
                                                  # own can take (half minutes, as script_plan
                                                  # accepts them; None for the others)
    session_plan(name, minutes=..., rate=...)     # the plan build_session makes, without the
                                                  # voice: checks a choice in milliseconds
    str(problem)            # "leaves.txt, line 7: pause needs a number of seconds, e.g. 'pause 5'"
    problem.path, problem.line                    # ScriptFileError (a ScriptError)
    build_session(info.name, minutes=..., voice=None, config_dir=config)   # or a file's path
    script = load_script(path); script.to_text(); script_plan(script, minutes=6)

    info.minutes is the default length; None means the script lasts as long as it is written and
    takes no `minutes`. info.language "any" marks the built-in breathing and PMR scripts, whose
    words come from the wording file in the voice's language (any voice suits them).

Voices by language: `audio.voice.voices_for_language(language, voices)` keeps the voices that
speak a language, best match first ("any", "" or None keep all), for the app's voice list and
`homework-tui voices --language`; `audio.voice.voice_for_language(language, engine)` is the voice
build_session picks when `voice=None` (None when no installed voice speaks it).

Rendering instead of playing: `session.write_wav(path, progress=...)` (also lays out everything).

Choosing and editing: `list_scripts` above (`audio.scripts.SESSION_NAMES` and `DESCRIPTIONS` still
name the built-in breathing and PMR sessions); custom breathing patterns
with `audio.breathing.custom_pattern(name, inhale, exhale, hold_in, hold_out)` (validated, clear
`ScriptError`s), `save_custom_pattern(config_dir / "patterns.toml", pattern)` and
`load_custom_patterns(...)`; the wording a person may copy and edit into
`config_dir / "wording.toml"` is `audio.wording.default_wording_text()`; voices from
`audio.voice.list_voices(cache_dir, workers)`.

Errors are `audio.errors.AudioError` subclasses with a message for the person: `ScriptError` (a
bad session name, pattern, option or wording file; `ScriptFileError` for a script file, with its
path and line), `VoiceError` (unknown voice, no engine when
speech is required), `DeviceError` (no output device when one was required).

Modules: `script_file` (listing and loading scripts; `script_model` the data and `to_text`,
`script_parse` the reader with `script_steps` for each step's arguments, `script_compiler` a
script's steps → plan parts, `script_plan` script → plan of the minutes asked), `fitting` (stretchy
pauses sized while laying out), `scripts` (names → plans; `breathing`, `pmr`, `wording`, `plan`),
`timeline`, `voice` (+ `_voice_worker`), `clips`, `synth`, `mix`, `wav`, `session` (`session_setup`:
a session from what a person chose), `player` (`clock`, `sound_player`, `sink` + `_sink_worker` +
`shared_ring`: the audio callback runs in a small process of its own, so a busy UI thread cannot
delay it), `_proc` (starting helper processes), `workers` (the `AudioWorkers` a program owns: no
module-level engines or sinks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audio.player import open_player
    from audio.session import Session
    from audio.session_setup import build_session
    from audio.workers import AudioWorkers

__all__ = ["AudioWorkers", "Session", "build_session", "open_player"]


def __getattr__(name: str) -> Any:
    if name == "Session":
        from audio.session import Session

        return Session
    if name == "build_session":
        from audio.session_setup import build_session

        return build_session
    if name == "open_player":
        from audio.player import open_player

        return open_player
    if name == "AudioWorkers":
        from audio.workers import AudioWorkers

        return AudioWorkers
    raise AttributeError(f"module 'audio' has no attribute {name!r}")
