"""`homework-tui render`, `play`, `sessions` and `voices`: guided sessions from the command line.

Everything heavy (numpy, the speech engine, PortAudio) is imported inside the functions, so the
console script stays quick. Every mistake is one clear line on stderr and a non-zero exit.
`sessions` and `voices` run in `commands/session_list.py`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

from homework_tui.commands.common import fail
from homework_tui.commands.session_list import folders, run_sessions, run_voices
from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.base import visible

# Translators: the names in brackets are what to type: keep them; 4-2-6-2 is seconds.
SESSIONS_HELP = N_(
    "a session's name from `homework-tui sessions` (box, 478, resonance, sigh, pmr16, "
    "pmr7, pmr4, release, cue, body-scan, grounding, …, or your own script's), a path "
    "to a session script file, the name of a pattern saved in patterns.toml, or a "
    "pattern like 4-2-6-2 (in-hold-out-hold s)"
)


def _session_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("session", metavar="SESSION", help=_(SESSIONS_HELP))
    p.add_argument("--minutes", type=float, metavar="M", help=_("about how long (1-60)"))
    p.add_argument("--voice", metavar="V", help=_("a voice id or name from `homework-tui voices`"))
    p.add_argument(
        "--rate",
        type=int,
        metavar="R",
        help=_("speaking rate, words a minute (80-260; default 120)"),
    )
    cues = p.add_mutually_exclusive_group()
    cues.add_argument(
        "--tones", action="store_true", help=_("a tone as well as a word for each breathing phase")
    )
    cues.add_argument("--tones-only", action="store_true", help=_("tones instead of spoken cues"))
    p.add_argument(
        "--side",
        choices=["right", "left"],
        default="right",
        # Translators: "right" is the value to type (right or left): keep it.
        help=_("your stronger side, tensed first in muscle relaxation (default right)"),
    )
    p.add_argument("--bpm", metavar="N", help=_("resonance: breaths a minute, 4.5-6.5 (default 6)"))
    p.add_argument("--ratio", metavar="IN:OUT", help=_("resonance: inhale to exhale, e.g. 4:6"))
    p.add_argument("--tense", type=float, metavar="S", help=_("PMR: seconds of tensing (4-10)"))
    p.add_argument("--release", type=float, metavar="S", help=_("PMR: seconds of release (20-60)"))
    p.add_argument(
        "--cue",
        metavar="WORD",
        help=_(
            "cue-controlled relaxation: your cue word, 1-3 words (default: the one saved "
            "in Settings, else the language's word for relax)"
        ),
    )
    p.add_argument(
        "--wording",
        metavar="FILE",
        help=_("a wording file to use instead of wording.toml in your config folder"),
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    render = sub.add_parser(
        "render",
        help=_("write a guided breathing or relaxation session to a WAV file"),
        description=_(
            "Write a guided session to a 16-bit mono WAV file, with its timeline as JSON "
            "if you ask. Speech is made offline with espeak-ng and cached, so the second time "
            "is quick."
        ),
    )
    _session_options(render)
    render.add_argument("--out", required=True, metavar="FILE.wav", help=_("the WAV file to write"))
    render.add_argument(
        "--timeline",
        metavar="FILE.json",
        help=_(
            "also write the timeline: every phase, line and tone with its frame offsets into the WAV"
        ),
    )
    render.set_defaults(run=run_render)

    play = sub.add_parser(
        "play",
        help=_("play a guided session now"),
        description=_(
            "Play a guided session through your speakers, showing each phase and line. "
            "Ctrl-C stops it gently."
        ),
    )
    _session_options(play)
    play.add_argument("--device", metavar="D", help=_("output device (number or part of its name)"))
    play.set_defaults(run=run_play)

    sessions = sub.add_parser(
        "sessions",
        help=_("list the guided sessions, built-in and your own scripts"),
        description=_(
            "List the guided sessions: the built-in ones and your own session scripts "
            "(text files in the 'sessions' folder of your config folder). A file that cannot be "
            "used is reported with its line. With --check FILE, check one script file and say "
            "what is wrong with it (exit status 1 if anything is)."
        ),
    )
    sessions.add_argument("--check", metavar="FILE", help=_("check one session script file"))
    sessions.set_defaults(run=run_sessions)

    voices = sub.add_parser(
        "voices",
        help=_("list the voices for guided sessions"),
        description=_("List the speech voices espeak-ng offers."),
    )
    voices.add_argument(
        "--language", metavar="CODE", help=_("only voices for this language, e.g. en")
    )
    voices.set_defaults(run=run_voices)


def _build(args: argparse.Namespace, *, require_speech: bool) -> Any:
    from fractions import Fraction

    from audio.pmr import PmrOptions
    from audio.session_setup import build_session

    config, cache = folders()

    def seconds(value: float) -> Fraction:
        """`value` exactly; an infinite one, or NaN, as a length out of every range, so the
        check says what the range is (Fraction cannot hold them)."""
        return Fraction(str(value)) if math.isfinite(value) else Fraction(-1)

    pmr = PmrOptions(
        tense_seconds=seconds(args.tense) if args.tense is not None else Fraction(6),
        release_seconds=seconds(args.release) if args.release is not None else None,
        dominant=args.side,
        cue_word=getattr(args, "cue_word", "") or None,
    )
    return build_session(
        args.session,
        minutes=args.minutes,
        voice=args.voice,
        rate=args.rate,
        tones=args.tones or args.tones_only,
        spoken_cues=not args.tones_only,
        cache_dir=cache,
        config_dir=config,
        wording_file=args.wording,
        breaths_per_minute=args.bpm,
        ratio=args.ratio,
        pmr=pmr,
        require_speech=require_speech,
    )


def _cue_word(args: argparse.Namespace) -> str | None:
    """Sets `args.cue_word`: `--cue`, checked by the rule Settings uses, else the word saved in
    Settings ("" for none). Returns what is wrong with `--cue`, or None."""
    from homework_tui.model.base import ValidationError
    from homework_tui.model.settings import check_cue_word

    if args.cue is None:
        args.cue_word = saved_cue_word(args)
        return None
    try:
        args.cue_word = check_cue_word(args.cue)
    except ValidationError as error:
        return f"--cue: {error.message}"  # i18n: not shown (an option's name, then the message)
    return None


def saved_cue_word(args: argparse.Namespace) -> str:
    """The cue word saved in Settings; "" when there is none, or when the data cannot be read
    without asking (encrypted, damaged): then the language's own word is used."""
    from homework_tui.commands.common import data_folder
    from homework_tui.paths import database_file

    folder = data_folder(args)
    if not database_file(folder).exists():
        return ""
    try:
        from homework_tui.model.settings import Settings
        from homework_tui.store import Singleton, Store

        with Store.open(folder, read_only=True) as store:
            return Singleton(store, "settings", Settings, Settings).load().cue_word
    except Exception:  # noqa: BLE001 - encrypted or damaged: the language's word instead
        return ""


