"""The person's preferences: how the app looks, moves and speaks. Standard library only.

Stored as one document (`Singleton(store, "settings", Settings, Settings)`). Every field has a
default, so a settings document from an older version, or none at all, still loads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, Self

from homework_tui.i18n import LANGUAGES, _
from homework_tui.model.base import ValidationError, clean_text, rating

DEFAULT_THEME = "homework-calm"
HIGH_CONTRAST_THEME = "homework-high-contrast"

SPEECH_RATE_DEFAULT = 150
SPEECH_RATE_MIN = 80
SPEECH_RATE_MAX = 260

AUTO_LOCK_MIN = 1  # minutes
AUTO_LOCK_MAX = 120
AUTO_LOCK_DEFAULT = 5
PASSPHRASE_MIN = 8  # characters; the same as `homework-tui encrypt` asks for

_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_VOICE_MAX = 120

CUE_WORD_MAX = 30  # characters
CUE_WORDS_MAX = 3
_CUE_JOINERS = re.compile("['\u2019-]")  # inside a word: "c'est", "let-go"


def cue_word_help() -> str:
    """What a cue word may be, in the interface's language."""
    return _(
        "A cue word is one to {words} words of letters, at most {limit} characters, such as "
        "“calm” or “let go”."
    ).format(words=CUE_WORDS_MAX, limit=CUE_WORD_MAX)


def _letters(text: str) -> bool:
    """Letters of any alphabet (with their accents and vowel signs), nothing else: nothing a
    terminal, Rich markup or the wording's {fields} could read as an instruction."""
    return (
        bool(text)
        and unicodedata.category(text[0]).startswith("L")
        and all(unicodedata.category(ch)[0] in "LM" for ch in text)
    )


def check_cue_word(value: object) -> str:
    """The person's cue word for cue-controlled relaxation, tidied ("  Let   go " → "Let go"),
    or "" for the language's own word ("relax"). Raises ValidationError with a plain message.
    The one rule for the Settings screen and the command line's --cue."""
    text = " ".join(clean_text(str(value), multiline=False).split())
    if not text:
        return ""
    words = text.split(" ")
    if (
        len(text) > CUE_WORD_MAX
        or len(words) > CUE_WORDS_MAX
        or not all(_letters(piece) for w in words for piece in _CUE_JOINERS.split(w))
    ):
        raise ValidationError("cue_word", cue_word_help())
    return text


# A switch → its message when the stored value is not on or off.
_ON_OR_OFF = {
    "animations": lambda: _("animations is either on or off."),
    "reduced_motion": lambda: _("reduced motion is either on or off."),
    "bell_on_phase": lambda: _("bell on phase is either on or off."),
    "auto_lock": lambda: _("auto lock is either on or off."),
    "cursor_on_focus": lambda: _("cursor on focus is either on or off."),
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What the person chose in Settings. Validated on construction."""

    theme: str = DEFAULT_THEME
    # Textual animations (smooth scrolling, sliding panels). Off by default: calmer, fewer bytes.
    animations: bool = False
    # Steady visuals during breathing and relaxation (no growing or moving shapes).
    reduced_motion: bool = False
    # Name of the speech voice; empty means the speech engine's default.
    voice: str = ""
    # Words per minute for spoken guidance.
    speech_rate: int = SPEECH_RATE_DEFAULT
    # The word said silently on each out-breath in cue-controlled relaxation; "" means the
    # language's own word for "relax".
    cue_word: str = ""
    # Ring the terminal bell at each phase change (in/hold/out), for sessions over SSH.
    bell_on_phase: bool = False
    # Lock behind the passphrase after this many idle minutes (offered only for encrypted data).
    auto_lock: bool = False
    auto_lock_minutes: int = AUTO_LOCK_DEFAULT
    # The terminal's own cursor shown where the focus is, for screen readers and braille displays.
    cursor_on_focus: bool = True
    # The interface's language ("es", …); empty means the computer's (LANGUAGE, LC_ALL, LANG).
    language: str = ""

    def __post_init__(self) -> None:
        theme = clean_text(str(self.theme), multiline=False).strip()
        if not _THEME_NAME.fullmatch(theme):
            raise ValidationError("theme", _("That theme name is not one homework-tui knows."))
        object.__setattr__(self, "theme", theme)
        voice = clean_text(str(self.voice), multiline=False).strip()
        if len(voice) > _VOICE_MAX:
            raise ValidationError(
                "voice", _("A voice name is at most {limit} characters.").format(limit=_VOICE_MAX)
            )
        object.__setattr__(self, "voice", voice)
        object.__setattr__(self, "cue_word", check_cue_word(self.cue_word))
        language = clean_text(str(self.language), multiline=False).strip()
        if language and language not in LANGUAGES:
            raise ValidationError("language", _("That is not a language homework-tui speaks."))
        object.__setattr__(self, "language", language)
        object.__setattr__(
            self,
            "speech_rate",
            rating(
                "speech_rate",
                self.speech_rate,
                _("Speech rate"),
                low=SPEECH_RATE_MIN,
                high=SPEECH_RATE_MAX,
            ),
        )
        object.__setattr__(
            self,
            "auto_lock_minutes",
            rating(
                "auto_lock_minutes",
                self.auto_lock_minutes,
                _("Auto-lock minutes"),
                low=AUTO_LOCK_MIN,
                high=AUTO_LOCK_MAX,
            ),
        )
        for name in (
            "animations",
            "reduced_motion",
            "bell_on_phase",
            "auto_lock",
            "cursor_on_focus",
        ):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise ValidationError(name, _ON_OR_OFF[name]())

    def changed(self, **changes: Any) -> Self:
        """A validated copy with `changes` applied (raises ValidationError)."""
        return replace(self, **changes)


def check_new_passphrase(first: str, again: str) -> str:
    """The new passphrase when it is long enough and typed the same twice (ValidationError)."""
    if len(first) < PASSPHRASE_MIN:
        raise ValidationError(
            "passphrase",
            _(
                "Please choose a passphrase of at least {limit} characters (this one has "
                "{length}). A few unrelated words are easy to remember."
            ).format(limit=PASSPHRASE_MIN, length=len(first)),
        )
    if first != again:
        raise ValidationError(
            "again", _("The two passphrases are not the same. Please type it again in both boxes.")
        )
    return first
