"""`homework-tui encrypt` and `homework-tui decrypt`: passphrase protection for the data at rest."""

from __future__ import annotations

import argparse
import sys

from homework_tui.commands.common import ask_passphrase, fail, opened_store
from homework_tui.i18n import N_, _, ngettext

MIN_LENGTH = 8
WARNING = N_(
    "Your data will be encrypted with this passphrase. There is no way to recover it if the "
    "passphrase is lost: not for you, not for anyone. Write it down somewhere safe."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    encrypt = sub.add_parser(
        "encrypt",
        help=_("protect your data with a passphrase (or change the passphrase)"),
        description=_(
            "Encrypt your data, its journal and its backups with a passphrase. "
            "Run it again to change the passphrase."
        ),
    )
    encrypt.set_defaults(run=run_encrypt)
    decrypt = sub.add_parser(
        "decrypt", help=_("remove the passphrase: store your data unencrypted again")
    )
    decrypt.set_defaults(run=run_decrypt)


def _new_passphrase() -> str | None:
    first = ask_passphrase(_("New passphrase: "))
    if len(first) < MIN_LENGTH:
        fail(
            ngettext(
                "please choose a passphrase of at least {n} character; nothing changed",
                "please choose a passphrase of at least {n} characters; nothing changed",
                MIN_LENGTH,
            ).format(n=MIN_LENGTH)
        )
        return None
    if ask_passphrase(_("The same again: ")) != first:
        fail(_("the two passphrases differ; nothing changed"))
        return None
    return first


def _report(skipped: list) -> None:  # type: ignore[type-arg]
    for path in skipped:
        print(
            _(
                "Note: {path} could not be converted (it was damaged earlier); it is unchanged. "
                "Delete it when you no longer need it."
            ).format(path=path),
            file=sys.stderr,
        )


def _refuse_read_only(args: argparse.Namespace) -> int | None:
    if getattr(args, "read_only", False):
        return fail(
            _(
                "--read-only changes nothing, so it cannot encrypt or decrypt your data; "
                "run the command without it"
            )
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
                print(_(WARNING), file=sys.stderr)
            passphrase = _new_passphrase()
            if passphrase is None:
                return 1
            skipped = store.set_passphrase(passphrase)
    except StoreError as error:
        return fail(str(error))
    except EOFError:
        return fail(_("no passphrase given; nothing changed"))
    _report(skipped)
    print(_("Passphrase changed.") if changing else _("Your data is now encrypted."))
    return 0


def run_decrypt(args: argparse.Namespace) -> int:
    from homework_tui.store import StoreError

    refused = _refuse_read_only(args)
    if refused is not None:
        return refused
    try:
        with opened_store(args) as store:
            if not store.encrypted:
                print(_("Your data is not encrypted; nothing to do."))
                return 0
            skipped = store.set_passphrase(None)
    except StoreError as error:
        return fail(str(error))
    except EOFError:
        return fail(_("no passphrase given; nothing changed"))
    _report(skipped)
    print(_("Your data is stored unencrypted again."))
    return 0
