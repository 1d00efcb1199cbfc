"""The report for the next session, in Markdown: a clear summary a therapist can read in minutes.

What was assigned and how much was done, then each kind of homework: thought records with the hot
thought, the evidence and the mood change, exposures per ladder (`exposure_section`: mastered
steps, the next step, SUDS per exposure with safety behaviours and early exits marked),
experiments with the belief and the alternative re-rated and what was learned, relaxation with
ratings (on the scale they were given) and notes, journal titles.
Journal writing and exposure notes are the person's to share: each comes in only when chosen
(`TextChoices`).

Everything the person typed is escaped (`md_text`), so it reads exactly as typed whether the file
is opened as text or rendered: `[bold]`, `*stars*`, `|`, `AT&amp;T` and a line of `---` stay as
they are.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import mean

from homework_tui.i18n import N_, _, decimal, ngettext
from homework_tui.model.activity import Activity, State
from homework_tui.model.due import streak_of
from homework_tui.model.relaxation import SCALES
from homework_tui.report.choices import NOTHING_OWN, TextChoices
from homework_tui.report.data import ReportData
from homework_tui.report.exposure_section import exposures
from homework_tui.report.local import shown
from homework_tui.report.md_text import at_time, cell, esc, heading, long_date, when
from homework_tui.report.md_text import field as _field
from homework_tui.report.measures_section import questionnaires
from homework_tui.report.session_notes import (
    BRIDGE_TITLE,
    NOT_WRITTEN,
    SAFETY_TITLE,
    bridge_notes,
    safety_steps,
)
from homework_tui.report.wellbeing_section import WELLBEING_RENDERERS

__all__ = ["RENDERERS", "cell", "esc", "heading", "render"]  # escaping, for older imports

# The relaxation scales' names in a sentence ("tension (of 100) went from 60 to 30 on average").
SCALE_NAMES = {"tension": N_("tension"), "anxiety": N_("anxiety")}

# -- sections -------------------------------------------------------------------------------------


def thought_records(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for record in found:
        title = when(record) if record.done else _("{when} (not finished yet)")
        lines += ["", f"### {title.format(when=when(record))}", ""]
        _field(lines, _("Situation"), record.fact("Situation"))
        _field(lines, _("Hot thought"), record.fact("Hot thought"))  # i18n: not shown
        _field(lines, _("Moods"), record.fact("Moods"))
        _field(lines, _("Thinking patterns"), record.fact("Distortions"))
        _field(lines, _("Evidence for"), record.fact("Evidence for"))  # i18n: not shown
        _field(lines, _("Evidence against"), record.fact("Evidence against"))  # i18n: not shown
        balanced = record.fact("Balanced thought")  # i18n: not shown
        belief = record.fact("Belief in balanced thought")  # i18n: not shown
        if balanced:
            rated = (
                _("{thought} (belief {belief})")
                if belief
                else _("{thought} (belief not rated yet)")
            )
            _field(lines, _("Balanced thought"), rated.format(thought=balanced, belief=belief))
        others = record.fact("Other alternative thoughts")  # i18n: not shown
        _field(lines, _("Other alternative thoughts"), others)
    drops = [d for r in found if (d := r.measure("mood_drop")) is not None]
    if drops:
        eased = ngettext(
            "On average, moods eased by {points} points from the start of a record to the end "
            "({n} record).",
            "On average, moods eased by {points} points from the start of a record to the end "
            "({n} records).",
            len(drops),
        )
        lines += ["", eased.format(points=f"{mean(drops):.0f}", n=len(drops))]
    return lines


def experiments(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for experiment in found:
        waiting = experiment.state is State.WAITING
        title = _("{when} (waiting for the outcome)") if waiting else "{when}"
        lines += ["", f"### {title.format(when=when(experiment))}", ""]
        before, after = (
            experiment.fact("Belief before"),  # i18n: not shown
            experiment.fact("Belief after"),  # i18n: not shown
        )  # i18n: not shown
        _field(lines, _("Belief tested"), _believed(experiment.fact("Belief"), before, after))
        alternative = _believed(
            experiment.fact("Alternative belief"),  # i18n: not shown
            experiment.fact("Alternative before"),  # i18n: not shown
            experiment.fact("Alternative after"),  # i18n: not shown
        )
        _field(lines, _("Alternative belief"), alternative)
        _field(lines, _("The experiment"), experiment.fact("Experiment"))
        _field(lines, _("Prediction"), experiment.fact("Predictions"))
        _field(lines, _("What happened"), experiment.fact("Outcome"))
        _field(lines, _("What I learned"), experiment.fact("Learned"))
        _field(lines, _("New belief"), experiment.fact("Modified belief"))  # i18n: not shown
    return lines


def _believed(belief: str, before: str, after: str) -> str:
    """ "The belief (believed 80 → 40)"."""
    ratings = " → ".join(x for x in (before, after) if x)
    if not belief or not ratings:
        return belief
    return _("{belief} (believed {ratings})").format(belief=belief, ratings=ratings)


def relaxation(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    header = _("| Date | Practice | Minutes | Rating before → after |")
    lines = ["", header, "|---|---|---|---|"]
    for session in found:
        practice = shown(session.fact("Practice"))
        pattern = session.fact("Pattern")
        if pattern and session.fact("Practice") == session.kind.label:  # no name for it
            practice = _("{practice}: {pattern}").format(practice=practice, pattern=pattern)
        completed = session.fact("Completed")
        if completed not in ("", "yes"):
            practice = _("{practice} ({completed})").format(
                practice=practice, completed=shown(completed)
            )
        lines.append(
            "| "
            + " | ".join(
                [
                    at_time(session.at),
                    cell(practice),
                    cell(session.fact("Minutes")),
                    cell(session.fact("Rating")),
                ]
            )
            + " |"
        )
    minutes = sum(s.measure("minutes") or 0 for s in found)
    total = ngettext("{n} minute", "{n} minutes", 1 if minutes == 1 else 2)
    summary = [
        ngettext(
            "{n} session, {minutes} in all", "{n} sessions, {minutes} in all", len(found)
        ).format(n=len(found), minutes=total.format(n=decimal(minutes, 6)))
    ]
    for scale, (_low, high, _question) in SCALES.items():
        pairs = [
            (b, a)
            for s in found
            if (b := s.measure(f"{scale}_before")) is not None
            and (a := s.measure(f"{scale}_after")) is not None
        ]
        if pairs:
            went = _("{scale} (of {high}) went from {before} to {after} on average")
            summary.append(
                went.format(
                    scale=_(SCALE_NAMES[scale]) if scale in SCALE_NAMES else scale,
                    high=high,
                    before=f"{mean(b for b, _after in pairs):.0f}",
                    after=f"{mean(a for _before, a in pairs):.0f}",
                )
            )
    lines += ["", _("{summary}.").format(summary="; ".join(summary))]
    notes = [(s, s.fact("Note")) for s in found if s.fact("Note")]
    if notes:
        lines += ["", _("Notes:"), ""]
        lines += [f"- {at_time(s.at)}: {esc(note)}" for s, note in notes]
    return lines


def journal(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    full = choices.journal_text
    lines = [""]
    for entry in found:
        mood = entry.fact("Mood (0-10)")
        tags = entry.fact("Tags")
        mood_text = _(" (mood {mood}/10)").format(mood=mood) if mood else ""
        extra = "".join([mood_text, f" · {esc(tags)}" if tags else ""])
        lines.append(f"- {long_date(entry.at)}: {esc(entry.title)}{extra}")
        if full and entry.text and entry.text.strip() != entry.title:
            lines += ["", "  " + esc(entry.text).replace("\n", "\n  "), ""]
    if not full:
        lines += [
            "",
            _("Only titles are shown; the writing stays private unless you choose to include it."),
        ]
    return lines


def ticked(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = [""]
    for activity in found:
        note = activity.fact("Note")
        lines.append(
            f"- {long_date(activity.at)}: {esc(activity.title)}"
            + (f" ({esc(note)})" if note else "")
        )
    return lines


def generic(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = [""]
    for activity in found:
        details = "; ".join(
            _("{name}: {value}").format(name=shown(k), value=esc(v))
            for k, v in activity.facts[1:]
            if v
        )
        lines.append(
            f"- {long_date(activity.at)}: {esc(activity.title)}"
            + (f" ({details})" if details else "")
        )
    return lines


RENDERERS: dict[str, Callable[[tuple[Activity, ...], TextChoices], list[str]]] = {
    "thought_records": thought_records,
    "experiments": experiments,
    "relaxation": relaxation,
    "journal": journal,
    "checkoffs": ticked,
    "measures": questionnaires,
    **WELLBEING_RENDERERS,
}


# -- the whole report -----------------------------------------------------------------------------


def render(data: ReportData, choices: TextChoices = NOTHING_OWN) -> str:
    """The whole report; the person's journal writing and exposure notes as `choices` say."""
    info = data.info
    first, last = long_date(data.first), long_date(data.last)
    if data.first == data.last:
        title = _("Homework on {day}").format(day=first)
    elif data.first == info.last_session or data.last == data.made_at.date():
        title = _("Homework since {day}").format(day=first)
    else:
        title = _("Homework from {first} to {last}").format(first=first, last=last)
    lines = [f"# {title}", ""]
    period = ngettext(
        "- **Period:** {first} to {last} ({n} day)",
        "- **Period:** {first} to {last} ({n} days)",
        data.days,
    )
    lines.append(period.format(first=first, last=last, n=data.days))
    if info.title or info.therapist:
        plan = esc(info.title) if info.title else _("Homework plan")
        if info.therapist:
            planned = _("- **Plan:** {plan}, from {therapist}")
        else:
            planned = _("- **Plan:** {plan}")
        lines.append(planned.format(plan=plan, therapist=esc(info.therapist)))
    if info.next_session:
        lines.append(_("- **Next session:** {day}").format(day=long_date(info.next_session)))
    made = _("Made with homework-tui on {day}.").format(day=long_date(data.made_at))
    lines += ["", made, ""]
    lines += _bridge(data)
    lines += _glance(data)
    if data.plan:
        lines += [
            "",
            "## " + _("What was assigned and done"),
            "",
            _("| Homework | How often | Done | Asked for |"),
            "|---|---|---|---|",
        ]
        for row in data.plan:
            a = row.assignment
            name = a.name
            if a.minutes:
                name = ngettext("{name}, {n} minute", "{name}, {n} minutes", a.minutes).format(
                    name=a.name, n=a.minutes
                )
            lines.append(
                f"| {cell(name)} | {a.frequency.describe()} | {row.done_text} | {row.asked} |"
            )
    for source, found in data.sections:
        if not found:
            continue
        lines += ["", f"## {shown(source.title)}"]
        if source.name == "exposures":  # grouped by ladder: needs where each ladder stood
            lines += exposures(found, choices, data.ladders)
        else:
            lines += RENDERERS.get(source.name, generic)(found, choices)
    if not data.everything:
        lines += ["", _("Nothing was logged in these days; a good thing to talk over together.")]
    if choices.safety_plan:
        lines += _safety_plan(data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _bridge(data: ReportData) -> list[str]:
    """The notes for the next session, first of all (Beck's bridge); nothing when none."""
    notes = bridge_notes(data.bridge)
    if not notes:
        return []
    lines = [f"## {_(BRIDGE_TITLE)}", ""]
    for title, text in notes:
        _field(lines, title, text)
    if data.bridge is not None and data.bridge.updated_at is not None:
        lines += ["", _("Written on {day}.").format(day=long_date(data.bridge.updated_at))]
    return [*lines, ""]


def _safety_plan(data: ReportData) -> list[str]:
    if data.safety_plan is None:
        return []
    lines = ["", f"## {_(SAFETY_TITLE)}"]
    for title, written in safety_steps(data.safety_plan):
        lines += ["", f"### {title}", ""]
        lines += [f"- {esc(text)}" for text in written] if written else [_(NOT_WRITTEN)]
    return lines


UNFINISHED = {
    "experiments": N_("- {title}: {done} done, {rest} waiting for an outcome"),
    "activity_scheduling": N_("- {title}: {done} done, {rest} not done or still to come"),
}


def _glance(data: ReportData) -> list[str]:
    days = {a.day for a in data.everything}
    lines = ["## " + _("At a glance"), ""]
    if len(days) > 1:
        run = streak_of(days, data.last).best
        lines.append(
            ngettext(
                "- Homework on {n} of {days} days; the longest run was {run} days in a row.",
                "- Homework on {n} of {days} days; the longest run was {run} days in a row.",
                data.days,
            ).format(n=len(days), days=data.days, run=run)
        )
    else:
        lines.append(
            ngettext(
                "- Homework on {n} of {days} days.", "- Homework on {n} of {days} days.", data.days
            ).format(n=len(days), days=data.days)
        )
    for source, found in data.sections:
        if not found:
            continue
        finished = sum(1 for a in found if a.done)
        rest = len(found) - finished
        fields = {"title": shown(source.title), "done": finished, "rest": rest}
        if not rest:
            lines.append(_("- {title}: {done}").format(**fields))
            continue
        waiting = UNFINISHED.get(source.name, N_("- {title}: {done} done, {rest} not finished yet"))
        lines.append(_(waiting).format(**fields))
    return lines
