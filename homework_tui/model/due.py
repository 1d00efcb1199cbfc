"""What is due on a day, what is done, and the streak — the rules behind Today and `today`.

Everything here is a pure function of the plan, the logged activities and the date asked about, so
it is tested without a clock. Streaks count calendar days (dates), never 24-hour spans, so a
daylight-saving change or a late-night entry never breaks one.

The wording is encouraging: nothing is ever “late” or “missed”; open items from before are shown
as still open, whenever the person is ready.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from homework_tui.model.activity import Activity, Kind, State, days_with_homework
from homework_tui.model.plan import Assignment, Every, short_date, week_start

STARTED_SHOWN_DAYS = 14  # unfinished work is offered back for two weeks


class Status(StrEnum):
    TODAY = "today"  # to do today
    WEEK = "week"  # still to do this week, not necessarily today
    DONE = "done"  # done for today (or for this week, or done once)
    OPEN = "open"  # from before and still open (a once-by-a-date past its date)
    REST = "rest"  # not asked for today (another weekday), nothing open


@dataclass(frozen=True)
class Progress:
    assignment: Assignment
    status: Status
    done: int  # times done in the current period (today, this week, or ever for once)
    needed: int  # times asked for in that period
    done_today: int

    @property
    def period(self) -> str:
        every = self.assignment.frequency.every
        return "this week" if every is Every.WEEK else "today"

    def line(self) -> str:
        """One plain line for Today and `homework-tui today` (no symbols, screen-reader friendly)."""
        a = self.assignment
        name = a.name + (f", {a.minutes} minutes" if a.minutes else "")
        every = a.frequency.every
        if self.status is Status.DONE:
            if every is Every.WEEK:
                return f"{name}: {self.done} of {self.needed} this week, all done"
            if every is Every.ONCE:
                return f"{name}: done"
            return f"{name}: done today"
        if self.status is Status.OPEN:
            assert a.frequency.by is not None
            return f"{name}: still open from {short_date(a.frequency.by)}, whenever you are ready"
        if every is Every.WEEK:
            left = self.needed - self.done
            more = "1 more" if left == 1 else f"{left} more"
            return f"{name}: {self.done} of {self.needed} this week, {more} to go"
        if every is Every.ONCE:
            assert a.frequency.by is not None
            when = "today" if self.status is Status.TODAY else f"by {short_date(a.frequency.by)}"
            return f"{name}: once, {when}"
        if every is Every.WEEKDAYS:
            return f"{name} ({a.frequency.describe()})"
        return name


def progress_on(assignment: Assignment, activities: Iterable[Activity], today: date) -> Progress:
    """Where `assignment` stands on `today`, given everything logged."""
    frequency = assignment.frequency
    done_days = [a.day for a in activities if assignment.counts(a) and a.day <= today]
    done_today = sum(1 for d in done_days if d == today)
    if frequency.every is Every.ONCE:
        assert frequency.by is not None
        done = 1 if done_days else 0
        if done and max(done_days) < week_start(today):
            status = Status.REST  # done in an earlier week: nothing left to show
        elif done:
            status = Status.DONE
        elif today > frequency.by:
            status = Status.OPEN
        elif today == frequency.by:
            status = Status.TODAY
        else:
            status = Status.WEEK
        return Progress(assignment, status, done, 1, done_today)
    if frequency.every is Every.WEEK:
        monday = week_start(today)
        week = [monday + timedelta(days=n) for n in range(7)]
        active = [d for d in week if assignment.active_on(d)]
        needed = min(frequency.times, len(active))
        done = sum(1 for d in done_days if monday <= d)
        if done >= needed:
            status = Status.DONE
        else:
            days_left = sum(1 for d in active if d >= today)
            # Today is the day when what is left only just fits into the days left.
            status = Status.TODAY if needed - done >= days_left and not done_today else Status.WEEK
        return Progress(
            assignment, status, min(done, needed) if needed else done, needed, done_today
        )
    if frequency.every is Every.WEEKDAYS and today.weekday() not in frequency.weekdays:
        return Progress(
            assignment, Status.DONE if done_today else Status.REST, done_today, 0, done_today
        )
    status = Status.DONE if done_today else Status.TODAY
    return Progress(assignment, status, min(done_today, 1), 1, done_today)


@dataclass(frozen=True)
class Streak:
    current: int  # days in a row up to today (or up to yesterday, while today is still open)
    best: int
    today: bool  # something was logged today

    def line(self) -> str:
        """A kind sentence about the streak; never a reproach."""
        if self.current == 0:
            if self.best:
                return "Any small step today starts a new run of days."
            return "Your first piece of homework will start a streak."
        days = "1 day" if self.current == 1 else f"{self.current} days in a row"
        if self.today:
            return f"Streak: {days} with some homework. Well done."
        return f"Streak: {days} with some homework. Anything today keeps it going."


def streak_of(days: Iterable[date], today: date) -> Streak:
    """Consecutive calendar days with homework, ending today or yesterday, and the longest run."""
    have = {d for d in days if d <= today}
    best = run = 0
    previous: date | None = None
    for day in sorted(have):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    end = today if today in have else today - timedelta(days=1)
    current = 0
    while end in have:
        current += 1
        end -= timedelta(days=1)
    return Streak(current, best, today in have)


@dataclass(frozen=True)
class TodayView:
    day: date
    to_do: tuple[Progress, ...]  # due today
    this_week: tuple[Progress, ...]  # still to do this week (or by a later date)
    done: tuple[Progress, ...]
    still_open: tuple[Progress, ...]  # from before, whenever the person is ready
    waiting: tuple[Activity, ...]  # experiments waiting for their outcome
    started: tuple[Activity, ...]  # work begun and not finished (e.g. a thought record)
    logged_today: tuple[Activity, ...]
    streak: Streak
    has_plan: bool

    @property
    def empty(self) -> bool:
        return not (self.to_do or self.this_week or self.done or self.still_open)

    def lines(self) -> list[str]:
        """Everything as plain lines, each starting with what it is (for `homework-tui today`)."""
        out = [f"To do today: {p.line()}" for p in self.to_do]
        out += [
            f"{'Coming up' if p.assignment.frequency.every is Every.ONCE else 'This week'}: "
            f"{p.line()}"
            for p in self.this_week
        ]
        out += [f"Still open: {p.line()}" for p in self.still_open]
        out += [f"Waiting for an outcome: {a.title or 'an experiment'}" for a in self.waiting]
        out += [
            f"Started: {a.title or a.kind.label}, finish it when you like" for a in self.started
        ]
        out += [f"Done: {p.line()}" for p in self.done]
        if not self.has_plan and self.logged_today:
            count = len(self.logged_today)
            out.append(f"Done today: {count} piece{'s' if count != 1 else ''} of homework")
        return out

    def brief(self) -> str:
        """One short line for a shell prompt: “homework: 2 of 4 done today”."""
        if not self.has_plan:
            return "homework: no plan yet"
        asked = len(self.done) + len(self.to_do)
        line = f"homework: {len(self.done)} of {asked} done today"
        if self.this_week:
            line += f", {len(self.this_week)} more this week"
        return line

    def summary(self) -> str:
        """One encouraging sentence about the day."""
        if not self.has_plan:
            return "No plan yet. Add what your therapist set in Plan, or import their file."
        if not self.to_do and not self.this_week and not self.still_open:
            if self.done:
                return "Everything asked for is done for now. Well done."
            return "Nothing is asked for today. A rest day is part of the plan too."
        if self.done:
            return f"{len(self.done)} done so far. One small step at a time."
        return "Any one of these is a good start."


def today_view(
    assignments: Iterable[Assignment], activities: Iterable[Activity], today: date
) -> TodayView:
    assignments = list(assignments)
    plan = [a for a in assignments if a.active_on(today)]
    logged = [a for a in activities if a.day <= today]
    groups: dict[Status, list[Progress]] = {status: [] for status in Status}
    for assignment in plan:
        progress = progress_on(assignment, logged, today)
        groups[progress.status].append(progress)
    waiting = tuple(a for a in logged if a.state is State.WAITING and a.kind is Kind.EXPERIMENT)
    recent = today - timedelta(days=STARTED_SHOWN_DAYS)
    started = tuple(a for a in logged if a.state is State.STARTED and a.day >= recent)
    return TodayView(
        day=today,
        to_do=tuple(groups[Status.TODAY]),
        this_week=tuple(groups[Status.WEEK]),
        done=tuple(groups[Status.DONE]),
        still_open=tuple(groups[Status.OPEN]),
        waiting=waiting,
        started=started,
        logged_today=tuple(a for a in logged if a.day == today),
        streak=streak_of(days_with_homework(logged), today),
        has_plan=bool(assignments),
    )
