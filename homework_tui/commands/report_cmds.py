"""`homework-tui export --format markdown|csv --since DATE [--out FILE]`: the report for the next
session. The `export` command itself (and its JSON backup) lives in `commands/backup.py`; it calls
`add_report_options` and hands these two formats to `run_report`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.model.base import visible

LAST_SESSION = "last-session"


def add_report_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--since",
        metavar="DATE",
        default=LAST_SESSION,
        help="first day of the report, like 2025-03-10 (markdown and csv; default: your last "
        "session, from your plan)",
    )
    export.add_argument(
        "--until",
        metavar="DATE",
        help="last day of the report (default: today)",
    )
    export.add_argument(
        "--journal-text",
        action="store_true",
        help="include your journal writing in full (titles are always shown)",
    )
    export.add_argument(
        "--exposure-notes",
        action="store_true",
        help="include the notes written after each exposure",
    )
    export.add_argument(
        "--safety-plan",
        action="store_true",
        help="include your safety plan from Help now (left out unless you ask)",
    )
    export.add_argument(
        "--full-text",
        action="store_true",
        help="both of the above (evidence for and against is always in the report)",
    )


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{what} needs a date written like 2025-03-10 (got {text!r})") from None


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
                return fail(f"--since ({first}) is after the last day ({last}).", 2)
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
            written = write_csv(data, folder, choices=choices)
        except OSError as error:
            return fail(f"cannot write to {folder}: {error.strerror or error}")
        print(f"Saved {len(written)} CSV files in {visible(str(folder))}:", file=sys.stderr)
        for path in written:
            print(f"  {visible(path.name)}", file=sys.stderr)
        return 0
    text = render(data, choices)
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out).expanduser()
    try:
        write_private(out, text.encode("utf-8"))
    except OSError as error:
        return fail(f"cannot write {out}: {error.strerror or error}")
    print(f"Saved the report for your next session to {visible(str(out))}", file=sys.stderr)
    return 0
