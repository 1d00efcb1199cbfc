"""The report's questionnaires (PHQ-9, GAD-7): one table row per time one was answered, with the
severity band and the change since the plan started, and item 9 named when it was above 0."""

from __future__ import annotations

from homework_tui.i18n import _
from homework_tui.model.activity import Activity
from homework_tui.report.choices import TextChoices
from homework_tui.report.local import shown
from homework_tui.report.md_text import cell, when


def questionnaires(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = [
        "",
        _("| Date | Questionnaire | Score | Severity | Change since the plan started |"),
        "|---|---|---|---|---|",
    ]
    item9: list[str] = []
    for result in found:
        f = result.fact
        score = _("{total} of {out_of}").format(
            total=f("Total"),
            out_of=f("Out of"),  # i18n: not shown
        )  # i18n: not shown
        change = cell(shown(f("Change since plan started")))  # i18n: not shown
        lines.append(
            f"| {when(result)} | {cell(f('Questionnaire'))} | {score} "
            f"| {cell(shown(f('Severity')))} | {change} |"
        )
        answer = result.fact("PHQ-9 item 9")
        if answer not in ("", "0"):
            item9.append(
                _(
                    "- {when}: item 9 (thoughts of being better off dead or of hurting yourself) "
                    "answered {answer} of 3."
                ).format(when=when(result), answer=answer)
            )
    if item9:
        above = _("PHQ-9 item 9 above 0 (the app showed Help now and the safety plan):")
        lines += ["", above, ""]
        lines += item9
    return lines
