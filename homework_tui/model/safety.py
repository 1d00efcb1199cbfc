"""The person's own safety plan for Help now (Stanley & Brown 2012): warning signs, their own
coping, people and places that distract, people to ask for help, professionals and crisis lines
(the contacts and the local crisis line), making the surroundings safer, reasons for living.
Written by them, kept offline. Standard library only.

Also the one rule for the calm line pointing to Help now (`needs_help_line`): a hopeless-type
mood rated 70 or more, a journal mood of 0–1 of 10, or PHQ-9 item 9 above 0. It looks only at mood names and ratings,
never at what the person wrote.

Stored as one document (`Singleton(store, "safety", SafetyPlan, SafetyPlan)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Self

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError, clean_text, required_text

NAME_MAX = 80
NUMBER_MAX = 60
NOTE_MAX = 300
CONTACTS_MAX = 20
STEP_MAX = 2000
MOOD_WORDS_MAX = 20
MOOD_WORD_MAX = 40


@dataclass(frozen=True)
class PlanStep:
    """One written step of the plan: its field, its number in Stanley & Brown's order, its
    heading and a plain hint for writing it. `title` and `hint` are English, marked for
    translation: show them with `_()`."""

    key: str
    number: int
    title: str
    hint: str


WRITTEN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(
        "warning_signs",
        1,
        N_("Warning signs"),
        N_("Thoughts, moods, situations or things I do that tell me a hard time may be starting."),
    ),
    PlanStep(
        "coping",
        2,
        N_("Things I can do on my own"),
        N_(
            "What helps me take my mind off things without contacting anyone: a walk, music, "
            "a shower, a breathing practice."
        ),
    ),
    PlanStep(
        "distractions",
        3,
        N_("People and places that take my mind off things"),
        N_(
            "Friends, family or places (a café, the library, the gym) where I can be around others."
        ),
    ),
    PlanStep(
        "helpers",
        4,
        N_("People I can ask for help"),
        N_("Who I can tell that I am struggling, and how to reach them."),
    ),
    PlanStep(
        "safer_surroundings",
        6,
        N_("Making my surroundings safer"),
        N_(
            "What I can put away, give to someone to keep, or stay away from while things are hard."
        ),
    ),
    PlanStep(
        "reasons_for_living",
        7,
        N_("My reasons for living"),
        N_("The people, plans and things that matter most to me."),
    ),
)
# The steps the person writes; step 5 (professionals and crisis lines) is the contacts.
CONTACTS_STEP = PlanStep(
    "contacts",
    5,
    N_("Professionals and crisis lines"),
    N_("My therapist's office, my doctor, my local crisis line and emergency number."),
)
# What Help now says first, in the full-screen app and in the plain mode alike (English, marked
# for translation: show with `_()`).
EMERGENCY = N_(
    "If you are in danger right now, or might act on thoughts of hurting yourself, call your "
    "local emergency number now (112 in most of Europe, 911 in the US and Canada, 999 in the "
    "UK, 000 in Australia) or go to the nearest emergency department. homework-tui is not a "
    "crisis service and cannot contact anyone for you."
)
IN_DANGER = N_(
    "In danger right now? Call your local emergency number (step 5 below) or go to the nearest "
    "emergency department."
)
STEPS_BEFORE_CONTACTS = tuple(s for s in WRITTEN_STEPS if s.number < CONTACTS_STEP.number)
STEPS_AFTER_CONTACTS = tuple(s for s in WRITTEN_STEPS if s.number > CONTACTS_STEP.number)


def _limited(field_name: str, text: str, label: str, limit: int) -> str:
    if len(text) > limit:
        # Translators: {label} is "A name", "A number" or "A note" (a crisis contact's).
        raise ValidationError(
            field_name,
            _("{label} can be up to {limit} characters.").format(label=label, limit=limit),
        )
    return text


@dataclass(frozen=True, kw_only=True)
class CrisisContact:
    """Someone to call: a person, a service or a crisis line. Text is kept exactly as typed,
    apart from terminal control characters, which are removed."""

    name: str
    number: str
    note: str = ""

    def __post_init__(self) -> None:
        name = required_text("name", self.name, _("Name"), multiline=False).strip()
        number = required_text("number", self.number, _("Number"), multiline=False).strip()
        note = clean_text(self.note, multiline=False).strip()
        object.__setattr__(self, "name", _limited("name", name, _("A name"), NAME_MAX))
        object.__setattr__(self, "number", _limited("number", number, _("A number"), NUMBER_MAX))
        object.__setattr__(self, "note", _limited("note", note, _("A note"), NOTE_MAX))


@dataclass(frozen=True, kw_only=True)
class SafetyPlan:
    """The written steps, the people to call (in the order the person put them), the local
    crisis line, and the person's own mood words for the calm line (`needs_help_line`)."""

    contacts: tuple[CrisisContact, ...] = ()
    crisis_line: CrisisContact | None = None
    warning_signs: str = ""
    coping: str = ""
    distractions: str = ""
    helpers: str = ""
    safer_surroundings: str = ""
    reasons_for_living: str = ""
    mood_words: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        contacts = tuple(self.contacts)
        if len(contacts) > CONTACTS_MAX:
            raise ValidationError(
                "contacts",
                _("Help now keeps up to {limit} people; that is plenty.").format(
                    limit=CONTACTS_MAX
                ),
            )
        object.__setattr__(self, "contacts", contacts)
        for step in WRITTEN_STEPS:
            text = clean_text(str(getattr(self, step.key))).strip()
            if len(text) > STEP_MAX:
                raise ValidationError(
                    step.key,
                    _(
                        "“{title}” can be up to {limit} characters; a few lines are plenty here."
                    ).format(title=_(step.title), limit=STEP_MAX),
                )
            object.__setattr__(self, step.key, text)
        object.__setattr__(self, "mood_words", clean_mood_words(self.mood_words))

    @property
    def is_empty(self) -> bool:
        """No contacts and no crisis line (the written steps are `is_written`)."""
        return not self.contacts and self.crisis_line is None

    @property
    def is_written(self) -> bool:
        """True when any written step has text."""
        return any(self.step_text(step) for step in WRITTEN_STEPS)

    def step_text(self, step: PlanStep) -> str:
        return str(getattr(self, step.key))

    def with_steps(self, other: SafetyPlan) -> Self:
        """A copy with the written steps and mood words of `other` (contacts kept as here)."""
        changes: dict[str, object] = {s.key: other.step_text(s) for s in WRITTEN_STEPS}
        return replace(self, mood_words=other.mood_words, **changes)  # type: ignore[arg-type]

    def with_contact(self, contact: CrisisContact) -> Self:
        """A copy with `contact` added at the end."""
        return replace(self, contacts=(*self.contacts, contact))

    def with_contact_at(self, index: int, contact: CrisisContact) -> Self:
        """A copy with the contact at `index` replaced by `contact`."""
        self._check_index(index)
        contacts = list(self.contacts)
        contacts[index] = contact
        return replace(self, contacts=tuple(contacts))

    def without_contact(self, index: int) -> Self:
        self._check_index(index)
        return replace(self, contacts=self.contacts[:index] + self.contacts[index + 1 :])

    def with_crisis_line(self, line: CrisisContact | None) -> Self:
        return replace(self, crisis_line=line)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.contacts):
            raise IndexError(index)


