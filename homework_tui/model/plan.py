"""The therapist's plan: assignments, how often each is due, and which logged homework counts.

An `Assignment` has a kind (see `activity.Kind`), an optional target (the ladder or step of an
exposure, the breathing pattern, the PMR protocol), a `Frequency` (every day, N times a week, on
given weekdays, or once by a date), an optional note from the therapist, and start and end dates.

Weeks run Monday to Sunday. Matching is by kind and target, within the assignment's dates, so
editing or removing an assignment never changes what was logged: the work stays in its own table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from babel.dates import format_date

from homework_tui.i18n import N_, _, current_language, ngettext
from homework_tui.i18n.language import babel_locale
from homework_tui.model.activity import Activity, Kind
from homework_tui.model.base import Entity, ValidationError, clean_text

# English weekday names, as plan files write them (`parse_weekday` reads them; never translated).
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# How "on Mondays and Thursdays" names each day, in the interface's language.
_ON_WEEKDAYS: tuple[str, ...] = (
    N_("Mondays"),
    N_("Tuesdays"),
    N_("Wednesdays"),
    N_("Thursdays"),
    N_("Fridays"),
    N_("Saturdays"),
    N_("Sundays"),
)
# “Tue 18 March” as each language writes a short day and date (Babel patterns).
_SHORT_DATE = {
    "de": "EEE, d. MMMM",  # i18n: not shown
    "es": "EEE, d 'de' MMMM",  # i18n: not shown
    "pt": "EEE, d 'de' MMMM",  # i18n: not shown
}
MAX_TIMES_A_WEEK = 21
MAX_MINUTES = 600
TITLE_MAX = 120
# What a plan file may hold (README, section Your therapist's plan): sized for a plan written by
# hand, far beyond any real one, and small enough that Today and Plan stay readable and quick.
PLAN_FILE_MAX_BYTES = 256 * 1024
PLAN_MAX_HOMEWORK = 100
NOTE_MAX = 2000  # characters in a homework's note: about a page
PLAN_TEXT_MAX = 200  # characters in any other text of a plan file: title, therapist, target, id


def parse_weekday(text: str) -> int | None:
    """0 for “Mon”, “monday”, “Mondays”, “mo” … 6 for Sunday; None when it is not a weekday."""
    word = text.strip().rstrip(".").casefold()
    if word.endswith("days"):
        word = word[:-1]
    if len(word) < 2:
        return None
    for index, name in enumerate(WEEKDAY_NAMES):
        if name.casefold().startswith(word):
            return index
    return None


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def short_date(day: date) -> str:
    """“Tue 18 March” — unambiguous in any country — in the interface's language
    (“mar. 18 mars”, “Di., 18. März”)."""
    pattern = _SHORT_DATE.get(current_language(), "EEE d MMMM")
    return format_date(day, pattern, locale=babel_locale())


def weekday_list(days: tuple[int, ...]) -> str:
    """“Mondays and Thursdays”, in the interface's language."""
    names = [_(_ON_WEEKDAYS[d]) for d in days]
    if len(names) <= 1:
        return "".join(names)
    # Translators: the last two of a list of days: "Mondays, Tuesdays and Thursdays".
    return _("{days} and {last}").format(days=", ".join(names[:-1]), last=names[-1])


class Every(StrEnum):
    DAY = "day"
    WEEK = "week"  # `times` a week, any days
    WEEKDAYS = "weekdays"  # on the given weekdays
    ONCE = "once"  # once, by a date


