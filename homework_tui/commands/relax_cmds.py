"""`homework-tui breathe` and `homework-tui relax`: open the app straight on a running session.

The session is logged like one started from the Relax screen; the ratings (before and after) are
asked when it ends, and can be skipped. The introduction is left out unless `--intro` is given:
from the command line a person usually wants to start breathing at once.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from homework_tui.model.pmr_stages import KEYS as PMR_KEYS

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp
    from homework_tui.model.relaxation import RelaxChoice

PROTOCOLS = PMR_KEYS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    breathe = sub.add_parser(
        "breathe",
        help="start a guided breathing session now",
        description="Open homework-tui on a breathing session that starts at once, "
        "and log it when it ends.",
    )
    breathe.add_argument("--pattern", default="box", metavar="NAME",
                         help="box, 478, resonance, sigh, or the name of your own pattern "
                         "(default: box)")
    breathe.add_argument("--minutes", type=float, default=None, metavar="M",
                         help="how long, 1 to 60 minutes (default: the pattern's usual length)")
    breathe.add_argument("--bpm", type=float, default=None, metavar="N",
                         help="resonance only: breaths a minute, 4.5 to 6.5 (default 6)")
    breathe.add_argument("--ratio", default=None, metavar="IN:OUT",
                         help="resonance only: in:out, e.g. 4:6 (default 1:1)")
    _common(breathe)
    breathe.set_defaults(run=run_breathe)

    relax = sub.add_parser(
        "relax",
        help="start a guided muscle relaxation now",
        description="Open homework-tui on a progressive muscle relaxation that starts at once, "
        "and log it when it ends.",
    )
    relax.add_argument("--protocol", default="pmr16", choices=PROTOCOLS,
                       help="16, 7 or 4 muscle groups, release-only, or cue-controlled "
                       "(default: pmr16)")
    relax.add_argument("--minutes", type=float, default=None, metavar="M",
                       help="how long, 1 to 60 minutes (default: the protocol's usual length)")
    _common(relax)
    relax.set_defaults(run=run_relax)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--intro", action="store_true", help="begin with the spoken introduction")
    parser.add_argument("--no-voice", action="store_true",
                        help="no spoken guidance (tones and captions only)")
    parser.add_argument("--tones", action="store_true", help="a soft tone at each phase")


def _choice(args: argparse.Namespace, session: str, defaults: dict[str, Any]) -> RelaxChoice:
    from homework_tui.model.relaxation import RelaxChoice

    minutes = args.minutes if args.minutes is not None else defaults.get(session.lower(), 5)
    extra: dict[str, Any] = {}
    if getattr(args, "bpm", None) is not None:
        extra["breaths_per_minute"] = args.bpm
    if getattr(args, "ratio", None):
        extra["ratio"] = args.ratio
    return RelaxChoice(session=session, minutes=minutes, voice=not args.no_voice,
                       tones=args.tones or args.no_voice, intro=args.intro, **extra)


def _check(choice: RelaxChoice) -> None:
    """Say what is wrong with the session before the app opens (a ScriptError)."""
    from homework_tui.paths import config_dir

    from audio.breathing import load_custom_patterns
    from audio.scripts import build_plan

    custom = load_custom_patterns(config_dir() / "patterns.toml")
    options: dict[str, Any] = {}
    if choice.session.lower() == "resonance":
        from fractions import Fraction

        options = {"breaths_per_minute": Fraction(str(choice.breaths_per_minute)), "ratio": choice.ratio}
    build_plan(choice.session, minutes=choice.minutes, custom_patterns=custom, spoken_cues=choice.voice,
               tones=choice.tones, **options)


def _run(args: argparse.Namespace, session: str, defaults: dict[str, Any]) -> int:
    from homework_tui.commands.common import fail
    from homework_tui.model.base import ValidationError

    try:
        choice = _choice(args, session, defaults)
        _check(choice)
    except ValidationError as error:
        return fail(error.message, 2)
    except Exception as error:  # audio.errors.ScriptError and friends: a message for the person
        from audio.errors import AudioError

        if not isinstance(error, AudioError):
            raise
        return fail(str(error), 2)

    def start(app: HomeworkApp) -> None:
        app.open_section("relax")
        screen = app.screen
        from homework_tui.screens.relax import RelaxScreen

        if isinstance(screen, RelaxScreen):
            screen.choice = choice
            screen.start(choice, from_command=True)

    args.start = start
    from homework_tui.app import run_app

    return run_app(args)


def run_breathe(args: argparse.Namespace) -> int:
    from audio.breathing import DEFAULT_MINUTES

    return _run(args, args.pattern, {**DEFAULT_MINUTES, "478": 2})


def run_relax(args: argparse.Namespace) -> int:
    from audio.pmr import DEFAULT_MINUTES

    return _run(args, args.protocol, dict(DEFAULT_MINUTES))
