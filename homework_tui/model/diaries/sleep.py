"""Sleep diary, the Consensus Sleep Diary core (Carney et al. 2012).

One entry per night: `night_of` is the date of the evening the night began. Times are wall-clock
times as the person read them; each is placed at the first moment at or after the one before it, so
going to bed at 23:40 and waking at 07:10 crosses midnight without a word said. With a `zone` (an
IANA name such as "Europe/London") the durations are measured in real time, so the night the
clocks go forward is an hour shorter and the night they go back an hour longer.

Time in bed = out of bed − to bed. Total sleep = (final awakening − tried to sleep) − minutes to
fall asleep − minutes awake in the night. Sleep efficiency = total sleep ÷ time in bed × 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.base import Entity, ValidationError, clean_text, rating
from homework_tui.model.diaries.clock import clock_text, minutes_text, parse_clock

# 1-5. Marked only: show them with `_(word)` (or `quality_words()`).
QUALITY = (N_("very poor"), N_("poor"), N_("fair"), N_("good"), N_("very good"))
MINUTES_MAX = 720
AWAKENINGS_MAX = 50
LONGEST_NIGHT = timedelta(hours=20)
TIMES = (
    ("to_bed", N_("Went to bed")),
    ("tried_to_sleep", N_("Tried to sleep")),
    ("final_awakening", N_("Final awakening")),
    ("out_of_bed", N_("Got out of bed")),
)

# The same four as they read inside a sentence ("… comes before tried to sleep (23:00)").
_TIMES_IN_A_SENTENCE = {
    "to_bed": N_("went to bed"),
    "tried_to_sleep": N_("tried to sleep"),
    "final_awakening": N_("final awakening"),
    "out_of_bed": N_("got out of bed"),
}


def quality_words() -> tuple[str, ...]:
    """`QUALITY` in the interface's language."""
    return tuple(_(word) for word in QUALITY)


def _zone(name: str) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "zone", _("“{name}” is not a time zone I know.").format(name=name[:40])
        ) from None


