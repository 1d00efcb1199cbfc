"""The speech cache holds no personal text.

Its files are named by a hash of (voice, rate, text) and hold the spoken audio: no index, no text.
But a line with the person's own words (a saved pattern's name, their wording file, their session
script) would still be on disk: as a hash that can be guessed against, and as audio that can be
transcribed. So while the data is encrypted (`RelaxAudio.cache_personal` False, set by the app),
those lines are spoken through the service's `PrivateSpeech` engine: made in a private folder in
memory, never in the cache; homework-tui's own wording is still cached. Real espeak-ng speech."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.model.relaxation import RelaxChoice
from homework_tui.model.settings import Settings
from homework_tui.services import privacy_speech
from homework_tui.services.relax_player import RelaxAudio
from tests.hostile import TOML_DEEP_KEY, TOML_VALUES

pytestmark = pytest.mark.timeout(180)

OWN_WORDS = ("Zanzibar", "Quetzalcoatl", "Marguerite")
WORDING = """
[breathing]
closing = ["Quetzalcoatl says the practice is over. Open your eyes."]
"""
SCRIPT = """title: Marguerite by the river
kind: mindfulness
language: en

== Settling [intro]
say Marguerite is waiting by the river.
pause 2
say Breathe, and notice the water.
"""


@pytest.fixture
def relax() -> Iterator[RelaxAudio]:
    """The app's relax service with the real speech engine, its private engine closed after."""
    service = RelaxAudio()
    yield service
    service.private_speech.close()


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    from audio.breathing import custom_pattern, save_custom_pattern

    cache, config = tmp_path / "cache", tmp_path / "config"
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(cache))
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    config.mkdir()
    save_custom_pattern(config / "patterns.toml", custom_pattern("Zanzibar", 4, 6))
    (config / "wording.toml").write_text(WORDING, encoding="utf-8")
    (config / "sessions").mkdir()
    (config / "sessions" / "river.txt").write_text(SCRIPT, encoding="utf-8")
    yield cache, config


def speak(relax: RelaxAudio, name: str, minutes: float = 1.0) -> tuple[object, list[str]]:
    """Build the session as the Relax screen does and make every line of it."""
    choice = RelaxChoice(session=name, minutes=minutes, intro=True, own_length=name == "river")
    session = relax.build(choice, Settings())
    session.resolve_all()
    return session, session.plan.texts()


def cached_files(cache: Path) -> list[Path]:
    return [p for p in cache.rglob("*") if p.is_file()]


def own_lines(texts: list[str]) -> list[str]:
    return [t for t in texts if any(w in t for w in OWN_WORDS)]


@pytest.mark.parametrize("name", ["Zanzibar", "river"], ids=["own-pattern", "own-script"])
def test_while_encrypted_own_words_are_spoken_but_never_cached(
    folders: tuple[Path, Path], relax: RelaxAudio, name: str
) -> None:
    cache, _ = folders
    relax.cache_personal = False
    session, texts = speak(relax, name)
    mine = own_lines(texts)
    assert mine, texts  # the session does speak the person's words…
    engine = session.speech.engine  # type: ignore[attr-defined]
    assert engine is relax.private_speech.made
    for text in mine:
        clip = session.speech.clip(text)  # type: ignore[attr-defined]
        assert clip is not None and len(clip) > 0  # …aloud
        path = engine.cached_path(text, session.speech.settings)  # type: ignore[attr-defined]
        assert cache not in path.parents and path.exists()
        assert stat.S_IMODE(os.stat(path.parent.parent).st_mode) == 0o700
    names = {p.stem for p in cached_files(cache)}
    settings = session.speech.settings  # type: ignore[attr-defined]
    for text in mine:
        assert settings.cache_key(text) not in names  # not even as a hash
    for path in cached_files(cache):
        raw = path.read_bytes()
        for word in OWN_WORDS:
            assert word.encode() not in raw and word.encode("utf-16-le") not in raw
    builtin = [t for t in texts if t in privacy_speech.builtin_lines()]
    if builtin:  # homework-tui's own wording is still cached, so sessions start quickly
        assert any(settings.cache_key(t) in names for t in builtin)


def test_unencrypted_the_same_lines_are_cached_as_before(
    folders: tuple[Path, Path], relax: RelaxAudio
) -> None:
    """The control: without encryption nothing changes (and the test above can see a leak)."""
    cache, _ = folders
    relax.cache_personal = True
    session, texts = speak(relax, "Zanzibar")
    names = {p.stem for p in cached_files(cache)}
    settings = session.speech.settings  # type: ignore[attr-defined]
    assert any(settings.cache_key(t) in names for t in own_lines(texts))


def test_builtin_lines_are_homework_tuis_own_words_only() -> None:
    lines = privacy_speech.builtin_lines()
    assert "Welcome. This is a short exercise called leaves on a stream." in lines
    assert not any("{" in line for line in lines)  # lines with a name filled in are not here
    assert not any(word in line for line in lines for word in OWN_WORDS)


def test_private_speech_passes_over_a_hostile_file_and_reads_the_rest(tmp_path: Path) -> None:
    """The packaged lines are read with the same TOML reader as everything else: a file with a
    5,000-digit number, NaN or 10,000-deep nesting is passed over, never a crash."""
    for number, case in enumerate(sorted(TOML_VALUES)):
        (tmp_path / f"hostile-{number}.toml").write_text(f"line = {TOML_VALUES[case]}\n")
    (tmp_path / "deep.toml").write_text(f'{TOML_DEEP_KEY} = "deep line"\n')
    (tmp_path / "good.toml").write_text('[pmr]\nintro = ["Breathe in slowly.", 2]\n')
    assert privacy_speech.lines_in(tmp_path) == {"Breathe in slowly."}
