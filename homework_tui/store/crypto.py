"""Encryption at rest: a key from the passphrase (scrypt, memory-hard, random salt) and AES-256-GCM
(authenticated: a wrong key or a changed byte is detected, never decrypted into garbage).

A sealed file starts with `MAGIC`, then one JSON line of public parameters (the KDF's salt and cost,
and a `check` blob that tells a wrong passphrase apart from a damaged file), then the nonce and the
ciphertext. Journal lines are sealed one by one with the same key, each bound to its journal's
generation and its place in it (`line_label`).
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any

import orjson

from homework_tui.i18n import _
from homework_tui.store.errors import StoreError

MAGIC = b"HOMEWORK-TUI-SEALED-1\n"
NONCE_BYTES = 12
CHECK_TEXT = b"homework-tui passphrase check"
# scrypt cost: 2**16 * 8 * 128 bytes = 64 MiB of memory, about a quarter second here.
DEFAULT_N, DEFAULT_R, DEFAULT_P = 2**16, 8, 1


class PassphraseNeeded(StoreError):
    """The data is encrypted and no passphrase was given."""

    def __init__(self, params: KdfParams) -> None:
        super().__init__(_("Your data is encrypted. Please enter your passphrase."))
        self.params = params


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "That passphrase does not open your data. Nothing was changed. "
                "Check Caps Lock and try again."
            )
        )


class Damaged(Exception):
    """Authenticated decryption failed with the right key: the bytes were changed."""


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    n: int = DEFAULT_N
    r: int = DEFAULT_R
    p: int = DEFAULT_P

    @classmethod
    def new(cls) -> KdfParams:
        return cls(salt=os.urandom(16))

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "scrypt",
            "salt": base64.b64encode(self.salt).decode(),
            "n": self.n,
            "r": self.r,
            "p": self.p,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("kdf") != "scrypt":
            raise ValueError("unknown key derivation")  # i18n: not shown
        return cls(base64.b64decode(data["salt"]), int(data["n"]), int(data["r"]), int(data["p"]))


class Sealer:
    """Seals and opens bytes with the key derived from a passphrase."""

    def __init__(self, key: bytes, params: KdfParams) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)
        self.params = params
        self._check = self.seal(CHECK_TEXT, b"check")

    @classmethod
    def from_passphrase(cls, passphrase: str, params: KdfParams | None = None) -> Sealer:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        params = params or KdfParams.new()
        key = Scrypt(salt=params.salt, length=32, n=params.n, r=params.r, p=params.p).derive(
            passphrase.encode("utf-8")
        )
        return cls(key, params)

    def accepts(self, passphrase: str) -> bool:
        """Whether `passphrase` gives this key (derives it: as slow as unlocking, on purpose)."""
        try:
            Sealer.from_passphrase(passphrase, self.params).open(self._check, b"check")
        except Damaged:
            return False
        return True

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
        except (InvalidTag, ValueError):
            raise Damaged() from None

    # -- whole files ---------------------------------------------------------------------

    def seal_file(self, plaintext: bytes) -> bytes:
        header = {**self.params.to_json(), "check": base64.b64encode(self._check).decode()}
        return MAGIC + orjson.dumps(header) + b"\n" + self.seal(plaintext, b"file")

    def open_file(self, raw: bytes) -> bytes:
        header, body = split_sealed(raw)
        try:
            self.open(base64.b64decode(header["check"]), b"check")
        except (Damaged, KeyError, ValueError):
            raise WrongPassphrase() from None
        return self.open(body, b"file")

    # -- journal lines -------------------------------------------------------------------

    def seal_line(self, payload: bytes, label: bytes) -> bytes:
        """A journal line's body; `label` is `line_label(...)` (LEGACY_LINE_LABEL only to
        append to a journal written before journal format 2)."""
        return b"~" + base64.b64encode(self.seal(payload, label))

    def open_line(self, body: bytes, label: bytes) -> bytes:
        return self.open(base64.b64decode(body[1:]), label)


# Journal lines sealed before JOURNAL_SEAL_FORMAT all carried this one label, so they could be
# moved, dropped or replayed unnoticed. Such journals are still read, and replaced by a format-2
# journal at the next write (see storage.JournaledStorage.commit_batch).
LEGACY_LINE_LABEL = b"line"
# The journal header's "seal" field: lines are sealed with `line_label`.
JOURNAL_SEAL_FORMAT = 2


def line_label(generation: int, number: int) -> bytes:
    """What a format-2 journal line's seal authenticates besides its payload: the journal's
    generation and the line's number in it (the header is line 0). A line moved, dropped (not the
    last), replayed from elsewhere in the journal or from an older one, or a header whose
    generation was changed, no longer opens. The table and record ids are inside the sealed
    payload, so they are authenticated with it."""
    return b"homework-tui journal line, format 2, generation %d, line %d" % (generation, number)


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def split_sealed(raw: bytes) -> tuple[dict[str, Any], bytes]:
    """The public header and the sealed body of a sealed file."""
    rest = raw[len(MAGIC) :]
    line, _unused, body = rest.partition(b"\n")
    header = orjson.loads(line)
    if not isinstance(header, dict):
        raise ValueError("bad header")  # i18n: not shown
    return header, body


def params_of(raw: bytes) -> KdfParams:
    return KdfParams.from_json(split_sealed(raw)[0])


def unlock(raw: bytes, passphrase: str) -> Sealer:
    """The sealer for a sealed file's passphrase; WrongPassphrase if it does not fit."""
    header, _unused = split_sealed(raw)
    sealer = Sealer.from_passphrase(passphrase, KdfParams.from_json(header))
    try:
        sealer.open(base64.b64decode(header["check"]), b"check")
    except (Damaged, KeyError, ValueError):
        raise WrongPassphrase() from None
    return sealer
