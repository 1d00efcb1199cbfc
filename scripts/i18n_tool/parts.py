"""The code's parts, each with its own catalogue (homework_tui/locale/xx/LC_MESSAGES/PART.po), so
parts can be translated side by side. The app loads every part's .mo for a language."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "homework_tui"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("es", "de", "fr", "pt", "it")

# Part → folders (all .py below) or files, relative to homework_tui/. Every .py is in one part.
PARTS: dict[str, tuple[str, ...]] = {
    "app": ("*.py", "services", "store", "i18n"),
    "commands": ("commands", "cli.py"),
    "model": ("model/*.py",),
    "model_kinds": (
        "model/activation",
        "model/diaries",
        "model/exposure",
        "model/measures",
        "model/reminders",
    ),
    "plain": ("plain", "report"),
    "ui_core": (
        "ui/*.py",
        "ui/language",
        "ui/thoughts",
        "ui/today",
        "ui/journal",
        "ui/experiments",
        "ui/insights",
        "ui/widgets",
    ),
    "ui_practice": ("ui/exposure", "ui/relax", "ui/activation", "ui/diaries", "ui/measures"),
    "ui_care": ("ui/help_now", "ui/privacy", "ui/plan", "ui/settings", "ui/startup", "ui/export"),
}


def _named_files(part: str) -> set[Path]:
    """Files a part names one by one (they leave any other part's "*.py")."""
    return {PACKAGE / spec for spec in PARTS[part] if spec.endswith(".py") and "*" not in spec}


def files(part: str) -> list[Path]:
    """The part's Python files, sorted."""
    found: set[Path] = set()
    named_elsewhere = set().union(*(_named_files(p) for p in PARTS if p != part))
    for spec in PARTS[part]:
        if spec.endswith(".py"):
            found.update(p for p in PACKAGE.glob(spec) if p not in named_elsewhere)
        else:
            found.update(p for p in (PACKAGE / spec).rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(found)


def part_of(path: Path) -> str | None:
    """The part a file belongs to."""
    for part in PARTS:
        if path.resolve() in files(part):
            return part
    return None


def po_path(part: str, language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{part}.po"


def pot_path(part: str) -> Path:
    return LOCALE / f"{part}.pot"