def _writable(path: Path, timeline: bool) -> str | None:
    """Why `path` (the audio, or the `timeline`) cannot be written, or None."""
    if path.is_dir():
        problem = (
            _("cannot write the timeline to {file}: it is a folder")
            if timeline
            else _("cannot write the audio to {file}: it is a folder")
        )
        return problem.format(file=path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        problem = (
            _("cannot write the timeline to {file}: the folder {folder} does not exist")
            if timeline
            else _("cannot write the audio to {file}: the folder {folder} does not exist")
        )
        return problem.format(file=path, folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = (
            _("cannot write the timeline to {file}: permission denied")
            if timeline
            else _("cannot write the audio to {file}: permission denied")
        )
        return problem.format(file=path)
    return None


class _Bar:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = sys.stderr.isatty()
        self.last = -1

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.shown:
            return
        total = 0.7 * fraction if stage == "speech" else 0.7 + 0.3 * fraction
        percent = int(total * 100)
        if percent != self.last:
            self.last = percent
            filled = int(total * 30)
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown and self.last >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 40) + "\r")
            sys.stderr.flush()


def _notes(session: Any) -> None:
    for note in session.notes:
        print(_("homework-tui: note: {note}").format(note=note), file=sys.stderr)


def run_render(args: argparse.Namespace) -> int:
    from audio.errors import AudioError

    out = Path(args.out).expanduser()
    timeline_path = Path(args.timeline).expanduser() if args.timeline else None
    for path, timeline in ((out, False), (timeline_path, True)):
        problem = _writable(path, timeline) if path is not None else None
        if problem:
            return fail(problem)
    problem = _cue_word(args)
    if problem:
        return fail(problem, 2)
    bar = _Bar(_("Rendering {session}").format(session=args.session))
    try:
        session = _build(args, require_speech=True)
        timeline = session.write_wav(out, progress=bar)
        if timeline_path is not None:
            tmp = timeline_path.with_name(f".{timeline_path.name}.part")
            tmp.write_text(
                json.dumps(timeline.to_json(), indent=1, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            tmp.replace(timeline_path)
    except AudioError as error:
        bar.done()
        return fail(str(error))
    except OSError as error:
        bar.done()
        return fail(
            _("cannot write {file}: {reason}").format(
                file=error.filename or out, reason=error.strerror or error
            )
        )
    bar.done()
    _notes(session)
    minutes, secs = divmod(round(timeline.seconds), 60)
    print(
        visible(
            _("Wrote {file} ({title}, {length}, {rate} Hz mono)").format(
                file=out,
                title=session.title,
                length=f"{minutes}:{secs:02d}",
                rate=timeline.sample_rate,
            )
        )
    )
    return 0


def run_play(args: argparse.Namespace) -> int:
    from audio.errors import AudioError
    from audio.player import open_player

    problem = _cue_word(args)
    if problem:
        return fail(problem, 2)
    try:
        session = _build(args, require_speech=False)
        player = open_player(session, device=args.device, require_device=True)
    except AudioError as error:
        no_device = "device" in str(error).lower() or "PortAudio" in str(error)
        return fail(
            _(
                "{problem}. You can still write the session to a file with `homework-tui render`"
            ).format(problem=error)
            if no_device
            else str(error)
        )
    _notes(session)
    print(_("{title}. Ctrl-C stops.").format(title=session.title))
    shown: tuple[Any, Any] = (None, None)
    try:
        while not player.wait(0.05):
            moment = player.now()
            key = (
                moment.stage.kind if moment.stage else None,
                moment.speech.text if moment.speech else None,
            )
            if key != shown and (key[1] or key[0] != shown[0]):
                shown = key
                if key[1]:
                    print(f"  {key[1]}")
                elif key[0] in _phase_words():
                    print(f"  ({_phase_words()[key[0]]})")
    except KeyboardInterrupt:
        player.stop()
        print()
        return 130
    time.sleep(0.1)
    return 0


def _phase_words() -> dict[str, str]:
    """The name of each phase of a session, shown while it plays."""
    return {
        "inhale": pgettext("phase", "inhale"),
        "hold": pgettext("phase", "hold"),
        "exhale": pgettext("phase", "exhale"),
        # Translators: breathing at one's own pace, with no pacer.
        "own": pgettext("phase", "own pace"),
        "tense": pgettext("phase", "tense"),
        "release": pgettext("phase", "release"),
    }