# -- the calm line pointing to Help now -----------------------------------------------------------

# English, marked for translation: show with `_()`.
HELP_LINE = N_("If you're thinking of harming yourself, F2 has your plan and your crisis contacts.")
# A hopeless-type mood rated this much or more (of 100) brings the line.
HELP_LINE_RATING = 70
# A journal mood this low or lower (of 10) brings the line.
HELP_LINE_JOURNAL_MOOD = 1
HOPELESS_MOODS: tuple[str, ...] = (
    "hopeless",
    "worthless",
    "empty",
    "emptiness",
    "suicidal",
    "helpless",
    "despair",
    "desperate",
    "trapped",
    "numb",
    "useless",
    "a burden",
    "like a burden",  # i18n: not shown
    "defeated",
    "self-hatred",
    "self-loathing",
)
# Mood words that bring the line when rated high; the person may add their own.
# The same words in the interface's other languages (stems: a word that starts with one counts,
# “desesperado”, “désespérée”), so a mood named in any of them brings the line whatever language
# the app speaks now. Data compared with what the person wrote, never shown.
HOPELESS_MOODS_ELSEWHERE: tuple[str, ...] = (
    # es
    "desesper",
    "sin esperanza",  # i18n: not shown
    "sin valor",  # i18n: not shown
    "inútil",
    "vací",
    "suicid",
    "indefens",
    "impotente",
    "atrapad",
    "entumecid",
    "una carga",  # i18n: not shown
    "derrotad",
    "autodesprecio",
    "odio a mí",  # i18n: not shown
    # de
    "hoffnungslos",
    "wertlos",
    "leer",
    "suizid",
    "lebensmüde",
    "hilflos",
    "verzweif",
    "gefangen",
    "taub",
    "nutzlos",
    "eine last",  # i18n: not shown
    "zur last",  # i18n: not shown
    "besiegt",
    "selbsthass",
    # fr
    "désesp",
    "sans espoir",  # i18n: not shown
    "sans valeur",  # i18n: not shown
    "vide",
    "impuissan",
    "piégé",
    "engourdi",
    "inutile",
    "un fardeau",  # i18n: not shown
    "vaincu",
    "haine de soi",  # i18n: not shown
    "dégoût de soi",  # i18n: not shown
    # pt
    "desesperan",
    "sem esperança",  # i18n: not shown
    "sem valor",  # i18n: not shown
    "vazi",
    "desamparad",
    "encurralad",
    "um fardo",  # i18n: not shown
    "um peso",  # i18n: not shown
    "autodesprezo",
    "ódio de mim",  # i18n: not shown
    # it
    "disper",
    "senza speranza",  # i18n: not shown
    "senza valore",  # i18n: not shown
    "vuot",
    "intrappolat",
    "intorpidit",
    "un peso",  # i18n: not shown
    "sconfitt",
    "odio verso me",  # i18n: not shown
    "disprezzo di me",  # i18n: not shown
)


