"""`homework-tui sessions` in Italian (headings, lengths, "yours", a script's check), and every
word argparse itself shows a person has a translation in the commands catalogue."""

from __future__ import annotations

import ast
import argparse
from pathlib import Path

import pytest

from babel.messages.pofile import read_po

from homework_tui.cli import main
from homework_tui.i18n import _, in_language, ngettext
from scripts.i18n_tool.parts import po_path

CALMA = "title: Calma\nlanguage: es\nminutes: 2.5\nsay Hola.\npause 30 stretch\nsay Adiós.\n"


def test_sessions_in_italian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config"
    (config / "sessions").mkdir(parents=True)
    script = config / "sessions" / "calma.txt"
    script.write_text(CALMA, encoding="utf-8")
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))

    assert main(["--language", "it", "sessions"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Respirazione:" in out and "Rilassamento:" in out and "Consapevolezza:" in out
    mine = next(row for row in out if row.split()[:1] == ["calma"])
    assert mine.split()[1:4] == ["es", "2,5", "min"]  # an Italian decimal comma
    assert mine.endswith("Calma (tua)")
    box = next(row for row in out if row.split()[:1] == ["box"])
    assert box.split()[1:4] == ["tutte", "5", "min"]  # a session for any language
    assert out[-1].startswith("I tuoi copioni vanno in ")

    assert main(["--language", "it", "sessions", "--check", str(script)]) == 0
    line = capsys.readouterr().out.strip()
    assert line == "calma.txt: a posto (Calma, consapevolezza, lingua es, 2,5 minuti, 3 passi)"


def _argparse_messages() -> set[str]:
    """Every message argparse looks up with `_` (module source, read as Python)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


# argparse's messages for a programmer's mistake in building a parser, never a person's.
PROGRAMMERS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "subcommands",
}


@pytest.mark.parametrize("language", ["es", "de", "fr", "pt", "it"])
def test_argparse_speaks_every_language(language: str) -> None:
    shown = _argparse_messages() - PROGRAMMERS
    assert "usage: " in shown and "the following arguments are required: %s" in shown
    with po_path("commands", language).open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    untranslated = sorted(m for m in shown if not (catalogue.get(m) and catalogue.get(m).string))
    assert untranslated == []
    with in_language(language):  # the compiled catalogue, as argparse reads it
        assert _("usage: ") != "usage: "
        assert ngettext("expected %s argument", "expected %s arguments", 2) != (
            "expected %s arguments"
        )
