"""The words of the exposure screens: empty states, the keys line, a step's progress in words."""

from __future__ import annotations

from rich.text import Text

from homework_tui.model.exposure import Exposure
from homework_tui.model.exposure.mastery import (
    MasteryRule,
    StepProgress,
    StepState,
    between_sessions,
)

NO_LADDER = (
    "You have no ladder yet. Press n to start one: give it a name, like “Social situations”, "
    "and the goal you're working towards. Then add steps, from a little scary to very scary."
)
NO_STEPS = (
    "No steps yet. Press a to add one — a situation that makes you a little anxious "
    "(around 25 to 45) is a good first rung."
)
KEYS_LINE = (
    "↑↓ choose · c charts · e edit · d remove · ⇧↑/⇧↓ move · n new ladder · r rename · "
    "D remove ladder · [ ] ladders · o options · F1 all keys"
)


def step_detail(item: StepProgress, exposures: list[Exposure], rule: MasteryRule) -> Text:
    """Two or three lines about the chosen step: its rating, state and what changed."""
    step = item.step
    text = Text()
    text.append(f"SUDS {step.suds}  ", style="dim")
    text.append(step.description, style="bold")
    text.append("\n")
    if item.state is StepState.NOT_TRIED:
        text.append("○ Not tried yet. ", style="")
        text.append("Press l to log an exposure, or t to time one as you do it.")
        return text
    tries = f"{item.tries} exposure{'s' if item.tries != 1 else ''}"
    if item.tries == 1:
        counting = "counting" if item.counted else "not counting"
    else:
        counting = f"{item.counted} of the last {min(item.tries, item.window)} counting"
    if item.state is StepState.MASTERED:
        text.append(f"● Mastered: {tries}, {counting}. ")
    else:
        again = " again (it was mastered before)" if item.practising_again else ""
        text.append(f"◐ Practising{again}: {tries}, {counting}, {rule.repeats} needed. ")
    last = exposures[-1] if exposures else None
    if last is not None:
        text.append(f"\nLast time: peak {last.peak} → end {last.end}")
        if last.expectancy_violation is not None:
            text.append(f", predicted {last.predicted}")
        if item.judgements:
            text.append(f" — {item.judgements[-1].words}")
        text.append(". ")
    figures = between_sessions(exposures)
    if figures is not None and figures.peak_change < 0:
        text.append(f"Peak across repeats: {figures.first_peak} → {figures.last_peak}. ")
    return text
