"""`homework-tui plan import FILE.toml` and `homework-tui plan show`."""

from __future__ import annotations

import argparse
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.i18n import _, ngettext
from homework_tui.model.base import visible


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = sub.add_parser(
        "plan",
        help=_("the homework your therapist set: import their file, or show it"),
        description=_(
            "The homework your therapist set. The file format is described in "
            "docs/plan-format.md (every key and kind) and in the README, section Your therapist's "
            "plan, with an example in examples/plan.toml."
        ),
    )
    plan.set_defaults(run=run_show)
    actions = plan.add_subparsers(dest="plan_command", metavar="ACTION")
    importing = actions.add_parser(
        "import",
        help=_("add the homework in a plan file (TOML) to your plan"),
        description=_(
            "Add the homework in a plan file to your plan. Importing the same file "
            "again updates it instead of adding it twice. Nothing is changed if the file has a "
            "problem: every problem is listed with its line."
        ),
    )
    importing.add_argument("file", metavar="FILE.toml")
    importing.add_argument(
        "--replace",
        action="store_true",
        help=_("end the homework the file does not mention (what you did stays in your records)"),
    )
    importing.set_defaults(run=run_import)
    show = actions.add_parser("show", help=_("list your plan, one line each"))
    show.set_defaults(run=run_show)
    from homework_tui.commands.plan_ics import register_ics

    register_ics(actions)


def run_import(args: argparse.Namespace) -> int:
    from homework_tui.model.plan_toml import PlanFileError, parse_plan
    from homework_tui.store import StoreError
    from homework_tui.store.plan import import_plan

    path = Path(args.file).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return fail(_("cannot read {file}: {reason}").format(file=path, reason=reason))
    try:
        plan = parse_plan(text)
    except PlanFileError as error:
        if len(error.problems) == 1:
            # Translators: {problem} starts with its line, e.g. "line 4: start needs a date…".
            return fail(
                _("{file}, {problem} (so nothing was imported)").format(
                    file=path, problem=error.problems[0]
                )
            )
        lines = "\n".join(f"  {path.name}, {problem}" for problem in error.problems)
        count = len(error.problems)
        message = ngettext(
            "{file} has {n} problem, so nothing was imported:\n{lines}",
            "{file} has {n} problems, so nothing was imported:\n{lines}",
            count,
        )
        return fail(message.format(file=path, n=count, lines=lines))
    try:
        with opened_store(args) as store:
            result = import_plan(store, plan, replace_others=args.replace)
    except StoreError as error:
        return fail(str(error))
    # Translators: {result} says what changed (e.g. "2 added, 1 updated").
    print(_("Imported {file}: {result}.").format(file=visible(path.name), result=result))
    for notice in plan.notices:
        # Translators: {notice} is what the plan file's reader changed and why.
        text = _("Changed: {file}, {notice}.").format(file=visible(path.name), notice=notice)
        print(f"  {text}")
    for heading, done in (
        (_("Added: {homework}"), result.added),
        (_("Updated: {homework}"), result.updated),
        (_("Ended: {homework}"), result.ended),
    ):
        for assignment in done:
            print("  " + heading.format(homework=assignment.describe()))
    if result.kept and not args.replace:
        count = len(result.kept)
        print(
            ngettext(
                "{n} other homework from before is still in your plan; "
                "use --replace to end it, or change it in the app (Plan, p).",
                "{n} other homework from before is still in your plan; "
                "use --replace to end it, or change it in the app (Plan, p).",
                count,
            ).format(n=count)
        )
    print(_("Run `homework-tui today` to see what is due today."))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from datetime import date

    from homework_tui.model.plan import short_date
    from homework_tui.store import StoreError
    from homework_tui.store.plan import assignments, plan_info

    try:
        with opened_store(args, read_only=True) as store:
            plan = assignments(store)
            info = plan_info(store).load()
    except StoreError as error:
        return fail(str(error))
    today = date.today()
    current = [a for a in plan if not a.ended_before(today)]
    if not current:
        print(
            _(
                "Your plan is empty. Import your therapist's file with "
                "`homework-tui plan import FILE.toml`, or add homework in the app (Plan, p)."
            )
        )
        return 0
    if info.title or info.therapist:
        print(" · ".join(x for x in (info.title, info.therapist) if x))
    for assignment in current:
        if assignment.end:
            dates = _("from {start} to {end}").format(
                start=short_date(assignment.start), end=short_date(assignment.end)
            )
        else:
            dates = _("from {start}").format(start=short_date(assignment.start))
        print(f"{assignment.describe()} ({dates})")
        if assignment.note:
            print("  " + _("Note: {note}").format(note=" ".join(assignment.note.split())))
    if info.next_session:
        print(_("Next session: {day}").format(day=short_date(info.next_session)))
    if info.describe_relax():
        print(info.describe_relax() + ".")
    return 0