@dataclass(frozen=True, kw_only=True)
class Frequency:
    every: Every = Every.DAY
    times: int = 1  # for WEEK
    weekdays: tuple[int, ...] = ()  # for WEEKDAYS, 0 = Monday
    by: date | None = None  # for ONCE

    def __post_init__(self) -> None:
        every = Every(self.every)
        object.__setattr__(self, "every", every)
        if every is Every.WEEK:
            times = self.times
            if isinstance(times, bool) or not isinstance(times, int):
                raise ValidationError("times", _("How many times a week needs a whole number."))
            if not 1 <= times <= MAX_TIMES_A_WEEK:
                raise ValidationError(
                    "times",
                    _("How many times a week is {times}; it goes from 1 to {high}.").format(
                        times=times, high=MAX_TIMES_A_WEEK
                    ),
                )
        else:
            object.__setattr__(self, "times", 1)
        if every is Every.WEEKDAYS:
            days = tuple(sorted(set(self.weekdays)))
            if not days:
                raise ValidationError("weekdays", _("Please choose at least one day of the week."))
            if any(not isinstance(d, int) or not 0 <= d <= 6 for d in days):
                raise ValidationError("weekdays", _("Days of the week go from Monday to Sunday."))
            object.__setattr__(self, "weekdays", days)
        else:
            object.__setattr__(self, "weekdays", ())
        if every is Every.ONCE:
            if self.by is None:
                raise ValidationError("by", _("Please give the date it is for."))
        else:
            object.__setattr__(self, "by", None)

    def describe(self) -> str:
        """“every day”, “3 times a week”, “on Mondays and Thursdays”, “once, by Tue 18 March”."""
        if self.every is Every.DAY:
            return _("every day")
        if self.every is Every.WEEK:
            if self.times == 1:
                return _("once a week")
            return ngettext("{n} time a week", "{n} times a week", self.times).format(n=self.times)
        if self.every is Every.WEEKDAYS:
            # Translators: {days} is a list like "Mondays and Thursdays" (translated apart).
            return _("on {days}").format(days=weekday_list(self.weekdays))
        assert self.by is not None
        return _("once, by {date}").format(date=short_date(self.by))


def _stage_shown(target: str) -> str:
    """A relaxation stage as the plan names it ("cue-controlled"), in the interface's language
    when it names a stage we know (the plan's own words when there is no translation)."""
    from homework_tui.i18n import current_language
    from homework_tui.model.pmr_stages import stage_of

    stage = stage_of(target)
    if stage is None:
        return target
    translated = _(stage.short)
    if translated == stage.short:
        return target
    # Inside brackets, mid-sentence: a small first letter, but German keeps its capital nouns.
    return translated if current_language() == "de" else translated[:1].lower() + translated[1:]


def _default_title(kind: Kind, target: str) -> str:
    if not target:
        return kind.label
    if kind is Kind.BREATHING:
        # Translators: {pattern} is a breathing pattern's name as the plan gives it ("Box").
        return _("{pattern} breathing").format(pattern=f"{target[:1].upper()}{target[1:]}")
    if kind is Kind.PMR:
        return _("Muscle relaxation ({stage})").format(stage=_stage_shown(target))
    if kind is Kind.EXPOSURE:
        return _("Exposure: {target}").format(target=target)
    # Translators: a kind of homework and what it is for ("Journal: sleep").
    return _("{kind}: {target}").format(kind=kind.label, target=target)


@dataclass(frozen=True, kw_only=True)
class Assignment(Entity):
    kind: Kind
    frequency: Frequency = field(default_factory=Frequency)
    title: str = ""  # the name shown; derived from kind and target when empty
    target: str = ""  # ladder or step, breathing pattern, PMR protocol; empty: any
    note: str = ""  # the therapist's words
    minutes: int | None = None  # how long, when the therapist said
    start: date = field(default_factory=date.today)
    end: date | None = None  # last day, inclusive; None: until changed
    source: str = ""  # the key it was imported under, so importing again updates it

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "kind", Kind(self.kind))
        title = " ".join(clean_text(self.title, multiline=False).split())
        if len(title) > TITLE_MAX:
            raise ValidationError(
                "title", _("Please keep the name under {limit} characters.").format(limit=TITLE_MAX)
            )
        set_(self, "title", title)
        set_(self, "target", " ".join(clean_text(self.target, multiline=False).split()))
        set_(self, "note", clean_text(self.note).strip())
        set_(self, "source", clean_text(self.source, multiline=False).strip())
        if self.kind is Kind.OTHER and not title:
            raise ValidationError("title", _("Please say what this homework is, in a few words."))
        if self.minutes is not None:
            minutes = self.minutes
            if isinstance(minutes, bool) or not isinstance(minutes, int):
                raise ValidationError("minutes", _("Minutes need a whole number."))
            if not 1 <= minutes <= MAX_MINUTES:
                raise ValidationError(
                    "minutes", _("Minutes go from 1 to {high}.").format(high=MAX_MINUTES)
                )
        if self.end is not None and self.end < self.start:
            raise ValidationError(
                "end",
                _("The last day ({last}) is before the first ({first}).").format(
                    last=short_date(self.end), first=short_date(self.start)
                ),
            )
        by = self.frequency.by
        if by is not None and by < self.start:
            raise ValidationError(
                "by",
                _("The date it is for ({by}) is before it starts ({start}).").format(
                    by=short_date(by), start=short_date(self.start)
                ),
            )

    @property
    def name(self) -> str:
        return self.title or _default_title(self.kind, self.target)

    def describe(self) -> str:
        """“Resonance breathing, 10 minutes, every day”."""
        parts = [self.name]
        if self.minutes:
            parts.append(ngettext("{n} minute", "{n} minutes", self.minutes).format(n=self.minutes))
        parts.append(self.frequency.describe())
        return ", ".join(parts)

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def counts(self, activity: Activity) -> bool:
        """Whether `activity` is this assignment done."""
        if activity.assignment_id is not None:
            return activity.assignment_id == self.id and self.active_on(activity.day)
        if not activity.done or activity.kind is not self.kind or self.kind is Kind.OTHER:
            return False
        return self.active_on(activity.day) and activity.matches_target(self.target)

    def ended_before(self, day: date) -> bool:
        return self.end is not None and self.end < day