@dataclass(frozen=True, kw_only=True)
class SleepEntry(Entity):
    night_of: date
    to_bed: time
    tried_to_sleep: time
    minutes_to_fall_asleep: int
    awakenings: int
    minutes_awake: int
    final_awakening: time
    out_of_bed: time
    quality: int  # 1 very poor … 5 very good
    notes: str = ""
    zone: str = ""  # IANA time zone; blank: wall-clock arithmetic

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        for name, label in TIMES:
            value = getattr(self, name)
            if isinstance(value, str):
                value = parse_clock(name, value, _(label))
            if not isinstance(value, time):
                raise ValidationError(
                    name, _("{label} needs a time, like 23:40.").format(label=_(label))
                )
            set_(self, name, value.replace(second=0, microsecond=0, tzinfo=None))
        set_(
            self,
            "minutes_to_fall_asleep",
            rating(
                "minutes_to_fall_asleep",
                self.minutes_to_fall_asleep,
                _("Minutes to fall asleep"),
                high=MINUTES_MAX,
            ),
        )
        set_(
            self,
            "awakenings",
            rating("awakenings", self.awakenings, _("Times you woke"), high=AWAKENINGS_MAX),
        )
        set_(
            self,
            "minutes_awake",
            rating("minutes_awake", self.minutes_awake, _("Minutes awake"), high=MINUTES_MAX),
        )
        set_(self, "quality", rating("quality", self.quality, _("Sleep quality"), low=1, high=5))
        set_(self, "notes", clean_text(self.notes).strip("\n"))
        _zone(self.zone)
        if self.awakenings == 0 and self.minutes_awake > 0:
            raise ValidationError(
                "awakenings",
                _(
                    "You wrote no awakenings but {minutes} minutes awake; please check one of them."
                ).format(minutes=self.minutes_awake),
            )
        self._check_order()
        if self.total_sleep < 0:
            raise ValidationError(
                "minutes_to_fall_asleep",
                _(
                    "The minutes to fall asleep and awake add up to more than the time from "
                    "trying to sleep to waking ({window}); please check them."
                ).format(window=minutes_text(self.sleep_window)),
            )

    def _check_order(self) -> None:
        moments = self.moments
        if moments[-1] - moments[0] <= LONGEST_NIGHT:
            return
        for index, (before, after) in enumerate(pairwise(moments)):
            if after - before > timedelta(hours=12):
                name = TIMES[index][0]
                later_name, later_label = TIMES[index + 1]
                raise ValidationError(
                    later_name,
                    # Translators: "Final awakening (03:00) comes before tried to sleep (23:00)…":
                    # {later} and {earlier} are two of the four times' names.
                    _(
                        "{later} ({later_time}) comes before {earlier} ({earlier_time}); please "
                        "check the times."
                    ).format(
                        later=_(later_label),
                        later_time=clock_text(getattr(self, later_name)),
                        earlier=_(_TIMES_IN_A_SENTENCE[name]),
                        earlier_time=clock_text(getattr(self, name)),
                    ),
                )
        raise ValidationError("to_bed", _("Those times make a night over 20 hours; please check."))

    @property
    def wall_times(self) -> tuple[datetime, ...]:
        """To bed, tried to sleep, final awakening, out of bed, as dates and clock times."""
        first_day = self.night_of + timedelta(days=1 if self.to_bed.hour < 12 else 0)
        walls = [datetime.combine(first_day, self.to_bed)]
        for name, _label in TIMES[1:]:
            wall = datetime.combine(walls[-1].date(), getattr(self, name))
            if wall < walls[-1]:
                wall += timedelta(days=1)
            walls.append(wall)
        return tuple(walls)

    @property
    def woke_on(self) -> date:
        """The date of the morning the night ended (the date of getting out of bed)."""
        return self.wall_times[3].date()

    @property
    def moments(self) -> tuple[datetime, ...]:
        """The four times as real moments, in UTC when the zone is known (so differences are
        true across a clock change)."""
        walls = self.wall_times
        zone = _zone(self.zone)
        if zone is None:
            return tuple(walls)
        return tuple(w.replace(tzinfo=zone).astimezone(UTC) for w in walls)

    @staticmethod
    def _minutes(span: timedelta) -> int:
        return round(span.total_seconds() / 60)

    @property
    def time_in_bed(self) -> int:
        """Minutes from going to bed to getting out of bed."""
        moments = self.moments
        return self._minutes(moments[3] - moments[0])

    @property
    def sleep_window(self) -> int:
        """Minutes from trying to sleep to the final awakening."""
        moments = self.moments
        return self._minutes(moments[2] - moments[1])

    @property
    def total_sleep(self) -> int:
        return self.sleep_window - self.minutes_to_fall_asleep - self.minutes_awake

    @property
    def efficiency(self) -> int:
        """Total sleep as a whole percentage of time in bed."""
        if self.time_in_bed <= 0:
            return 0
        return round(self.total_sleep / self.time_in_bed * 100)

    @property
    def quality_text(self) -> str:
        return f"{self.quality} ({_(QUALITY[self.quality - 1])})"

    def explained(self) -> list[str]:
        """The three figures, each with how it was worked out, in plain words."""
        if self.awakenings:
            total = ngettext(
                "Total sleep: {total}, from trying to sleep at {tried} to waking at {woke}, less "
                "{falling} min falling asleep and {awake} min awake in the night ({times} time).",
                "Total sleep: {total}, from trying to sleep at {tried} to waking at {woke}, less "
                "{falling} min falling asleep and {awake} min awake in the night ({times} times).",
                self.awakenings,
            )
        else:
            total = _(
                "Total sleep: {total}, from trying to sleep at {tried} to waking at {woke}, less "
                "{falling} min falling asleep."
            )
        return [
            _("Time in bed: {in_bed}, from going to bed at {to_bed} to getting up at {up}.").format(
                in_bed=minutes_text(self.time_in_bed),
                to_bed=clock_text(self.to_bed),
                up=clock_text(self.out_of_bed),
            ),
            total.format(
                total=minutes_text(self.total_sleep),
                tried=clock_text(self.tried_to_sleep),
                woke=clock_text(self.final_awakening),
                falling=self.minutes_to_fall_asleep,
                awake=self.minutes_awake,
                times=self.awakenings,
            ),
            _(
                "Sleep efficiency: {efficiency}%, the share of your time in bed spent asleep "
                "(total sleep ÷ time in bed). Many people sleep about 85% or more of their time "
                "in bed."
            ).format(efficiency=self.efficiency),
        ]
