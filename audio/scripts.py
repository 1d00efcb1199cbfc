"""Session names and options → a `Plan` of parts and steps.

Names: a session script's (`box`, `478`, `resonance`, `sigh` — breathing, ../shared/CLINICAL.md;
`pmr16`, `pmr7`, `pmr4`, `release`, `cue` — progressive muscle relaxation; `body-scan`, …; or the
person's own; see `audio.script_file`), a saved custom pattern's name, or an inline pattern such as
`4-2-6-2` (in-hold-out-hold seconds). The wording comes from `audio/data/wording.toml` merged with
the person's own file (see `audio.wording`).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction
from typing import Any

from audio.breathing import (
    BUILTIN_BREATHING,
    BreathingPattern,
    breathing_plan,
    builtin_pattern,
    parse_inline,
    resonance_pattern,
)
from audio.errors import ScriptError
from audio.plan import Plan, tones_for_cues
from audio.pmr import PMR_SESSIONS, PmrOptions
from audio.pmr_sessions import SESSIONS as PMR_SESSION_TABLE
from audio.wording import Wording, load_wording

SESSION_NAMES: tuple[str, ...] = (*BUILTIN_BREATHING, *PMR_SESSIONS)
DESCRIPTIONS: dict[str, str] = {
    "box": "box breathing: in 4, hold 4, out 4, hold 4",
    "478": "4-7-8 breathing: in 4, hold 7, out 8 (4 to 8 breaths)",
    "resonance": "resonance breathing, about 6 breaths a minute (adjustable 4.5-6.5)",
    "sigh": "cyclic sigh: in, a little more, long slow out",
    **{s.key: s.description for s in PMR_SESSION_TABLE if s.description},
}


def _unknown(name: str, custom: Mapping[str, BreathingPattern]) -> ScriptError:
    known = [*SESSION_NAMES, *custom]
    close = difflib.get_close_matches(name.lower(), known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return ScriptError(
        f"unknown session '{name}'.{hint} Choose one of {', '.join(known)}, "
        "or give a pattern such as 4-2-6-2 (in-hold-out-hold seconds)"
    )


def resolve_pattern(
    name: str,
    custom: Mapping[str, BreathingPattern] | None = None,
    *,
    breaths_per_minute: Any = None,
    ratio: Any = None,
) -> BreathingPattern | None:
    """The breathing pattern a name stands for; None for PMR sessions; ScriptError if unknown."""
    custom = custom or {}
    key = name.strip().lower()
    if key in PMR_SESSIONS:
        return None
    if key == "resonance":
        return resonance_pattern(
            6 if breaths_per_minute is None else breaths_per_minute,
            "1:1" if ratio is None else ratio,
        )
    if breaths_per_minute is not None or ratio is not None:
        raise ScriptError("breaths per minute and ratio apply to resonance breathing only")
    if key in BUILTIN_BREATHING:
        return builtin_pattern(key)
    if key in custom:
        return custom[key]
    inline = parse_inline(key)
    if inline is not None:
        return inline
    raise _unknown(name, custom)


def build_plan(
    name: str,
    *,
    minutes: float | None = None,
    spoken_cues: bool = True,
    tones: bool = False,
    words_per_minute: int = 120,
    wording: Wording | None = None,
    language: str = "en",
    custom_patterns: Mapping[str, BreathingPattern] | None = None,
    breaths_per_minute: Any = None,
    ratio: Any = None,
    pmr: PmrOptions | None = None,
    config_dir: str | os.PathLike[str] | None = None,
) -> Plan:
    """The plan for a session: a script's name (the person's in `config_dir/sessions`, else a
    built-in), a script file's path, a custom pattern's name or an inline pattern. Every problem
    is a ScriptError with a message for the person."""
    if minutes is not None and (
        isinstance(minutes, bool)
        or not isinstance(minutes, (int, float, Fraction))
        or not 1 <= minutes <= 60
    ):
        raise ScriptError("minutes should be a number from 1 to 60")
    wording = wording or load_wording(language)
    from audio.script_file import find_script

    found = find_script(name, config_dir)  # a script: the person's, a built-in, or a file's path
    if found is not None:
        from audio.script_plan import script_plan

        return script_plan(
            found[1],
            name=found[0],
            minutes=minutes,
            spoken_cues=spoken_cues,
            tones=tones,
            words_per_minute=words_per_minute,
            wording=wording,
            language=language,
            breaths_per_minute=breaths_per_minute,
            ratio=ratio,
            pmr=pmr,
        )
    pattern = resolve_pattern(
        name, custom_patterns, breaths_per_minute=breaths_per_minute, ratio=ratio
    )
    if pattern is None:  # a PMR name whose built-in script is missing: the package is broken
        raise ScriptError(f"the built-in session '{name}' is missing; reinstall homework-tui")
    plan = breathing_plan(
        pattern,
        wording,
        minutes=minutes,
        spoken_cues=spoken_cues,
        tones=tones or not wording.in_language,
        words_per_minute=words_per_minute,
    )
    if not wording.in_language:  # no English cue words in another language's voice
        plan = replace(plan, parts=tones_for_cues(plan.parts))
    if wording.notes:
        plan = replace(plan, language=language, notes=plan.notes + wording.notes)
    return plan
