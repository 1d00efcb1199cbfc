"""What a person fears will happen in an exposure, and whether it did (Craske et al. 2014).

Before: the feared outcome in their words ("they'll laugh at me") and how likely it seems
(0-100). After: did it happen (`Happened`: yes / partly / no), how surprised they were (0-100),
and what they learned. The aim is learning that the outcome is not as expected, not feeling less
fear; CLINICAL.md, "Exposure hierarchy".
"""

from __future__ import annotations

import enum

from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.base import ValidationError, clean_text

FEARED_MAX = 300
LEARNED_MAX = 2000
FEARED_LINES = 2


class Happened(enum.Enum):
    """Did the feared outcome happen?"""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"

    @property
    def label(self) -> str:
        return _(_HAPPENED_LABELS[self])


_HAPPENED_LABELS = {
    Happened.YES: N_("yes, it happened"),
    # Translators: the feared outcome partly happened.
    Happened.PARTLY: N_("partly"),
    Happened.NO: N_("no, it didn't happen"),
}


def _typed_happened() -> tuple[tuple[str, Happened], ...]:
    """The three answers as typed in the interface's language."""
    return (
        # Translators: an answer typed to "Did what you feared happen? yes, partly or no".
        (pgettext("did it happen", "yes"), Happened.YES),
        # Translators: an answer typed to "Did what you feared happen? yes, partly or no".
        (pgettext("did it happen", "partly"), Happened.PARTLY),
        # Translators: an answer typed to "Did what you feared happen? yes, partly or no".
        (pgettext("did it happen", "no"), Happened.NO),
    )


_HAPPENED_WORDS = {
    "yes": Happened.YES,
    "y": Happened.YES,
    "partly": Happened.PARTLY,
    "part": Happened.PARTLY,
    "p": Happened.PARTLY,
    "no": Happened.NO,
    "n": Happened.NO,
}


def parse_happened(value: object) -> Happened | None:
    """`Happened` from itself, its word (yes / partly / no, any case) or nothing (None)."""
    if value is None or isinstance(value, Happened):
        return value
    text = str(value).strip().casefold()
    if not text:
        return None
    found = _HAPPENED_WORDS.get(text)
    if found is None:
        said = [happened for word, happened in _typed_happened() if word.casefold() == text]
        said = said or [h for word, h in _typed_happened() if word.casefold().startswith(text)]
        if len(said) != 1:
            raise ValidationError(
                "outcome", _("Did what you feared happen? Please answer yes, partly or no.")
            )
        found = said[0]
    return found


def clean_feared(value: str) -> str:
    """The feared outcome: one or two lines, trimmed."""
    lines = [" ".join(line.split()) for line in clean_text(str(value)).split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > FEARED_LINES:
        raise ValidationError(
            "feared_outcome",
            _(
                "Please say what you fear will happen in one or two lines, like “they'll laugh "
                "at me”."
            ),
        )
    text = "\n".join(lines)
    if len(text) > FEARED_MAX:
        raise ValidationError(
            "feared_outcome",
            _("Please keep what you fear will happen under {count} characters.").format(
                count=FEARED_MAX
            ),
        )
    return text


def clean_learned(value: str) -> str:
    text = clean_text(str(value)).strip()
    if len(text) > LEARNED_MAX:
        raise ValidationError(
            "learned",
            _("Please keep what you learned under {count} characters.").format(count=LEARNED_MAX),
        )
    return text
