"""`homework-tui encrypt` and `homework-tui decrypt`: passphrase protection for the data at rest."""

from __future__ import annotations

import argparse
import sys

from homework_tui.commands.common import ask_passphrase, fail, opened_store

MIN_LENGTH = 8
WARNING = (
    "Your data will be encrypted with this passphrase. There is no way to recover it if the "
    "passphrase is lost: not for you, not for anyone. Write it down somewhere safe."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    encrypt = sub.add_parser(
        "encrypt",
        help="protect your data with a passphrase (or change the passphrase)",
        description="Encrypt your data, its journal and its backups with a passphrase. "
        "Run it again to change the passphrase.",
    )
    encrypt.set_defaults(run=run_encrypt)
    decrypt = sub.add_parser(
        "decrypt", help="remove the passphrase: store your data unencrypted again"
    )
    decrypt.set_defaults(run=run_decrypt)


def _new_passphrase() -> str | None:
    first = ask_passphrase("New passphrase: ")
    if len(first) < MIN_LENGTH:
        fail(f"please choose a passphrase of at least {MIN_LENGTH} characters; nothing changed")
        return None
    if ask_passphrase("The same again: ") != first:
        fail("the two passphrases differ; nothing changed")
        return None
    return first


def _report(skipped: list) -> None:  # type: ignore[type-arg]
    for path in skipped:
        print(
            f"Note: {path} could not be converted (it was damaged earlier); it is unchanged. "
            "Delete it when you no longer need it.",
            file=sys.stderr,
        )


def _refuse_read_only(args: argparse.Namespace) -> int | None:
    if getattr(args, "read_only", False):
        return fail(
            "--read-only changes nothing, so it cannot encrypt or decrypt your data; "
            "run the command without it"
        )
    return None


def run_encrypt(args: argparse.Namespace) -> int:
    from homework_tui.store import StoreError

    refused = _refuse_read_only(args)
    if refused is not None:
        return refused
    try:
        with opened_store(args) as store:
            changing = store.encrypted
            if not changing:
                print(WARNING, file=sys.stderr)
            passphrase = _new_passphrase()
            if passphrase is None:
                return 1
            skipped = store.set_passphrase(passphrase)
    except StoreError as error:
        return fail(str(error))
    except EOFError:
        return fail("no passphrase given; nothing changed")
    _report(skipped)
    print("Passphrase changed." if changing else "Your data is now encrypted.")
    return 0


def run_decrypt(args: argparse.Namespace) -> int:
    from homework_tui.store import StoreError

    refused = _refuse_read_only(args)
    if refused is not None:
        return refused
    try:
        with opened_store(args) as store:
            if not store.encrypted:
                print("Your data is not encrypted; nothing to do.")
                return 0
            skipped = store.set_passphrase(None)
    except StoreError as error:
        return fail(str(error))
    except EOFError:
        return fail("no passphrase given; nothing changed")
    _report(skipped)
    print("Your data is stored unencrypted again.")
    return 0
