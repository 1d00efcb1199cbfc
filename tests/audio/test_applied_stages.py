"""The last stages of applied relaxation (Öst 1987), after cue-controlled: differential, rapid and
application training. Each is a stage of `pmr_stages` with a built-in session of the same name,
planned here in every built-in language at its usual length."""

from __future__ import annotations

from fractions import Fraction

import pytest

from audio.pmr import DEFAULT_MINUTES
from audio.script_file import find_script
from audio.script_plan import minutes_range
from audio.scripts import build_plan
from homework_tui.model.pmr_stages import KEYS

NEW = ("differential", "rapid", "application")
LANGUAGES = ("en", "es", "de", "fr", "pt", "it")


def spoken(name: str) -> str:
    return " ".join(build_plan(name).texts())


def test_they_come_after_cue_controlled_in_this_order() -> None:
    assert KEYS[KEYS.index("cue") + 1 :] == NEW


@pytest.mark.parametrize("key", KEYS)
def test_every_stage_has_a_built_in_session_of_its_name(key: str) -> None:
    found = find_script(key)
    assert found is not None, key
    assert found[1].kind == "relaxation" and found[1].minutes == DEFAULT_MINUTES[key]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NEW)
def test_each_plans_at_its_usual_length_in_every_language(name: str, language: str) -> None:
    plan = build_plan(name, language=language, minutes=DEFAULT_MINUTES[name])
    assert plan.kind == "relaxation" and plan.target == Fraction(DEFAULT_MINUTES[name] * 60)
    assert not plan.notes and len(plan.texts()) >= 4


def test_rapid_relaxation_lasts_about_a_minute_and_is_tied_to_a_reminder() -> None:
    found = find_script("rapid")
    assert found is not None
    fits = minutes_range(found[1])
    assert fits is not None and fits[0] <= 1  # a one-minute session fits its words
    assert DEFAULT_MINUTES["rapid"] == 1
    words = spoken("rapid")
    assert "cue word" in words and "everyday reminder" in words and "many times a day" in words


def test_differential_relaxation_sits_then_moves() -> None:
    plan = build_plan("differential")
    titles = [part.title for part in plan.parts]
    assert titles.index("Sitting") < titles.index("Moving")
    words = spoken("differential")
    assert "only the muscles you need" in words and "walk a few steps" in words


def test_application_training_is_in_the_situations_that_make_you_anxious() -> None:
    words = spoken("application")
    assert "situations that make you anxious" in words and "rapid relaxation" in words
    assert "for real" in words  # in the week, not only in imagination


HOME_VERSION = {
    "en": "This is the home version: once for each group.",
    "es": "Esta es la versión para casa: una vez por grupo.",
    "de": "Das hier ist die Version für zu Hause: einmal für jede Gruppe.",
    "fr": "Voici la version pour la maison : une fois par groupe.",
    "pt": "Esta é a versão para casa: uma vez para cada grupo.",
    "it": "Questa è la versione per casa: una volta per ogni gruppo.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_sixteen_groups_says_plainly_that_one_cycle_is_the_home_version(language: str) -> None:
    """Bernstein & Borkovec tense and release each group twice; the 16-group intro says this
    session does it once (and the shorter stages, which never did twice, say nothing of it)."""
    intro = " ".join(build_plan("pmr16", language=language).parts[0].texts())
    assert HOME_VERSION[language] in intro
    assert HOME_VERSION[language] not in " ".join(build_plan("pmr7", language=language).texts())
