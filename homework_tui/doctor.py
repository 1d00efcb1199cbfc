"""Checks behind `homework-tui doctor`: what works on this computer, and how to fix what doesn't.

Each check returns a `Finding`. Only a problem with the data makes the app unable to run; missing
speech or sound means sessions run silent with captions, which doctor says plainly.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from homework_tui.i18n import N_, _, decimal, ngettext

DATA = N_("Data")  # a topic: only its check failing means the app cannot run


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
    except Exception as error:  # noqa: BLE001 - any failure means no speech; sessions run with captions
        return Finding(
            _("Speech"),
            Level.WARN,
            _("no speech engine could start ({kind}: {error})").format(
                kind=type(error).__name__, error=error
            ),
            fix=_(
                "Reinstall with `scripts/run` (it brings espeak-ng through espeakng-loader), or "
                "`sudo apt-get install espeak-ng`. Until then sessions show captions instead."
            ),
        )
    if not voices:
        return Finding(
            _("Speech"),
            Level.WARN,
            _("the speech engine has no voices"),
            fix=_("`sudo apt-get install espeak-ng-data` adds voices."),
        )
    english = [v for v in voices if any(lang.startswith("en") for lang in v.languages)]
    return Finding(
        _("Speech"),
        Level.OK,
        ngettext(
            "espeak-ng via pyttsx3, {n} voice ({english} English)",
            "espeak-ng via pyttsx3, {n} voices ({english} English)",
            len(voices),
        ).format(n=len(voices), english=len(english)),
    )


def check_sound() -> Finding:
    try:
        with _quiet():
            import sounddevice

            devices = sounddevice.query_devices()
    except OSError as error:
        return Finding(
            _("Sound output"),
            Level.WARN,
            _("PortAudio is not available ({error})").format(error=error),
            fix=_(
                "`sudo apt-get install libportaudio2`. Until then sessions run silent, "
                "with captions and the visual pacer."
            ),
        )
    outputs = [d for d in devices if d.get("max_output_channels", 0) > 0]
    if not outputs:
        return Finding(
            _("Sound output"),
            Level.WARN,
            _("no sound output device found (no sound card, or none this user may use)"),
            fix=_(
                "Sessions run silent with captions and the visual pacer. On a computer with "
                "speakers, check that your user is in the `audio` group. Over SSH the sound plays "
                "on the remote computer: turn on the terminal bell in Settings instead."
            ),
        )
    names = ", ".join(str(d["name"]) for d in outputs[:3])
    found = _("{n} output device(s): {names}").format(n=len(outputs), names=names)
    return Finding(_("Sound output"), Level.OK, found)


def check_data(folder: Path) -> Finding:
    from homework_tui.paths import database_file
    from homework_tui.store import Store, StoreError
    from homework_tui.store.backups import damaged_files, find_backups, kept_damaged
    from homework_tui.store.crypto import PassphraseNeeded
    from homework_tui.store.lock import is_locked

    data_file = database_file(folder)
    details = [_("folder: {folder}").format(folder=folder)]
    if folder.exists() and not folder.is_dir():
        return Finding(
            _("Data"),
            Level.FAIL,
            _("{folder} is a file, not a folder").format(folder=folder),
            details,
            _("Choose a folder with --data-dir (or HOMEWORK_TUI_DATA_DIR)."),
        )
    damaged = damaged_files(folder) if folder.exists() else []
    details += [
        _("damaged file set aside {when}: {path}").format(when=item.when, path=item.path)
        for item in damaged
    ]
    kept = kept_damaged(folder) if folder.exists() else []
    if kept:
        details.append(
            _("kept aside: {n} damaged file(s) in {folder} (you chose to keep them)").format(
                n=len(kept), folder=kept[0].path.parent
            )
        )
    details.append(
        _backups_line(find_backups(folder)) if folder.exists() else _("backups: none yet")
    )
    unwritable = _write_problem(folder, data_file) if folder.exists() else None
    if unwritable:
        details.append(_("saving: fails here ({reason})").format(reason=unwritable))
    if not data_file.exists():
        if damaged:
            return _damaged_finding(damaged, details)
        parent_ok = os.access(folder.parent if folder.parent.exists() else Path.home(), os.W_OK)
        if unwritable or not (folder.exists() or parent_ok):
            return Finding(
                _("Data"),
                Level.FAIL,
                _("no data yet, and nothing can be saved there"),
                details,
                _("Make {folder} writable, or use --data-dir.").format(folder=folder),
            )
        return Finding(
            _("Data"), Level.OK, _("no data yet: it will be created when you first save"), details
        )
    size = data_file.stat().st_size
    journal = data_file.with_name(data_file.name + ".journal")
    if journal.exists():
        size += journal.stat().st_size
    details.insert(
        1,
        _("file: {file} ({size} KiB with its journal)").format(
            file=data_file, size=decimal(size / 1024, 0)
        ),
    )
    holder = is_locked(data_file)
    if holder:
        details.append(
            _("lock: held by {holder} (another window has it open)").format(holder=holder)
        )
    problems = _permission_problems(folder)
    encrypted = False
    try:
        with Store.open(folder, read_only=True) as store:
            counts = store.count()
            version = store.schema_version
    except PassphraseNeeded:
        encrypted = True
        details.append(_("encrypted: records are counted only once unlocked with your passphrase"))
    except StoreError as error:
        return Finding(
            _("Data"),
            Level.FAIL,
            str(error),
            details,
            _(
                "Start homework-tui: it sets the damaged file aside, untouched, and "
                "offers your backups to restore."
            ),
        )
    if not encrypted:
        details.append(
            _("records: {records} in {tables} tables; data version {version}").format(
                records=sum(counts.values()), tables=len(counts), version=version
            )
        )
    if unwritable:
        return Finding(
            _("Data"),
            Level.FAIL,
            _("readable, but nothing can be saved there: {reason}").format(reason=unwritable),
            details,
            _(
                "Make {folder} writable (and its disk not read-only), or choose another "
                "folder with --data-dir."
            ).format(folder=folder),
        )
    if damaged:
        return _damaged_finding(damaged, details)
    if problems:
        return Finding(
            _("Data"),
            Level.WARN,
            _("encrypted, but the folder is not private")
            if encrypted
            else _("readable, but others on this computer may read it"),
            details + problems,
            _(
                "Run `chmod 700 {folder}` and `chmod 600 {folder}/homework.json*` "
                "(homework-tui also fixes this when it next opens)."
            ).format(folder=folder),
        )
    details.append(_("permissions: private to you (folder 0700, files 0600)"))
    return Finding(
        _("Data"),
        Level.OK,
        _("encrypted and private") if encrypted else _("readable and private"),
        details,
    )


def _backups_line(backups: list[Any]) -> str:
    if not backups:
        return _("backups: none yet")
    newest = backups[0]
    return _("backups: {n}, the newest {when} ({why})").format(
        n=len(backups), when=newest.when, why=newest.why
    )


def _damaged_finding(damaged: list[Any], details: list[str]) -> Finding:
    names = ", ".join(item.path.name for item in damaged)
    return Finding(
        _("Data"),
        Level.WARN,
        _("a damaged data file was set aside and is not dealt with yet: {names}").format(
            names=names
        ),
        details,
        _(
            "Start homework-tui: it offers your backups to restore, or lets you keep the damaged "
            "file aside or delete it."
        ),
    )


def _write_problem(folder: Path, data_file: Path) -> str | None:
    """Why saving in `folder` would fail (a probe file is written, synced and removed), or None."""
    from homework_tui.store.errors import plain_reason

    probe = folder / f".doctor-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"probe")
            os.fsync(fd)
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError as error:
        return plain_reason(error)
    for path in (data_file, data_file.with_name(data_file.name + ".journal")):
        if path.exists() and not os.access(path, os.W_OK):
            return _("{name} cannot be written").format(name=path.name)
    return None


def _permission_problems(folder: Path) -> list[str]:
    found = []
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077:
        found.append(_("folder mode is {mode} (others can look in)").format(mode=f"{mode:o}"))
    for path in sorted(folder.glob("homework.json*")) + sorted((folder / "backups").glob("*")):
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            mode_text = f"{stat.S_IMODE(path.stat().st_mode):o}"
            found.append(_("{name} mode is {mode}").format(name=path.name, mode=mode_text))
    return found


def run_checks(folder: Path) -> list[Finding]:
    findings = []
    checks: tuple[tuple[str, Callable[[], Finding]], ...] = (
        (DATA, lambda: check_data(folder)),
        (N_("Speech"), check_speech),
        (N_("Sound output"), check_sound),
    )
    for topic, check in checks:
        try:
            findings.append(check())
        except Exception as error:  # noqa: BLE001 - doctor reports; it never crashes on what it examines
            level = Level.FAIL if topic == DATA else Level.WARN
            findings.append(
                Finding(
                    _(topic),
                    level,
                    _("the check itself failed: {error}").format(error=repr(error)),
                    fix=_("Please report this, with the line above."),
                )
            )
    return findings
