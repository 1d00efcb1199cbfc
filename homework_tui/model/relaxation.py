"""Relaxation practice: what a person chose (`RelaxChoice`) and the log of one session
(`RelaxationSession`). Standard library only.

A logged session is stored in table `relaxation_sessions`. Besides our own fields it carries the
ones Today and the report read (`kind`, `pattern`, `minutes`, `tension_before`, `tension_after`,
`completed`; see `homework_tui/store/activities.py`). Ratings on the anxiety scale (0-10) are kept
in `anxiety_before`/`anxiety_after`, never mixed into the 0-100 tension fields.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Self

from homework_tui.i18n import N_, _, decimal, ngettext, pgettext
from homework_tui.model.base import Entity, ValidationError, clean_text, optional_rating
from homework_tui.model.pmr_stages import KEYS as PMR_NAMES
from homework_tui.model.pmr_stages import STAGES as PMR_STAGES

BREATHING_NAMES: tuple[str, ...] = ("box", "478", "resonance", "sigh")
KINDS: tuple[str, ...] = ("breathing", "pmr", "mindfulness")
SCALES: dict[str, tuple[int, int, str]] = {
    # scale → (low, high, how it is asked: English, shown with `_()`)
    "tension": (0, 100, N_("How tense do you feel, from 0 (totally relaxed) to 100?")),
    "anxiety": (0, 10, N_("How anxious do you feel, from 0 (calm) to 10?")),
}
NOTE_MAX = 2000
MINUTES_RANGE = (1.0, 60.0)
BPM_RANGE = (4.5, 6.5)

# How each session reads in a sentence ("Box breathing", "Muscle relaxation, 16 groups"). English:
# a log stores its title as written here; show it with `_()` (the PMR stages' titles are in the
# catalogue through pmr_stages.SHOWN_NAMES).
TITLES: dict[str, str] = {
    "box": N_("Box breathing"),
    "478": N_("4-7-8 breathing"),
    "resonance": N_("Resonance breathing"),
    "sigh": N_("Cyclic sigh"),
    **{stage.key: stage.title for stage in PMR_STAGES},
}


def kind_of(session: str) -> str:
    """ "pmr" for muscle relaxation protocols, "breathing" for everything else."""
    return "pmr" if session.strip().lower() in PMR_NAMES else "breathing"


def title_of(session: str) -> str:
    """The session's title in English, as a log stores it (show it with `_()`)."""
    return TITLES.get(session.strip().lower(), session)


