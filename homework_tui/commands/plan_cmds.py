"""`homework-tui plan import FILE.toml` and `homework-tui plan show`."""

from __future__ import annotations

import argparse
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.model.base import visible


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    plan = sub.add_parser(
        "plan",
        help="the homework your therapist set: import their file, or show it",
        description="The homework your therapist set. The file format is described in "
        "docs/plan-format.md (every key and kind) and in the README, section Your therapist's "
        "plan, with an example in examples/plan.toml.",
    )
    plan.set_defaults(run=run_show)
    actions = plan.add_subparsers(dest="plan_command", metavar="ACTION")
    importing = actions.add_parser(
        "import",
        help="add the homework in a plan file (TOML) to your plan",
        description="Add the homework in a plan file to your plan. Importing the same file "
        "again updates it instead of adding it twice. Nothing is changed if the file has a "
        "problem: every problem is listed with its line.",
    )
    importing.add_argument("file", metavar="FILE.toml")
    importing.add_argument(
        "--replace",
        action="store_true",
        help="end the homework the file does not mention (what you did stays in your records)",
    )
    importing.set_defaults(run=run_import)
    show = actions.add_parser("show", help="list your plan, one line each")
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
        return fail(f"cannot read {path}: {reason}")
    try:
        plan = parse_plan(text)
    except PlanFileError as error:
        if len(error.problems) == 1:
            return fail(f"{path}, {error.problems[0]} (so nothing was imported)")
        lines = "\n".join(f"  {path.name}, {problem}" for problem in error.problems)
        return fail(f"{path} has {len(error.problems)} problems, so nothing was imported:\n{lines}")
    try:
        with opened_store(args) as store:
            result = import_plan(store, plan, replace_others=args.replace)
    except StoreError as error:
        return fail(str(error))
    print(f"Imported {visible(path.name)}: {result}.")
    for notice in plan.notices:
        print(f"  Changed: {visible(path.name)}, {notice}.")
    for assignment in result.added:
        print(f"  Added: {assignment.describe()}")
    for assignment in result.updated:
        print(f"  Updated: {assignment.describe()}")
    for assignment in result.ended:
        print(f"  Ended: {assignment.describe()}")
    if result.kept and not args.replace:
        print(
            f"{len(result.kept)} other homework from before is still in your plan; "
            "use --replace to end it, or change it in the app (Plan, p)."
        )
    print("Run `homework-tui today` to see what is due today.")
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
            "Your plan is empty. Import your therapist's file with "
            "`homework-tui plan import FILE.toml`, or add homework in the app (Plan, p)."
        )
        return 0
    if info.title or info.therapist:
        print(" · ".join(x for x in (info.title, info.therapist) if x))
    for assignment in current:
        dates = f"from {short_date(assignment.start)}"
        if assignment.end:
            dates += f" to {short_date(assignment.end)}"
        print(f"{assignment.describe()} ({dates})")
        if assignment.note:
            print("  Note: " + " ".join(assignment.note.split()))
    if info.next_session:
        print(f"Next session: {short_date(info.next_session)}")
    if info.describe_relax():
        print(info.describe_relax() + ".")
    return 0
