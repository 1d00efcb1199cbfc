"""The breathing patterns file: written with tomli-w and the atomic write, read back exactly,
and never left half-written (issue 18, point 3)."""

from __future__ import annotations

import os
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest

import audio.atomic
from audio.breathing import (
    BreathingPattern,
    custom_pattern,
    load_custom_patterns,
    patterns_toml,
    save_custom_pattern,
    write_patterns,
)


def test_patterns_round_trip_exactly_with_names_toml_would_misread(tmp_path: Path) -> None:
    path = tmp_path / "config" / "patterns.toml"  # the folder is made when missing
    saved = [
        custom_pattern("calm", 4, 6),
        custom_pattern("478 slow", "4.5", 9, 7.5, 0),  # a bare 478 key would be an integer
        custom_pattern("true", 3, 3, 1, 1),  # and true a boolean
        custom_pattern("inf", 2, 4),
        custom_pattern("1e3", 5, 5),
        custom_pattern("a-b_c  d", "13/3", "10/3", "0.1"),  # thirds stay thirds, 0.1 a tenth
    ]
    for pattern in saved:
        save_custom_pattern(path, pattern)
    loaded = load_custom_patterns(path)
    assert loaded == {p.name.lower(): p for p in saved}
    assert loaded["a-b_c d"].inhale == Fraction(13, 3)
    assert loaded["a-b_c d"].hold_in == Fraction(1, 10)
    assert path.read_text(encoding="utf-8").startswith("# Your breathing patterns, in seconds.")
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert audio.atomic.temp_files(path) == []


def test_saving_again_replaces_the_pattern_of_that_name(tmp_path: Path) -> None:
    path = tmp_path / "patterns.toml"
    save_custom_pattern(path, custom_pattern("Calm", 4, 6))
    save_custom_pattern(path, custom_pattern("calm", 5, 7))
    assert load_custom_patterns(path) == {"calm": custom_pattern("calm", 5, 7)}


@pytest.mark.parametrize(
    "name",
    ['say "hi"', "two\nlines", "back\\slash", "Ruhe · Atem ä", "呼吸 🌬️", "]", "#", "a = 1", ""],
)
def test_any_name_survives_the_file_format(tmp_path: Path, name: str) -> None:
    """The app refuses such names (custom_pattern), but the file never garbles one: each is a
    quoted key, read back exactly by any TOML reader."""
    path = tmp_path / "patterns.toml"
    odd = BreathingPattern(name, Fraction(4), Fraction(6), Fraction(1, 3), Fraction(1, 2))
    write_patterns(path, [odd])
    tables = tomllib.loads(path.read_text(encoding="utf-8"))
    assert tables == {name: {"inhale": 4, "hold_in": "1/3", "exhale": 6, "hold_out": 0.5}}


def test_a_write_that_fails_halfway_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns.toml"
    save_custom_pattern(path, custom_pattern("calm", 4, 6))
    before = path.read_bytes()
    real_write = os.write

    def half_then_fail(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audio.atomic.os, "write", half_then_fail)
    with pytest.raises(OSError):
        save_custom_pattern(path, custom_pattern("longer", 4, 8, 2, 2))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert audio.atomic.temp_files(path) == []  # no half-written temporary left behind
    assert load_custom_patterns(path) == {"calm": custom_pattern("calm", 4, 6)}


def test_the_new_file_is_on_disk_before_it_replaces_the_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync of the new file before os.replace, and of the folder after: a power cut keeps one."""
    path = tmp_path / "patterns.toml"
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync-folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        calls.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(audio.atomic.os, "fsync", fsync)
    monkeypatch.setattr(audio.atomic.os, "replace", replace)
    write_patterns(path, [custom_pattern("calm", 4, 6)])
    monkeypatch.undo()
    assert calls == ["fsync-file", "replace", "fsync-folder"]
    assert "[calm]" in patterns_toml([custom_pattern("calm", 4, 6)])
