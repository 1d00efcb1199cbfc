"""`homework-tui render`, `play` and `voices` through the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("homework-tui")

pytestmark = pytest.mark.timeout(120)


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=100, env=env, cwd=cwd or ROOT
    )


@pytest.fixture()
def env(tmp_path: Path, speech_cache: Path) -> dict[str, str]:
    config = tmp_path / "config"
    config.mkdir()
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "speech").symlink_to(speech_cache)  # share the run's speech cache
    return dict(
        os.environ,
        HOMEWORK_TUI_CONFIG_DIR=str(config),
        HOMEWORK_TUI_CACHE_DIR=str(cache),
        JACK_DEFAULT_SERVER=f"no-such-server-{os.getpid()}",
    )


def test_render_box_with_timeline(tmp_path: Path, env: dict[str, str]):
    out, timeline = tmp_path / "box.wav", tmp_path / "box.json"
    done = run(
        "render",
        "box",
        "--minutes",
        "2",
        "--out",
        str(out),
        "--timeline",
        str(timeline),
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and done.stderr == ""
    data = json.loads(timeline.read_text())
    with wave.open(str(out)) as fh:
        assert (fh.getnchannels(), fh.getsampwidth()) == (1, 2)
        assert fh.getframerate() == data["sample_rate"] and fh.getnframes() == data["frames"]
    kinds = {e["kind"] for e in data["events"]}
    assert {"intro", "inhale", "hold", "exhale", "speech", "closing"} <= kinds
    inhales = [e["start"] for e in data["events"] if e["kind"] == "inhale"]
    assert {b - a for a, b in zip(inhales, inhales[1:])} == {16 * data["sample_rate"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "nap"], "unknown session 'nap'"),
        (["render", "0-4-4"], "inhale is 0 s"),
        (["render", "4-4-999"], "exhale is 999 s"),
        (["render", "box", "--voice", "nobody/zz"], "unknown voice 'nobody/zz'"),
        (["render", "box", "--minutes", "0"], "minutes should be"),
        (["render", "pmr16", "--minutes", "4"], "pmr16 takes at least about"),
        (["render", "box", "--minutes", "1"], "Box breathing needs at least 2 minutes"),
        (["render", "cue", "--minutes", "2"], "Cue-controlled relaxation needs at least 3 minutes"),
        (["render", "box", "--rate", "900"], "speech rate"),
        (["render", "resonance", "--bpm", "12"], "4.5 to 6.5"),
        (["render", "pmr4", "--tense", "30"], "tensing"),
        (["render", "box", "--wording", "/nonexistent/wording.toml"], "does not exist"),
    ],
)
def test_bad_input_is_one_clear_line(args, message, tmp_path: Path, env: dict[str, str]):
    if args[0] == "render":
        args = [*args, "--out", str(tmp_path / "x.wav")]
    done = run(*args, env=env)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("homework-tui: ") and message in lines[0], (
        done.stderr
    )
    assert not (tmp_path / "x.wav").exists()


def test_a_bad_saved_pattern_is_named(tmp_path: Path, env: dict[str, str]):
    Path(env["HOMEWORK_TUI_CONFIG_DIR"], "patterns.toml").write_text(
        "[slow]\ninhale = -2\nexhale = 6\n", encoding="utf-8"
    )
    done = run("render", "slow", "--out", str(tmp_path / "x.wav"), env=env)
    assert done.returncode == 1 and "breathing pattern 'slow'" in done.stderr
    assert "inhale is -2 s" in done.stderr and "Traceback" not in done.stderr


def test_saved_patterns_render(tmp_path: Path, env: dict[str, str]):
    Path(env["HOMEWORK_TUI_CONFIG_DIR"], "patterns.toml").write_text(
        '["Evening calm"]\ninhale = 4\nhold_in = 2\nexhale = 6\n', encoding="utf-8"
    )
    done = run(
        "render", "evening calm", "--minutes", "1", "--out", str(tmp_path / "e.wav"), env=env
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("where", ["missing-folder", "a-folder", "read-only"])
def test_unwritable_output(where: str, tmp_path: Path, env: dict[str, str]):
    target = {
        "missing-folder": tmp_path / "nope" / "x.wav",
        "a-folder": tmp_path,
        "read-only": tmp_path / "ro" / "x.wav",
    }[where]
    if where == "read-only":
        target.parent.mkdir()
        target.parent.chmod(0o500)
        if os.access(target.parent, os.W_OK):
            # Root ignores permissions: a place no one can create files in fails for real.
            target = Path("/proc/homework-tui-test.wav")
    done = run("render", "box", "--out", str(target), env=env)
    assert done.returncode == 1 and "cannot write" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    bad_json = run(
        "render",
        "box",
        "--out",
        str(tmp_path / "ok.wav"),
        "--timeline",
        str(tmp_path / "nope" / "t.json"),
        env=env,
    )
    assert bad_json.returncode == 1 and "cannot write the timeline" in bad_json.stderr


def test_play_without_an_audio_device(env: dict[str, str]):
    done = run("play", "box", "--minutes", "2", env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no audio output device" in done.stderr and "render" in done.stderr
    named = run("play", "box", "--device", "no-such-device", env=env)
    assert named.returncode == 1 and "no audio output device" in named.stderr


def test_voices_lists_the_engine_voices(env: dict[str, str]):
    done = run("voices", "--language", "en", env=env)
    assert done.returncode == 0, done.stderr
    assert "gmw/en-us" in done.stdout and "English" in done.stdout
    assert run("voices", "--language", "xx-nowhere", env=env).returncode == 1
