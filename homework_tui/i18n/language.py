"""Which language the interface speaks: from `--language`, else Settings, else the locale
(`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads them), else English."""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from homework_tui.i18n import translate
from homework_tui.i18n.pseudo import PseudoTranslations

# Code → the language's name in itself, as a person looks for it in a list.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "de": "Deutsch",
    "fr": "Français",
    "pt": "Português",
    "it": "Italiano",
}
# Pseudo-localisation for tests: every string wrapped in ⟦ ⟧ and made 40 % longer.
PSEUDO = "qps"
# The region whose dates and numbers a language is formatted with when the locale names none.
_DEFAULT_REGION = {"en": "GB", "es": "ES", "de": "DE", "fr": "FR", "pt": "BR", "it": "IT"}
_ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@dataclass
class _Speaking:
    """The language the process speaks now and the region its dates are written for (see
    translate._Active: the one piece of process-wide state)."""

    language: str = "en"
    region: str = "GB"


_NOW = _Speaking()


def _split(tag: str) -> tuple[str, str]:
    """ "es_MX.UTF-8@euro" → ("es", "MX"); "de" → ("de", "")."""
    tag = tag.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    lang, _, region = tag.partition("_")
    return lang.lower(), region.upper()


def language_from_environment(environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The first supported language the locale asks for, with its region ("es", "MX"), as
    gettext reads the variables: the first one set wins, and LANGUAGE may list several
    ("pt_BR:es"). "C" and "POSIX" mean English."""
    env = os.environ if environ is None else environ
    for name in _ENV_ORDER:
        value = env.get(name, "")
        if not value:
            continue
        for tag in value.split(":"):
            lang, region = _split(tag)
            if lang in LANGUAGES:
                return lang, region
            if lang in ("c", "posix"):
                return "en", ""
        if name != "LANGUAGE":
            # LC_ALL/LC_MESSAGES/LANG name one locale: an unsupported one means English.
            return "en", ""
    return "en", ""


@cache
def _catalogue(language: str) -> gettext.NullTranslations | None:
    """Every part's compiled catalogue for `language`, chained into one (None for English)."""
    if language == "en":
        return None
    if language == PSEUDO:
        return PseudoTranslations()
    found: gettext.NullTranslations | None = None
    for mo in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.mo")):
        with mo.open("rb") as handle:
            part = gettext.GNUTranslations(handle)
        if found is None:
            found = part
        else:
            found.add_fallback(part)
    return found


def use_language(language: str, region: str = "") -> str:
    """Speak `language` ("de", or "" for the locale's) from now on; returns the code used.
    An unknown code falls back to the locale's language, then English."""
    lang, given_region = _split(language) if language else ("", "")
    if lang not in LANGUAGES and lang != PSEUDO.lower():
        lang, given_region = language_from_environment()
    _NOW.language = PSEUDO if lang == PSEUDO.lower() else lang
    _NOW.region = region or given_region or _DEFAULT_REGION.get(_NOW.language, "GB")
    translate.set_active(_catalogue(_NOW.language))
    return _NOW.language


def current_language() -> str:
    """The interface's language code now ("en", "es", …; PSEUDO under pseudo-localisation)."""
    return _NOW.language


def babel_locale() -> str:
    """The locale dates and numbers are written in now ("de_DE", "pt_BR")."""
    lang = "en" if _NOW.language == PSEUDO else _NOW.language
    return f"{lang}_{_NOW.region}"


def language_name(code: str) -> str:
    """A language's name in itself ("Deutsch"), or the code when it is not one we have."""
    return LANGUAGES.get(code, code)


@contextmanager
def in_language(language: str) -> Iterator[str]:
    """Speak `language` inside the block (a report in the therapist's language), then return to
    the language before."""
    before, region = _NOW.language, _NOW.region
    try:
        yield use_language(language)
    finally:
        use_language(before, region)
