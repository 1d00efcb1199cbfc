"""Files that are whole or absent, and the names of the files beside the data.

The atomic replace itself (temp file in the same folder, fsync, `os.replace`, fsync of the folder,
owner-only mode) is `audio.atomic`'s, the lowest layer that both the store and the audio engine may
import: one rule, one place.
"""

from __future__ import annotations

from pathlib import Path

from audio.atomic import FILE_MODE, atomic_write, fsync_folder, temp_files
from audio.atomic import write_all as _write_all

__all__ = ["FILE_MODE", "_write_all", "atomic_write", "fsync_folder", "journal_path", "temp_files"]


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")
