"""No string left behind: every user-facing string in homework_tui/ is marked for translation,
every catalogue has every marked message translated (none missing, none stale, fields and markup
kept), every .mo is compiled from its .po, and the wheel ships them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from scripts.i18n_tool.parts import LANGUAGES, PACKAGE, PARTS, files
from scripts.i18n_tool.unmarked import unmarked_in

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_is_in_exactly_one_part() -> None:
    modules = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    owners = {m: [part for part in PARTS if m in files(part)] for m in modules}
    assert {str(m): o for m, o in owners.items() if len(o) != 1} == {}


def test_catalogues_are_complete_and_the_code_is_marked() -> None:
    """`scripts/i18n check`: unmarked strings, missing/stale/untranslated messages, {fields} or
    [markup] a translation lost, and .mo files older than their .po."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.i18n_tool", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stdout == "" and done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ('label = Label("Your thought records")', ["Your thought records"]),
        ('Button("Save", id="save")', ["Save"]),
        ('self.notify(f"Saved {title}.")', ["Saved {…}."]),
        ('label = Label(_("Your thought records"))', []),
        ('TITLE = N_("Thought records")', []),
        ('widget.add_class("-hidden form-row")', []),
        ('query_one("#form Input")', []),
        ('if kind == "thought record": pass', []),
        ('raise TypeError("not a ladder at all")', []),
        ('log.info("store opened at path")', []),
        ('FORMAT = "csv with a header"  # i18n: not shown', []),
        ('def f():\n    """A docstring with words."""', []),
        ('DEFAULT_CSS = "Screen { align: center middle; }"', []),
        ('values = {"first key": 1}', []),
    ],
)
def test_the_checker_finds_unmarked_strings(
    tmp_path: Path, source: str, flagged: list[str]
) -> None:
    path = tmp_path / "sample.py"
    path.write_text(textwrap.dedent(source) + "\n", encoding="utf-8")
    assert [u.text for u in unmarked_in(path)] == flagged


def test_the_wheel_ships_every_compiled_catalogue(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("homework_tui", "audio"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("homework_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        f"homework_tui/locale/{lang}/LC_MESSAGES/{part}.mo" for lang in LANGUAGES for part in PARTS
    }
    assert wanted - names == set()
