"""A form's typed text as a plain UTF-8 file, field by field: for writing that cannot go into the
homework data (a read-only window) and that the person saves to a file of their choosing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from homework_tui.i18n import N_, _
from homework_tui.report.local import shown

KIND_WORDS: dict[str, str] = {
    "thought_record": N_("thought record"),
    "journal": N_("journal entry"),
    "experiment": N_("behavioural experiment"),
    "exposure": N_("exposure log"),
    "safety_plan": N_("safety plan"),
    "session_bridge": N_("notes for your next session"),
}


def field_name(key: str) -> str:
    """A form's field key in words: "evidence-for" → "Evidence for"."""
    words = key.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else key


def draft_text(kind: str, fields: dict[str, str], written_at: datetime) -> str:
    """The non-empty fields of a form, each as its name on one line and its text below."""
    what = _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind.replace("_", " ")
    lines = [
        _("homework-tui: {what}, saved to this file at {at}").format(
            what=what, at=f"{written_at:%Y-%m-%d %H:%M}"
        ),
        _("(not in your homework data: add it there once your data can be saved)"),
        "",
    ]
    for key, value in fields.items():
        if value.strip():
            lines += [_("{label}:").format(label=shown(field_name(key))), value.rstrip("\n"), ""]
    return "\n".join(lines)


def default_path(kind: str, at: datetime, home: Path | None = None) -> Path:
    """Where to suggest saving: the home folder, named by the kind and the time."""
    name = f"homework-tui-{kind.replace('_', '-')}-{at:%Y-%m-%d-%H%M%S}.txt"
    return (home or Path.home()) / name