def check_minutes(value: object) -> float:
    """A session length in minutes, 1 to 60 (whole or decimal)."""
    low, high = MINUTES_RANGE
    problem = ValidationError(
        "minutes",
        _("Length needs a number of minutes from {low} to {high}.").format(
            low=decimal(low), high=decimal(high)
        ),
    )
    try:
        minutes = float(str(value).strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise problem from None
    if isinstance(value, bool) or not math.isfinite(minutes) or not low <= minutes <= high:
        raise problem
    return minutes


def check_rating(value: object, scale: str) -> int | None:
    """A before/after rating on `scale` ("tension" 0-100 or "anxiety" 0-10); None when skipped."""
    low, high, _question = SCALES[scale]
    label = _("Tension") if scale == "tension" else _("Anxiety")
    return optional_rating(scale, value, label, low=low, high=high)


@dataclass(frozen=True, kw_only=True)
class RelaxChoice:
    """The session a person picked on the Relax screen; remembered for next time."""

    session: str = "resonance"  # a built-in session, a custom pattern's or a script file's name
    minutes: float = 5.0
    voice: bool = True  # spoken guidance
    tones: bool = False  # a soft tone at each phase
    intro: bool = True  # the spoken introduction before the practice
    breaths_per_minute: float = 6.0  # resonance only
    ratio: str = "1:1"  # resonance only, in:out
    scale: str = "tension"  # how the person rates: tension 0-100 or anxiety 0-10
    # For a session from a script file: its kind and title as the file says ("" for built-ins,
    # whose kind and title follow from the name).
    session_kind: str = ""
    session_title: str = ""
    own_length: bool = False  # a script played as long as it is written (`minutes` not used)

    def __post_init__(self) -> None:
        if self.session_kind not in ("", *KINDS):
            raise ValidationError(
                "kind", _("A session is breathing, muscle relaxation or mindfulness.")
            )
        if not isinstance(self.own_length, bool):
            raise ValidationError("own_length", _("A session's own length is either used or not."))
        object.__setattr__(
            self,
            "session_title",
            " ".join(clean_text(str(self.session_title), multiline=False).split()),
        )
        session = " ".join(clean_text(str(self.session), multiline=False).split())
        if not session:
            raise ValidationError("session", _("Please choose a session."))
        object.__setattr__(self, "session", session)
        object.__setattr__(self, "minutes", check_minutes(self.minutes))
        bpm = self.breaths_per_minute
        if (
            isinstance(bpm, bool)
            or not isinstance(bpm, (int, float))
            or not (BPM_RANGE[0] <= float(bpm) <= BPM_RANGE[1])
        ):
            raise ValidationError(
                "bpm",
                _("Breaths a minute should be from {low} to {high}.").format(
                    low=decimal(BPM_RANGE[0]), high=decimal(BPM_RANGE[1])
                ),
            )
        object.__setattr__(self, "breaths_per_minute", float(bpm))
        ratio = str(self.ratio).strip().replace(" ", "")
        bits = ratio.split(":")
        if len(bits) != 2 or not all(_positive(b) for b in bits):
            raise ValidationError("ratio", _("The in:out ratio looks like 1:1 or 4:6."))
        object.__setattr__(self, "ratio", ratio)
        if self.scale not in SCALES:
            raise ValidationError(
                "scale", _("Ratings are on the tension (0-100) or anxiety (0-10) scale.")
            )
        if not self.voice and not self.tones and self.kind == "breathing":
            raise ValidationError(
                "voice",
                _(
                    "A breathing session needs the voice or tones (or both) so you can follow "
                    "it with your eyes closed."
                ),
            )

    @property
    def kind(self) -> str:
        return self.session_kind or kind_of(self.session)

    @property
    def title(self) -> str:
        return self.session_title or title_of(self.session)

    @property
    def shown_title(self) -> str:
        """The title in the interface's language (a built-in's; a person's own title as written)."""
        return _(self.title)

    @property
    def with_intro(self) -> bool:
        """Whether the session starts from its first part (a mindfulness script always does)."""
        return self.intro or self.kind == "mindfulness"

    @property
    def with_tones(self) -> bool:
        """Tones at each phase: a breathing or muscle relaxation choice (mindfulness has none)."""
        return self.tones and self.kind != "mindfulness"

    def changed(self, **changes: Any) -> Self:
        return replace(self, **changes)


def _positive(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return math.isfinite(value) and value > 0


# Field → its message when a logged length is not a number of at least 0.
_AT_LEAST_0 = {
    "minutes": lambda: _("minutes should be a number of at least 0."),
    "planned_seconds": lambda: _("planned seconds should be a number of at least 0."),
    "actual_seconds": lambda: _("actual seconds should be a number of at least 0."),
}


@dataclass(frozen=True, kw_only=True)
class RelaxationSession(Entity):
    """One practice session, as logged."""

    kind: str = "breathing"  # breathing | pmr | mindfulness
    pattern: str = ""  # the session name: box, resonance, pmr16, a custom pattern's name
    title: str = ""  # how it reads: "Resonance breathing"
    minutes: float = 0.0  # actually listened, for Today and the report
    planned_seconds: float = 0.0
    actual_seconds: float = 0.0  # listened: skipped parts and pauses are not counted
    completed: bool = False  # the whole session, nothing skipped (False: stopped early or skipped)
    skipped_parts: int = 0  # parts the person moved on from (`n`)
    scale: str = "tension"
    tension_before: int | None = None  # 0-100 (scale "tension")
    tension_after: int | None = None
    anxiety_before: int | None = None  # 0-10 (scale "anxiety")
    anxiety_after: int | None = None
    voice: bool = True
    tones: bool = False
    breaths_per_minute: float | None = None
    ratio: str = ""
    audible: bool = True  # False: it ran silent, with captions
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError(
                "kind", _("A session is breathing, muscle relaxation or mindfulness.")
            )
        if self.scale not in SCALES:
            raise ValidationError(
                "scale", _("Ratings are on the tension (0-100) or anxiety (0-10) scale.")
            )
        for name in ("tension_before", "tension_after"):
            object.__setattr__(self, name, check_rating(getattr(self, name), "tension"))
        for name in ("anxiety_before", "anxiety_after"):
            object.__setattr__(self, name, check_rating(getattr(self, name), "anxiety"))
        skipped = self.skipped_parts
        if isinstance(skipped, bool) or not isinstance(skipped, int) or skipped < 0:
            raise ValidationError(
                "skipped_parts", _("Skipped parts should be a whole number of at least 0.")
            )
        if skipped:  # a session with parts skipped was not done whole
            object.__setattr__(self, "completed", False)
        for name in ("minutes", "planned_seconds", "actual_seconds"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or value < 0
            ):
                raise ValidationError(name, _AT_LEAST_0[name]())
            object.__setattr__(self, name, float(value))
        note = clean_text(self.note).strip()
        if len(note) > NOTE_MAX:
            raise ValidationError(
                "note", _("Please keep the note under {limit} characters.").format(limit=NOTE_MAX)
            )
        object.__setattr__(self, "note", note)
        object.__setattr__(self, "pattern", clean_text(self.pattern, multiline=False).strip())
        object.__setattr__(
            self, "title", clean_text(self.title or title_of(self.pattern), multiline=False).strip()
        )

    @property
    def before(self) -> int | None:
        return self.tension_before if self.scale == "tension" else self.anxiety_before

    @property
    def after(self) -> int | None:
        return self.tension_after if self.scale == "tension" else self.anxiety_after

    @property
    def as_tension(self) -> tuple[float | None, float | None]:
        """Before and after on a 0-100 scale (anxiety 0-10 × 10), for one chart."""
        factor = 1 if self.scale == "tension" else 10
        return (
            None if self.before is None else self.before * factor,
            None if self.after is None else self.after * factor,
        )

    @property
    def outcome(self) -> str:
        """ "done", "stopped early", or "3 parts skipped"."""
        n = self.skipped_parts
        if n:
            return ngettext("{n} part skipped", "{n} parts skipped", n).format(n=n)
        # Translators: how a relaxation session ended, in a list of sessions.
        return pgettext("session", "done") if self.completed else _("stopped early")

    def rating_line(self) -> str:
        """ "tension 70 → 40 (of 100)", "anxiety 7 → 4 (of 10)", or "" when not rated."""
        return rating_text(self.scale, self.before, self.after)


def rating_text(scale: str, before: float | None, after: float | None) -> str:
    """Ratings with the scale they were given on: "anxiety 7 → 2 (of 10)", "tension 70 → – (of
    100)"; "" when neither was given. The one wording of a rating for History, Relax and the
    report."""
    if before is None and after is None:
        return ""
    high = SCALES[scale][1] if scale in SCALES else 100

    def number(value: float | None) -> str:
        return "–" if value is None else decimal(value, 2)

    values = {"before": number(before), "after": number(after), "high": high}
    if scale == "tension":
        return _("tension {before} → {after} (of {high})").format(**values)
    if scale == "anxiety":
        return _("anxiety {before} → {after} (of {high})").format(**values)
    return _("{scale} {before} → {after} (of {high})").format(scale=scale, **values)


def session_log(
    choice: RelaxChoice,
    *,
    before: int | None,
    after: int | None,
    planned_seconds: float,
    actual_seconds: float,
    completed: bool,
    audible: bool,
    note: str = "",
    skipped_parts: int = 0,
) -> RelaxationSession:
    """The log entry for a session run from `choice`, ratings on the choice's scale.
    `actual_seconds`: the time listened (see `Listening`); `completed`: it played to its end."""
    tension = choice.scale == "tension"  # else anxiety, 0-10: never mixed into the tension fields
    resonance = choice.session.lower() == "resonance"
    return RelaxationSession(
        kind=choice.kind,
        pattern=choice.session,
        title=choice.title,
        minutes=round(actual_seconds / 60, 1),
        planned_seconds=round(planned_seconds, 1),
        actual_seconds=round(actual_seconds, 1),
        completed=completed,
        skipped_parts=skipped_parts,
        scale=choice.scale,
        voice=choice.voice,
        tones=choice.tones,
        breaths_per_minute=choice.breaths_per_minute if resonance else None,
        ratio=choice.ratio if resonance else "",
        audible=audible,
        note=note,
        tension_before=before if tension else None,
        tension_after=after if tension else None,
        anxiety_before=None if tension else before,
        anxiety_after=None if tension else after,
    )


LOOK_SLACK = 0.05  # seconds the session clock may run ahead of the wall clock between two looks


@dataclass
class Listening:
    """How long a person actually listens to a session, from looks at its clock: each step of the
    session clock counts up to the time that passed since the last look, so a skip to the next
    part (a jump ahead) counts only as the moment it took, and a pause (the clock stands still)
    not at all."""

    seconds: float = 0.0
    skipped_parts: int = 0
    _last: tuple[float, float] | None = field(default=None, repr=False)

    def look(self, session_seconds: float, now: float) -> None:
        """`session_seconds` on the session clock at `now` (monotonic seconds)."""
        if self._last is not None:
            clock, then = self._last
            self.seconds += min(
                max(0.0, session_seconds - clock), max(0.0, now - then) + LOOK_SLACK
            )
        self._last = (session_seconds, now)

    def skipped(self) -> None:
        self.skipped_parts += 1


# -- the words of a session's phases (the full-screen pacer and the plain mode's lines) ----------

# English, shown through `phase_word` (translated there).
PHASE_WORDS = {
    "inhale": N_("Breathe in"),
    "hold": N_("Hold"),
    "exhale": N_("Breathe out"),
    "own": N_("At your own pace"),
    "tense": N_("Tense"),
    "release": N_("Release"),
    "intro": N_("Settle in"),
    "closing": N_("Coming back"),
}


BELL_KINDS = ("inhale", "hold", "exhale", "own", "tense", "release")


def phase_word(kind: str | None, label: str | None) -> str:
    """The word shown for a phase, in the interface's language ("" for none)."""
    if kind == "inhale" and label == "top-up":
        return _("A little more in")
    word = PHASE_WORDS.get(kind or "", "")
    return _(word) if word else ""


def says_phase_word(text: str, kind: str | None, label: str | None) -> bool:
    """The voice says just the phase word ("Breathe in."), already shown above the caption: not
    written twice (and not redrawn at every phase)."""
    word = phase_word(kind, label)
    return bool(word) and text.strip(" .").lower() == word.lower()
