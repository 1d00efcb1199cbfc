"""The subcommands' own messages in the person's language (a plural in two counts, a message
built around a file's name), and `export --language CODE`: the report is written in the
therapist's language while the messages stay in the person's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from homework_tui.cli import language_asked, main
from homework_tui.i18n import current_language, day_and_date
from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`homework-tui --data-dir DATA ARGS…` in this process: (exit code, stdout, stderr)."""

    def go(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(tmp_path / "data"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_a_plural_in_two_counts_in_german(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    assert run("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")[0] == 0
    code, _out, err = run("--language", "de", "export", "--format", "fhir", "--out", str(out))
    assert code == 0
    assert f"1 Fragebogen-Ergebnis als FHIR in {out} gespeichert" in err
    assert run("measure", "gad7", "--answers", "0,0,0,0,0,0,0")[0] == 0
    code, _out, err = run("--language", "de", "export", "--format", "fhir", "--out", str(out))
    assert f"2 Fragebogen-Ergebnisse als FHIR in {out} gespeichert" in err


def test_messages_in_spanish(run: Run, tmp_path: Path) -> None:
    code, out, _err = run("--language", "es", "plan", "show")
    assert code == 0
    assert out.startswith("Tu plan está vacío. Importa el archivo de tu terapeuta con")
    code, _out, err = run("--language", "es", "relax", "nothing-like-this")
    assert code == 2
    assert "homework-tui: no hay ninguna sesión llamada «nothing-like-this»." in err
    code, _out, err = run("--language", "es", "measure", "phq9", "--answers", "0,0")
    assert code == 2 and err.rstrip().endswith("No se ha guardado nada.")
    assert current_language() == "es"  # the run set it; tests/conftest.py sets English again


def test_the_same_run_in_english_is_unchanged(run: Run) -> None:
    code, out, _err = run("plan", "show")
    assert code == 0 and out.startswith("Your plan is empty. Import your therapist's file with")


@pytest.fixture
def report_language(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language the Markdown report and the CSV files are made in, one per export, with a
    date the report would write ("jeudi 26 novembre" in French) in the Markdown."""
    seen: list[str] = []

    def render(data: object, choices: object = None) -> str:
        seen.append(current_language())
        return f"# {day_and_date(date(2026, 11, 26))}\n"

    def write_csv(data: object, folder: Path, choices: object = None) -> list[Path]:
        seen.append(current_language())
        return []

    monkeypatch.setattr("homework_tui.report.markdown.render", render)
    monkeypatch.setattr("homework_tui.report.csv_files.write_csv", write_csv)
    return seen


EXPORT = ("export", "--since", "2026-11-20", "--until", "2026-11-26")


def test_export_language_writes_the_report_in_french(
    run: Run, report_language: list[str], tmp_path: Path
) -> None:
    code, out, _err = run(*EXPORT, "--format", "markdown", "--language", "fr")
    assert code == 0
    assert report_language == ["fr"] and out == "# jeudi 26 novembre\n"
    # The person's own messages stay in the interface's language (here English).
    target = tmp_path / "rapport.md"
    code, _out, err = run(*EXPORT, "--format", "markdown", "--language", "fr", "--out", str(target))
    assert target.read_text(encoding="utf-8") == "# jeudi 26 novembre\n"
    assert f"Saved the report for your next session to {target}" in err
    assert current_language() == "en"
    # The CSV files are written in it too.
    code, _out, err = run(*EXPORT, "--format", "csv", "--language", "fr", "--out", str(tmp_path))
    assert code == 0 and report_language[-1] == "fr"


def test_the_interface_language_is_the_report_default(
    run: Run, report_language: list[str], tmp_path: Path
) -> None:
    run(*EXPORT, "--format", "markdown")
    run("--language", "es", *EXPORT, "--format", "markdown")
    with Store.open(tmp_path / "data") as store:
        Singleton(store, "settings", Settings, Settings).save(Settings(language="it"))
    code, out, _err = run(*EXPORT, "--format", "markdown")
    assert code == 0 and out == "# giovedì 26 novembre\n"
    # A --language before the command is the interface's, and wins over Settings.
    run("--language", "de", *EXPORT, "--format", "markdown")
    code, _out, err = run("--language", "de", *EXPORT, "--format", "markdown", "--language", "pt")
    assert report_language == ["en", "es", "it", "de", "pt"]


@pytest.mark.parametrize(
    ("argv", "asked"),
    [
        (["--language", "es", "export"], "es"),
        (["--language=de", "today"], "de"),
        (["--lang", "fr", "today"], "fr"),
        (["--data-dir", "--language", "today"], ""),  # a folder named "--language"
        (["--data-dir", "x", "--language", "it", "plan", "show"], "it"),
        (["export", "--language", "fr"], ""),  # the report's language, not the interface's
        (["voices", "--language", "en"], ""),
        (["--read-only", "--", "--language", "es"], ""),
        (["--language"], ""),
    ],
)
def test_the_interface_language_is_only_the_one_before_the_command(
    argv: list[str], asked: str
) -> None:
    assert language_asked(argv) == asked
