"""Safe guided sessions (issue 14, point 13), checked in each built-in session's plan text, in
English and in every language with built-in wording: what to do if dizzy, eyes open as well as
closed, stopping at any time, no promised feeling at the end, resonance never breathing out
faster than in."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from audio.breathing import resonance_pattern
from audio.errors import ScriptError
from audio.plan import Phase
from audio.script_file import builtin_names
from audio.scripts import build_plan

NEUTRAL = (
    "box",
    "478",
    "resonance",
    "sigh",
    "pmr16",
    "pmr7",
    "pmr4",
    "release",
    "cue",
    "differential",
    "rapid",
    "application",
)
BREATHING = ("box", "478", "resonance", "sigh", "cue", "4-2-6-2")  # 4-2-6-2: a person's own pattern
# The same words in every session of a language, so a test can find them.
EYES_OPEN = {
    "en": "rest your gaze on a spot",
    "es": "deja la mirada descansar en un punto",
    "de": "lass deinen Blick auf einem Punkt",
    "fr": "laisse ton regard se poser sur un point",
    "pt": "deixe o olhar descansar em um ponto",
    "it": "lascia riposare lo sguardo su un punto",
}
ANY_TIME = {
    "en": "open your eyes, move, or stop at any time",
    "es": "Puedes abrir los ojos, moverte o parar en cualquier momento",
    "de": "Du kannst jederzeit die Augen öffnen, dich bewegen oder aufhören",
    "fr": "Tu peux ouvrir les yeux, bouger ou arrêter à tout moment",
    "pt": "Você pode abrir os olhos, se mexer ou parar a qualquer momento",
    "it": "Puoi aprire gli occhi, muoverti o fermarti in qualsiasi momento",
}
DIZZY = {
    "en": ("dizzy or light-headed", "stop", "breathe normally"),
    "es": ("te mareas o sientes la cabeza ligera", "para y respira con normalidad"),
    "de": ("schwindelig", "benommen", "hör auf und atme normal"),
    "fr": ("la tête qui tourne", "étourdi", "arrête, et respire normalement"),
    "pt": ("sentir tontura ou a cabeça leve", "pare e respire normalmente"),
    "it": ("ti gira la testa o ti senti stordito", "fermati e respira normalmente"),
}
PROMISES = (
    "calm and refreshed",
    "take this calm",
    "feeling calm",
    "refreshed",
    "you'll feel",
    "you will feel",
    "renovado",
    "erfrischt",
    "ressourcé",
    "rinfrescato",
    "revigorado",
)


def spoken(name: str, language: str = "en") -> str:
    return " ".join(build_plan(name, language=language).texts())


def intro(name: str, language: str) -> str:
    plan = build_plan(name, language=language)
    return " ".join(plan.parts[0].texts())


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_session_offers_eyes_open_and_stopping_at_any_time(name: str) -> None:
    text = spoken(name)
    assert EYES_OPEN["en"] in text or "Keep your eyes open" in text, name
    assert ANY_TIME["en"] in text, name


@pytest.mark.parametrize("language", sorted(EYES_OPEN))
@pytest.mark.parametrize("name", NEUTRAL)
def test_language_neutral_sessions_say_it_in_each_language(name: str, language: str) -> None:
    opening = intro(name, language)
    assert EYES_OPEN[language] in opening and ANY_TIME[language] in opening, (name, language)


@pytest.mark.parametrize("language", sorted(DIZZY))
@pytest.mark.parametrize("name", BREATHING)
def test_every_breathing_intro_says_what_to_do_if_dizzy(name: str, language: str) -> None:
    opening = intro(name, language)
    assert all(words in opening for words in DIZZY[language]), (name, language, opening)


@pytest.mark.parametrize("language", sorted(EYES_OPEN))
@pytest.mark.parametrize("name", builtin_names())
def test_closings_promise_no_feeling(name: str, language: str) -> None:
    if language != "en" and name not in NEUTRAL:
        pytest.skip("the mindfulness scripts are written in English")
    text = spoken(name, language).lower()
    assert not [p for p in PROMISES if p in text], (name, language)


def test_the_short_body_scan_allows_not_feeling_the_heartbeat() -> None:
    line = next(t for t in build_plan("body-scan").texts() if "heart" in t)
    assert "If you can't feel it, that's fine." in line


def test_resonance_never_breathes_out_faster_than_in() -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    for _ in range(200):
        bpm = Fraction(rng.randint(45, 65), 10)
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        try:
            pattern = resonance_pattern(bpm, (a, b))
        except ScriptError as exc:
            assert a > b or 4 * a < a + b, (seed, bpm, a, b, exc)  # out shorter, or past 1:3
            continue
        assert pattern.exhale >= pattern.inhale, (seed, bpm, a, b)
    with pytest.raises(ScriptError, match="never shorter"):
        resonance_pattern(6, "3:2")
    plan = build_plan("resonance", breaths_per_minute=5.5, ratio="4:6")
    ins = [p.seconds for p in plan.parts[1].steps if isinstance(p, Phase) and p.kind == "inhale"]
    outs = [p.seconds for p in plan.parts[1].steps if isinstance(p, Phase) and p.kind == "exhale"]
    assert ins and min(outs) >= max(ins)
