"""The report's sections for behavioural activation and the mood, sleep and panic diaries: each
week's activity grid (the same picture as the app), the activities with their ratings, the
activity-mood pattern with its caution, the mood and sleep charts, and each panic attack. Typed text
is escaped (`md_text.esc`); the grid and charts sit in code blocks, where Markdown changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.activation.grid import LEGEND, week_grid, week_start
from homework_tui.model.activation.pattern import CAUTION, RatedActivity, pattern_of
from homework_tui.model.activity import Activity
from homework_tui.model.base import ValidationError
from homework_tui.model.diaries.charts import day_chart
from homework_tui.report.choices import TextChoices
from homework_tui.report.md_text import esc, long_date


def _entry(activity: Activity) -> ActivityEntry | None:
    """The activity as the grid needs it, rebuilt from its report facts."""
    try:
        return ActivityEntry(
            what=activity.fact("Activity") or activity.title or "activity",
            day=date.fromisoformat(activity.fact("Day")),
            part=PartOfDay(activity.fact("Part of day").lower()),
            planned_ahead=activity.fact("Planned ahead") != "no",
            outcome={o.label: o for o in Outcome}.get(activity.fact("Outcome"), Outcome.PLANNED),
        )
    except (ValueError, ValidationError):
        return None


def activities(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    entries = [e for e in (_entry(a) for a in found) if e is not None]
    lines: list[str] = []
    for start in sorted({week_start(e.day) for e in entries}):
        grid = week_grid(entries, start)
        lines += ["", f"Week of {long_date(start)}: {grid.summary()}", "", "```"]
        lines += [*grid.lines(), LEGEND, "```"]
    lines += ["", "| Day | Activity | Life area or value | Done? | Mastery | Pleasure | Mood |"]
    lines.append("|---|---|---|---|---|---|---|")
    for a in sorted(found, key=lambda a: (a.fact("Day"), a.at)):
        outcome = a.fact("Outcome") + ("" if a.fact("Planned ahead") != "no" else " (not planned)")
        day = date.fromisoformat(a.fact("Day")) if a.fact("Day") else a.day
        lines.append(
            f"| {day:%a %-d %b}, {a.fact('Part of day').lower()} | {esc(a.fact('Activity'))} "
            f"| {esc(a.fact('Life area or value'))} | {outcome} | {a.fact('Mastery (0-10)')} "
            f"| {a.fact('Pleasure (0-10)')} | {a.fact('Mood (0-10)')} |"
        )
    rated = [
        RatedActivity(a.fact("Activity"), a.fact("Life area or value"), int(mood))
        for a in found
        if a.done and (mood := a.measure("mood")) is not None
    ]
    pattern = pattern_of(rated)
    if not pattern.empty:
        lines += [
            "",
            f"Mood with each activity (average {pattern.average:g}/10 over {pattern.rated}):",
            "",
        ]
        for link in pattern.by_activity:
            sign = "+" if link.difference > 0 else ""
            lines.append(
                f"- {esc(link.name)}: {link.mood:g}/10 ({sign}{link.difference:g}; "
                f"{link.times} time{'s' if link.times != 1 else ''})"
            )
        lines += ["", f"*{CAUTION}*"]
    return lines


def _chart(values: list[float | None], last: date, **options: object) -> list[str]:
    return ["", "```", *day_chart(values, last, **options), "```"]  # type: ignore[arg-type]


def mood_diary(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    by_day: dict[date, float] = {}
    for a in found:
        mood = a.measure("mood")
        if mood is not None:
            by_day[date.fromisoformat(a.fact("Day"))] = mood
    first, last = min(by_day), max(by_day)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    lines = _chart([by_day.get(d) for d in days], last, high=10, width=20, unit="/10")
    notes = [a for a in found if a.fact("Note")]
    if notes:
        lines += ["", *(f"- {long_date(a.day)}: {esc(a.fact('Note'))}" for a in notes)]
    return lines


def sleep_diary(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines = [
        "",
        "| Night of | To bed | Asleep after | Woke | Up | Time in bed | Total sleep | Efficiency | Quality |",
    ]
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for a in found:
        night = date.fromisoformat(a.fact("Night of"))
        awake = a.fact("Awakenings")
        woke = f"{awake}×, {a.fact('Minutes awake')} min" if awake not in ("", "0") else "no"
        lines.append(
            f"| {night:%a %-d %b} | {a.fact('To bed')} | {a.fact('Minutes to fall asleep')} min "
            f"| {woke} | {a.fact('Out of bed')} | {a.fact('Time in bed')} | {a.fact('Total sleep')} "
            f"| {a.fact('Sleep efficiency (%)')}% | {a.fact('Quality (1-5)')} |"
        )
    efficiencies = [m for a in found if (m := a.measure("efficiency")) is not None]
    if efficiencies:
        average = round(sum(efficiencies) / len(efficiencies))
        lines += [
            "",
            f"Sleep efficiency (total sleep ÷ time in bed) averaged {average}% over "
            f"{len(efficiencies)} night{'s' if len(efficiencies) != 1 else ''}.",
        ]
    notes = [a for a in found if a.fact("Notes")]
    lines += [f"- {long_date(a.day)}: {esc(a.fact('Notes'))}" for a in notes]
    return lines


def panic_diary(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for a in found:
        lines += ["", f"### {long_date(a.at)}, {a.at:%H:%M}", ""]
        for label in (
            "Where",
            "Expected",
            "Peak anxiety (0-10)",
            "Symptoms",
            "Number of symptoms",
            "Thoughts",
            "What I did",
        ):
            value = a.fact(label)
            if value:
                lines.append(f"- **{label}:** {esc(value)}")
    return lines


WELLBEING_RENDERERS: dict[str, Callable[[tuple[Activity, ...], TextChoices], list[str]]] = {
    "activity_scheduling": activities,
    "mood_diary": mood_diary,
    "sleep_diary": sleep_diary,
    "panic_diary": panic_diary,
}
