"""The layers stay apart: the model, the store and the audio engine import no Textual, and the
audio engine imports nothing of homework_tui (DESIGN.md). Checked in a fresh interpreter, so
what an earlier test imported cannot hide a leak."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    name = sys.argv[1]
    package = importlib.import_module(name)
    # every module of the package, not only what its __init__ happens to import
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        if not info.name.rsplit(".", 1)[-1].startswith("__"):
            importlib.import_module(info.name)
    print(json.dumps(sorted(sys.modules)))
    """
)


def modules_after_import(name: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, name], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("package", ["homework_tui.model", "homework_tui.store", "audio"])
def test_core_packages_import_no_textual(package: str) -> None:
    loaded = modules_after_import(package)
    leaked = [m for m in loaded if m == "textual" or m.startswith("textual.")]
    assert not leaked, f"{package} imports {leaked[:5]}"


def test_audio_imports_nothing_of_homework_tui() -> None:
    leaked = [m for m in modules_after_import("audio") if m.split(".")[0] == "homework_tui"]
    assert not leaked, f"audio imports {leaked[:5]}"


def test_model_and_store_import_no_audio_heavyweights() -> None:
    for package in ("homework_tui.model", "homework_tui.store"):
        loaded = set(modules_after_import(package))
        assert not loaded & {"numpy", "sounddevice", "pyttsx3"}, package
