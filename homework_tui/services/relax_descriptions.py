"""The built-in sessions' descriptions, marked for translation: the Relax list shows them in the
interface's language. The English is exactly what the session files' `description:` lines (and,
for breathing patterns, audio/scripts.py) give, first letter capitalised; a file whose words have
changed shows its own words rather than a translation of other ones.
`tests/i18n/test_relax_descriptions.py` checks that the two never drift apart."""

from __future__ import annotations

from homework_tui.i18n import N_, _

# Built-in session (as `ScriptInfo.name` gives it) → its description in English.
DESCRIPTIONS: dict[str, str] = {
    "box": N_("Box breathing: in 4, hold 4, out 4, hold 4."),
    "478": N_("4-7-8 breathing: in 4, hold 7, out 8 (4 to 8 breaths)."),
    "resonance": N_("Resonance breathing, about 6 breaths a minute (adjustable 4.5-6.5)."),
    "sigh": N_("Cyclic sigh: in, a little more, long slow out."),
    "pmr16": N_("Progressive muscle relaxation, 16 muscle groups."),
    "pmr7": N_("Progressive muscle relaxation, 7 muscle groups."),
    "pmr4": N_("Progressive muscle relaxation, 4 muscle groups."),
    "release": N_("Release-only relaxation: no tensing, each area simply lets go."),
    "cue": N_("Cue-controlled relaxation: your cue word on each breath out, at your own pace."),
    "differential": N_(
        "Differential relaxation: staying relaxed while sitting, then while moving."
    ),
    "rapid": N_(
        "Rapid relaxation: a breath, your cue word and letting go, tied to an everyday "
        "reminder, many times a day."
    ),
    "application": N_(
        "Application training: using your relaxation in the situations that make you anxious."
    ),
    "grounding": N_(
        "Come back to the present through your senses: five things you can see, four you can "
        "feel, three you can hear, two you can smell and one you can taste."
    ),
    "body-scan": N_(
        "Move your attention slowly through your body, from your feet to the top of your head, "
        "noticing whatever is there without trying to change it."
    ),
    "body-scan-20": N_(
        "A slower, more detailed body scan, from the toes to the top of the head, with long "
        "silences to rest in each area."
    ),
    "leaves": N_(
        "A short exercise in watching thoughts come and go, placing each one on a leaf that "
        "floats away down a stream."
    ),
    "mindful-breathing": N_(
        "Rest your attention on your breathing, counting each breath out from one to ten, and "
        "beginning again at one whenever you lose count."
    ),
}


def described(name: str, english: str) -> str:
    """A built-in session's description in the interface's language, when `english` is still the
    one marked here (a changed file is never shown another text's translation); else `english`."""
    marked = DESCRIPTIONS.get(name)
    return _(marked) if marked is not None and english == marked else english
