"""The timeline: every boundary on the exact sample, however long the session."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from audio.breathing import BreathingPattern, breathing_plan, custom_pattern, resonance_pattern
from audio.plan import Line, Part, Phase, Plan, Say, Silence
from audio.scripts import build_plan
from audio.timeline import EVENT_KINDS, TimelineBuilder
from audio.wording import load_wording

WORDING = load_wording()


def words(text: str) -> int:
    """A stand-in speech length for layout-only tests: 0.3 s a word at 22050 Hz (odd on purpose)."""
    return len(text.split()) * 6617 + 13


def lay_out(plan: Plan, rate: int = 22050):
    builder = TimelineBuilder(rate, len(plan.parts))
    for part in plan.parts:
        builder.add_part(part, words, lambda name: 4410)
    return builder.snapshot(), builder


def test_box_inhales_every_16_seconds_to_the_sample_over_20_minutes():
    timeline, _ = lay_out(build_plan("box", minutes=20))
    onsets = timeline.onsets("inhale")
    assert len(onsets) >= 70  # 20 minutes of 16-second breaths
    assert {b - a for a, b in zip(onsets, onsets[1:])} == {16 * 22050}
    starts = {kind: timeline.onsets(kind) for kind in ("hold", "exhale")}
    for i, onset in enumerate(onsets):
        assert starts["hold"][2 * i] == onset + 4 * 22050
        assert starts["exhale"][i] == onset + 8 * 22050
        assert starts["hold"][2 * i + 1] == onset + 12 * 22050


def test_fractional_cycles_do_not_drift():
    """5.5 breaths a minute at 44.1 kHz: 10.909… s cycles never land on whole samples, yet breath
    k starts at round((t0 + k * 120/11) * rate) exactly, as if computed in one multiplication."""
    plan = breathing_plan(resonance_pattern("5.5", "4:6"), WORDING, minutes=20)
    timeline, _ = lay_out(plan, rate=44100)
    onsets = timeline.onsets("inhale")
    t0 = Fraction(onsets[0], 44100)
    cycle = Fraction(120, 11)
    assert onsets == [round((t0 + k * cycle) * 44100) for k in range(len(onsets))]
    assert len(set(b - a for a, b in zip(onsets, onsets[1:]))) == 2  # 481090 or 481091 frames


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 200), min_size=2, max_size=4),  # tenths of a second
    st.sampled_from([8000, 22050, 44100, 48000]),
    st.integers(3, 40),
)
def test_any_pattern_any_rate_lands_on_exact_samples(tenths, rate, cycles):
    parts = [Fraction(t, 10) for t in tenths] + [Fraction(0)] * (4 - len(tenths))
    pattern = BreathingPattern("p", parts[0], parts[2] or Fraction(1), parts[1], parts[3])
    steps = tuple(Phase(k, s, None) for _ in range(cycles) for k, _, s, _ in pattern.phases())  # type: ignore[arg-type]
    builder = TimelineBuilder(rate, 2)
    builder.add_part(Part("intro", "Intro", (Say("Hello there, welcome."),)), words, lambda n: 0)
    builder.add_part(Part("practice", "Practice", steps), words, lambda n: 0)
    timeline = builder.snapshot()
    t0 = builder.clock - cycles * pattern.cycle
    onsets = timeline.onsets("inhale")
    assert onsets == [round((t0 + k * pattern.cycle) * rate) for k in range(cycles)]
    assert timeline.frames == round(builder.clock * rate)
    stages = [e for e in timeline.events if e.kind in ("inhale", "hold", "exhale")]
    assert all(a.end == b.start for a, b in zip(stages, stages[1:]))  # no gaps, no overlaps


def test_lookups_follow_the_clock():
    timeline, _ = lay_out(build_plan("box", minutes=2))
    first = timeline.onsets("inhale")[0]
    assert timeline.stage_at(first).kind == "inhale"
    assert timeline.stage_at(first - 1).kind == "intro"
    assert timeline.speech_at(first).text == "Breathe in"
    assert timeline.event_at(first).kind == "speech"
    hold = timeline.stage_at(first + 4 * 22050)
    assert (hold.kind, hold.label) == ("hold", "full")
    assert hold.progress(hold.start + (hold.end - hold.start) // 2) == 0.5
    assert timeline.part_at(first).kind == "practice"
    assert timeline.next_part_start(0) == timeline.parts[1].start == first
    assert timeline.next_part_start(timeline.frames - 1) is None
    assert timeline.stage_at(timeline.frames) is None
    assert timeline.last_speech(first + 22050).text == "Breathe in"


def test_json_schema():
    timeline, _ = lay_out(build_plan("pmr4"))
    data = timeline.to_json()
    assert set(data) == {"sample_rate", "frames", "events"}
    assert data["sample_rate"] == 22050 and data["frames"] == timeline.frames
    for event in data["events"]:
        assert set(event) == {"start", "end", "kind", "label", "text"}
        assert event["kind"] in EVENT_KINDS
        assert 0 <= event["start"] <= event["end"] <= data["frames"]
        if event["kind"] in ("tense", "release"):
            assert event["label"]  # the muscle group
        if event["kind"] == "speech":
            assert event["text"]
    starts = [e["start"] for e in data["events"]]
    assert starts == sorted(starts)


def test_speech_that_does_not_fit_a_phase_becomes_a_tone():
    plan = Plan(
        "t",
        "t",
        (
            Part(
                "practice",
                "p",
                (
                    Phase(
                        "inhale",
                        Fraction(1),
                        None,
                        "Breathe in slowly and deeply through your nose",
                    ),
                    Phase(
                        "exhale",
                        Fraction(6),
                        None,
                        "Out",
                        None,
                        (
                            Line(
                                Fraction(1),
                                "A line far too long to fit in what is left of this slow and gentle breath all the way out",
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    timeline, builder = lay_out(plan)
    kinds = [e.kind for e in timeline.events]
    assert kinds == ["inhale", "tone", "exhale", "speech"]
    assert len(builder.notes) == 2 and "tone" in builder.notes[0]


def test_lines_in_a_phase_never_overlap():
    timeline, _ = lay_out(build_plan("pmr16"))
    speech = [e for e in timeline.events if e.kind == "speech"]
    assert all(a.end <= b.start for a, b in zip(speech, speech[1:]))
    for release in (e for e in timeline.events if e.kind == "release"):
        inside = [s for s in speech if release.start <= s.start < release.end]
        assert inside[0].text == "And relax." and inside[0].start == release.start
        assert all(s.end <= release.end for s in inside)


def test_a_growing_timeline_snapshot_is_consistent():
    plan = build_plan("box", minutes=2)
    builder = TimelineBuilder(22050, len(plan.parts))
    builder.begin_part(plan.parts[0])
    builder.add_step(plan.parts[0].steps[0], words, lambda n: 0)
    early = builder.snapshot()
    assert not early.complete and early.frames > 0
    assert early.stage_at(0).kind == "intro" and early.stage_at(0).end == early.frames
    builder.add_step(Silence(Fraction(1)), words, lambda n: 0)
    assert builder.snapshot().frames == early.frames + 22050


def test_custom_pattern_timeline():
    plan = breathing_plan(custom_pattern("mine", "3.5", 5, hold_out="0.5"), WORDING, minutes=3)
    timeline, _ = lay_out(plan, rate=48000)
    onsets = timeline.onsets("inhale")
    assert {b - a for a, b in zip(onsets, onsets[1:])} == {9 * 48000}
