"""`homework-tui sessions` and `homework-tui voices`: the guided sessions and the speech voices
there are, and the check of a person's own session script (`sessions --check FILE`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from homework_tui.commands.common import fail
from homework_tui.i18n import _, decimal, ngettext, pgettext


def folders() -> tuple[Path, Path]:
    """The config folder (own scripts, wording) and the speech cache."""
    from homework_tui.paths import cache_dir, config_dir

    return config_dir(), cache_dir() / "speech"


def _kind_words() -> dict[str, str]:
    """The kinds of session, as the session list names them."""
    return {
        "breathing": pgettext("session kind", "breathing"),
        "relaxation": pgettext("session kind", "relaxation"),
        "mindfulness": pgettext("session kind", "mindfulness"),
    }


def _kind_headings() -> dict[str, str]:
    """The heading over each kind of session in the list."""
    return {
        "breathing": _("Breathing:"),
        "relaxation": _("Relaxation:"),
        "mindfulness": _("Mindfulness:"),
    }


def run_voices(args: argparse.Namespace) -> int:
    from audio.errors import AudioError
    from audio.voice import DEFAULT_VOICE, list_voices

    cache = folders()[1]
    try:
        voices = list_voices(cache)
    except AudioError as error:
        return fail(str(error))
    from audio.voice import voices_for_language

    shown = voices_for_language(args.language, voices)
    if not shown:
        return fail(
            _("no voice for language '{language}'; run `homework-tui voices` to see all").format(
                language=args.language
            )
        )
    width = max(len(v.id) for v in shown)
    for v in shown if args.language else sorted(shown, key=lambda v: v.id):
        mark = "*" if v.id == DEFAULT_VOICE else " "
        print(f"{mark} {v.id:<{width}}  {v.name} ({', '.join(v.languages)})")
    print()
    print(
        _(
            "* the default. Add a variant for a different sound, e.g. --voice {voice}+f3 "
            "(f1-f5, m1-m7)."
        ).format(voice=DEFAULT_VOICE)
    )
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    from audio.errors import ScriptError
    from audio.script_file import list_scripts, load_script, user_folder

    config = folders()[0]
    if args.check:
        path = Path(args.check).expanduser()
        try:
            script = load_script(path)
            from audio.script_plan import script_plan

            script_plan(script, name=path.stem.lower())  # lengths, wording and patterns too
        except ScriptError as error:
            return fail(str(error))
        steps = len(script.steps())
        fields = {
            "file": path.name,
            "title": script.title,
            "kind": _kind_words().get(script.kind, script.kind),
            "language": script.language,
            "steps": steps,
        }
        if script.minutes is not None:
            line = ngettext(
                "{file}: fine ({title}, {kind}, language {language}, {minutes} minutes, "
                "{steps} step)",
                "{file}: fine ({title}, {kind}, language {language}, {minutes} minutes, "
                "{steps} steps)",
                steps,
            ).format(minutes=decimal(float(script.minutes), 3), **fields)
        else:
            line = ngettext(
                "{file}: fine ({title}, {kind}, language {language}, {steps} step)",
                "{file}: fine ({title}, {kind}, language {language}, {steps} steps)",
                steps,
            ).format(**fields)
        print(line)
        return 0
    scripts, problems = list_scripts(config)
    name_w = max((len(i.name) for i in scripts), default=4)
    # Translators: a session for any language (in a narrow column of language codes).
    any_language = pgettext("session language", "any")
    language_w = max(5, len(any_language))
    for kind in ("breathing", "relaxation", "mindfulness"):
        group = [i for i in scripts if i.kind == kind]
        if not group:
            continue
        print(_kind_headings()[kind])
        for info in group:
            minutes = (
                # Translators: a session's length in a narrow column; "min" is minutes.
                _("{minutes} min").format(minutes=decimal(float(info.minutes), 3))
                if info.minutes is not None
                # Translators: a session whose length cannot be chosen (in an 8-letter column).
                else _("fixed")
            )
            mine = (
                " " + _("(yours, in place of the built-in)")
                if info.overrides_builtin
                else " " + _("(yours)")
                if not info.builtin
                else ""
            )
            code = any_language if info.language == "any" else info.language
            language = f"{code:<{language_w}}"
            print(f"  {info.name:<{name_w}}  {language} {minutes:>8}  {info.title}{mine}")
    folder = user_folder(config)
    print()
    print(_("Your own scripts go in {folder} (one .txt file each).").format(folder=folder))
    for problem in problems:
        print(_("homework-tui: warning: {problem}").format(problem=problem), file=sys.stderr)
    return 0
