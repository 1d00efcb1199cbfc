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

from homework_tui.i18n import _, ngettext
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
        return _("this week") if every is Every.WEEK else _("today")

    def line(self) -> str:
        """One plain line for Today and `homework-tui today` (no symbols, screen-reader friendly)."""
        a = self.assignment
        name = a.name
        if a.minutes:
            name = ngettext("{name}, {n} minute", "{name}, {n} minutes", a.minutes).format(
                name=name, n=a.minutes
            )
        every = a.frequency.every
        if self.status is Status.DONE:
            if every is Every.WEEK:
                return _("{name}: {done} of {needed} this week, all done").format(
                    name=name, done=self.done, needed=self.needed
                )
            if every is Every.ONCE:
                return _("{name}: done").format(name=name)
            return _("{name}: done today").format(name=name)
        if self.status is Status.OPEN:
            assert a.frequency.by is not None
            return _("{name}: still open from {date}, whenever you are ready").format(
                name=name, date=short_date(a.frequency.by)
            )
        if every is Every.WEEK:
            left = self.needed - self.done
            return ngettext(
                "{name}: {done} of {needed} this week, {n} more to go",
                "{name}: {done} of {needed} this week, {n} more to go",
                left,
            ).format(name=name, done=self.done, needed=self.needed, n=left)
        if every is Every.ONCE:
            assert a.frequency.by is not None
            if self.status is Status.TODAY:
                return _("{name}: once, today").format(name=name)
            return _("{name}: once, by {date}").format(name=name, date=short_date(a.frequency.by))
        if every is Every.WEEKDAYS:
            # Translators: a homework's name and how often it is asked for ("on Mondays").
            return _("{name} ({how_often})").format(name=name, how_often=a.frequency.describe())
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
                return _("Any small step today starts a new run of days.")
            return _("Your first piece of homework will start a streak.")
        n = self.current
        if self.today:
            return ngettext(
                "Streak: {n} day with some homework. Well done.",
                "Streak: {n} days in a row with some homework. Well done.",
                n,
            ).format(n=n)
        return ngettext(
            "Streak: {n} day with some homework. Anything today keeps it going.",
            "Streak: {n} days in a row with some homework. Anything today keeps it going.",
            n,
        ).format(n=n)


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
        out = [_("To do today: {homework}").format(homework=p.line()) for p in self.to_do]
        out += [
            (
                _("Coming up: {homework}")
                if p.assignment.frequency.every is Every.ONCE
                else _("This week: {homework}")
            ).format(homework=p.line())
            for p in self.this_week
        ]
        out += [_("Still open: {homework}").format(homework=p.line()) for p in self.still_open]
        out += [
            _("Waiting for an outcome: {title}").format(title=a.title or _("an experiment"))
            for a in self.waiting
        ]
        out += [
            _("Started: {title}, finish it when you like").format(title=a.title or a.kind.label)
            for a in self.started
        ]
        out += [_("Done: {homework}").format(homework=p.line()) for p in self.done]
        if not self.has_plan and self.logged_today:
            count = len(self.logged_today)
            out.append(
                ngettext(
                    "Done today: {n} piece of homework", "Done today: {n} pieces of homework", count
                ).format(n=count)
            )
        return out

    def brief(self) -> str:
        """One short line for a shell prompt: “homework: 2 of 4 done today”."""
        if not self.has_plan:
            return _("homework: no plan yet")
        asked = len(self.done) + len(self.to_do)
        if self.this_week:
            return _("homework: {done} of {asked} done today, {more} more this week").format(
                done=len(self.done), asked=asked, more=len(self.this_week)
            )
        return _("homework: {done} of {asked} done today").format(done=len(self.done), asked=asked)

    def summary(self) -> str:
        """One encouraging sentence about the day."""
        if not self.has_plan:
            return _("No plan yet. Add what your therapist set in Plan, or import their file.")
        if not self.to_do and not self.this_week and not self.still_open:
            if self.done:
                return _("Everything asked for is done for now. Well done.")
            return _("Nothing is asked for today. A rest day is part of the plan too.")
        if self.done:
            n = len(self.done)
            return ngettext(
                "{n} done so far. One small step at a time.",
                "{n} done so far. One small step at a time.",
                n,
            ).format(n=n)
        return _("Any one of these is a good start.")


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
