"""The muscle relaxation sessions are named in one place, audio/pmr_sessions.py (issue 18, point
3): no other module of the app or the engine spells a session's key as a string of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import audio
import homework_tui
from audio.pmr_sessions import KEYS, SESSIONS
from homework_tui.model import pmr_stages

SOURCE = Path(audio.__file__).parent / "pmr_sessions.py"
# The keys that are not also ordinary words the engine uses ("release" is a phase, "cue" a tone).
DISTINCT = {"pmr16", "pmr7", "pmr4", "differential", "rapid", "application"}


def _modules() -> list[Path]:
    roots = (Path(audio.__file__).parent, Path(homework_tui.__file__).parent)
    return [path for root in roots for path in root.rglob("*.py") if path != SOURCE]


def test_no_module_but_the_one_source_spells_a_session_key() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in DISTINCT:
                found.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert found == []


def test_the_app_model_and_the_engine_share_the_one_table() -> None:
    from audio.pmr import DEFAULT_MINUTES, GROUPS, PMR_SESSIONS
    from audio.script_file import ORDER
    from audio.script_plan import PMR_NAMES

    assert DISTINCT <= set(KEYS)
    assert pmr_stages.STAGES is SESSIONS and pmr_stages.KEYS is KEYS
    assert PMR_SESSIONS == KEYS and list(DEFAULT_MINUTES) == list(KEYS)
    assert set(GROUPS) == {"pmr16", "pmr7", "pmr4", "release"}
    assert PMR_NAMES == ("pmr16", "pmr7", "pmr4", "release", "cue")
    assert tuple(name for name in ORDER if name in KEYS) == KEYS
