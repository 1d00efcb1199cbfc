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

from homework_tui.model.activity import Activity, State
from homework_tui.model.due import streak_of
from homework_tui.model.relaxation import SCALES
from homework_tui.report.choices import NOTHING_OWN, TextChoices
from homework_tui.report.data import ReportData
from homework_tui.report.exposure_section import exposures
from homework_tui.report.md_text import cell, esc, heading, long_date, when
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

# -- sections -------------------------------------------------------------------------------------


def thought_records(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for record in found:
        lines += ["", f"### {when(record)}" + ("" if record.done else " (not finished yet)"), ""]
        _field(lines, "Situation", record.fact("Situation"))
        _field(lines, "Hot thought", record.fact("Hot thought"))
        _field(lines, "Moods", record.fact("Moods"))
        _field(lines, "Thinking patterns", record.fact("Distortions"))
        _field(lines, "Evidence for", record.fact("Evidence for"))
        _field(lines, "Evidence against", record.fact("Evidence against"))
        balanced = record.fact("Balanced thought")
        belief = record.fact("Belief in balanced thought")
        if balanced:
            _field(
                lines,
                "Balanced thought",
                balanced + (f" (belief {belief})" if belief else " (belief not rated yet)"),
            )
        _field(lines, "Other alternative thoughts", record.fact("Other alternative thoughts"))
    drops = [d for r in found if (d := r.measure("mood_drop")) is not None]
    if drops:
        lines += [
            "",
            (
                f"On average, moods eased by {mean(drops):.0f} points from the start of a "
                f"record to the end ({len(drops)} record{'s' if len(drops) != 1 else ''})."
            ),
        ]
    return lines


def experiments(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for experiment in found:
        waiting = experiment.state is State.WAITING
        lines += [
            "",
            f"### {when(experiment)}" + (" (waiting for the outcome)" if waiting else ""),
            "",
        ]
        before, after = experiment.fact("Belief before"), experiment.fact("Belief after")
        ratings = " → ".join(x for x in (before, after) if x)
        _field(
            lines,
            "Belief tested",
            experiment.fact("Belief") + (f" (believed {ratings})" if ratings else ""),
        )
        alternative = " → ".join(
            x
            for x in (experiment.fact("Alternative before"), experiment.fact("Alternative after"))
            if x
        )
        _field(
            lines,
            "Alternative belief",
            experiment.fact("Alternative belief")
            + (f" (believed {alternative})" if alternative else ""),
        )
        _field(lines, "The experiment", experiment.fact("Experiment"))
        _field(lines, "Prediction", experiment.fact("Predictions"))
        _field(lines, "What happened", experiment.fact("Outcome"))
        _field(lines, "What I learned", experiment.fact("Learned"))
        _field(lines, "New belief", experiment.fact("Modified belief"))
    return lines


def relaxation(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = ["", "| Date | Practice | Minutes | Rating before → after |", "|---|---|---|---|"]
    for session in found:
        practice = session.fact("Practice")
        pattern = session.fact("Pattern")
        if pattern and practice == session.kind.label:  # a session the app has no name for
            practice += f": {pattern}"
        completed = session.fact("Completed")
        if completed not in ("", "yes"):
            practice += f" ({completed})"
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{long_date(session.at)}, {session.at:%H:%M}",
                    cell(practice),
                    cell(session.fact("Minutes")),
                    cell(session.fact("Rating")),
                ]
            )
            + " |"
        )
    minutes = sum(s.measure("minutes") or 0 for s in found)
    summary = (
        f"{len(found)} session{'s' if len(found) != 1 else ''}, "
        f"{minutes:g} minute{'' if minutes == 1 else 's'} in all"
    )
    for scale, (_, high, _) in SCALES.items():
        pairs = [
            (b, a)
            for s in found
            if (b := s.measure(f"{scale}_before")) is not None
            and (a := s.measure(f"{scale}_after")) is not None
        ]
        if pairs:
            summary += (
                f"; {scale} (of {high}) went from {mean(b for b, _ in pairs):.0f} to "
                f"{mean(a for _, a in pairs):.0f} on average"
            )
    lines += ["", summary + "."]
    notes = [(s, s.fact("Note")) for s in found if s.fact("Note")]
    if notes:
        lines += ["", "Notes:", ""]
        lines += [f"- {long_date(s.at)}, {s.at:%H:%M}: {esc(note)}" for s, note in notes]
    return lines


