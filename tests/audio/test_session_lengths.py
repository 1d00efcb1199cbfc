"""Every built-in session lasts the minutes asked, to within 1 %, laid out with real speech
(espeak-ng via pyttsx3; laid out, not rendered: a WAV has the timeline's frames). The fills
("rest to fill", "breathe … to fill") are sized from the real speech, not from estimates."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio.errors import ScriptError
from audio.script_file import builtin_names, find_script
from audio.script_model import Script
from audio.script_plan import minutes_range, script_plan
from audio.session_setup import build_session
from audio.voice import VoiceEngine

pytestmark = pytest.mark.timeout(600)

TOLERANCE = 0.01


def fitted(script: Script, name: str, minutes: float) -> bool:
    return script_plan(script, name=name, minutes=minutes).target is not None


def lengths_to_try(name: str) -> list[float | None]:
    """The session's own length (None), and the shortest and longest it is fitted to (a shorter
    length is refused: test_too_short_for_the_words_and_fewest_breaths_is_refused)."""
    found = find_script(name)
    assert found is not None, name
    script = found[1]
    fits = minutes_range(script)
    if fits is None:
        return [None]
    assert fitted(script, name, fits[0]) and fitted(script, name, fits[1])
    return [None, *sorted({fits[0], fits[1]} - {float(script.minutes or 0)})]


CASES = [(name, minutes) for name in builtin_names() for minutes in lengths_to_try(name)]


@pytest.mark.parametrize(("name", "minutes"), CASES)
def test_every_built_in_session_lasts_the_minutes_asked(
    name: str, minutes: float | None, speech_cache: Path, engine: VoiceEngine
) -> None:
    session = build_session(name, minutes=minutes, cache_dir=speech_cache, engine=engine)
    timeline = session.resolve_all()
    assert timeline.complete and not session.captions_only
    assert sum(e.end - e.start for e in timeline.events if e.kind == "speech") > 0  # real speech
    if session.plan.target is None:  # lasts as written: no minutes to hold it to
        assert minutes is None and find_script(name)[1].minutes is None  # type: ignore[index]
        return
    wanted = float(minutes if minutes is not None else session.plan.target / 60) * 60
    deviation = (timeline.seconds - wanted) / wanted
    print(f"LENGTH {name} {wanted / 60:g} min: {timeline.seconds:.2f} s ({deviation:+.4%})")
    assert session.estimated_seconds == wanted  # what the screen shows as "of M:SS"
    assert abs(deviation) <= TOLERANCE, (name, wanted, timeline.seconds)


@pytest.mark.parametrize(
    ("name", "title", "shortest"),
    [
        ("box", "Box breathing", 2),
        ("sigh", "Cyclic sigh", 2),
        ("resonance", "Resonance breathing", 2),
        ("cue", "Cue-controlled relaxation", 3),
    ],
)
def test_too_short_for_the_words_and_fewest_breaths_is_refused(
    name: str, title: str, shortest: float
) -> None:
    """Below its shortest length a breathing session (the words, and the fewest breaths: 2; for
    cue-controlled, two half minutes at one's own pace) would play longer than asked: it is
    refused, naming the shortest that fits, and that is where the list's range begins."""
    found = find_script(name)
    assert found is not None
    assert fitted(found[1], name, shortest)
    with pytest.raises(ScriptError) as refused:
        fitted(found[1], name, shortest - 0.5)
    assert (
        str(refused.value) == f"{title} needs at least {shortest:g} minutes; ask for more minutes"
    )
    fits = minutes_range(found[1])
    assert fits is not None and fits[0] == shortest
