"""Journal entries: a title, free writing, a mood from 0 to 10, and tags.

Either a title or some writing is enough to keep an entry; everything else is optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from homework_tui.i18n import _
from homework_tui.model.base import Entity, ValidationError, clean_text, optional_rating

TITLE_MAX = 200
TAG_MAX = 40
MOOD_LOW, MOOD_HIGH = 0, 10

_TAG_SPLIT = re.compile(r"[,\s]+")


def parse_tags(value: str) -> tuple[str, ...]:
    """“work, sleep #family” → ("work", "sleep", "family"): commas or spaces between tags,
    a leading # is dropped, the first spelling of a tag wins over later ones in another case."""
    return clean_tags(tuple(_TAG_SPLIT.split(clean_text(value, multiline=False))))


def clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = clean_text(raw, multiline=False).strip().lstrip("#").strip()
        tag = "-".join(tag.split())
        if not tag or tag.casefold() in seen:
            continue
        if len(tag) > TAG_MAX:
            raise ValidationError(
                "tags", _("Please keep each tag under {limit} characters.").format(limit=TAG_MAX)
            )
        seen.add(tag.casefold())
        result.append(tag)
    return tuple(result)


@dataclass(frozen=True, kw_only=True)
class JournalEntry(Entity):
    title: str = ""
    text: str = ""
    mood: int | None = None  # 0 (very low) to 10 (very good)
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        title = " ".join(clean_text(self.title, multiline=False).split())
        if len(title) > TITLE_MAX:
            raise ValidationError(
                "title",
                _(
                    "Please keep the title under {limit} characters; the rest can go in the "
                    "writing below."
                ).format(limit=TITLE_MAX),
            )
        text = clean_text(self.text).strip("\n")
        if not title and not text.strip():
            raise ValidationError("text", _("Please write a title or a few words before saving."))
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "text", text)
        object.__setattr__(
            self,
            "mood",
            optional_rating("mood", self.mood, _("Mood"), low=MOOD_LOW, high=MOOD_HIGH),
        )
        object.__setattr__(self, "tags", clean_tags(tuple(self.tags)))

    @property
    def heading(self) -> str:
        """The title, or the first line of the writing when there is no title."""
        if self.title:
            return self.title
        first = next((line.strip() for line in self.text.splitlines() if line.strip()), "")
        return first

    def matches(self, query: str) -> bool:
        """True when every word of `query` appears in the title, writing or tags (any case);
        a word starting with # must be one of the tags."""
        for word in query.casefold().split():
            if word.startswith("#") and len(word) > 1:
                if word[1:] not in (t.casefold() for t in self.tags):
                    return False
            elif word not in "\n".join([self.title, self.text, *self.tags]).casefold():
                return False
        return True
