"""The report's exposures, per fear ladder: the steps mastered and the next step, then each step
practised in the period with its peak and end across repeats, and one row per exposure with the
within-session drop and whether it counts toward mastery (and why not, in words: `judge` in the
model). Exposures with safety behaviours, or left early (by the person's account, or before the
time the plan asked for), are marked ⚑ on their rows (words in their own columns too, never the
mark alone). Under each step's table, the expectancy each exposure tested: what was feared, how
likely it seemed, whether it happened, how surprised the person was and what they learned.

Notes written after an exposure are the person's to share: in only when chosen (`TextChoices`).
"""

from __future__ import annotations

from homework_tui.model.activity import Activity
from homework_tui.model.exposure.mastery import StepProgress, StepState
from homework_tui.report.choices import TextChoices
from homework_tui.report.ladders import LadderSummary
from homework_tui.report.md_text import cell, esc, heading, long_date

FLAG = "⚑"
COLUMNS = (
    "Date",
    "Predicted",
    "Before",
    "Peak",
    "End",
    "Drop",
    "Minutes",
    "Safety behaviours",
    "Ended early",
    "Counts",
)


def flagged(exposure: Activity) -> bool:
    """Used safety behaviours, or left early (said so, or ended before the time planned)."""
    return any(
        exposure.fact(name) for name in ("Safety behaviours", "Ended early", "Left early (said)")
    )


def exposures(
    found: tuple[Activity, ...], choices: TextChoices, ladders: tuple[LadderSummary, ...]
) -> list[str]:
    lines: list[str] = []
    placed: set[str] = set()
    for ladder in ladders:
        own = tuple(e for e in found if e.ref_id in ladder.exposure_ids)
        if own:
            placed.update(e.ref_id for e in own)
            lines += _ladder(ladder, own, choices)
    rest = tuple(e for e in found if e.ref_id not in placed)
    if rest:  # a ladder that is no longer there at all
        lines += ["", "### Other exposures"]
        for step, done in _by_step(rest):
            lines += _step(step, done, choices)
    if any(flagged(e) for e in found):
        lines += [
            "",
            (
                f"{FLAG} marks an exposure with safety behaviours, or one left early (by "
                "their own account, or before the minutes the plan asked for)."
            ),
        ]
    return lines


