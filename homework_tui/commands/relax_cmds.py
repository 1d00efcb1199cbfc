"""`homework-tui breathe` and `homework-tui relax [NAME]`: open the app straight on a session.

`relax` takes any name `homework-tui sessions` lists (muscle relaxation, body scan, your own
scripts and patterns); `breathe` a breathing pattern. The session is logged like one started from
the Relax screen: how the person feels is asked before it starts and again when it ends (Esc skips
either). The introduction is left out unless `--intro` is given: from the command line a person
usually wants to start at once. Without a sound device it plays silently, with captions.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import _
from homework_tui.model.pmr_stages import KEYS as PMR_KEYS

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp
    from homework_tui.model.relaxation import RelaxChoice
    from homework_tui.services.relax_catalog import SessionEntry

PROTOCOLS = PMR_KEYS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    breathe = sub.add_parser(
        "breathe",
        help=_("start a guided breathing session now"),
        description=_(
            "Open homework-tui on a breathing session that starts at once, and log it when it ends."
        ),
    )
    breathe.add_argument(
        "--pattern",
        default="box",
        metavar="NAME",
        # Translators: box, 478, resonance and sigh are names to type: keep them.
        help=_("box, 478, resonance, sigh, or the name of your own pattern (default: box)"),
    )
    breathe.add_argument(
        "--minutes",
        type=float,
        default=None,
        metavar="M",
        help=_("how long, 1 to 60 minutes (default: the pattern's usual length)"),
    )
    breathe.add_argument(
        "--bpm",
        type=float,
        default=None,
        metavar="N",
        help=_("resonance only: breaths a minute, 4.5 to 6.5 (default 6)"),
    )
    breathe.add_argument(
        "--ratio",
        default=None,
        metavar="IN:OUT",
        help=_("resonance only: in:out, e.g. 4:6 (default 1:1)"),
    )
    _common(breathe)
    breathe.set_defaults(run=run_breathe)

    relax = sub.add_parser(
        "relax",
        help=_("start a guided session now (muscle relaxation, body scan, any from `sessions`)"),
        description=_(
            "Open homework-tui on a guided session that starts once you have said how "
            "you feel, and log it when it ends. NAME is any session `homework-tui sessions` lists."
        ),
    )
    relax.add_argument(
        "session",
        nargs="?",
        default=None,
        metavar="NAME",
        help=_("the session, e.g. pmr16, pmr7, body-scan (default: pmr16)"),
    )
    relax.add_argument(
        "--protocol",
        default=None,
        choices=PROTOCOLS,
        help=_("the same as NAME, for muscle relaxation (kept for old scripts)"),
    )
    relax.add_argument(
        "--minutes",
        type=float,
        default=None,
        metavar="M",
        help=_("how long, 1 to 60 minutes (default: the session's usual length)"),
    )
    _common(relax)
    relax.set_defaults(run=run_relax)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--intro", action="store_true", help=_("begin with the spoken introduction")
    )
    parser.add_argument(
        "--no-voice", action="store_true", help=_("no spoken guidance (tones and captions only)")
    )
    parser.add_argument("--tones", action="store_true", help=_("a soft tone at each phase"))


def _entry(session: str) -> SessionEntry | None:
    """The session called `session` in the Relax list (built-in, the person's script or pattern)."""
    from homework_tui.services.relax_catalog import catalog
    from homework_tui.ui.relax.relax_data import custom_patterns

    return catalog(custom_patterns()[0]).get(session)


def _choice(
    args: argparse.Namespace, session: str, defaults: dict[str, Any], entry: SessionEntry | None
) -> RelaxChoice:
    from homework_tui.model.relaxation import RelaxChoice

    usual = entry.minutes if entry is not None and entry.minutes is not None else None
    minutes = (
        args.minutes if args.minutes is not None else usual or defaults.get(session.lower(), 5)
    )
    extra: dict[str, Any] = {}
    if getattr(args, "bpm", None) is not None:
        extra["breaths_per_minute"] = args.bpm
    if getattr(args, "ratio", None):
        extra["ratio"] = args.ratio
    if entry is not None:  # as the Relax screen makes it (see RelaxScreen.read_choice)
        mindful = entry.kind == "mindfulness"
        session = entry.name
        extra |= {
            "session_kind": entry.kind,
            "session_title": entry.title,
            "own_length": mindful and entry.minutes is None,
        }
    return RelaxChoice(
        session=session,
        minutes=minutes,
        voice=not args.no_voice,
        tones=args.tones or args.no_voice,
        intro=args.intro,
        **extra,
    )


def _check(choice: RelaxChoice) -> None:
    """Say what is wrong with the session before the app opens (an AudioError): the check the
    Relax screen makes before it asks how the person feels."""
    from homework_tui.model.settings import Settings
    from homework_tui.services.relax_player import RelaxAudio

    RelaxAudio().check(choice, Settings())  # only checks: starts no helper process


def _run(
    args: argparse.Namespace, session: str, defaults: dict[str, Any], entry: SessionEntry | None
) -> int:
    from homework_tui.commands.common import fail
    from homework_tui.model.base import ValidationError

    try:
        choice = _choice(args, session, defaults, entry)
        _check(choice)
    except ValidationError as error:
        return fail(error.message, 2)
    except Exception as error:  # audio.errors.ScriptError and friends: a message for the person
        from audio.errors import AudioError

        if not isinstance(error, AudioError):
            raise
        return fail(str(error), 2)

    if getattr(args, "plain_mode", False):  # --plain, or TERM=dumb: lines, and no Textual
        from homework_tui.plain.relax import run_session

        return run_session(args, choice)

    def start(app: HomeworkApp) -> None:
        app.open_section("relax")
        screen = app.screen
        from homework_tui.ui.relax.relax import RelaxScreen

        if isinstance(screen, RelaxScreen):
            screen.check_then_rate(choice, remember=False)  # again, with the person's settings

    args.start = start
    from homework_tui.app import run_app

    return run_app(args)


def run_breathe(args: argparse.Namespace) -> int:
    from audio.breathing import DEFAULT_MINUTES

    return _run(args, args.pattern, {**DEFAULT_MINUTES, "478": 2}, _entry(args.pattern))


def run_relax(args: argparse.Namespace) -> int:
    from homework_tui.commands.common import fail

    if (
        args.session is not None
        and args.protocol is not None
        and args.session.lower() != args.protocol.lower()
    ):
        return fail(
            _("choose one session: {name} or --protocol {protocol}").format(
                name=args.session, protocol=args.protocol
            ),
            2,
        )
    session = args.session or args.protocol or PMR_KEYS[0]
    entry = _entry(session)
    if entry is None:
        return fail(
            _(
                "there is no session called “{name}”. `homework-tui sessions` lists the names."
            ).format(name=session),
            2,
        )
    return _run(args, session, {}, entry)
