"""Session scripts: the protocols of CLINICAL.md as plans, custom patterns, editable wording."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from audio.breathing import (
    builtin_pattern,
    custom_pattern,
    load_custom_patterns,
    parse_inline,
    resonance_pattern,
    save_custom_pattern,
)
from audio.errors import ScriptError
from audio.plan import Phase, Say
from audio.pmr import GROUPS, PmrOptions
from audio.scripts import SESSION_NAMES, build_plan
from audio.wording import load_wording


def phases(plan, kind=None):
    out = [s for p in plan.parts for s in p.steps if isinstance(s, Phase)]
    return [s for s in out if kind is None or s.kind == kind]


def cycle_of(plan) -> list[tuple[str, Fraction, str | None]]:
    practice = next(p for p in plan.parts if p.kind == "practice")
    first = [(s.kind, s.seconds, s.label) for s in practice.steps if isinstance(s, Phase)]
    n = next(i for i in range(1, len(first)) if first[i] == first[0])
    return first[:n]


def test_every_session_has_intro_practice_and_closing():
    for name in SESSION_NAMES:
        plan = build_plan(name)
        assert plan.parts[0].kind == "intro" and plan.parts[-1].kind == "closing", name
        assert plan.texts(), name


@pytest.mark.parametrize(
    ("name", "cycle"),
    [
        (
            "box",
            [("inhale", 4, None), ("hold", 4, "full"), ("exhale", 4, None), ("hold", 4, "empty")],
        ),
        ("478", [("inhale", 4, None), ("hold", 7, "full"), ("exhale", 8, None)]),
        ("resonance", [("inhale", 5, None), ("exhale", 5, None)]),
        ("sigh", [("inhale", 2, None), ("inhale", 1, "top-up"), ("exhale", 6, None)]),
    ],
)
def test_breathing_timings_follow_clinical_reference(name, cycle):
    assert cycle_of(build_plan(name)) == [(k, Fraction(s), label) for k, s, label in cycle]


def test_478_is_4_to_8_breaths():
    """4 breaths by default; a length is met by whole breaths from 4 to 8, and one that would
    need fewer or more is refused (it would play longer or shorter than asked)."""
    assert len(phases(build_plan("478"), "exhale")) == 4
    counts = [len(phases(build_plan("478", minutes=m), "exhale")) for m in (2.5, 3, 3.5)]
    assert (
        counts == sorted(counts) and counts[0] >= 4 and counts[-1] <= 8 and counts[0] < counts[-1]
    )
    with pytest.raises(ScriptError, match="needs at least 2.5 minutes"):
        build_plan("478", minutes=1)
    with pytest.raises(ScriptError, match="at most about 3.5 minutes"):
        build_plan("478", minutes=20)


def test_resonance_rate_and_ratio_are_exact():
    p = resonance_pattern("5.5", "4:6")
    assert p.inhale + p.exhale == Fraction(120, 11)  # 60 / 5.5 exactly
    assert p.inhale / p.exhale == Fraction(4, 6)
    with pytest.raises(ScriptError, match="4.5 to 6.5"):
        resonance_pattern(7)
    with pytest.raises(ScriptError, match="ratio"):
        resonance_pattern(6, "1:9")


def test_cues_switch_to_tones_only():
    plan = build_plan("box", spoken_cues=False, tones=True, minutes=2)
    assert all(p.cue is None and p.tone for p in phases(plan))
    assert {p.tone for p in phases(plan)} == {"inhale", "hold", "exhale"}
    spoken = build_plan(
        "box", minutes=3
    )  # the safety words of the intro leave 2 minutes only 3 breaths
    assert all(p.cue and p.tone is None for p in phases(spoken))
    # full words for the first breaths, short ones once the rhythm is familiar
    assert (
        phases(spoken, "inhale")[0].cue == "Breathe in" and phases(spoken, "inhale")[-1].cue == "In"
    )
    with pytest.raises(ScriptError, match="spoken cues or tones"):
        build_plan("box", spoken_cues=False, tones=False)


def test_minutes_set_the_breathing_length_roughly():
    short, long = build_plan("box", minutes=2), build_plan("box", minutes=10)
    assert len(phases(long, "inhale")) > 4 * len(phases(short, "inhale")) / 2
    for bad in (0, -3, 61, float("nan")):
        with pytest.raises(ScriptError, match="minutes"):
            build_plan("box", minutes=bad)


def test_pmr16_follows_bernstein_and_borkovec_order():
    plan = build_plan("pmr16")
    groups = [p.label for p in plan.parts if p.kind == "group"]
    assert groups == [
        "right hand and forearm",
        "right upper arm",
        "left hand and forearm",
        "left upper arm",
        "forehead",
        "eyes and nose",
        "cheeks and jaw",
        "neck",
        "chest, shoulders and upper back",
        "stomach",
        "right thigh",
        "right calf",
        "right foot",
        "left thigh",
        "left calf",
        "left foot",
    ]
    left = build_plan("pmr16", pmr=PmrOptions(dominant="left"))
    assert [p.label for p in left.parts if p.kind == "group"][0] == "left hand and forearm"


@pytest.mark.parametrize("name", ["pmr16", "pmr7", "pmr4"])
def test_each_group_tenses_on_now_then_releases(name):
    plan = build_plan(name)
    groups = [p for p in plan.parts if p.kind == "group"]
    assert len(groups) == len(GROUPS[name])
    for part in groups:
        kinds = [s.kind for s in part.steps if isinstance(s, Phase)]
        assert kinds == ["tense", "release"]
        tense, release = [s for s in part.steps if isinstance(s, Phase)]
        assert tense.cue == "Now." and 5 <= tense.seconds <= 7
        assert release.cue == "And relax." and 30 <= release.seconds <= 40
        assert len(release.lines) >= 2  # spoken suggestions while releasing
        assert tense.label == release.label == part.label
        assert isinstance(
            part.steps[1], Say
        )  # how to tense, ready for the word "now" (test_pmr_wording)


def test_release_only_and_cue_controlled():
    release = build_plan("release")
    assert not phases(release, "tense") and len(phases(release, "release")) == 4
    cue = build_plan("cue")
    own = phases(cue, "own")  # the person's own breathing: nothing paced in or out
    assert own and not phases(cue, "inhale") and not phases(cue, "exhale")
    assert all("relax" in (p.cue or "") for p in own)  # the language's word, none chosen


def test_pmr_durations_are_adjustable_within_bounds():
    plan = build_plan(
        "pmr4", pmr=PmrOptions(tense_seconds=Fraction(5), release_seconds=Fraction(30))
    )
    assert {p.seconds for p in phases(plan, "tense")} == {5}
    assert {p.seconds for p in phases(plan, "release")} == {30}
    with pytest.raises(ScriptError, match="tensing"):
        build_plan("pmr4", pmr=PmrOptions(tense_seconds=Fraction(30)))
    with pytest.raises(ScriptError, match="releasing"):
        build_plan("pmr4", pmr=PmrOptions(release_seconds=Fraction(5)))
    with pytest.raises(ScriptError, match="at least about"):
        build_plan("pmr16", minutes=5)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("calm", 0, 4), "inhale is 0 s"),
        (("calm", -4, 4), "inhale is -4 s"),
        (("calm", 4, 4, -1), "hold_in is -1 s"),
        (("calm", 4, 1e12), "exhale is 1000000000000.0 s"),
        (("calm", 4, float("inf")), "finite"),
        (("calm", 4, "soon"), "not a number"),
        (("calm", 15, 20, 20, 20), "within 60 s"),
        (("box", 4, 4), "built-in"),
        (("", 4, 4), "name"),
    ],
)
def test_bad_custom_patterns_say_what_is_wrong(args, message):
    with pytest.raises(ScriptError, match=message.replace("(", r"\(").replace(".", r"\.")):
        custom_pattern(*args)


def test_custom_patterns_round_trip_through_their_file(tmp_path: Path):
    path = tmp_path / "patterns.toml"
    save_custom_pattern(path, custom_pattern("Evening calm", 4, 6, hold_in="1.5"))
    save_custom_pattern(path, custom_pattern("short", 3, 3))
    loaded = load_custom_patterns(path)
    assert loaded["evening calm"].hold_in == Fraction(3, 2)
    plan = build_plan("Evening calm", custom_patterns=loaded, minutes=2)
    assert cycle_of(plan) == [
        ("inhale", 4, None),
        ("hold", Fraction(3, 2), "full"),
        ("exhale", 6, None),
    ]
    (tmp_path / "bad.toml").write_text("[oops]\ninhale = 0\nexhale = 4\n")
    with pytest.raises(ScriptError, match="inhale is 0 s"):
        load_custom_patterns(tmp_path / "bad.toml")


def test_inline_patterns_and_unknown_names():
    assert parse_inline("4-7-8") == custom_pattern("4-7-8", 4, 8, hold_in=7)
    assert parse_inline("box") is None
    with pytest.raises(ScriptError, match="Did you mean 'box'"):
        build_plan("bxo")
    assert builtin_pattern("box").cycle == 16


def test_wording_file_overrides_lines_and_checks_placeholders(tmp_path: Path):
    mine = tmp_path / "wording.toml"
    mine.write_text('[breathing.cues]\ninhale = "Gently in"\n', encoding="utf-8")
    wording = load_wording(folder=tmp_path)
    plan = build_plan("box", wording=wording, minutes=2)
    assert phases(plan, "inhale")[0].cue == "Gently in"
    assert phases(plan, "exhale")[0].cue == "Breathe out"  # the rest keeps the defaults
    mine.write_text('[pmr]\nfocus = "Now notice your {muscle}."\n', encoding="utf-8")
    with pytest.raises(ScriptError, match=r"pmr.focus.*\{muscle\}"):
        build_plan("pmr4", wording=load_wording(folder=tmp_path))
    mine.write_text("[pmr\n", encoding="utf-8")
    with pytest.raises(ScriptError, match="not valid TOML"):
        load_wording(folder=tmp_path)


def test_wording_follows_the_voice_language(tmp_path: Path):
    (tmp_path / "wording.de.toml").write_text(
        '[breathing.cues]\ninhale = "Einatmen"\n', encoding="utf-8"
    )
    assert (
        phases(build_plan("box", wording=load_wording("de", folder=tmp_path)), "inhale")[0].cue
        == "Einatmen"
    )
    dutch = load_wording("nl", folder=tmp_path)  # no Dutch wording: tones, and a note says so
    assert dutch.notes and "nl" in dutch.notes[0] and not dutch.in_language


def test_release_only_never_speaks_of_tension_it_did_not_ask_for():
    plan = build_plan("release")
    spoken = " ".join(plan.texts()).lower()
    assert "tense" not in spoken.replace("won't tense", "") and "compare" not in spoken
    assert "the tension go" not in spoken and "tension a moment ago" not in spoken