def clean_mood_words(words: Iterable[str]) -> tuple[str, ...]:
    """The person's own mood words: one line each, lower case, no repeats, checked lengths."""
    seen: list[str] = []
    for raw in words:
        word = " ".join(clean_text(str(raw), multiline=False).casefold().split())
        if not word or word in seen:
            continue
        if len(word) > MOOD_WORD_MAX:
            raise ValidationError(
                "mood_words",
                _("Each mood word can be up to {limit} characters.").format(limit=MOOD_WORD_MAX),
            )
        seen.append(word)
    if len(seen) > MOOD_WORDS_MAX:
        raise ValidationError(
            "mood_words", _("Up to {limit} mood words can be added.").format(limit=MOOD_WORDS_MAX)
        )
    return tuple(seen)


def parse_mood_words(text: str) -> tuple[str, ...]:
    """“Alone, like giving up” → ("alone", "like giving up"): commas or new lines between."""
    return clean_mood_words(re.split(r"[,\n]", text))


def is_hopeless_mood(name: str, own_words: Iterable[str] = ()) -> bool:
    """True when the mood's name holds one of `HOPELESS_MOODS` or the person's own words, as a
    whole word or the start of one, in any case ("Hopelessness", "so empty")."""
    said = " ".join(name.casefold().split())
    for word in (*HOPELESS_MOODS, *HOPELESS_MOODS_ELSEWHERE, *clean_mood_words(own_words)):
        if re.search(rf"(?<!\w){re.escape(word)}", said):
            return True
    return False


def needs_help_line(
    *,
    moods: Iterable[tuple[str, int | None]] = (),
    journal_mood: int | None = None,
    phq9_item9: int | None = None,
    own_words: Iterable[str] = (),
) -> bool:
    """The one rule: show `HELP_LINE` after saving when a hopeless-type mood (name, rating 0–100)
    is rated `HELP_LINE_RATING` or more, a journal mood (0–10) is `HELP_LINE_JOURNAL_MOOD` or
    less, or PHQ-9 item 9 (0–3, for the measures to come) is above 0. Never a diagnosis and never
    blocking: one calm line."""
    if journal_mood is not None and journal_mood <= HELP_LINE_JOURNAL_MOOD:
        return True
    if phq9_item9 is not None and phq9_item9 > 0:
        return True
    words = tuple(own_words)
    return any(
        rating is not None and rating >= HELP_LINE_RATING and is_hopeless_mood(name, words)
        for name, rating in moods
    )
