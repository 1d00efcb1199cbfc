"""The report's sections for behavioural activation and the mood, sleep and panic diaries: each
week's activity grid (the same picture as the app), the activities with their ratings, the
activity-mood pattern with its caution, the mood and sleep charts, and each panic attack. Typed text
is escaped (`md_text.esc`); the grid and charts sit in code blocks, where Markdown changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from homework_tui.i18n import N_, _, decimal, ngettext
from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.activation.grid import LEGEND, week_grid, week_start
from homework_tui.model.activation.pattern import CAUTION, RatedActivity, pattern_of
from homework_tui.model.activity import Activity
from homework_tui.model.base import ValidationError
from homework_tui.model.diaries.charts import day_chart
from homework_tui.report.choices import TextChoices
from homework_tui.report.local import day_month, shown
from homework_tui.report.md_text import at_time, esc, long_date


def _entry(activity: Activity) -> ActivityEntry | None:
    """The activity as the grid needs it, rebuilt from its report facts."""
    try:
        return ActivityEntry(
            what=activity.fact("Activity") or activity.title or "activity",
            day=date.fromisoformat(activity.fact("Day")),
            part=PartOfDay(activity.fact("Part of day").lower()),  # i18n: not shown
            planned_ahead=activity.fact("Planned ahead") != "no",  # i18n: not shown
            outcome={o.label: o for o in Outcome}.get(activity.fact("Outcome"), Outcome.PLANNED),
        )
    except (ValueError, ValidationError):
        return None


def activities(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    entries = [e for e in (_entry(a) for a in found) if e is not None]
    lines: list[str] = []
    for start in sorted({week_start(e.day) for e in entries}):
        grid = week_grid(entries, start)
        week = _("Week of {day}: {summary}").format(day=long_date(start), summary=grid.summary())
        lines += ["", week, "", "```"]
        lines += [*grid.lines(), shown(LEGEND), "```"]
    lines += ["", _("| Day | Activity | Life area or value | Done? | Mastery | Pleasure | Mood |")]
    lines.append("|---|---|---|---|---|---|---|")
    for a in sorted(found, key=lambda a: (a.fact("Day"), a.at)):
        outcome = shown(a.fact("Outcome"))
        if a.fact("Planned ahead") == "no":  # i18n: not shown
            outcome = _("{outcome} (not planned)").format(outcome=outcome)
        day = date.fromisoformat(a.fact("Day")) if a.fact("Day") else a.day
        part = shown(a.fact("Part of day").lower())  # i18n: not shown
        area = esc(a.fact("Life area or value"))  # i18n: not shown
        lines.append(
            f"| {day_month(day)}, {part} | {esc(a.fact('Activity'))} "
            f"| {area} | {outcome} | {a.fact('Mastery (0-10)')} "
            f"| {a.fact('Pleasure (0-10)')} | {a.fact('Mood (0-10)')} |"
        )
    rated = [
        RatedActivity(
            a.fact("Activity"),
            a.fact("Life area or value"),  # i18n: not shown
            int(mood),  # i18n: not shown
        )  # i18n: not shown
        for a in found
        if a.done and (mood := a.measure("mood")) is not None
    ]
    pattern = pattern_of(rated)
    if not pattern.empty:
        heading = _("Mood with each activity (average {average}/10 over {rated}):")
        lines += [
            "",
            heading.format(average=decimal(pattern.average or 0), rated=pattern.rated),
            "",
        ]
        for link in pattern.by_activity:
            sign = "+" if link.difference > 0 else ""
            times = ngettext("{n} time", "{n} times", link.times).format(n=link.times)
            lines.append(
                _("- {name}: {mood}/10 ({difference}; {times})").format(
                    name=esc(link.name),
                    mood=decimal(link.mood),
                    difference=sign + decimal(link.difference),
                    times=times,
                )
            )
        lines += ["", f"*{shown(CAUTION)}*"]
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
        _(
            "| Night of | To bed | Asleep after | Woke | Up | Time in bed | Total sleep "
            "| Efficiency | Quality |"
        ),
    ]
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for a in found:
        f = a.fact
        night = date.fromisoformat(f("Night of"))  # i18n: not shown
        awake = f("Awakenings")
        woke = _("{n}×, {minutes} min").format(
            n=awake,
            minutes=f("Minutes awake"),  # i18n: not shown
        )  # i18n: not shown
        asleep_after = _("{minutes} min").format(
            minutes=f("Minutes to fall asleep")  # i18n: not shown
        )  # i18n: not shown
        lines.append(
            f"| {day_month(night)} | {f('To bed')} | {asleep_after} "  # i18n: not shown
            f"| {woke if awake not in ('', '0') else _('no')} | {f('Out of bed')} "  # i18n: not shown
            f"| {f('Time in bed')} | {f('Total sleep')} "  # i18n: not shown
            f"| {f('Sleep efficiency (%)')}% | {f('Quality (1-5)')} |"  # i18n: not shown
        )
    efficiencies = [m for a in found if (m := a.measure("efficiency")) is not None]
    if efficiencies:
        average = round(sum(efficiencies) / len(efficiencies))
        averaged = ngettext(
            "Sleep efficiency (total sleep ÷ time in bed) averaged {average}% over {n} night.",
            "Sleep efficiency (total sleep ÷ time in bed) averaged {average}% over {n} nights.",
            len(efficiencies),
        )
        lines += ["", averaged.format(average=average, n=len(efficiencies))]
    notes = [a for a in found if a.fact("Notes")]
    lines += [f"- {long_date(a.day)}: {esc(a.fact('Notes'))}" for a in notes]
    return lines


def panic_diary(found: tuple[Activity, ...], choices: TextChoices) -> list[str]:
    lines: list[str] = []
    for a in found:
        lines += ["", f"### {at_time(a.at)}", ""]
        for fact, label in PANIC_FACTS:
            value = a.fact(fact)
            if value:
                lines.append(_("- **{label}:** {value}").format(label=_(label), value=esc(value)))
    return lines


# The panic diary's facts (the data's names) and their labels in the report.
PANIC_FACTS = (
    ("Where", N_("Where")),
    ("Expected", N_("Expected")),
    ("Peak anxiety (0-10)", N_("Peak anxiety (0-10)")),  # i18n: not shown
    ("Symptoms", N_("Symptoms")),
    ("Number of symptoms", N_("Number of symptoms")),  # i18n: not shown
    ("Thoughts", N_("Thoughts")),
    ("What I did", N_("What I did")),  # i18n: not shown
)


WELLBEING_RENDERERS: dict[str, Callable[[tuple[Activity, ...], TextChoices], list[str]]] = {
    "activity_scheduling": activities,
    "mood_diary": mood_diary,
    "sleep_diary": sleep_diary,
    "panic_diary": panic_diary,
}
