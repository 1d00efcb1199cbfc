"""Done when: with encryption on, words the person typed through the real app (Pilot, keys and
pastes) in several forms are found in no file of the data folder or the cache folder: not while
the app runs (journal lines, drafts kept at the auto-lock), not after it closes (the rewritten
snapshot), not in a backup. Searched as UTF-8 in any case, JSON-escaped, UTF-16 and base64. As a
control, the same words are in the data once decrypted with the passphrase."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.widgets import TextArea

from homework_tui.app import HomeworkApp
from homework_tui.store import Store, list_backups
from homework_tui.store.crypto import KdfParams
from tests.ui.helpers import SIZE, screen_text, wait_ready, wait_screen, wait_until
from tests.ui.test_help_now import add_person
from tests.ui.test_thought_records import type_text, write_scenario_record

pytestmark = pytest.mark.timeout(180)

GOOD = "correct horse battery"
SAVED_TITLE = "Zanzibarquest"
SAVED_TEXT = "Quetzalcoatl wept at the Ölberg café"
DRAFT_TEXT = "Xylophonic dread before the dentist"
CONTACT = ("Marguerite Lindqvist", "+44 7700 900123")
# Words from each of those, plus scenario 2's thought record (typed by `write_scenario_record`).
WORDS = [
    "Zanzibarquest",
    "Quetzalcoatl",
    "Ölberg",
    "Xylophonic",
    "dentist",
    "Marguerite",
    "Lindqvist",
    "7700 900123",
    "incompetent",
    "suggested a new process",
    "Paul looked",
    "verdict",
    "nice idea",
]


def forms_of(word: str) -> list[bytes]:
    """The ways a word could sit in a file: UTF-8 (any case), JSON-escaped, UTF-16, base64."""
    raw = word.encode()
    forms = [raw.lower(), json.dumps(word).encode()[1:-1].lower()]
    forms += [word.encode("utf-16-le"), word.encode("utf-16-be")]
    for shift in range(3):  # base64 of the word at each alignment inside a longer stream:
        encoded = base64.b64encode(b"\0" * shift + raw + b"\0" * 3)
        start, end = -(-8 * shift // 6), 8 * (shift + len(raw)) // 6  # the characters made
        forms.append(encoded[start:end])  # of the word's bits alone
    return forms


def leaks(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            lower = data.lower()
            for word in WORDS:
                for form in forms_of(word):
                    if form in (lower if form.islower() else data):
                        found.append(f"{word!r} in {path.relative_to(folder)}")
                        break
    return found


async def test_nothing_typed_is_readable_anywhere_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(cache))
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    with Store.open(data) as store:
        store.set_passphrase(GOOD, KdfParams(salt=b"s" * 16, n=2**10))
    app = HomeworkApp(data)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_screen(pilot, "PassphraseDialog")
            await type_text(pilot, GOOD)
            await pilot.press("enter")
            await wait_ready(pilot)

            await pilot.press("t")  # a thought record, saved
            await wait_screen(pilot, "ThoughtRecordsScreen")
            await write_scenario_record(pilot)
            await pilot.press("ctrl+s")
            await wait_screen(pilot, "ThoughtRecordsScreen")
            await pilot.press("escape")

            await pilot.press("f2")  # a crisis contact
            await wait_screen(pilot, "HelpNowScreen")
            await add_person(pilot, *CONTACT)
            await pilot.press("escape")

            await pilot.press("j")  # a journal entry, saved
            await wait_screen(pilot, "JournalScreen")
            await pilot.press("n")
            await wait_screen(pilot, "JournalEntryForm")
            await type_text(pilot, SAVED_TITLE)
            await pilot.press("tab")
            await type_text(pilot, SAVED_TEXT)
            await pilot.press("ctrl+s")
            await wait_screen(pilot, "JournalScreen")
            await pilot.press("n")  # and one left open as a draft
            await wait_screen(pilot, "JournalEntryForm")
            await pilot.press("tab")
            await type_text(pilot, DRAFT_TEXT)
            assert isinstance(app.focused, TextArea)

            app.idle_lock.lock_now()  # the auto-lock keeps the open draft first
            await wait_until(pilot, lambda: "draft is saved" in screen_text(app))
            assert leaks(data, cache) == []  # while running: journal lines, the draft

            app.focused.insert_text_at_cursor(GOOD)  # type: ignore[union-attr]
            await pilot.press("enter")
            await wait_screen(pilot, "JournalEntryForm")
    finally:
        app.close_store()  # as at quit: the snapshot is rewritten with everything

    with Store.open(data, passphrase=GOOD) as store:
        store.backup_if_due(date.today() + timedelta(days=1))  # today's data in a backup too
        plain = json.dumps(store.storage.read(), ensure_ascii=False)
    assert len(list_backups(data)) >= 1
    missing = [w for w in WORDS if w.lower() not in plain.lower()]
    assert missing == [], f"the test did not type {missing}"  # the control
    assert leaks(data, cache) == []


@pytest.mark.parametrize(
    "content",
    [
        "QUETZALCOATL".encode(),
        json.dumps({"t": "at the Ölberg café"}).encode(),  # \u00d6lberg
        "x Marguerite y".encode("utf-16-le"),
        base64.b64encode(b"ab" + "Xylophonic dread".encode() + b"cd"),
        base64.b64encode(b"a" + "Lindqvist".encode()),
    ],
    ids=["upper-case", "json-escaped", "utf-16", "base64-shifted", "base64-at-end"],
)
def test_the_search_finds_a_word_in_each_form(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "file").write_bytes(b"noise " + content + b" noise")
    assert leaks(tmp_path), content
