"""A look back over a week or a month: how much was practised, and what changed.

Built from `Activity` values only, so every kind of homework takes part. The sentences are plain
and kind: they describe, they never judge (a week with little practice is simply a week).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from homework_tui.i18n import _, decimal, ngettext
from homework_tui.model.activity import Activity, Kind, State
from homework_tui.model.distortions import STANDARD, display_name
from homework_tui.model.thought_record import ThoughtRecord

WEEK_DAYS = 7
MONTH_DAYS = 30
RELAX_KINDS = (Kind.BREATHING, Kind.PMR, Kind.MINDFULNESS)


def period_ending(today: date, days: int) -> tuple[date, date]:
    """The `days` days up to and including `today`."""
    return today - timedelta(days=days - 1), today


@dataclass(frozen=True)
class Change:
    """Average ratings before and after, over `count` pieces of homework."""

    before: float
    after: float
    count: int

    @property
    def drop(self) -> float:
        return self.before - self.after


@dataclass(frozen=True)
class StepTrend:
    """Peak and end SUDS of each practice of one exposure step, in order."""

    step: str
    peaks: tuple[int, ...]
    ends: tuple[int, ...]
    days: tuple[date, ...]

    def sentence(self) -> str:
        n = len(self.peaks)
        peaks = " → ".join(str(p) for p in self.peaks)
        down = self.peaks[0] - self.peaks[-1] if n > 1 else 0
        if n == 1:
            return _("{step}: practised once; peak SUDS {peaks}.").format(
                step=self.step, peaks=peaks
            )
        if down > 0:
            return ngettext(
                "{step}: practised {n} time; peak SUDS {peaks} (down {down}).",
                "{step}: practised {n} times; peak SUDS {peaks} (down {down}).",
                n,
            ).format(step=self.step, n=n, peaks=peaks, down=down)
        return ngettext(
            "{step}: practised {n} time; peak SUDS {peaks}.",
            "{step}: practised {n} times; peak SUDS {peaks}.",
            n,
        ).format(step=self.step, n=n, peaks=peaks)


@dataclass(frozen=True)
class Insights:
    first: date
    last: date
    counts: tuple[tuple[Kind, int], ...]  # finished homework per kind, most first
    per_day: tuple[int, ...]  # pieces of homework each day, first to last
    previous_total: int  # the same number of days just before
    mood: Change | None  # thought records: moods rated before and after
    relaxation: Change | None  # tension (0-100) before and after relaxation
    relaxation_minutes: float
    belief: Change | None  # experiments: belief in the feared prediction, before and after
    steps: tuple[StepTrend, ...]
    journal_moods: tuple[tuple[date, int], ...]
    relaxation_anxiety: Change | None = None  # sessions rated on the anxiety scale (0-10)

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.counts)

    @property
    def days_practised(self) -> int:
        return sum(1 for n in self.per_day if n)

    @property
    def days(self) -> int:
        return len(self.per_day)

    def sentences(self) -> list[str]:
        """The look back in plain sentences, most encouraging facts first."""
        if not any(self.per_day):
            return [
                _(
                    "Nothing logged in these days yet. Whenever you do some homework, it shows "
                    "up here."
                )
            ]
        done = ", ".join(kind.count(n) for kind, n in self.counts)
        if done:
            first = _("You practised on {practised} of {days} days: {done}.").format(
                practised=self.days_practised, days=self.days, done=done
            )
        else:
            first = _("You practised on {practised} of {days} days.").format(
                practised=self.days_practised, days=self.days
            )
        out = [first]
        if self.previous_total and self.total > self.previous_total:
            out.append(
                _("That is more than the {days} days before ({total}).").format(
                    days=self.days, total=self.previous_total
                )
            )
        if self.mood:
            count = self.mood.count
            out.append(
                _(
                    "Thought records: your moods went from {before} to {after} on average "
                    "({change}, {records})."
                ).format(
                    before=_whole(self.mood.before),
                    after=_whole(self.mood.after),
                    change=_points(self.mood.drop),
                    records=ngettext("{n} record", "{n} records", count).format(n=count),
                )
            )
        rated = [
            _rated(scale, change)
            for scale, change in (
                ("tension", self.relaxation),
                ("anxiety", self.relaxation_anxiety),
            )
            if change is not None
        ]
        if rated or self.relaxation_minutes:
            whole = round(self.relaxation_minutes)
            minutes = ngettext("{n} minute in all", "{n} minutes in all", whole).format(
                n=_whole(self.relaxation_minutes)
            )
            # Translators: {details} lists ratings and minutes, separated by semicolons.
            out.append(_("Relaxation: {details}.").format(details="; ".join([*rated, minutes])))
        if self.belief:
            count = self.belief.count
            out.append(
                _(
                    "Experiments: belief in the feared prediction from {before} to {after} on "
                    "average ({experiments})."
                ).format(
                    before=_whole(self.belief.before),
                    after=_whole(self.belief.after),
                    experiments=ngettext("{n} experiment", "{n} experiments", count).format(
                        n=count
                    ),
                )
            )
        out += [trend.sentence() for trend in self.steps]
        if self.journal_moods:
            moods = " → ".join(str(m) for _day, m in self.journal_moods)
            out.append(_("Journal mood (0-10): {moods}.").format(moods=moods))
        return out


def _whole(value: float) -> str:
    """A rounded average as the language writes numbers."""
    return decimal(value, 0)


def _rated(scale: str, change: Change) -> str:
    """ "tension from 65 to 40 (of 100) on average (25 points lower, 2 sessions)"."""
    sessions = ngettext("{n} session", "{n} sessions", change.count).format(n=change.count)
    values = {
        "before": _whole(change.before),
        "after": _whole(change.after),
        "change": _points(change.drop),
        "sessions": sessions,
    }
    if scale == "tension":
        return _(
            "tension from {before} to {after} (of 100) on average ({change}, {sessions})"
        ).format(**values)
    return _("anxiety from {before} to {after} (of 10) on average ({change}, {sessions})").format(
        **values
    )


def _points(drop: float) -> str:
    whole = round(abs(drop))
    if drop > 0:
        return ngettext("{n} point lower", "{n} points lower", whole).format(n=_whole(drop))
    if drop < 0:
        return ngettext("{n} point higher", "{n} points higher", whole).format(n=_whole(-drop))
    return _("no change")


def _change(pairs: list[tuple[float, float]]) -> Change | None:
    if not pairs:
        return None
    return Change(mean(b for b, _a in pairs), mean(a for _b, a in pairs), len(pairs))


def _pairs(activities: Iterable[Activity], before: str, after: str) -> list[tuple[float, float]]:
    found = []
    for activity in activities:
        b, a = activity.measure(before), activity.measure(after)
        if b is not None and a is not None:
            found.append((b, a))
    return found


def insights(activities: Iterable[Activity], first: date, last: date) -> Insights:
    everything = list(activities)
    span = (last - first).days + 1
    inside = [a for a in everything if first <= a.day <= last]
    earlier = first - timedelta(days=span)
    previous = [a for a in everything if earlier <= a.day < first and a.state is State.DONE]
    finished = [a for a in inside if a.state is State.DONE]
    tally: dict[Kind, int] = {}
    for activity in finished:
        tally[activity.kind] = tally.get(activity.kind, 0) + 1
    counts = tuple(sorted(tally.items(), key=lambda kv: (-kv[1], list(Kind).index(kv[0]))))
    per_day = [0] * span
    for activity in inside:
        per_day[(activity.day - first).days] += 1
    relax = [a for a in finished if a.kind in RELAX_KINDS]
    steps: dict[str, list[Activity]] = {}
    for activity in finished:
        if activity.kind is Kind.EXPOSURE and activity.measure("peak") is not None:
            steps.setdefault(activity.group or activity.title, []).append(activity)
    trends = tuple(
        StepTrend(
            step=name,
            peaks=tuple(int(a.measure("peak") or 0) for a in done),
            ends=tuple(int(a.measure("end") or 0) for a in done),
            days=tuple(a.day for a in done),
        )
        for name, done in steps.items()
    )
    return Insights(
        first=first,
        last=last,
        counts=counts,
        per_day=tuple(per_day),
        previous_total=len(previous),
        mood=_change(
            _pairs(
                (a for a in inside if a.kind is Kind.THOUGHT_RECORD), "mood_before", "mood_after"
            )
        ),
        relaxation=_change(_pairs(relax, "tension_before", "tension_after")),
        relaxation_anxiety=_change(_pairs(relax, "anxiety_before", "anxiety_after")),
        relaxation_minutes=sum(a.measure("minutes") or 0 for a in relax),
        belief=_change(
            _pairs(
                (a for a in finished if a.kind is Kind.EXPERIMENT), "belief_before", "belief_after"
            )
        ),
        steps=trends,
        journal_moods=tuple(
            (a.day, int(m))
            for a in inside
            if a.kind is Kind.JOURNAL and (m := a.measure("mood")) is not None
        ),
    )


# -- thought records: moods and thinking traps over time -----------------------------------------


@dataclass(frozen=True)
class MoodShift:
    """One record's moods on average, from column 2 to column 7 (only moods rated both times)."""

    when: datetime
    before: float
    after: float

    @property
    def drop(self) -> float:
        return self.before - self.after


def mood_shifts(records: list[ThoughtRecord]) -> list[MoodShift]:
    """Oldest first; records with no mood rated both times are left out."""
    shifts = []
    for record in sorted(records, key=lambda r: r.created_at):
        rated = [m for m in record.moods if m.change is not None]
        if rated:
            shifts.append(
                MoodShift(
                    record.created_at,
                    mean(m.before for m in rated if m.before is not None),
                    mean(m.after for m in rated if m.after is not None),
                )
            )
    return shifts


def label_counts(records: list[ThoughtRecord]) -> list[tuple[str, int]]:
    """How often each thinking trap was ticked, most often first (ties in Burns' order)."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update(record.labels)
    order = {name: i for i, name in enumerate(display_name(d.key) for d in STANDARD)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order)), kv[0]))
