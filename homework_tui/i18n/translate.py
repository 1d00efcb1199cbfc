"""The lookup functions every module calls. They read the process's current catalogue (set by
`language.use_language`), so a string is in the language chosen at the moment it is shown."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field

_NULL = gettext.NullTranslations()


@dataclass
class _Active:
    """The catalogue in use. The interface's language belongs to the process, as gettext's own
    `textdomain` does: every screen, message and report of a run speaks it, so it is the one
    piece of process-wide state (set by `language.use_language`, nothing else)."""

    catalogue: gettext.NullTranslations = field(default=_NULL)


_ACTIVE = _Active()


def set_active(translations: gettext.NullTranslations | None) -> None:
    """Make `translations` the catalogue `_` reads (None: English, the strings as written)."""
    _ACTIVE.catalogue = translations if translations is not None else _NULL


def _(message: str) -> str:
    """`message` in the current language (as written when it has no translation)."""
    return _ACTIVE.catalogue.gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without looking it up: for module-level constants,
    which are looked up with `_` where they are shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number `n`, by the language's own plural rule."""
    return _ACTIVE.catalogue.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs different translations ("Back" a key,
    "Back" a body part): `context` tells them apart."""
    return _ACTIVE.catalogue.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """`ngettext` with a context, as for `pgettext`."""
    return _ACTIVE.catalogue.npgettext(context, singular, plural, n)
