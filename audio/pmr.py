"""Progressive muscle relaxation (Bernstein & Borkovec, 1973) and its shortened forms: the pieces.

16 groups → 7 → 4 → release-only → cue-controlled (Öst's applied relaxation), as in
../shared/CLINICAL.md. The sessions themselves are script files (audio/data/sessions/pmr16.txt,
…, cue.txt) built from these pieces by `audio.script_compiler`: each group a focus line, how to
tense, "now" and 5-7 s of tension, then "relax" and 30-40 s of release (fitted to the minutes by
`audio.script_plan`) with spoken suggestions; a rest that fills the session to the minutes asked
for; a count from four to one.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from audio.errors import ScriptError
from audio.plan import (
    OWN_PACE_TONE,
    Line,
    Part,
    Phase,
    Say,
    Silence,
    Step,
    estimate_seconds,
    say_steps,
)
from audio.pmr_sessions import KEYS, SESSIONS
from audio.wording import Wording

# Named once, in audio.pmr_sessions.
GROUPS: dict[str, tuple[str, ...]] = {s.key: s.groups for s in SESSIONS if s.groups}
PMR_SESSIONS: tuple[str, ...] = KEYS
DEFAULT_MINUTES: dict[str, int] = {s.key: s.minutes for s in SESSIONS}
TENSE_RANGE = (Fraction(4), Fraction(10))
RELEASE_RANGE = (Fraction(20), Fraction(60))
RELEASE_FIT = (Fraction(30), Fraction(40))  # what --minutes may choose
MAX_REST = Fraction(600)
FILL_SETTLE = Fraction(3)  # least quiet a filling rest (or breathing) ends with before the closing
TENSE_LINE_AT = Fraction(3, 2)
RELEASE_LINES_AT = (Fraction(5), Fraction(14), Fraction(24))
# Cue-controlled: the person breathes at their own pace; the voice reminds them of their cue word
# at the start of each stretch this long (calmly spaced, 20-40 s apart).
CUE_REMINDER_SECONDS = Fraction(30)


@dataclass(frozen=True)
class PmrOptions:
    """Timing a therapist may adjust within sane bounds."""

    tense_seconds: Fraction = Fraction(6)
    release_seconds: Fraction | None = None  # None: fitted to the minutes (30-40 s)
    dominant: str = "right"
    # The person's cue word for cue-controlled relaxation (None: the wording's, pmr.cue.word).
    # Checked where a person types it (homework_tui.model.settings.check_cue_word).
    cue_word: str | None = None

    def check(self) -> None:
        if not TENSE_RANGE[0] <= self.tense_seconds <= TENSE_RANGE[1]:
            raise ScriptError("tensing should last 4 to 10 seconds (usually 5 to 7)")
        if (
            self.release_seconds is not None
            and not RELEASE_RANGE[0] <= self.release_seconds <= RELEASE_RANGE[1]
        ):
            raise ScriptError("releasing should last 20 to 60 seconds (usually 30 to 40)")
        if self.dominant not in ("right", "left"):
            raise ScriptError("the stronger side should be 'right' or 'left'")


def group_area(wording: Wording, group: str, fields: dict[str, str]) -> tuple[str, str | None]:
    """(how the voice names the group, its wording key or None). A key of `pmr.groups` (such as
    "hand" or "face_neck") brings its own words; anything else is named as written."""
    key = "_".join(group.lower().split())
    groups = wording.get("pmr", "groups", default={})
    if isinstance(groups, dict) and key in groups:
        return wording.text("pmr", "groups", key, "area", fields=fields), key
    return group, None


def tense_steps(
    wording: Wording, group: str, index: int, fields: dict[str, str], seconds: Fraction
) -> list[Step]:
    """A known group: where to focus and how to tense it; then, for any group, "now" and
    `seconds` of tension with a line a moment in."""
    area, key = group_area(wording, group, fields)
    fields = {**fields, "area": area}
    steps: list[Step] = []
    if key is not None:
        steps.append(Say(wording.text("pmr", "focus", fields=fields), Fraction(1)))
        steps.append(
            Say(wording.text("pmr", "groups", key, "tense", fields=fields), Fraction(6, 5))
        )
    tense_lines = wording.texts("pmr", "tense_lines", fields=fields)
    steps.append(
        Phase(
            "tense",
            seconds,
            area,
            wording.text("pmr", "tense_cue"),
            None,
            (Line(TENSE_LINE_AT, tense_lines[index % len(tense_lines)]),),
        )
    )
    return steps


def release_steps(
    wording: Wording,
    group: str,
    index: int,
    fields: dict[str, str],
    seconds: Fraction,
    release_only: bool,
) -> list[Step]:
    """Letting go for `seconds` with spoken suggestions (taking turns from group to group). Release
    only (nothing tensed first): a known group gets its focus line, and the words never speak of
    tension that was not asked for."""
    area, key = group_area(wording, group, fields)
    fields = {**fields, "area": area}
    section = ("pmr", "release") if release_only else ("pmr",)
    suggestions = wording.texts(*section, "release_lines", fields=fields)
    chosen = [suggestions[_turn(index * 3 + k, len(suggestions))] for k in range(3)]
    release_lines = tuple(
        Line(at, text)
        for at, text in zip(RELEASE_LINES_AT, chosen, strict=True)
        if at + 5 < seconds
    )
    steps: list[Step] = []
    if release_only and key is not None:
        steps.append(Say(wording.text("pmr", "release", "focus", fields=fields), Fraction(1)))
    cue = wording.text(*section, "release_cue", fields=fields)
    steps.append(Phase("release", seconds, area, cue, None, release_lines))
    return steps


def _turn(position: int, count: int) -> int:
    """Which of `count` suggestions comes at `position` (three a group, taking turns): each round
    through the list starts one further on, so the same three never come back every few groups,
    and (with seven or more) neighbouring groups never share one."""
    return (position + position // count) % count


def rest_steps(
    wording: Wording, rest: Fraction, words_per_minute: int, *, stretch: bool = False
) -> list[Step]:
    """Resting lines, then the rest of `rest` seconds with a suggestion about every 40 s.
    `stretch`: the silences are stretchy, sized from the real speech as the session is laid out
    (a rest that fills a session to its minutes)."""
    return list(_rest_part(wording, rest, words_per_minute, stretch=stretch).steps)


def cue_word(wording: Wording, options: PmrOptions) -> str:
    """The cue word said on each out-breath: the person's own, else the language's ("relax")."""
    return options.cue_word or wording.text("pmr", "cue", "word")


def cue_steps(
    wording: Wording,
    stretches: int,
    fields: dict[str, str],
    *,
    spoken: bool = True,
    tones: bool = False,
) -> list[Step]:
    """Cue-controlled breathing at the person's own pace (Öst): no paced in and out, just
    `stretches` of CUE_REMINDER_SECONDS, each opened by a reminder to say the cue word
    (`fields["cue"]`) silently on the out-breath, the reminders taking turns. With `tones` (or
    not `spoken`) a soft tone opens each stretch too (or instead)."""
    reminders = wording.texts("pmr", "cue", "reminders", fields=fields)
    tone = OWN_PACE_TONE if tones or not spoken else None
    return [
        Phase(
            "own",
            CUE_REMINDER_SECONDS,
            None,
            reminders[n % len(reminders)] if spoken else None,
            tone,
        )
        for n in range(stretches)
    ]


def _rest_part(
    wording: Wording, rest: Fraction, words_per_minute: int, *, stretch: bool = False
) -> Part:
    """Resting lines, then the rest of `rest` seconds with a suggestion about every 40 s."""
    steps: list[Step] = say_steps(wording.script("pmr", "rest"), Fraction(2))
    remaining = rest - estimate_seconds([Part("rest", "", tuple(steps))], words_per_minute)
    lines = wording.texts("pmr", "rest_lines")
    n = 0
    while remaining > 45:
        steps.append(Silence(Fraction(30), stretch))
        line = lines[n % len(lines)]
        steps.append(Say(line, Fraction(10)))
        remaining -= (
            estimate_seconds([Part("rest", "", (Say(line, Fraction(10)),))], words_per_minute) + 30
        )
        n += 1
    if stretch:  # always one to size, however little the estimate leaves
        steps.append(Silence(max(remaining, FILL_SETTLE), True))
    elif remaining > 0:
        steps.append(Silence(remaining))
    return Part("rest", "Rest", tuple(steps))
