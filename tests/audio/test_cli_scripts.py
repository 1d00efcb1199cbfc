"""`homework-tui render` and `sessions` with session scripts, through the installed console script."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from tests.audio.test_cli import env, run  # noqa: F401  (the env fixture)

pytestmark = pytest.mark.timeout(120)


def sessions_folder(env: dict[str, str]) -> Path:
    folder = Path(env["HOMEWORK_TUI_CONFIG_DIR"]) / "sessions"
    folder.mkdir(exist_ok=True)
    return folder


def test_render_a_mindfulness_script_to_its_minutes(tmp_path: Path, env: dict[str, str]):
    out, timeline = tmp_path / "leaves.wav", tmp_path / "leaves.json"
    done = run(
        "render",
        "leaves",
        "--minutes",
        "4",
        "--out",
        str(out),
        "--timeline",
        str(timeline),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Leaves on a stream, 4:00" in done.stdout
    with wave.open(str(out)) as fh:
        assert abs(fh.getnframes() / fh.getframerate() - 240) < 240 * 0.02
    kinds = {e["kind"] for e in json.loads(timeline.read_text())["events"]}
    assert kinds == {"speech", "tone", "intro", "closing"}  # no breathing phases: no pacer


def test_render_a_script_file_by_path_and_a_bad_one(tmp_path: Path, env: dict[str, str]):
    mine = tmp_path / "evening.txt"
    mine.write_text(
        "title: Evening\nminutes: 1\nsay Let the day go.\npause 10 stretch\nsay Good night.\n",
        encoding="utf-8",
    )
    done = run("render", str(mine), "--out", str(tmp_path / "e.wav"), env=env)
    assert done.returncode == 0, done.stderr
    assert "Evening, 1:00" in done.stdout
    (sessions_folder(env) / "broken.txt").write_text(
        "title: B\nsay Hi.\npause soon\n", encoding="utf-8"
    )
    bad = run("render", "broken", "--out", str(tmp_path / "b.wav"), env=env)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.strip() == (
        "homework-tui: broken.txt, line 3: 'soon' is not a number of "
        "seconds; a pause needs one, e.g. 'pause 5'"
    )
    short = run("render", "body-scan", "--minutes", "2", "--out", str(tmp_path / "s.wav"), env=env)
    assert short.returncode == 1 and "body-scan takes at least about" in short.stderr
    zulu = tmp_path / "zulu.txt"
    zulu.write_text("title: Z\nlanguage: zu\nsay Sawubona.\n", encoding="utf-8")
    none = run("render", str(zulu), "--out", str(tmp_path / "z.wav"), env=env)
    assert none.returncode == 1 and "No Zulu voice is installed here" in none.stderr


def test_sessions_lists_scripts_and_checks_one(env: dict[str, str]):
    folder = sessions_folder(env)
    (folder / "calma.txt").write_text(
        "title: Calma\nlanguage: es\nminutes: 3\nsay Hola.\npause 30 stretch\n", encoding="utf-8"
    )
    (folder / "broken.txt").write_text("title: B\n\nsya Hi.\n", encoding="utf-8")
    done = run("sessions", env=env)
    assert done.returncode == 0, done.stderr
    for line in ("body-scan", "grounding", "pmr16", "box"):
        assert line in done.stdout
    assert any(
        row.split()[:4] == ["calma", "es", "3", "min"] and row.endswith("Calma (yours)")
        for row in done.stdout.splitlines()
    )
    assert done.stderr.strip() == (
        "homework-tui: warning: broken.txt, line 3: 'sya' is not a step. "
        "Did you mean 'say'? Steps are say, pause, breathe, tense, "
        "release, tone, wording, rest; a part starts with '== Title'; "
        "'#' starts a comment"
    )
    check = run("sessions", "--check", str(folder / "broken.txt"), env=env)
    assert check.returncode == 1 and "broken.txt, line 3" in check.stderr
    good = run("sessions", "--check", str(folder / "calma.txt"), env=env)
    assert good.returncode == 0 and good.stdout.startswith("calma.txt: fine (Calma, mindfulness")
