"""A script as data (audio.script_model) stands alone: it imports nothing of audio, so planning
(audio.script_plan, which uses it) and the model never import each other (issue 18, point 3)."""

from __future__ import annotations

import ast
from pathlib import Path

import audio.script_model

SOURCE = Path(audio.script_model.__file__)


def test_the_script_model_imports_nothing_of_audio_not_even_for_types() -> None:
    imported: list[str] = []
    for node in ast.walk(ast.parse(SOURCE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
        elif isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
    assert [name for name in imported if name.split(".")[0] == "audio"] == []
