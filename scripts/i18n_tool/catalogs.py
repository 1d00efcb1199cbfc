"""Extract, update, compile and check the catalogues with Babel's own machinery."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from scripts.i18n_tool.parts import LANGUAGES, PACKAGE, ROOT, files, po_path, pot_path

KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("Translators:",)
_FIELD = re.compile(r"\{[^{}]*\}")
_MARKUP = re.compile(r"\[/?[a-z@$][^\[\]]*\]")


def template(part: str) -> Catalog:
    """The part's messages as the code marks them now."""
    catalog = Catalog(project="homework-tui", msgid_bugs_address="", fuzzy=False)
    for path in files(part):
        for lineno, message, comments, context in extract_from_file(
            "python",
            str(path),
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            location = (str(path.relative_to(ROOT)), lineno)
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def write_template(part: str) -> Path:
    out = pot_path(part)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        write_po(handle, template(part), omit_header=False, sort_by_file=True, width=100)
    return out


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def update(part: str, language: str) -> Path:
    """The language's catalogue brought up to the template: new messages added untranslated,
    messages the code no longer has dropped."""
    path = po_path(part, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = (
        read(path, language)
        if path.exists()
        else Catalog(locale=language, project="homework-tui", fuzzy=False)
    )
    catalog.update(template(part), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    with path.open("wb") as handle:
        write_po(handle, catalog, ignore_obsolete=True, sort_by_file=True, width=100)
    return path


def compiled(path: Path, language: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read(path, language), use_fuzzy=False)
    return buffer.getvalue()


def compile_part(part: str, language: str) -> Path:
    po = po_path(part, language)
    mo = po.with_suffix(".mo")
    mo.write_bytes(compiled(po, language))
    return mo


def _key(message: Message) -> tuple[str | None, str]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, msgid


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def problems(part: str, language: str) -> Iterator[str]:
    """What is wrong with one language's catalogue for one part."""
    path = po_path(part, language)
    if not path.exists():
        yield f"{path.relative_to(ROOT)}: missing (run scripts/i18n update --part {part})"
        return
    where = path.relative_to(ROOT)
    wanted = {_key(m): m for m in template(part) if m.id}
    have = {_key(m): m for m in read(path, language) if m.id}
    for key in wanted.keys() - have.keys():
        yield f"{where}: missing message {key[1]!r}"
    for key in have.keys() - wanted.keys():
        yield f"{where}: stale message {key[1]!r} (the code no longer has it)"
    for key in wanted.keys() & have.keys():
        message = have[key]
        strings = _strings(message.string)
        if message.fuzzy or not strings or not all(s.strip() for s in strings):
            yield f"{where}: untranslated {key[1]!r}"
            continue
        if isinstance(wanted[key].id, tuple) != isinstance(message.id, tuple):
            yield f"{where}: {key[1]!r} is plural in one place and not the other"
            continue
        source = " ".join(_strings(message.id))
        for s in strings:
            if sorted(set(_FIELD.findall(s))) != sorted(set(_FIELD.findall(source))):
                yield f"{where}: {{fields}} differ in {key[1]!r} → {s!r}"
            if sorted(_MARKUP.findall(s)) != sorted(_MARKUP.findall(_strings(message.id)[0])):
                yield f"{where}: [markup] differs in {key[1]!r} → {s!r}"
    mo = path.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(path, language):
        yield f"{mo.relative_to(ROOT)}: not compiled from the .po (run scripts/i18n compile)"


# When two parts translate one message differently, the screens' choice wins (their words are
# chosen to fit 80 columns), then the shared layers', then the command line's and plain mode's.
PRIORITY = ("ui_core", "ui_practice", "ui_care", "app", "model", "model_kinds", "commands", "plain")


def _translations(language: str) -> dict[tuple[str | None, str], dict[str, object]]:
    """Each message of every part's catalogue in `language`, with each part's translation."""
    found: dict[tuple[str | None, str], dict[str, object]] = {}
    for part in PRIORITY:
        path = po_path(part, language)
        if path.exists():
            for message in read(path, language):
                if message.id and _strings(message.string) and all(_strings(message.string)):
                    found.setdefault(_key(message), {})[part] = message.string
    return found


def inconsistent(language: str) -> Iterator[str]:
    """One message translated two ways in two parts: the app would show only one of them."""
    for key, by_part in _translations(language).items():
        if len({str(v) for v in by_part.values()}) > 1:
            shown = " / ".join(f"{part}: {value!r}" for part, value in by_part.items())
            yield f"{language}: {key[1]!r} is translated differently in two parts ({shown})"


def make_consistent(language: str) -> int:
    """Every part's translation of a shared message made the one the highest-priority part
    gives; returns how many entries changed. The .mo files are compiled again."""
    chosen = {
        key: next(by_part[p] for p in PRIORITY if p in by_part)
        for key, by_part in _translations(language).items()
    }
    changed = 0
    for part in PRIORITY:
        path = po_path(part, language)
        if not path.exists():
            continue
        catalog = read(path, language)
        for message in catalog:
            want = chosen.get(_key(message)) if message.id else None
            if want is not None and message.string != want:
                message.string = want
                changed += 1
        with path.open("wb") as handle:
            write_po(handle, catalog, ignore_obsolete=True, sort_by_file=True, width=100)
        compile_part(part, language)
    return changed


def all_languages() -> tuple[str, ...]:
    return LANGUAGES


__all__ = ["PACKAGE"]
