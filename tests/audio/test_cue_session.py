"""Cue-controlled relaxation follows the person's own breathing and speaks their own cue word
(issue 14, point 12): rendered through the console script with real espeak-ng. No paced in- or
out-breaths (the old fixed 4 s in / 6 s out); a spoken reminder of the cue word every half minute;
the word from --cue, else the one saved in Settings, else the language's own word."""

from __future__ import annotations

import json
import os
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from audio.pmr import CUE_REMINDER_SECONDS, PmrOptions
from audio.scripts import build_plan
from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store
from tests.audio.test_cli import run

pytestmark = pytest.mark.timeout(240)


@pytest.fixture()
def env(tmp_path: Path, speech_cache: Path) -> dict[str, str]:
    """As test_cli's: folders of this test's own, the run's speech cache, no sound server."""
    (tmp_path / "config").mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "speech").symlink_to(speech_cache)
    return dict(
        os.environ,
        HOMEWORK_TUI_CONFIG_DIR=str(tmp_path / "config"),
        HOMEWORK_TUI_CACHE_DIR=str(tmp_path / "cache"),
        HOMEWORK_TUI_DATA_DIR=str(tmp_path / "no-data"),
        JACK_DEFAULT_SERVER=f"no-such-server-{os.getpid()}",
    )


def render(tmp_path: Path, env: dict[str, str], *extra: str) -> tuple[dict[str, Any], np.ndarray]:
    out, timeline = tmp_path / "cue.wav", tmp_path / "cue.json"
    done = run(
        "render", "cue", "--minutes", "4", "--out", str(out), "--timeline", str(timeline),
        *extra, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as fh:
        samples = np.frombuffer(fh.readframes(fh.getnframes()), dtype="<i2")
    return json.loads(timeline.read_text()), samples


def spoken(data: dict[str, Any]) -> list[str]:
    return [e["text"] for e in data["events"] if e["kind"] == "speech"]


def test_a_rendered_cue_session_speaks_the_chosen_word_at_the_persons_own_pace(
    tmp_path: Path, env: dict[str, str]
) -> None:
    data, samples = render(tmp_path, env, "--cue", "let go")
    rate = data["sample_rate"]
    kinds = {e["kind"] for e in data["events"]}
    assert not kinds & {"inhale", "hold", "exhale"}  # nothing paced: no 4 s in, no 6 s out
    own = [e for e in data["events"] if e["kind"] == "own"]
    assert len(own) >= 3
    assert {e["end"] - e["start"] for e in own} == {CUE_REMINDER_SECONDS * rate}
    lines = spoken(data)
    reminders = [e for e in data["events"] if e["kind"] == "speech" and "let go" in e["text"]]
    assert len(reminders) >= len(own)  # each half minute opens with the word, and the intro too
    assert not any(line.strip(" .").lower() in ("relax", "breathe in") for line in lines)
    starts = [e["start"] for e in own]
    assert all(20 * rate <= b - a <= 40 * rate for a, b in zip(starts, starts[1:], strict=False))
    for event in reminders:  # the voice really says them: sound where each line is
        said = samples[event["start"] : event["end"]].astype(np.float64)
        assert np.sqrt(np.mean(said**2)) > 300, event["text"]
    assert abs(len(samples) / rate - 240) <= 2.4  # four minutes, within 1 %


def test_render_uses_the_cue_word_saved_in_settings(tmp_path: Path, env: dict[str, str]) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        Singleton(store, "settings", Settings, Settings).save(Settings(cue_word="soft"))
    data, _ = render(tmp_path, {**env, "HOMEWORK_TUI_DATA_DIR": str(data_dir)})
    assert sum("soft" in line for line in spoken(data)) >= 3


@pytest.mark.parametrize("word", ["[b]calm[/b]", "one two three four", "x" * 31])
def test_a_cue_word_that_cannot_be_used_is_one_clear_line(
    word: str, tmp_path: Path, env: dict[str, str]
) -> None:
    done = run("render", "cue", "--cue", word, "--out", str(tmp_path / "x.wav"), env=env)
    assert done.returncode == 2 and not (tmp_path / "x.wav").exists()
    assert done.stderr.startswith("homework-tui: --cue: A cue word is one to 3 words")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("language", "word"), [("en", "relax"), ("es", "calma"), ("de", "Ruhe"), ("fr", "calme")]
)
def test_without_a_chosen_word_each_language_says_its_own(language: str, word: str) -> None:
    plan = build_plan("cue", language=language)
    reminders = [s.cue for p in plan.parts for s in p.steps if getattr(s, "kind", "") == "own"]
    assert reminders and all(word in (r or "") for r in reminders)
    chosen = build_plan("cue", language=language, pmr=PmrOptions(cue_word="tranquilo"))
    assert sum("tranquilo" in t for t in chosen.texts()) >= 5


@pytest.mark.parametrize("language", ["en", "es", "de", "fr", "pt", "it"])
@pytest.mark.parametrize("name", ["rapid", "application"])
def test_the_later_stages_name_the_same_cue_word(name: str, language: str) -> None:
    """Rapid relaxation and application training use the cue word the person chose, too."""
    plan = build_plan(name, language=language, pmr=PmrOptions(cue_word="easy"))
    assert any(", easy," in text for text in plan.texts()), plan.texts()


def test_tones_mark_each_half_minute_when_asked_or_with_no_words() -> None:
    """Eyes closed with the voice off (or tones asked for): a soft tone opens each stretch."""

    def own(plan: Any) -> list[Any]:
        return [s for p in plan.parts for s in p.steps if getattr(s, "kind", "") == "own"]

    words_only = own(build_plan("cue"))
    assert all(p.cue and p.tone is None for p in words_only)
    both = own(build_plan("cue", tones=True))
    assert all(p.cue and p.tone for p in both)
    tones_only = own(build_plan("cue", spoken_cues=False, tones=True))
    assert all(p.cue is None and p.tone for p in tones_only)
