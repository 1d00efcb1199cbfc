"""The `homework-tui` console script speaks the person's language: its help (argparse's own words
included) from the locale or `--language`, and argparse's error lines too. Run as a person runs
it: the real console script, in a subprocess, with the locale given explicitly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# tests/conftest.py sets LANGUAGE=en for the whole run: these runs choose their own locale.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _console_script() -> str:
    beside = Path(sys.executable).parent / "homework-tui"
    found = str(beside) if beside.exists() else shutil.which("homework-tui")
    if found is None:
        pytest.skip("the homework-tui console script is not installed")
    return found


def _run(*args: str, lang: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in _LOCALE_VARIABLES and not k.startswith("HOMEWORK_TUI_")
    }
    env |= {
        "LANG": lang,
        "COLUMNS": "80",
        "HOMEWORK_TUI_DATA_DIR": str(tmp_path / "data"),
        "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "cache"),
    }
    return subprocess.run(
        [_console_script(), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_help_in_spanish_from_the_locale(tmp_path: Path) -> None:
    run = _run("--help", lang="es_ES.UTF-8", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("uso: homework-tui ")  # argparse's own "usage: "
    assert "argumentos posicionales:" in out and "opciones:" in out
    assert "muestra este mensaje de ayuda y termina" in out
    assert "muestra la versión del programa y termina" in out
    assert "Un compañero tranquilo, privado y sin conexión" in out
    assert "exporta tus datos" in out  # a subcommand's one-line help
    assert "show this help" not in out and "positional arguments" not in out

    export = _run("export", "--help", lang="es_ES.UTF-8", tmp_path=tmp_path)
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith("uso: homework-tui export ")
    assert "primer día del informe, como 2025-03-10" in export.stdout
    assert "el idioma del informe (markdown y csv)" in export.stdout


def test_help_in_spanish_with_the_language_option(tmp_path: Path) -> None:
    run = _run("--language", "es", "export", "--help", lang="C", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("uso: homework-tui export ")
    assert "Guarda todos tus datos en un archivo JSON" in run.stdout
    # The same command without it is in the locale's language (C: English).
    english = _run("export", "--help", lang="C", tmp_path=tmp_path)
    assert english.stdout.startswith("usage: homework-tui export ")
    assert "first day of the report, like 2025-03-10" in english.stdout


def test_a_bad_argument_is_refused_in_german(tmp_path: Path) -> None:
    run = _run("--language", "de", "export", "--format", "nope", lang="C", tmp_path=tmp_path)
    assert run.returncode == 2
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("homework-tui export: Fehler: Argument --format: ungültige Auswahl: ")
    assert "'nope' (wähle aus 'json', 'markdown', 'csv', 'fhir')" in last
    assert run.stderr.startswith("Aufruf: homework-tui export ")

    missing = _run("measure", lang="de_DE.UTF-8", tmp_path=tmp_path)
    assert missing.returncode == 2
    assert "homework-tui measure: Fehler: diese Argumente fehlen noch: phq9|gad7" in missing.stderr
