"""`homework-tui doctor`: tell the truth about this computer, with a fix for each problem."""

from __future__ import annotations

import argparse

from homework_tui.commands.common import data_folder
from homework_tui.i18n import _
from homework_tui.model.base import visible

MARK = {"ok": "✓", "warn": "!", "fail": "✗"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    doctor = sub.add_parser(
        "doctor",
        help=_("check speech, sound and your data, and say how to fix problems"),
        description=_(
            "Check the speech engine, the sound output and your data file. "
            "Exits 0 when the app can run (it runs without sound, with captions)."
        ),
    )
    doctor.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from homework_tui.doctor import Level, run_checks

    findings = run_checks(data_folder(args))
    for finding in findings:  # a finding may quote the data folder's name: never raw
        print(visible(f"{MARK[finding.level.value]} {finding.topic}: {finding.summary}"))
        for line in finding.details:
            print(visible(f"    {line}"))
        if finding.fix:
            # Translators: how to fix a problem `homework-tui doctor` found.
            print(visible("    " + _("Fix: {fix}").format(fix=finding.fix)))
    failed = any(f.level is Level.FAIL for f in findings)
    print()
    if failed:
        print(_("homework-tui cannot open your data until the problem above is fixed."))
        return 1
    if any(f.level is Level.WARN for f in findings):
        print(_("homework-tui can run. Sessions will be silent where sound is missing."))
    else:
        print(_("Everything homework-tui needs is here."))
    return 0
