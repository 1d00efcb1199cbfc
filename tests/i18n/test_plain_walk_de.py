"""A walk through the plain mode in German, through the real console script in a pty: the menus,
prompts and messages from the catalogue, chosen by the German words ("tagebuch", "neuer"), German
"hilfe" and "zurück" answered, a journal entry saved, and nothing longer than 80 columns."""

from __future__ import annotations

from pathlib import Path

from homework_tui.model.journal import JournalEntry
from homework_tui.store.activities import JOURNAL_TABLE
from tests.plain.conftest import saved
from tests.plain.driver import Plain


def test_a_journal_entry_in_german(tmp_path: Path) -> None:
    plain = Plain(tmp_path, "--language", "de", "--plain", echo=True)  # as a person sees it
    plain.expect("einfacher Modus")
    plain.answer("Wähle eine Nummer oder einen Namen:", "hilfe")
    plain.expect("Die Bereiche: Hilfe jetzt")
    plain.answer("Wähle eine Nummer oder einen Namen:", "tagebuch")
    plain.expect("Tagebuch")
    plain.answer("Wähle eine Nummer oder einen Namen:", "neu")
    plain.answer("Titel (optional, Enter überspringt):", "Ein ruhiger Abend")
    plain.expect("Dein Text (beende mit einer Zeile, die nur einen Punkt enthält):")
    for typed in ("Ich bin am Fluss spazieren gegangen.", "."):
        plain.line(typed)
    plain.answer("Stimmung, 0 bis 10 (optional, Enter überspringt):", "7")
    plain.answer("Schlagwörter, durch Kommas getrennt (optional, Enter überspringt):", "")
    plain.expect("Dein Tagebucheintrag ist gespeichert.")
    plain.expect("Stimmung: 7 von 10")
    plain.answer("Wähle eine Nummer oder einen Namen:", "zurück")
    plain.expect("Hauptmenü")
    plain.answer("Wähle eine Nummer oder einen Namen:", "zurück")
    plain.expect("Auf Wiedersehen.")
    assert plain.finish() == 0
    [entry] = saved(tmp_path, JOURNAL_TABLE, JournalEntry)
    assert (entry.title, entry.mood) == ("Ein ruhiger Abend", 7)
    text = plain.text()
    assert "Main menu" not in text and "Choose a number" not in text
    assert all(len(line) <= 80 for line in text.replace("\r", "").split("\n"))
