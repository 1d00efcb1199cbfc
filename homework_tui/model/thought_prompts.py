"""The thought record's words for the person: mood suggestions and the worksheet's helping
questions (Greenberger & Padesky, *Mind Over Mood*), in our words."""

from __future__ import annotations

# Offered as suggestions; any word the person chooses is fine.
MOOD_SUGGESTIONS: tuple[str, ...] = (
    "anxious",
    "sad",
    "angry",
    "ashamed",
    "guilty",
    "embarrassed",
    "scared",
    "nervous",
    "hurt",
    "frustrated",
    "irritated",
    "lonely",
    "hopeless",
    "disappointed",
    "jealous",
    "overwhelmed",
    "panicky",
    "humiliated",
    "worried",
    "empty",
)

# The worksheet's helping questions, in our words.
QUESTIONS_FOR: tuple[str, ...] = (
    "What facts support the hot thought — things that would hold up if someone else looked?",
    "Try to leave out guesses about what others think; note what was actually said or done.",
)
QUESTIONS_AGAINST: tuple[str, ...] = (
    "Have there been times when this thought was not completely true?",
    "If someone you care about had this thought, what would you say to them?",
    "If a good friend knew you were thinking this, what would they point out?",
    "When you feel calmer, how do you see this kind of situation?",
    "Have you been in a situation like this before? What happened, and what helped?",
    "Are there small things that don't fit the thought, which you might be brushing aside?",
    "Five years from now, how might you look back on this?",
    "Are there strengths in you, or positives in the situation, that you are overlooking?",
    "Are you jumping to conclusions the evidence doesn't fully back up?",
    "Are you blaming yourself for something that was not fully in your control?",
)
QUESTIONS_BALANCED: tuple[str, ...] = (
    "Try a thought that takes in the evidence on both sides — often “… and …” rather than “but”.",
    "What would you say to a friend in the same spot?",
)
