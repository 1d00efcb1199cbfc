"""Muscle-relaxation wording (issue 14, point 7), over the pmr16, pmr7 and pmr4 plans in English
and each language with built-in wording: "now" means only the signal to tense, the instructions
do not all start "When I say now", and neighbouring groups never share a suggestion."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from audio.plan import Part, Phase, Say
from audio.scripts import build_plan

# The signal word, and the one phrase besides the signal itself where it may appear.
NOW = {
    "en": ("now", "when i say now"),
    "es": ("ahora", "cuando diga ahora"),
    "de": ("jetzt", "wenn ich jetzt sage"),
    "fr": ("maintenant", "quand je dirai maintenant"),
    "pt": ("agora", "quando eu disser agora"),
    "it": ("adesso", "quando dico adesso"),
}
SESSIONS = ("pmr16", "pmr7", "pmr4")


def groups(name: str, language: str) -> list[Part]:
    return [p for p in build_plan(name, language=language).parts if p.kind == "group"]


def suggestions(part: Part) -> set[str]:
    """The release suggestions of a group, with the group's own name taken out."""
    release = next(s for s in part.steps if isinstance(s, Phase) and s.kind == "release")
    area = release.label or ""
    return {line.text.replace(area, "AREA") for line in release.lines}


@pytest.mark.parametrize("language", sorted(NOW))
@pytest.mark.parametrize("name", SESSIONS)
def test_now_is_only_the_signal_to_tense(name: str, language: str) -> None:
    word, phrase = NOW[language]
    for part in groups(name, language):
        tense = next(s for s in part.steps if isinstance(s, Phase) and s.kind == "tense")
        assert tense.cue and tense.cue.lower().strip(".") == word
        said = [s.text for s in part.steps if isinstance(s, Say)]
        said += [line.text for s in part.steps if isinstance(s, Phase) for line in s.lines]
        for line in said:
            assert not line.lower().startswith(word), (name, language, line)
            assert not re.search(rf"\b{word}\b", line.lower().replace(phrase, "")), (
                name,
                language,
                line,
            )


@pytest.mark.parametrize("language", sorted(NOW))
@pytest.mark.parametrize("name", SESSIONS)
def test_instructions_do_not_all_start_the_same_way(name: str, language: str) -> None:
    _, phrase = NOW[language]
    instructions = [
        next(s.text for s in p.steps[1:] if isinstance(s, Say)) for p in groups(name, language)
    ]
    starting = sum(1 for text in instructions if text.lower().startswith(phrase))
    assert starting <= (len(instructions) + 1) // 2, instructions
    if len(instructions) >= 3:
        assert len({" ".join(t.split()[:2]) for t in instructions}) >= 3, instructions


@pytest.mark.parametrize("language", sorted(NOW))
@pytest.mark.parametrize("name", (*SESSIONS, "release"))
def test_neighbouring_groups_never_share_a_suggestion(name: str, language: str) -> None:
    sets = [suggestions(p) for p in build_plan(name, language=language).parts if p.kind == "group"]
    assert all(len(s) >= 2 for s in sets)
    for first, second in pairwise(sets):
        assert not first & second, (name, language, first & second)
    for first, later in zip(
        sets, sets[3:]
    ):  # and the same three do not come back every third group
        assert first != later, (name, language, first)
