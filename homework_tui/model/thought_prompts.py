"""The thought record's words for the person: mood suggestions and the worksheet's helping
questions (Greenberger & Padesky, *Mind Over Mood*), in our words."""

from __future__ import annotations

from homework_tui.i18n import N_

# Offered as suggestions; any word the person chooses is fine. All English, marked for
# translation: show them with `_()` (a mood picked is stored as it was shown).
MOOD_SUGGESTIONS: tuple[str, ...] = (
    N_("anxious"),
    N_("sad"),
    N_("angry"),
    N_("ashamed"),
    N_("guilty"),
    N_("embarrassed"),
    N_("scared"),
    N_("nervous"),
    N_("hurt"),
    N_("frustrated"),
    N_("irritated"),
    N_("lonely"),
    N_("hopeless"),
    N_("disappointed"),
    N_("jealous"),
    N_("overwhelmed"),
    N_("panicky"),
    N_("humiliated"),
    N_("worried"),
    N_("empty"),
)

# The worksheet's helping questions, in our words.
QUESTIONS_FOR: tuple[str, ...] = (
    N_("What facts support the hot thought — things that would hold up if someone else looked?"),
    N_("Try to leave out guesses about what others think; note what was actually said or done."),
)
QUESTIONS_AGAINST: tuple[str, ...] = (
    N_("Have there been times when this thought was not completely true?"),
    N_("If someone you care about had this thought, what would you say to them?"),
    N_("If a good friend knew you were thinking this, what would they point out?"),
    N_("When you feel calmer, how do you see this kind of situation?"),
    N_("Have you been in a situation like this before? What happened, and what helped?"),
    N_("Are there small things that don't fit the thought, which you might be brushing aside?"),
    N_("Five years from now, how might you look back on this?"),
    N_("Are there strengths in you, or positives in the situation, that you are overlooking?"),
    N_("Are you jumping to conclusions the evidence doesn't fully back up?"),
    N_("Are you blaming yourself for something that was not fully in your control?"),
)
QUESTIONS_BALANCED: tuple[str, ...] = (
    N_(
        "Try a thought that takes in the evidence on both sides — often “… and …” rather than “but”."
    ),
    N_("What would you say to a friend in the same spot?"),
)