def planned_minutes(assignments: Iterable[Assignment], activity: Activity) -> int | None:
    """How long the plan asked for the homework `activity` counts as (the longest, when several
    assignments with minutes count it); None when the plan gives no time for it."""
    asked = [a.minutes for a in assignments if a.minutes is not None and a.counts(activity)]
    return max(asked, default=None)


def matching(assignment: Assignment, activities: list[Activity]) -> list[Activity]:
    return [a for a in activities if assignment.counts(a)]


def expected_between(assignment: Assignment, first: date, last: date) -> int:
    """How many times the assignment asked to be done from `first` to `last` (inclusive) — for
    the report's “done 5 of 7”. N-times-a-week counts N for each week, fewer for a part week."""
    lo = max(first, assignment.start)
    hi = last if assignment.end is None else min(last, assignment.end)
    if lo > hi:
        return 0
    frequency = assignment.frequency
    days = [lo + timedelta(days=n) for n in range((hi - lo).days + 1)]
    if frequency.every is Every.DAY:
        return len(days)
    if frequency.every is Every.WEEKDAYS:
        return sum(1 for d in days if d.weekday() in frequency.weekdays)
    if frequency.every is Every.ONCE:
        assert frequency.by is not None
        return 1 if lo <= frequency.by <= hi else 0
    # N times a week, spread over the days asked about: a part week asks for its share.
    return max(1, round(frequency.times * len(days) / 7))


@dataclass(frozen=True, kw_only=True)
class Checkoff(Entity):
    """“I did this” for an assignment the app cannot see being done (a walk, breathing away from
    the computer). It counts for that assignment on `day` only."""

    assignment_id: str
    day: date
    note: str = ""

    def __post_init__(self) -> None:
        if not self.assignment_id:
            raise ValueError("a check-off needs its assignment")  # i18n: not shown
        object.__setattr__(self, "note", clean_text(self.note).strip())


@dataclass(frozen=True, kw_only=True)
class PlanInfo:
    """About the plan as a whole: whose it is and the sessions around it. `last_session` is where
    “since last session” starts. `suggest_relax` is the plan file's `suggest_relax`: False turns
    off Today's “If you feel tense right now, try Relax” (for exposure work, where reaching for
    relaxation can become a safety behaviour); None when the plan does not say (the default: on).
    """

    title: str = ""
    therapist: str = ""
    last_session: date | None = None
    next_session: date | None = None
    suggest_relax: bool | None = None

    def __post_init__(self) -> None:
        for name in ("title", "therapist"):
            text = " ".join(clean_text(getattr(self, name), multiline=False).split())
            object.__setattr__(self, name, text[:TITLE_MAX])
        if (
            self.last_session is not None
            and self.next_session is not None
            and self.next_session < self.last_session
        ):
            raise ValidationError(
                "next_session",
                _("The next session ({next}) is before the last one ({last}).").format(
                    next=short_date(self.next_session), last=short_date(self.last_session)
                ),
            )
        if self.suggest_relax is not None and not isinstance(self.suggest_relax, bool):
            raise ValidationError(
                "suggest_relax",
                # Translators: suggest_relax is a plan file's setting: keep it as it is.
                _("suggest_relax needs to be true or false."),
            )

    @property
    def relax_suggested(self) -> bool:
        """Whether Today suggests Relax to someone tense: yes unless the plan says no."""
        return self.suggest_relax is not False

    def describe_relax(self) -> str:
        """What the plan says about suggesting Relax, for the Plan screen; "" when it says
        nothing (the default)."""
        if self.suggest_relax is None:
            return ""
        if self.suggest_relax:
            return _("Today suggests Relax when you feel tense")
        return _("Today does not suggest Relax (your therapist's plan turns it off)")
