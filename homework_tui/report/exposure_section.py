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

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.activity import Activity
from homework_tui.model.exposure.mastery import StepProgress, StepState
from homework_tui.report.choices import TextChoices
from homework_tui.report.ladders import LadderSummary
from homework_tui.report.local import shown
from homework_tui.report.md_text import cell, esc, heading, long_date

FLAG = "⚑"
COLUMNS = (
    N_("Date"),
    N_("Predicted"),
    N_("Before"),
    N_("Peak"),
    N_("End"),
    N_("Drop"),
    N_("Minutes"),
    N_("Safety behaviours"),
    N_("Ended early"),
    N_("Counts"),
)
# The facts that flag an exposure (their names are the data's, never shown from here).
FLAG_FACTS = ("Safety behaviours", "Ended early", "Left early (said)")  # i18n: not shown


def flagged(exposure: Activity) -> bool:
    """Used safety behaviours, or left early (said so, or ended before the time planned)."""
    return any(exposure.fact(name) for name in FLAG_FACTS)


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
        lines += ["", "### " + _("Other exposures")]
        for step, done in _by_step(rest):
            lines += _step(step, done, choices)
    if any(flagged(e) for e in found):
        lines += [
            "",
            _(
                "{flag} marks an exposure with safety behaviours, or one left early (by their "
                "own account, or before the minutes the plan asked for)."
            ).format(flag=FLAG),
        ]
    return lines


def _ladder(ladder: LadderSummary, found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    mastered = ", ".join(f"{esc(s.description)} (SUDS {s.suds})" for s in ladder.mastered)
    upcoming = ladder.next_step
    lines = ["", "### " + _("Ladder: {name}").format(name=heading(ladder.name)), ""]
    lines.append(_("- **Mastered steps:** {steps}").format(steps=mastered or _("none yet")))
    if upcoming:
        step = f"{esc(upcoming.description)} (SUDS {upcoming.suds})"
    else:
        step = _("none: every step is mastered")
    lines.append(_("- **Next step:** {step}").format(step=step))
    lines.append(
        _("- **Mastery rule:** {rule} {exclusions}").format(
            rule=ladder.rule.describe(), exclusions=ladder.settings.describe_exclusions()
        )
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
        mastered = ngettext(
            "Mastered: {counted} of its last {recent} exposures count.",
            "Mastered: {counted} of its last {recent} exposures count.",
            recent,
        )
        return " " + mastered.format(counted=counted, recent=recent)
    if recent == 1 and counted:
        told = _("its one exposure so far counts towards it")
    elif recent == 1:
        told = _("its one exposure so far does not count towards it")
    elif counted == 0:
        told = _("none of its last {recent} exposures count towards it").format(recent=recent)
    elif counted == 1:
        told = _("1 of its last {recent} exposures counts towards it").format(recent=recent)
    else:
        told = _("{counted} of its last {recent} exposures count towards it").format(
            counted=counted, recent=recent
        )
    line = " " + _("Not mastered yet: {told} ({repeats} needed).").format(
        told=told, repeats=repeats
    )
    if progress.practising_again:
        line += " " + _("It was mastered before; practising again.")
    return line


def _step(
    step: str,
    done: list[Activity],
    choices: TextChoices,
    progress: StepProgress | None = None,
    repeats: int = 0,
) -> list[str]:
    suds = done[0].fact("Step SUDS")  # i18n: not shown
    if len(done) == 1:
        about = _("Practised once in these days (step SUDS {suds}).")
        about = about if suds else _("Practised once in these days.")
    elif suds:
        about = ngettext(
            "Practised {n} time in these days (step SUDS {suds}).",
            "Practised {n} times in these days (step SUDS {suds}).",
            len(done),
        )
    else:
        about = ngettext(
            "Practised {n} time in these days.", "Practised {n} times in these days.", len(done)
        )
    about = about.format(n=len(done), suds=suds)
    lines = ["", f"#### {heading(step)}", "", about + _state(progress, repeats) + _across(done), ""]
    lines += ["| " + " | ".join(_(c) for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
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
                    cell(e.fact("Safety behaviours")),  # i18n: not shown
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
            _("Notes written after this step stay private unless you choose to include them."),
        ]
    return lines


def _across(done: list[Activity]) -> str:
    """Peak and end from the first repeat to the last (between-session change)."""
    if len(done) < 2:
        return ""
    first, last = done[0], done[-1]
    across = _(
        "From the first time to the last, the peak went from {first_peak} to {last_peak} and "
        "the end from {first_end} to {last_end}."
    )
    return " " + across.format(
        first_peak=first.fact("Peak"),
        last_peak=last.fact("Peak"),
        first_end=first.fact("End"),
        last_end=last.fact("End"),
    )


def _early(exposure: Activity) -> str:
    said = bool(exposure.fact("Left early (said)"))  # i18n: not shown
    fields = {
        "minutes": exposure.fact("Minutes"),
        "planned": exposure.fact("Planned minutes"),  # i18n: not shown
    }
    if not exposure.fact("Ended early"):  # i18n: not shown
        return _("yes, by their own account") if said else ""
    if said:
        return _("yes, by their own account and after {minutes} of {planned} minutes").format(
            **fields
        )
    return _("yes, after {minutes} of {planned} minutes").format(**fields)


def _counts(exposure: Activity) -> str:
    """“yes”, or “no: used a safety behaviour (…); left early”, with how it was judged."""
    if not exposure.fact("Counts"):
        return "–"
    if exposure.fact("Counts") == "yes":
        words = _("yes")
    else:
        why = exposure.fact("Not counted because")  # i18n: not shown
        words = _("no: {reason}").format(reason=shown(why))
    note = exposure.fact("Judged")
    return cell(_("{words} ({note})").format(words=words, note=shown(note)) if note else words)


def _expectancies(done: list[Activity]) -> list[str]:
    """What each exposure tested: feared outcome, likelihood, whether it happened, surprise and
    what was learned (typed text escaped)."""
    tested = [e for e in done if e.fact("Feared outcome")]  # i18n: not shown
    if not tested:
        return []
    lines = ["", _("What was feared, and what happened:"), ""]
    for e in tested:
        feared = _one_line(e.fact("Feared outcome"))  # i18n: not shown
        likelihood = e.fact("Likelihood")
        if likelihood:
            parts = [
                _("feared “{feared}” (likelihood {likelihood} of 100)").format(
                    feared=feared, likelihood=likelihood
                )
            ]
        else:
            parts = [_("feared “{feared}”").format(feared=feared)]
        happened = shown(e.fact("Happened")) or _("not answered")
        parts.append(_("did it happen: {happened}").format(happened=happened))
        if e.fact("Surprise"):
            parts.append(_("surprise {surprise} of 100").format(surprise=e.fact("Surprise")))
        if e.fact("Learned"):
            parts.append(_("learned: {learned}").format(learned=_one_line(e.fact("Learned"))))
        lines.append(f"- {long_date(e.at)}: " + "; ".join(parts))
    return lines


def _one_line(text: str) -> str:
    return esc(" ".join(text.split()))
