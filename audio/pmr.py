"""Progressive muscle relaxation (Bernstein & Borkovec, 1973) and its shortened forms.

16 groups → 7 → 4 → release-only → cue-controlled (Öst's applied relaxation), as in
../shared/CLINICAL.md. Each group: a focus line, how to tense, "now" and 5-7 s of tension, then
"relax" and 30-40 s of release with spoken suggestions. A rest fills the session to the minutes asked
for, then a count from four to one brings the person back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from audio.errors import ScriptError
from audio.plan import Line, Part, Phase, Plan, Say, Silence, Step, estimate_seconds, say_steps
from audio.wording import Wording

GROUPS: dict[str, tuple[str, ...]] = {
    "pmr16": ("hand", "biceps", "other_hand", "other_biceps", "forehead", "eyes", "jaw", "neck",
              "chest", "abdomen", "thigh", "calf", "foot", "other_thigh", "other_calf", "other_foot"),
    "pmr7": ("arm", "other_arm", "face", "neck", "trunk", "leg", "other_leg"),
    "pmr4": ("arms", "face_neck", "trunk", "legs"),
    "release": ("arms", "face_neck", "trunk", "legs"),
}
PMR_SESSIONS = ("pmr16", "pmr7", "pmr4", "release", "cue")
DEFAULT_MINUTES = {"pmr16": 20, "pmr7": 12, "pmr4": 8, "release": 6, "cue": 5}
TENSE_RANGE = (Fraction(4), Fraction(10))
RELEASE_RANGE = (Fraction(20), Fraction(60))
RELEASE_FIT = (Fraction(30), Fraction(40))  # what --minutes may choose
MAX_REST = Fraction(600)
TENSE_LINE_AT = Fraction(3, 2)
RELEASE_LINES_AT = (Fraction(5), Fraction(14), Fraction(24))
CUE_INHALE, CUE_EXHALE = Fraction(4), Fraction(6)


@dataclass(frozen=True)
class PmrOptions:
    """Timing a therapist may adjust within sane bounds."""

    tense_seconds: Fraction = Fraction(6)
    release_seconds: Fraction | None = None  # None: fitted to the minutes (30-40 s)
    dominant: str = "right"

    def check(self) -> None:
        if not TENSE_RANGE[0] <= self.tense_seconds <= TENSE_RANGE[1]:
            raise ScriptError("tensing should last 4 to 10 seconds (usually 5 to 7)")
        if self.release_seconds is not None and not RELEASE_RANGE[0] <= self.release_seconds <= RELEASE_RANGE[1]:
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


def tense_steps(wording: Wording, group: str, index: int, fields: dict[str, str],
                seconds: Fraction) -> list[Step]:
    """A known group: where to focus and how to tense it; then, for any group, "now" and
    `seconds` of tension with a line a moment in."""
    area, key = group_area(wording, group, fields)
    fields = {**fields, "area": area}
    steps: list[Step] = []
    if key is not None:
        steps.append(Say(wording.text("pmr", "focus", fields=fields), Fraction(1)))
        steps.append(Say(wording.text("pmr", "groups", key, "tense", fields=fields), Fraction(6, 5)))
    tense_lines = wording.texts("pmr", "tense_lines", fields=fields)
    steps.append(Phase("tense", seconds, area, wording.text("pmr", "tense_cue"),
                       None, (Line(TENSE_LINE_AT, tense_lines[index % len(tense_lines)]),)))
    return steps


def release_steps(wording: Wording, group: str, index: int, fields: dict[str, str],
                  seconds: Fraction, release_only: bool) -> list[Step]:
    """Letting go for `seconds` with spoken suggestions (taking turns from group to group). Release
    only (nothing tensed first): a known group gets its focus line, and the words never speak of
    tension that was not asked for."""
    area, key = group_area(wording, group, fields)
    fields = {**fields, "area": area}
    section = ("pmr", "release") if release_only else ("pmr",)
    suggestions = wording.texts(*section, "release_lines", fields=fields)
    chosen = [suggestions[(index * 3 + k) % len(suggestions)] for k in range(3)]
    release_lines = tuple(Line(at, text) for at, text in zip(RELEASE_LINES_AT, chosen)
                          if at + 5 < seconds)
    steps: list[Step] = []
    if release_only and key is not None:
        steps.append(Say(wording.text("pmr", "release", "focus", fields=fields), Fraction(1)))
    cue = wording.text(*section, "release_cue", fields=fields)
    steps.append(Phase("release", seconds, area, cue, None, release_lines))
    return steps


def _group_part(wording: Wording, key: str, index: int, fields: dict[str, str], options: PmrOptions,
                release: Fraction, release_only: bool) -> Part:
    area, _ = group_area(wording, key, fields)
    steps = [] if release_only else tense_steps(wording, key, index, fields, options.tense_seconds)
    steps += release_steps(wording, key, index, fields, release, release_only)
    return Part("group", area[:1].upper() + area[1:], tuple(steps), label=area)


def rest_steps(wording: Wording, rest: Fraction, words_per_minute: int) -> list[Step]:
    """Resting lines, then the rest of `rest` seconds with a suggestion about every 40 s."""
    return list(_rest_part(wording, rest, words_per_minute).steps)


def cue_steps(wording: Wording, cycles: int) -> list[Step]:
    """Cue-controlled breathing: in for 4, out for 6 saying the cue word ("relax") each time."""
    breathe_in = wording.text("pmr", "cue", "breath_in")
    relax = wording.text("pmr", "cue", "breath_out")
    steps: list[Step] = []
    for n in range(cycles):
        steps.append(Phase("inhale", CUE_INHALE, None, breathe_in if n < 3 else None))
        steps.append(Phase("exhale", CUE_EXHALE, None, relax))
    return steps


def _rest_part(wording: Wording, rest: Fraction, words_per_minute: int) -> Part:
    """Resting lines, then the rest of `rest` seconds with a suggestion about every 40 s."""
    steps: list[Step] = say_steps(wording.script("pmr", "rest"), Fraction(2))
    remaining = rest - estimate_seconds([Part("rest", "", tuple(steps))], words_per_minute)
    lines = wording.texts("pmr", "rest_lines")
    n = 0
    while remaining > 45:
        steps.append(Silence(Fraction(30)))
        line = lines[n % len(lines)]
        steps.append(Say(line, Fraction(10)))
        remaining -= estimate_seconds([Part("rest", "", (Say(line, Fraction(10)),))],
                                      words_per_minute) + 30
        n += 1
    if remaining > 0:
        steps.append(Silence(remaining))
    return Part("rest", "Rest", tuple(steps))


def _cue_plan(wording: Wording, minutes: float, words_per_minute: int) -> Plan:
    intro = Part("intro", "Introduction", tuple(say_steps(wording.script("pmr", "cue", "intro"))))
    closing = Part("closing", "Closing", tuple(say_steps(wording.script("pmr", "cue", "closing"))))
    frame = estimate_seconds([intro, closing], words_per_minute)
    cycles = max(3, round((Fraction(minutes * 60) - frame) / (CUE_INHALE + CUE_EXHALE)))
    steps = cue_steps(wording, cycles)
    practice = Part("practice", "Breathing with the cue word", tuple(steps), label="cue")
    title = wording.text("pmr", "cue", "title")
    return Plan("cue", title, (intro, practice, closing), kind="relaxation")


def pmr_plan(name: str, wording: Wording, *, minutes: float | None = None,
             options: PmrOptions | None = None, words_per_minute: int = 120) -> Plan:
    """The plan for one of PMR_SESSIONS. `minutes` is approximate: it sets the release length
    (30-40 s) and the closing rest; a length the protocol cannot fit is a ScriptError."""
    if name not in PMR_SESSIONS:
        raise ScriptError(f"unknown relaxation session '{name}'")
    options = options or PmrOptions()
    options.check()
    target_minutes = DEFAULT_MINUTES[name] if minutes is None else minutes
    if not 1 <= target_minutes <= 60:
        raise ScriptError("minutes should be between 1 and 60")
    if name == "cue":
        return _cue_plan(wording, target_minutes, words_per_minute)
    release_only = name == "release"
    fields = {"side": options.dominant, "other": "left" if options.dominant == "right" else "right"}
    section = ("pmr", "release") if release_only else ("pmr",)
    intro = Part("intro", "Introduction", tuple(say_steps(wording.script(*section, "intro"))))
    closing = Part("closing", "Closing", tuple(say_steps(wording.script("pmr", "closing"))))
    groups = GROUPS[name]

    def groups_for(release: Fraction) -> list[Part]:
        return [_group_part(wording, key, i, fields, options, release, release_only)
                for i, key in enumerate(groups)]

    def with_release(parts: list[Part], release: Fraction) -> list[Part]:
        """The same groups with another release length (lines at 5, 14, 24 s fit from 30 s on)."""
        return [replace(part, steps=tuple(replace(step, seconds=release)
                                          if isinstance(step, Phase) and step.kind == "release"
                                          else step for step in part.steps)) for part in parts]

    target = Fraction(target_minutes * 60)
    base_rest = estimate_seconds([_rest_part(wording, Fraction(0), words_per_minute)], words_per_minute)
    if options.release_seconds is not None:
        release = options.release_seconds
        group_parts = groups_for(release)
    else:
        group_parts = groups_for(RELEASE_FIT[0])
        low = estimate_seconds([intro, *group_parts, closing], words_per_minute) + base_rest
        release = min(RELEASE_FIT[1], RELEASE_FIT[0] + max(Fraction(0), target - low) / len(groups))
        release = Fraction(round(release * 2), 2)  # whole or half seconds
        group_parts = with_release(group_parts, release)
    shortest = estimate_seconds([intro, *group_parts, closing], words_per_minute) + base_rest
    if target < shortest * Fraction(9, 10):
        raise ScriptError(
            f"{name} takes at least about {round(shortest / 60)} minutes; "
            f"ask for more minutes or try a shorter session (pmr7, pmr4, release or cue)"
        )
    rest = target - (shortest - base_rest)
    if rest > MAX_REST + base_rest:
        raise ScriptError(f"{name} lasts at most about {round((shortest + MAX_REST) / 60)} minutes")
    parts = [intro, *group_parts, _rest_part(wording, rest, words_per_minute), closing]
    title = wording.text(*section, "title") if release_only else wording.text("pmr", name, "title")
    return Plan(name, title, tuple(parts), kind="relaxation")
