"""The words of the exposure screens: empty states, the keys line, a step's progress in words."""

from __future__ import annotations

from rich.text import Text

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.exposure import Exposure
from homework_tui.model.exposure.mastery import (
    MasteryRule,
    StepProgress,
    StepState,
    between_sessions,
)

NO_LADDER = N_(
    "You have no ladder yet. Press n to start one: give it a name, like “Social situations”, "
    "and the goal you're working towards. Then add steps, from a little scary to very scary."
)
NO_STEPS = N_(
    "No steps yet. Press a to add one — a situation that makes you a little anxious "
    "(around 25 to 45) is a good first rung."
)
# Translators: the keys line under the ladder: keep the keys (c, e, d, ⇧↑/⇧↓, n, r, D, [ ], o,
# F1) and keep it as short as the English (one line of 80 columns, two at most).
KEYS_LINE = N_(
    "↑↓ choose · c charts · e edit · d remove · ⇧↑/⇧↓ move · n new ladder · r rename · "
    "D remove ladder · [ ] ladders · o options · F1 all keys"
)


def _last_time(last: Exposure, item: StepProgress) -> str:
    """ "Last time: peak 60 → end 30, predicted 80 — better than feared." """
    judgement = _(item.judgements[-1].words) if item.judgements else None
    predicted = last.predicted if last.expectancy_violation is not None else None
    if predicted is not None and judgement is not None:
        line = _("Last time: peak {peak} → end {end}, predicted {predicted} — {judgement}.")
    elif predicted is not None:
        line = _("Last time: peak {peak} → end {end}, predicted {predicted}.")
    elif judgement is not None:
        line = _("Last time: peak {peak} → end {end} — {judgement}.")
    else:
        line = _("Last time: peak {peak} → end {end}.")
    return line.format(peak=last.peak, end=last.end, predicted=predicted, judgement=judgement)


def step_detail(item: StepProgress, exposures: list[Exposure], rule: MasteryRule) -> Text:
    """Two or three lines about the chosen step: its rating, state and what changed."""
    step = item.step
    text = Text()
    text.append(_("SUDS {suds}").format(suds=step.suds) + "  ", style="dim")
    text.append(step.description, style="bold")
    text.append("\n")
    if item.state is StepState.NOT_TRIED:
        text.append(
            _("○ Not tried yet. Press l to log an exposure, or t to time one as you do it.")
        )
        return text
    tries = ngettext("{n} exposure", "{n} exposures", item.tries).format(n=item.tries)
    if item.tries == 1:
        counting = _("counting") if item.counted else _("not counting")
    else:
        counting = _("{counted} of the last {window} counting").format(
            counted=item.counted, window=min(item.tries, item.window)
        )
    if item.state is StepState.MASTERED:
        line = _("● Mastered: {tries}, {counting}.")
    elif item.practising_again:
        line = _(
            "◐ Practising again (it was mastered before): {tries}, {counting}, {needed} needed."
        )
    else:
        line = _("◐ Practising: {tries}, {counting}, {needed} needed.")
    text.append(line.format(tries=tries, counting=counting, needed=rule.repeats) + " ")
    last = exposures[-1] if exposures else None
    if last is not None:
        text.append("\n" + _last_time(last, item) + " ")
    figures = between_sessions(exposures)
    if figures is not None and figures.peak_change < 0:
        peaks = _("Peak across repeats: {first} → {last}.")
        text.append(peaks.format(first=figures.first_peak, last=figures.last_peak) + " ")
    return text
