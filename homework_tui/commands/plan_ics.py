"""`homework-tui plan ics --out FILE.ics [--at 19:00]`: the plan as calendar reminders, one
repeating entry per homework with an alarm, for any calendar app (a phone's included)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.i18n import _, ngettext
from homework_tui.model.base import visible


def register_ics(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ics = actions.add_parser(
        "ics",
        help=_("write your plan as calendar reminders (an .ics file for any calendar app)"),
        description=_(
            "Write one repeating calendar entry per homework, with a reminder at the "
            "time you pick. Import the file into your phone's or computer's calendar: it reminds "
            "you without homework-tui running and without any network."
        ),
    )
    ics.add_argument("--out", metavar="FILE.ics", required=True, help=_("the file to write"))
    ics.add_argument(
        "--at",
        metavar="HH:MM",
        default="19:00",
        help=_("the time of the reminders (default 19:00)"),
    )
    ics.set_defaults(run=run_ics)


def run_ics(args: argparse.Namespace) -> int:
    from datetime import date

    from homework_tui.model.base import ValidationError, now
    from homework_tui.model.reminders import parse_at
    from homework_tui.report.files import write_private
    from homework_tui.report.ics import plan_calendar
    from homework_tui.store import StoreError
    from homework_tui.store.plan import assignments

    try:
        at = parse_at(args.at)
    except ValidationError as error:
        return fail(error.message, 2)
    try:
        with opened_store(args, read_only=True) as store:
            plan = assignments(store)
    except StoreError as error:
        return fail(str(error))
    data, count = plan_calendar(plan, at=at, today=date.today(), stamp=now())
    if count == 0:
        return fail(
            _(
                "your plan has no current homework to remind you of; import your therapist's "
                "file with `homework-tui plan import FILE.toml` or add homework in the app "
                "(Plan, p)."
            )
        )
    out = Path(args.out).expanduser()
    try:
        write_private(out, data)
    except OSError as error:
        return fail(
            _("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error)
        )
    print(
        ngettext(
            "Saved {n} reminder at {time} to {file}. Open it with your calendar app to add them.",
            "Saved {n} reminders at {time} to {file}. Open it with your calendar app to add them.",
            count,
        ).format(n=count, time=f"{at:%H:%M}", file=visible(str(out))),
        file=sys.stderr,
    )
    return 0
