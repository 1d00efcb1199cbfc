"""`homework-tui export --format markdown|csv --since DATE [--out FILE] [--language CODE]`: the
report for the next session, written in the therapist's language when it is not the person's.
The `export` command itself (and its JSON backup) lives in `commands/backup.py`; it calls
`add_report_options` and hands these two formats to `run_report`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from homework_tui.commands.common import fail, opened_store
from homework_tui.i18n import LANGUAGES, _, current_language, in_language, ngettext
from homework_tui.model.base import visible

if TYPE_CHECKING:
    from homework_tui.store import Store

LAST_SESSION = "last-session"


def add_report_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--since",
        metavar="DATE",
        default=LAST_SESSION,
        help=_(
            "first day of the report, like 2025-03-10 (markdown and csv; default: your last "
            "session, from your plan)"
        ),
    )
    export.add_argument(
        "--until",
        metavar="DATE",
        help=_("last day of the report (default: today)"),
    )
    export.add_argument(
        "--journal-text",
        action="store_true",
        help=_("include your journal writing in full (titles are always shown)"),
    )
    export.add_argument(
        "--exposure-notes",
        action="store_true",
        help=_("include the notes written after each exposure"),
    )
    export.add_argument(
        "--safety-plan",
        action="store_true",
        help=_("include your safety plan from Help now (left out unless you ask)"),
    )
    export.add_argument(
        "--full-text",
        action="store_true",
        help=_("both of the above (evidence for and against is always in the report)"),
    )
    export.add_argument(
        "--language",
        dest="report_language",  # the interface's own --language (before the command) stays
        metavar="CODE",
        choices=sorted(LANGUAGES),
        # Translators: {languages} is a list of codes like "de, en, es, fr, it, pt".
        help=_(
            "the language of the report (markdown and csv), for a therapist who reads another: "
            "{languages} (default: the language of your screens)"
        ).format(languages=", ".join(sorted(LANGUAGES))),
    )


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        message = _("{option} needs a date written like 2025-03-10 (got {text})")
        raise ValueError(message.format(option=what, text=repr(text))) from None


def report_language(args: argparse.Namespace, store: Store) -> str:
    """The report's language: `export --language`, else the interface's (the `--language`
    before the command, else the one saved in Settings, else the computer's)."""
    asked = getattr(args, "report_language", None)
    if asked:
        return str(asked)
    if getattr(args, "language", None):
        return current_language()
    from homework_tui.model.settings import Settings
    from homework_tui.store import Singleton

    try:
        saved = Singleton(store, "settings", Settings, Settings).load().language
    except Exception:  # noqa: BLE001 - unreadable settings: the computer's language, as the app
        saved = ""
    return saved or current_language()


def run_report(args: argparse.Namespace) -> int:
    from homework_tui.report.choices import TextChoices
    from homework_tui.report.csv_files import write_csv
    from homework_tui.report.data import collect, since_last_session
    from homework_tui.report.files import write_private
    from homework_tui.report.markdown import render
    from homework_tui.store import StoreError

    today = date.today()
    try:
        last = _day(args.until, "--until") if args.until else today
    except ValueError as error:
        return fail(str(error), 2)
    try:
        with opened_store(args, read_only=True) as store:
            if args.since == LAST_SESSION:
                first = since_last_session(store, last)
            else:
                try:
                    first = _day(args.since, "--since")
                except ValueError as error:
                    return fail(str(error), 2)
            if first > last:
                return fail(
                    _("--since ({first}) is after the last day ({last}).").format(
                        first=first.isoformat(), last=last.isoformat()
                    ),
                    2,
                )
            language = report_language(args, store)
            with in_language(language):
                data = collect(store, first, last)
    except StoreError as error:
        return fail(str(error))
    choices = TextChoices(
        journal_text=args.journal_text or args.full_text,
        exposure_notes=args.exposure_notes or args.full_text,
        safety_plan=args.safety_plan,
    )
    if args.format == "csv":
        folder = Path(args.out or f"homework-{first}-to-{last}").expanduser()
        try:
            with in_language(language):
                written = write_csv(data, folder, choices=choices)
        except OSError as error:
            return fail(
                _("cannot write to {folder}: {reason}").format(
                    folder=folder, reason=error.strerror or error
                )
            )
        count = len(written)
        print(
            ngettext(
                "Saved {n} CSV file in {folder}:", "Saved {n} CSV files in {folder}:", count
            ).format(n=count, folder=visible(str(folder))),
            file=sys.stderr,
        )
        for path in written:
            print(f"  {visible(path.name)}", file=sys.stderr)
        return 0
    with in_language(language):
        text = render(data, choices)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out).expanduser()
    try:
        write_private(out, text.encode("utf-8"))
    except OSError as error:
        return fail(
            _("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error)
        )
    print(
        _("Saved the report for your next session to {file}").format(file=visible(str(out))),
        file=sys.stderr,
    )
    return 0
