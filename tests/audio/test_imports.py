"""The engine stands alone: no Textual, no TinyDB, no homework_tui; and `import audio` is cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "audio",
    "audio.session",
    "audio.player",
    "audio.voice",
    "audio.scripts",
    "audio.mix",
    "audio.wav",
    "audio.sink",
    "audio._voice_worker",
    "audio._sink_worker",
]


def loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return set(done.stdout.split())


def test_audio_imports_nothing_of_the_app():
    modules = loaded_after("\n".join(f"import {m}" for m in MODULES))
    forbidden = {
        m for m in modules if m.split(".")[0] in ("textual", "tinydb", "homework_tui", "rich")
    }
    assert not forbidden


def test_importing_audio_loads_nothing_heavy():
    modules = loaded_after("import audio")
    assert not {m for m in modules if m.split(".")[0] in ("numpy", "sounddevice", "pyttsx3")}
