"""A `Script` (a session script file) → the `Plan` the timeline lays out.

`audio.script_compiler` expands the steps (those that draw on the wording file use the same
pieces as the breathing and PMR protocols); this module chooses how long the fill and the
releases are, so the session lasts its minutes, and says plainly when it cannot. Lengths:

- `breathe … to fill` (without a count of breaths) takes as many whole breaths as the rest of the
  script leaves room for (estimated from the words) and ends with a stretchy quiet of at least
  FILL_SETTLE seconds and a tenth of the speech before the closing; a length too short for the
  words and the fewest breaths is refused, naming the shortest that fits; `rest to fill` is a rest whose
  silences are stretchy. Both are then sized from the real speech like any stretchy pause, so the
  session lasts its minutes;
- a `release` without seconds lasts 30-40 s, chosen from the minutes (the PMR protocols);
- stretchy pauses are sized while the session is laid out, from the real speech so far
  (`audio.fitting`), so the session ends within a fraction of a second of its minutes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import Any

from audio.errors import ScriptError
from audio.fitting import STRETCH_RANGE
from audio.plan import Part, Plan, Silence, estimate_seconds, tones_for_cues
from audio.pmr import FILL_SETTLE, MAX_REST, RELEASE_FIT, PmrOptions, rest_steps
from audio.pmr_sessions import SESSIONS as PMR_SESSION_TABLE
from audio.script_compiler import ScriptCompiler, script_title
from audio.script_model import (
    ANY_LANGUAGE,
    MINUTES_RANGE,
    BreatheStep,
    ReleaseStep,
    RestStep,
    Script,
)
from audio.wording import Wording, load_wording

PMR_NAMES = tuple(s.key for s in PMR_SESSION_TABLE if s.ladder)  # longest first
FEWEST_FILL = {"cue": 2}  # fewest breaths (cue: half minutes at one's own pace) a fill has


def _minutes_label(seconds: Fraction) -> str:
    """'1 minute', '12 minutes': whole minutes, at least one."""
    return _plural(max(1, round(seconds / 60)))


def _at_most_label(seconds: Fraction) -> str:
    """'26.5 minutes': the half minute at or below, as the lengths offered are counted."""
    return f"{max(1, math.floor(seconds / 30)) / 2:g} minutes"


def _plural(minutes: int) -> str:
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def script_plan(
    script: Script,
    *,
    name: str = "",
    minutes: float | None = None,
    spoken_cues: bool = True,
    tones: bool = False,
    words_per_minute: int = 120,
    wording: Wording | None = None,
    language: str | None = None,
    breaths_per_minute: Any = None,
    ratio: Any = None,
    pmr: PmrOptions | None = None,
) -> Plan:
    """The plan for a script. `minutes` (1-60) overrides the script's own; a script that cannot
    stretch cannot be given minutes. `language` is the voice's, used when the script's is "any".
    Every problem is a ScriptError with a message for the person."""
    name = name or script.title
    if minutes is not None and (
        isinstance(minutes, bool)
        or not isinstance(minutes, (int, float, Fraction))
        or not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]
    ):
        raise ScriptError("minutes should be a number from 1 to 60")
    pmr = pmr or PmrOptions()
    pmr.check()
    lang = script.language if script.language != ANY_LANGUAGE else (language or "en")
    wording = wording or load_wording(lang)
    uses_wording = script.uses_wording
    tones = tones or (uses_wording and not wording.in_language)  # no English cue words (below)
    compiler = ScriptCompiler(
        script,
        name,
        wording,
        spoken_cues=spoken_cues,
        tones=tones,
        words_per_minute=words_per_minute,
        pmr=pmr,
        breaths_per_minute=breaths_per_minute,
        ratio=ratio,
    )
    title = script_title(script, wording)
    fill_steps = [
        s
        for s in script.steps()
        if (isinstance(s, BreatheStep) and s.fill)
        or (isinstance(s, RestStep) and s.seconds is None)
    ]
    if minutes is not None and not script.stretchy:
        written = compiler.estimate(compiler.parts(RELEASE_FIT[0], None))
        raise ScriptError(
            f"{name} lasts as long as it is written (about "
            f"{_minutes_label(written)}) and cannot be made "
            f"{fmt_minutes(minutes)} minutes long"
        )
    wanted = minutes if minutes is not None else script.minutes
    target = None if wanted is None else Fraction(str(wanted)) * 60
    notes: list[str] = []

    # PMR: releases without their own seconds last 30-40 s, chosen from the minutes.
    release = RELEASE_FIT[0]
    auto_releases = sum(
        1 for s in script.steps() if isinstance(s, ReleaseStep) and s.seconds is None
    )
    if target is not None and auto_releases and pmr.release_seconds is None:
        unfilled = compiler.parts(release, None)
        needed = compiler.estimate(unfilled) + _in_hand(
            compiler, unfilled
        )  # room left for the rest
        release = min(
            RELEASE_FIT[1], RELEASE_FIT[0] + max(Fraction(0), target - needed) / auto_releases
        )
        release = Fraction(round(release * 2), 2)  # whole or half seconds
    others = compiler.estimate(compiler.parts(release, None))
    fill: Any = None
    if fill_steps:
        step = fill_steps[0]
        if isinstance(step, RestStep):
            if target is None:
                raise ScriptError(f"{name}: 'rest to fill' needs a number of minutes")
            base_rest = estimate_seconds(
                [Part("rest", "", tuple(rest_steps(wording, Fraction(0), words_per_minute)))],
                words_per_minute,
            )
            _check_fits(name, target, others, words_per_minute=words_per_minute)
            if target - others > MAX_REST:
                raise ScriptError(f"{name} lasts at most about {_at_most_label(others + MAX_REST)}")
            fill = target - others + base_rest
        else:
            assert isinstance(step, BreatheStep)
            low, high = step.fill_cycles or (FEWEST_FILL.get(step.pattern, 2), None)
            if target is None:
                fill = low
            elif high is not None:  # a count of breaths (4-7-8): as many as fit, no quiet added
                cycle = compiler.cycle_seconds(step)
                fill = round((target - others) / cycle)
                breaths = f"{script_title(script)} is practised for {low} to {high} breaths"
                if fill < low:  # it would play longer than asked: refused, as any session
                    least = math.ceil((others + (low - Fraction(1, 2)) * cycle) / 30) / 2
                    raise ScriptError(
                        f"{breaths}: it needs at least {least:g} minute"
                        f"{'' if least == 1 else 's'}; ask for more minutes"
                    )
                if fill > high:
                    longest = others + (high + Fraction(1, 2)) * cycle
                    raise ScriptError(
                        f"{breaths}: it lasts at most about {_at_most_label(longest)}; "
                        "ask for fewer minutes"
                    )
            else:
                # Whole breaths only, then a quiet of at least FILL_SETTLE before the closing:
                # a stretchy pause the real speech sizes, so the session ends on its minutes.
                # The quiet also keeps a tenth of the estimated speech in hand, as the real
                # speech may run that much longer than its estimate.
                cycle = compiler.cycle_seconds(step)
                settle = _in_hand(compiler, compiler.parts(release, None))
                fill = max(low, math.floor((target - others - settle) / cycle))
                if target - others - fill * cycle < settle:
                    # Too short for the words and the fewest breaths: refused (it would play
                    # longer than asked), naming the shortest length that fits.
                    least = math.ceil((others + low * cycle + settle) / 30) / 2
                    raise ScriptError(
                        f"{script_title(script)} needs at least {least:g} "
                        f"minute{'' if least == 1 else 's'}; ask for more minutes"
                    )
                compiler.settle = target - others - fill * cycle
    parts = compiler.parts(release, fill)
    stretch = sum(
        (s.seconds for p in parts for s in p.steps if isinstance(s, Silence) and s.stretch),
        Fraction(0),
    )
    if stretch and target is not None:
        fixed = compiler.estimate(parts) - stretch
        if fixed + stretch * STRETCH_RANGE[0] > target:
            _check_fits(
                name,
                target,
                fixed + stretch * STRETCH_RANGE[0],
                strict=True,
                words_per_minute=words_per_minute,
            )
        if fixed + stretch * STRETCH_RANGE[1] < target:
            raise ScriptError(
                f"{name} can last at most about "
                f"{_at_most_label(fixed + stretch * STRETCH_RANGE[1])}; "
                "ask for fewer minutes"
            )
    if uses_wording:
        notes += wording.notes
        if not wording.in_language:
            parts = list(tones_for_cues(tuple(parts)))
    return Plan(
        name,
        title,
        tuple(parts),
        lang,
        tuple(notes),
        kind=script.kind,
        target=target if stretch else None,
    )


@lru_cache(maxsize=256)
def minutes_range(script: Script, words_per_minute: int = 120) -> tuple[float, float] | None:
    """(shortest, longest) minutes, on the half minute from 1 to 60, that a script with a length
    of its own (`minutes:`) can be given: exactly the lengths `script_plan` accepts, found by
    asking it (estimated from the words at `words_per_minute`). None for a script that lasts as
    long as it is written, or that no length suits (building it says why)."""
    if script.minutes is None or not script.stretchy:
        return None

    def fits(minutes: float) -> bool:
        try:
            script_plan(script, name="script", minutes=minutes, words_per_minute=words_per_minute)
        except ScriptError:
            return False
        return True

    return lengths_that_fit(fits, float(script.minutes))


def lengths_that_fit(fits: Callable[[float], bool], usual: float) -> tuple[float, float] | None:
    """(shortest, longest) minutes, on the half minute from 1 to 60, for which `fits(minutes)`
    (building the session would succeed), searched from the `usual` length; None if none."""
    low, high = round(MINUTES_RANGE[0] * 2), round(MINUTES_RANGE[1] * 2)  # in half minutes

    def fits_halves(halves: int) -> bool:
        return low <= halves <= high and fits(halves / 2)

    usual_halves = min(high, max(low, round(usual * 2)))
    start = (
        usual_halves
        if fits_halves(usual_halves)
        else next((h for h in range(low, high + 1) if fits_halves(h)), None)
    )
    if start is None:
        return None
    # The lengths that fit are one stretch of minutes (more minutes only ever add rest, breaths
    # or stretchy silence), so each end is found by halving: `fails` is a length known not to fit.
    shortest, fails = start, low - 1
    while shortest - fails > 1:
        middle = (shortest + fails) // 2
        shortest, fails = (middle, fails) if fits_halves(middle) else (shortest, middle)
    longest, fails = start, high + 1
    while fails - longest > 1:
        middle = (longest + fails) // 2
        longest, fails = (middle, fails) if fits_halves(middle) else (longest, middle)
    return shortest / 2, longest / 2


def _in_hand(compiler: ScriptCompiler, parts: list[Part]) -> Fraction:
    """The least quiet a fill (the rest, or the quiet after filling breaths) is planned with:
    FILL_SETTLE, and a tenth of the estimated speech, as the real speech may run that much longer
    than its estimate (the quiet is stretchy, sized from the real speech)."""
    speech = compiler.estimate(parts) - sum((p.fixed_seconds() for p in parts), Fraction(0))
    return FILL_SETTLE + speech / 10


def fmt_minutes(minutes: float | Fraction) -> str:
    value = float(minutes)
    return f"{value:g}"


def _check_fits(
    name: str,
    target: Fraction,
    shortest: Fraction,
    *,
    strict: bool = False,
    words_per_minute: int = 120,
) -> None:
    """A ScriptError when `shortest` (estimated) does not fit in `target` seconds. Unless
    `strict`, a tenth less is allowed (the estimate is rough), and the message names the least
    that is allowed."""
    least_allowed = shortest if strict else shortest * Fraction(9, 10)
    if target >= least_allowed:
        return
    hint = "ask for more minutes"
    shorter = _shorter_sessions(name, target, words_per_minute)
    if shorter:
        hint += f" or try a shorter session ({' or '.join(shorter)})"
    least = (
        _plural(math.ceil(shortest / 60))
        if strict
        else f"{max(2, math.ceil(least_allowed / 30)) / 2:g} minutes"
    )
    raise ScriptError(f"{name} takes at least about {least}; {hint}")


def _shorter_sessions(name: str, target: Fraction, words_per_minute: int) -> list[str]:
    """The built-in muscle relaxation sessions shorter than `name` that can last `target`
    seconds (only ever names sessions that would start)."""
    if name not in PMR_NAMES:
        return []
    from audio.script_parse import parse_builtin

    fitting = []
    for other in PMR_NAMES[PMR_NAMES.index(name) + 1 :]:
        script = parse_builtin(other)
        fits = minutes_range(script, words_per_minute) if script is not None else None
        if fits is not None and fits[0] * 60 <= target <= fits[1] * 60:
            fitting.append(other)
    return fitting
