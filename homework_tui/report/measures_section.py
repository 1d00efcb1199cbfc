"""The report's questionnaires (PHQ-9, GAD-7): one table row per time one was answered, with the
severity band and the change since the plan started, and item 9 named when it was above 0."""

from __future__ import annotations

from homework_tui.model.activity import Activity
from homework_tui.report.choices import TextChoices
from homework_tui.report.md_text import cell, when


def questionnaires(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = [
        "",
        "| Date | Questionnaire | Score | Severity | Change since the plan started |",
        "|---|---|---|---|---|",
    ]
    item9: list[str] = []
    for result in found:
        score = f"{result.fact('Total')} of {result.fact('Out of')}"
        lines.append(
            f"| {when(result)} | {cell(result.fact('Questionnaire'))} | {score} "
            f"| {cell(result.fact('Severity'))} | {cell(result.fact('Change since plan started'))} |"
        )
        answer = result.fact("PHQ-9 item 9")
        if answer not in ("", "0"):
            item9.append(
                f"- {when(result)}: item 9 (thoughts of being better off dead or of "
                f"hurting yourself) answered {answer} of 3."
            )
    if item9:
        lines += ["", "PHQ-9 item 9 above 0 (the app showed Help now and the safety plan):", ""]
        lines += item9
    return lines
