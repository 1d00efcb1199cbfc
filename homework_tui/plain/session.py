"""Opening the data for the plain mode, as the app does: an encrypted store asks its passphrase
(three tries), data open in another window opens read-only with one clear line."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from homework_tui.i18n import N_, _
from homework_tui.plain.io import LineIO
from homework_tui.store import DataLocked, Store, StoreError

PASSPHRASE_TRIES = 3

READ_ONLY_LINE = N_(
    "Your homework data is open in another homework-tui window, so this one is read-only: "
    "you can read everything here, and nothing you write is saved. Close the other window "
    "and start again to write."
)


@dataclass
class Session:
    """What every plain section works with."""

    io: LineIO
    store: Store

    @property
    def read_only(self) -> bool:
        return self.store.read_only


def open_store(io: LineIO, folder: Path, *, read_only: bool = False) -> Store:
    """The store, asking for the passphrase when the data is encrypted. StoreError (with its
    message for the person) when it cannot be opened."""
    from homework_tui.commands.common import ask_passphrase
    from homework_tui.store.crypto import PassphraseNeeded, WrongPassphrase

    passphrase: str | None = None
    tries = 0
    while True:
        try:
            return Store.open(folder, read_only=read_only, passphrase=passphrase)
        except DataLocked:
            if read_only:
                raise
            io.say(_(READ_ONLY_LINE))
            read_only = True
        except PassphraseNeeded:
            io.say(_("Your homework is protected with a passphrase."))
            passphrase = ask_passphrase()
        except WrongPassphrase as error:
            tries += 1
            if tries >= PASSPHRASE_TRIES:
                raise
            io.say(str(error))
            passphrase = ask_passphrase()


def start(io: LineIO, args: argparse.Namespace) -> Session | None:
    """Open the data (None, after saying why, when it cannot be opened)."""
    from homework_tui.commands.common import data_folder

    try:
        store = open_store(io, data_folder(args), read_only=bool(getattr(args, "read_only", False)))
    except StoreError as error:
        io.say(str(error))
        return None
    if not getattr(args, "language", None):
        speak_settings_language(store)
    if not store.read_only:
        store.back_up("start")  # before anything is written, as the app does
    return Session(io, store)


def speak_settings_language(store: Store) -> None:
    """Settings' language from now on, as the app does once the data is open (`--language`,
    when given, wins: the caller does not ask then). Unreadable settings change nothing."""
    from homework_tui.i18n import use_language
    from homework_tui.model.settings import Settings
    from homework_tui.store import Singleton

    try:
        settings = Singleton(store, "settings", Settings, Settings).load()
    except Exception:  # noqa: BLE001 - unreadable settings: the language already chosen
        return
    if settings.language:
        use_language(settings.language)
