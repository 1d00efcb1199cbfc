"""Pseudo-localisation: each string wrapped in ⟦ ⟧, its letters accented and its length grown by
40 %, with its {fields} and [markup] kept. Run through the screens, it shows a string that was
never marked (no brackets), one that is cut (an opening bracket without its closing one) and a
layout that cannot take longer words."""

from __future__ import annotations

import gettext
import re

_KEEP = re.compile(r"(\{[^{}]*\}|\[[^\[\]]*\]|%\([a-z_]+\)[sd]|%[sd]|\n)")
_ACCENT = str.maketrans("aeiouAEIOUcnyCNY", "àéîõüÀÉÎÕÜçñýÇÑÝ")
GROWTH = 0.4
OPEN, CLOSE = "⟦", "⟧"


def pseudo(message: str) -> str:
    """`message` pseudo-localised: "Save {name}" → "⟦Sàvé {name}~~~⟧"."""
    if not message:
        return message
    pieces = _KEEP.split(message)
    out = "".join(p if i % 2 else p.translate(_ACCENT) for i, p in enumerate(pieces))
    # A tail of tildes grows it: wrapping and cutting then show as they would with longer words.
    pad = round(len(message) * GROWTH)
    if not pad:
        return f"{OPEN}{out}{CLOSE}"
    return f"{OPEN}{out}{'~' * max(pad - 2, 0)}{CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """A catalogue that pseudo-localises every message instead of looking it up."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