def _ladder(ladder: LadderSummary, found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    mastered = ", ".join(f"{esc(s.description)} (SUDS {s.suds})" for s in ladder.mastered)
    upcoming = ladder.next_step
    lines = ["", f"### Ladder: {heading(ladder.name)}", ""]
    lines.append(f"- **Mastered steps:** {mastered or 'none yet'}")
    lines.append(
        "- **Next step:** "
        + (
            f"{esc(upcoming.description)} (SUDS {upcoming.suds})"
            if upcoming
            else "none: every step is mastered"
        )
    )
    lines.append(
        f"- **Mastery rule:** {ladder.rule.describe()} {ladder.settings.describe_exclusions()}"
    )
    for step, done in _by_step(found):
        lines += _step(step, done, choices, ladder.progress(step), ladder.rule.repeats)
    return lines


def _by_step(found: tuple[Activity, ...]) -> list[tuple[str, list[Activity]]]:
    """Exposures grouped by their step's words, lowest step SUDS first."""
    steps: dict[str, list[Activity]] = {}
    for exposure in found:
        steps.setdefault(exposure.group or exposure.title, []).append(exposure)
    return sorted(steps.items(), key=lambda kv: kv[1][0].measure("step_suds") or 0)


def _state(progress: StepProgress | None, repeats: int) -> str:
    if progress is None:
        return ""
    recent = min(progress.tries, progress.window)
    counted = progress.counted
    if progress.state is StepState.MASTERED:
        return f" Mastered: {counted} of its last {recent} exposures count."
    earlier = " It was mastered before; practising again." if progress.practising_again else ""
    if recent == 1:
        told = f"its one exposure so far {'counts' if counted else 'does not count'} towards it"
    else:
        many = "none" if counted == 0 else str(counted)
        verb = "counts" if counted == 1 else "count"
        told = f"{many} of its last {recent} exposures {verb} towards it"
    return f" Not mastered yet: {told} ({repeats} needed).{earlier}"


def _step(
    step: str,
    done: list[Activity],
    choices: TextChoices,
    progress: StepProgress | None = None,
    repeats: int = 0,
) -> list[str]:
    suds = done[0].fact("Step SUDS")
    times = "once" if len(done) == 1 else f"{len(done)} times"
    about = f"Practised {times} in these days" + (f" (step SUDS {suds})." if suds else ".")
    lines = ["", f"#### {heading(step)}", "", about + _state(progress, repeats) + _across(done), ""]
    lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for e in done:
        date = long_date(e.at) + (f" {FLAG}" if flagged(e) else "")
        drop = e.fact("Drop (%)")
        early = _early(e)
        lines.append(
            "| "
            + " | ".join(
                [
                    date,
                    *(cell(e.fact(k)) for k in ("Predicted", "Before", "Peak", "End")),
                    f"{drop}%" if drop else "–",
                    cell(e.fact("Minutes")),
                    cell(e.fact("Safety behaviours")),
                    early or "–",
                    _counts(e),
                ]
            )
            + " |"
        )
    lines += _expectancies(done)
    notes = [(e, e.fact("Notes")) for e in done if e.fact("Notes")]
    if notes and choices.exposure_notes:
        lines.append("")
        lines += [f"- {long_date(e.at)}: {esc(n)}" for e, n in notes]
    elif notes:
        lines += [
            "",
            ("Notes written after this step stay private unless you choose to include them."),
        ]
    return lines


def _across(done: list[Activity]) -> str:
    """Peak and end from the first repeat to the last (between-session change)."""
    if len(done) < 2:
        return ""
    first, last = done[0], done[-1]
    return (
        f" From the first time to the last, the peak went from {first.fact('Peak')} to "
        f"{last.fact('Peak')} and the end from {first.fact('End')} to {last.fact('End')}."
    )


def _early(exposure: Activity) -> str:
    parts = []
    if exposure.fact("Left early (said)"):
        parts.append("by their own account")
    if exposure.fact("Ended early"):
        planned = exposure.fact("Planned minutes")
        parts.append(f"after {exposure.fact('Minutes')} of {planned} minutes")
    return "yes, " + " and ".join(parts) if parts else ""


def _counts(exposure: Activity) -> str:
    """“yes”, or “no: used a safety behaviour (…); left early”, with how it was judged."""
    if not exposure.fact("Counts"):
        return "–"
    words = (
        "yes" if exposure.fact("Counts") == "yes" else "no: " + exposure.fact("Not counted because")
    )
    note = exposure.fact("Judged")
    return cell(f"{words} ({note})" if note else words)


def _expectancies(done: list[Activity]) -> list[str]:
    """What each exposure tested: feared outcome, likelihood, whether it happened, surprise and
    what was learned (typed text escaped)."""
    tested = [e for e in done if e.fact("Feared outcome")]
    if not tested:
        return []
    lines = ["", "What was feared, and what happened:", ""]
    for e in tested:
        parts = [f"feared “{_one_line(e.fact('Feared outcome'))}”"]
        if e.fact("Likelihood"):
            parts[0] += f" (likelihood {e.fact('Likelihood')} of 100)"
        happened = e.fact("Happened")
        parts.append(f"did it happen: {happened or 'not answered'}")
        if e.fact("Surprise"):
            parts.append(f"surprise {e.fact('Surprise')} of 100")
        if e.fact("Learned"):
            parts.append(f"learned: {_one_line(e.fact('Learned'))}")
        lines.append(f"- {long_date(e.at)}: " + "; ".join(parts))
    return lines


def _one_line(text: str) -> str:
    return esc(" ".join(text.split()))
