"""The offline voice engine: session scripts, a sample-exact timeline, speech, mixing and playback.

Stands alone: no Textual, no TinyDB, no homework_tui import (the app passes folders in). Importing
`audio` is cheap; numpy, the speech worker and PortAudio load only when used.

The API a screen needs::

    from audio import build_session, open_player, prewarm

    prewarm(cache_dir)                      # when the Relax screen opens: start the speech worker
                                            # and a sound sink with the device open, in the background
    session = build_session("box", minutes=5, voice=None, rate=None, tones=False,
                            spoken_cues=True, cache_dir=cache, config_dir=config)
    player = open_player(session)           # sound if possible, else a SilentPlayer; started
    player.audible, player.reason           # False + why, when silent ("no audio output device…")

    # in a timer, ~20 times a second:
    moment = player.now()                   # Moment(frame, seconds, stage, speech, part,
                                            #        progress, paused, finished)
    moment.stage.kind                       # "intro" | "inhale" | "hold" | "exhale" | "tense"
                                            # | "release" | "closing" (None between steps)
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

Rendering instead of playing: `session.write_wav(path, progress=...)` (also lays out everything).

Choosing and editing: `audio.scripts.SESSION_NAMES` and `DESCRIPTIONS`; custom breathing patterns
with `audio.breathing.custom_pattern(name, inhale, exhale, hold_in, hold_out)` (validated, clear
`ScriptError`s), `save_custom_pattern(config_dir / "patterns.toml", pattern)` and
`load_custom_patterns(...)`; the wording a person may copy and edit into
`config_dir / "wording.toml"` is `audio.wording.default_wording_text()`; voices from
`audio.voice.list_voices(cache_dir)`.

Errors are `audio.errors.AudioError` subclasses with a message for the person: `ScriptError` (a
bad session name, pattern, option or wording file), `VoiceError` (unknown voice, no engine when
speech is required), `DeviceError` (no output device when one was required).

Modules: `scripts` (names → plans; `breathing`, `pmr`, `wording`, `plan`), `timeline`, `voice`
(+ `_voice_worker`), `clips`, `synth`, `mix`, `wav`, `session`, `player` (`clock`, `sound_player`,
`sink` + `_sink_worker` + `shared_ring`: the audio callback runs in a small process of its own, so
a busy UI thread cannot delay it), `_proc` (starting helper processes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audio.player import open_player
    from audio.session import Session, build_session

__all__ = ["Session", "build_session", "open_player", "prewarm"]


def __getattr__(name: str) -> Any:
    if name in ("Session", "build_session"):
        from audio import session

        return getattr(session, name)
    if name == "open_player":
        from audio.player import open_player

        return open_player
    raise AttributeError(f"module 'audio' has no attribute {name!r}")


def prewarm(cache_dir: Any = None, *, sound: bool = True, device: Any = None,
            sample_rate: int = 22050) -> None:
    """Start the speech worker and (with `sound`) a sound sink with the device open and held
    silent, in the background, so a session chosen a moment later starts at once. Safe to call
    more than once; never raises."""
    import threading

    def warm() -> None:
        try:
            from audio.voice import shared_engine

            shared_engine(cache_dir).start()
            import audio.session  # noqa: F401  (numpy and the mixer)

            if sound:
                from audio.sink import prewarm_sink

                prewarm_sink(device, sample_rate)
        except Exception:  # noqa: BLE001 - prewarming is only an optimisation
            pass

    threading.Thread(target=warm, name="audio-prewarm", daemon=True).start()
