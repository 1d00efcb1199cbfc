"""Checks behind `homework-tui doctor`: what works on this computer, and how to fix what doesn't.

Each check returns a `Finding`. Only a problem with the data makes the app unable to run; missing
speech or sound means sessions run silent with captions, which doctor says plainly.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Level(Enum):
    OK = "ok"
    WARN = "warn"  # the app runs, something is missing
    FAIL = "fail"  # the app cannot run until fixed


@dataclass(frozen=True)
class Finding:
    topic: str
    level: Level
    summary: str
    details: list[str] = field(default_factory=list)
    fix: str = ""


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep what C libraries print (ALSA, JACK, espeak) off the person's terminal."""
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def check_speech() -> Finding:
    try:
        with _quiet():
            from audio.voice import list_voices

            voices = list_voices()
    except Exception as error:  # any failure here means: no speech, sessions run with captions
        return Finding(
            "Speech",
            Level.WARN,
            f"no speech engine could start ({type(error).__name__}: {error})",
            fix="Reinstall with `scripts/run` (it brings espeak-ng through espeakng-loader), or "
            "`sudo apt-get install espeak-ng`. Until then sessions show captions instead.",
        )
    if not voices:
        return Finding("Speech", Level.WARN, "the speech engine has no voices",
                       fix="`sudo apt-get install espeak-ng-data` adds voices.")
    english = [v for v in voices if any(lang.startswith("en") for lang in v.languages)]
    return Finding(
        "Speech",
        Level.OK,
        f"espeak-ng via pyttsx3, {len(voices)} voices ({len(english)} English)",
    )


def check_sound() -> Finding:
    try:
        with _quiet():
            import sounddevice

            devices = sounddevice.query_devices()
    except OSError as error:
        return Finding(
            "Sound output",
            Level.WARN,
            f"PortAudio is not available ({error})",
            fix="`sudo apt-get install libportaudio2`. Until then sessions run silent, "
            "with captions and the visual pacer.",
        )
    outputs = [d for d in devices if d.get("max_output_channels", 0) > 0]
    if not outputs:
        return Finding(
            "Sound output",
            Level.WARN,
            "no sound output device found (no sound card, or none this user may use)",
            fix="Sessions run silent with captions and the visual pacer. On a computer with "
            "speakers, check that your user is in the `audio` group. Over SSH the sound plays "
            "on the remote computer: turn on the terminal bell in Settings instead.",
        )
    names = ", ".join(str(d["name"]) for d in outputs[:3])
    return Finding("Sound output", Level.OK, f"{len(outputs)} output device(s): {names}")


def check_data(folder: Path) -> Finding:
    from homework_tui.paths import database_file
    from homework_tui.store import Store, StoreError
    from homework_tui.store.crypto import PassphraseNeeded
    from homework_tui.store.lock import is_locked

    data_file = database_file(folder)
    details = [f"folder: {folder}"]
    if folder.exists() and not folder.is_dir():
        return Finding("Data", Level.FAIL, f"{folder} is a file, not a folder", details,
                       "Choose a folder with --data-dir (or HOMEWORK_TUI_DATA_DIR).")
    if not data_file.exists():
        parent_ok = folder.exists() or os.access(folder.parent if folder.parent.exists() else
                                                  Path.home(), os.W_OK)
        level = Level.OK if parent_ok else Level.FAIL
        return Finding("Data", level, "no data yet: it will be created when you first save",
                       details, "" if parent_ok else f"Make {folder} writable, or use --data-dir.")
    size = data_file.stat().st_size
    journal = data_file.with_name(data_file.name + ".journal")
    if journal.exists():
        size += journal.stat().st_size
    details.append(f"file: {data_file} ({size / 1024:.0f} KiB with its journal)")
    holder = is_locked(data_file)
    if holder:
        details.append(f"lock: held by {holder} (another window has it open)")
    problems = _permission_problems(folder)
    try:
        with Store.open(folder, read_only=True) as store:
            counts = store.count()
            version = store.schema_version
    except PassphraseNeeded:
        details.append("encrypted: records are counted only once unlocked with your passphrase")
        if problems:
            return Finding("Data", Level.WARN, "encrypted, but the folder is not private",
                           details + problems, f"Run `chmod 700 {folder}`.")
        return Finding("Data", Level.OK, "encrypted and private", details)
    except StoreError as error:
        return Finding("Data", Level.FAIL, str(error), details,
                       "Run `homework-tui` to move a damaged file aside and restore a backup.")
    details.append(f"records: {sum(counts.values())} in {len(counts)} tables; "
                   f"data version {version}")
    if problems:
        return Finding("Data", Level.WARN, "readable, but others on this computer may read it",
                       details + problems, f"Run `chmod 700 {folder}` and "
                       f"`chmod 600 {folder}/homework.json*` (homework-tui also fixes this "
                       "when it next opens).")
    details.append("permissions: private to you (folder 0700, files 0600)")
    return Finding("Data", Level.OK, "readable and private", details)


def _permission_problems(folder: Path) -> list[str]:
    found = []
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077:
        found.append(f"folder mode is {mode:o} (others can look in)")
    for path in sorted(folder.glob("homework.json*")) + sorted((folder / "backups").glob("*")):
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            found.append(f"{path.name} mode is {stat.S_IMODE(path.stat().st_mode):o}")
    return found


def run_checks(folder: Path) -> list[Finding]:
    findings = []
    for topic, check in (("Data", lambda: check_data(folder)), ("Speech", check_speech),
                         ("Sound output", check_sound)):
        try:
            findings.append(check())
        except Exception as error:  # doctor reports; it never crashes on what it examines
            level = Level.FAIL if topic == "Data" else Level.WARN
            findings.append(Finding(topic, level, f"the check itself failed: {error!r}",
                                    fix="Please report this, with the line above."))
    return findings