def journal(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    full = choices.journal_text
    lines = [""]
    for entry in found:
        mood = entry.fact("Mood (0-10)")
        tags = entry.fact("Tags")
        extra = "".join([f" (mood {mood}/10)" if mood else "", f" · {esc(tags)}" if tags else ""])
        lines.append(f"- {long_date(entry.at)}: {esc(entry.title)}{extra}")
        if full and entry.text and entry.text.strip() != entry.title:
            lines += ["", "  " + esc(entry.text).replace("\n", "\n  "), ""]
    if not full:
        lines += [
            "",
            ("Only titles are shown; the writing stays private unless you choose to include it."),
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
        details = "; ".join(f"{k}: {esc(v)}" for k, v in activity.facts[1:] if v)
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
    if data.first == data.last:
        title = f"Homework on {long_date(data.first)}"
    elif data.first == info.last_session or data.last == data.made_at.date():
        title = f"Homework since {long_date(data.first)}"
    else:
        title = f"Homework from {long_date(data.first)} to {long_date(data.last)}"
    lines = [f"# {title}", ""]
    lines.append(
        f"- **Period:** {long_date(data.first)} to {long_date(data.last)} "
        f"({data.days} day{'s' if data.days != 1 else ''})"
    )
    if info.title or info.therapist:
        plan = info.title or "Homework plan"
        lines.append(
            f"- **Plan:** {esc(plan)}" + (f", from {esc(info.therapist)}" if info.therapist else "")
        )
    if info.next_session:
        lines.append(f"- **Next session:** {long_date(info.next_session)}")
    lines += ["", f"Made with homework-tui on {long_date(data.made_at)}.", ""]
    lines += _bridge(data)
    lines += _glance(data)
    if data.plan:
        lines += [
            "",
            "## What was assigned and done",
            "",
            "| Homework | How often | Done | Asked for |",
            "|---|---|---|---|",
        ]
        for row in data.plan:
            a = row.assignment
            name = a.name + (f", {a.minutes} minutes" if a.minutes else "")
            lines.append(
                f"| {cell(name)} | {a.frequency.describe()} | {row.done_text} | {row.asked} |"
            )
    for source, found in data.sections:
        if not found:
            continue
        lines += ["", f"## {source.title}"]
        if source.name == "exposures":  # grouped by ladder: needs where each ladder stood
            lines += exposures(found, choices, data.ladders)
        else:
            lines += RENDERERS.get(source.name, generic)(found, choices)
    if not data.everything:
        lines += ["", "Nothing was logged in these days; a good thing to talk over together."]
    if choices.safety_plan:
        lines += _safety_plan(data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _bridge(data: ReportData) -> list[str]:
    """The notes for the next session, first of all (Beck's bridge); nothing when none."""
    notes = bridge_notes(data.bridge)
    if not notes:
        return []
    lines = [f"## {BRIDGE_TITLE}", ""]
    lines += [f"- **{title}:** {esc(text)}" for title, text in notes]
    if data.bridge is not None and data.bridge.updated_at is not None:
        lines += ["", f"Written on {long_date(data.bridge.updated_at)}."]
    return [*lines, ""]


def _safety_plan(data: ReportData) -> list[str]:
    if data.safety_plan is None:
        return []
    lines = ["", f"## {SAFETY_TITLE}"]
    for title, written in safety_steps(data.safety_plan):
        lines += ["", f"### {title}", ""]
        lines += [f"- {esc(text)}" for text in written] if written else [NOT_WRITTEN]
    return lines


UNFINISHED = {
    "experiments": "waiting for an outcome",
    "activity_scheduling": "not done or still to come",
}


def _glance(data: ReportData) -> list[str]:
    days = {a.day for a in data.everything}
    lines = ["## At a glance", ""]
    lines.append(
        f"- Homework on {len(days)} of {data.days} days"
        + (
            f"; the longest run was {streak_of(days, data.last).best} days in a row."
            if len(days) > 1
            else "."
        )
    )
    for source, found in data.sections:
        if not found:
            continue
        finished = sum(1 for a in found if a.done)
        rest = len(found) - finished
        waiting = UNFINISHED.get(source.name, "not finished yet")
        lines.append(f"- {source.title}: {finished}" + (f" done, {rest} {waiting}" if rest else ""))
    return lines
