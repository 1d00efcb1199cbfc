"""The built-in sessions' descriptions, marked for translation: the Relax list shows them in the
interface's language. The English is exactly what the session files' `description:` lines (and,
for breathing patterns, audio/scripts.py) give, first letter capitalised; a file whose words have
changed shows its own words rather than a translation of other ones.
`tests/i18n/test_relax_descriptions.py` checks that the two never drift apart."""

from __future__ import annotations

from homework_tui.i18n import N_, _

# Each built-in session's description in English, in the Relax list's order (listed by their
# words, not their names: audio/pmr_sessions.py is the one place that spells a session's key).
DESCRIPTIONS: tuple[str, ...] = (
    N_("Box breathing: in 4, hold 4, out 4, hold 4."),
    N_("4-7-8 breathing: in 4, hold 7, out 8 (4 to 8 breaths)."),
    N_("Resonance breathing, about 6 breaths a minute (adjustable 4.5-6.5)."),
    N_("Cyclic sigh: in, a little more, long slow out."),
    N_("Progressive muscle relaxation, 16 muscle groups."),
    N_("Progressive muscle relaxation, 7 muscle groups."),
    N_("Progressive muscle relaxation, 4 muscle groups."),
    N_("Release-only relaxation: no tensing, each area simply lets go."),
    N_("Cue-controlled relaxation: your cue word on each breath out, at your own pace."),
    N_("Differential relaxation: staying relaxed while sitting, then while moving."),
    N_(
        "Rapid relaxation: a breath, your cue word and letting go, tied to an everyday "
        "reminder, many times a day."
    ),
    N_("Application training: using your relaxation in the situations that make you anxious."),
    N_(
        "Come back to the present through your senses: five things you can see, four you can "
        "feel, three you can hear, two you can smell and one you can taste."
    ),
    N_(
        "Move your attention slowly through your body, from your feet to the top of your head, "
        "noticing whatever is there without trying to change it."
    ),
    N_(
        "A slower, more detailed body scan, from the toes to the top of the head, with long "
        "silences to rest in each area."
    ),
    N_(
        "A short exercise in watching thoughts come and go, placing each one on a leaf that "
        "floats away down a stream."
    ),
    N_(
        "Rest your attention on your breathing, counting each breath out from one to ten, and "
        "beginning again at one whenever you lose count."
    ),
)


def described(english: str) -> str:
    """A built-in session's description in the interface's language, when `english` is one marked
    here (a changed file is never shown another text's translation); else `english`."""
    return _(english) if english in DESCRIPTIONS else english
