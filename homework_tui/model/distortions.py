"""Cognitive distortions ("thinking traps"): Burns' ten, always there, and the person's own labels.

Burns (*Feeling Good*, 1980) lists ten. The fifth, jumping to conclusions, has two common forms
that clients name separately (mind reading, fortune telling), so it is offered as two labels; all
ten are present and none can be removed. A person's own labels are stored as `OwnDistortion`
records; a thought record keeps the *names* it was labelled with, so renaming or removing a label
later never changes what an old record says.
"""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.i18n import N_, _
from homework_tui.model.base import Entity, ValidationError, clean_text, required_text

NAME_MAX = 60


@dataclass(frozen=True)
class Distortion:
    """One of Burns' ten. `key` is what records store; the wording can change, the key cannot.
    `name`, `family` and `hint` are English, marked for translation: show them with `_()` (or
    `label`, `family_label`, `hint_text`)."""

    key: str
    name: str
    family: str  # the name of Burns' distortion this label belongs to
    hint: str  # one plain sentence on what it sounds like

    @property
    def label(self) -> str:
        """The name in the interface's language."""
        return _(self.name)

    @property
    def family_label(self) -> str:
        return _(self.family)

    @property
    def hint_text(self) -> str:
        return _(self.hint)


STANDARD: tuple[Distortion, ...] = (
    Distortion(
        "all-or-nothing",
        N_("All-or-nothing thinking"),
        N_("All-or-nothing thinking"),
        N_("Seeing things in black and white: if it isn't perfect, it's a failure."),
    ),
    Distortion(
        "overgeneralization",
        N_("Overgeneralization"),
        N_("Overgeneralization"),
        N_("One thing went wrong, so it will always go wrong: “always”, “never”, “every time”."),
    ),
    Distortion(
        "mental-filter",
        N_("Mental filter"),
        N_("Mental filter"),
        N_("Picking out one negative detail and dwelling on it until everything looks dark."),
    ),
    Distortion(
        "disqualifying-positive",
        N_("Disqualifying the positive"),
        N_("Disqualifying the positive"),
        N_("Good things “don't count”: it was luck, they were just being nice."),
    ),
    Distortion(
        "mind-reading",
        N_("Mind reading"),
        N_("Jumping to conclusions"),
        N_("Jumping to conclusions: being sure you know what others think, without checking."),
    ),
    Distortion(
        "fortune-telling",
        N_("Fortune telling"),
        N_("Jumping to conclusions"),
        N_(
            "Jumping to conclusions: predicting that things will turn out badly, as if it were fact."
        ),
    ),
    Distortion(
        "magnification",  # the stored key; the words were “Magnifying or minimizing” until 2026
        N_("Magnification (catastrophizing) or minimization"),
        N_("Magnification (catastrophizing) or minimization"),
        N_(
            "Blowing up mistakes (catastrophizing) or shrinking your strengths until they seem small."
        ),
    ),
    Distortion(
        "emotional-reasoning",
        N_("Emotional reasoning"),
        N_("Emotional reasoning"),
        N_("I feel it, so it must be true: “I feel useless, so I am useless.”"),
    ),
    Distortion(
        "should-statements",
        N_("Should statements"),
        N_("Should statements"),
        N_("Rules about how you or others “should”, “must” or “ought to” be."),
    ),
    Distortion(
        "labeling",
        N_("Labeling"),
        N_("Labeling"),
        N_("Putting a harsh label on yourself or someone else: “I'm an idiot”, “I'm incompetent”."),
    ),
    Distortion(
        "personalization",
        N_("Personalization and blame"),
        N_("Personalization and blame"),
        N_("Blaming yourself for things outside your control, or blaming others for all of it."),
    ),
)

BY_KEY: dict[str, Distortion] = {d.key: d for d in STANDARD}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(d.family for d in STANDARD))


def standard(key: str) -> Distortion:
    return BY_KEY[key]


def display_name(key: str) -> str:
    """The name shown for a standard key (the key itself if this version does not know it)."""
    found = BY_KEY.get(key)
    return _(found.name) if found else key


def check_keys(field_name: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    """Standard keys, deduplicated in Burns' order."""
    unknown = [k for k in keys if k not in BY_KEY]
    if unknown:
        raise ValidationError(
            field_name, _("“{label}” is not one of the standard labels.").format(label=unknown[0])
        )
    chosen = set(keys)
    return tuple(d.key for d in STANDARD if d.key in chosen)


def _too_long() -> str:
    return _("Please keep a label under {limit} characters; a few words is plenty.").format(
        limit=NAME_MAX
    )


def clean_label(field_name: str, value: str) -> str:
    """A person's own label: one line, trimmed, not empty, not too long."""
    text = " ".join(required_text(field_name, value, _("your label"), multiline=False).split())
    if len(text) > NAME_MAX:
        raise ValidationError(field_name, _too_long())
    return text


def clean_labels(field_name: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """Own label names on a record: cleaned, blanks dropped, duplicates (any case) once."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        text = " ".join(clean_text(name, multiline=False).split())
        if not text or text.casefold() in seen:
            continue
        if len(text) > NAME_MAX:
            raise ValidationError(field_name, _too_long())
        seen.add(text.casefold())
        result.append(text)
    return tuple(result)


@dataclass(frozen=True, kw_only=True)
class OwnDistortion(Entity):
    """A label the person made up for a thinking trap of their own ("Comparing myself")."""

    name: str
    hint: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_label("name", self.name))
        object.__setattr__(self, "hint", clean_text(self.hint, multiline=False).strip())
        standard_names = {n.casefold() for d in STANDARD for n in (d.name, _(d.name))}
        if self.name.casefold() in standard_names:
            raise ValidationError(
                "name",
                _("“{label}” is already one of the standard labels.").format(label=self.name),
            )
