"""Journal entries and drafts: validation, tags, search, round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.draft import Draft
from homework_tui.model.journal import JournalEntry, parse_tags
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples


def test_tags_are_split_cleaned_and_deduplicated() -> None:
    assert parse_tags("work, sleep #family  Work,,#") == ("work", "sleep", "family")
    assert JournalEntry(text="x", tags=(" late night ", "#Work")).tags == ("late-night", "Work")


def test_an_entry_needs_a_title_or_some_writing() -> None:
    with pytest.raises(ValidationError) as caught:
        JournalEntry(title="  ", text="\n \x1b")
    assert caught.value.field == "text"
    assert JournalEntry(title="Just a title").heading == "Just a title"
    assert JournalEntry(text="\n  first line\nsecond").heading == "first line"


@pytest.mark.parametrize("mood", [-1, 11, "12", "x"])
def test_mood_goes_from_0_to_10(mood: object) -> None:
    with pytest.raises(ValidationError) as caught:
        JournalEntry(text="x", mood=mood)  # type: ignore[arg-type]
    assert caught.value.field == "mood"
    assert "0 to 10" in caught.value.message


def test_text_is_kept_literally_but_without_control_characters() -> None:
    entry = JournalEntry(title="[bold]Hi[/] \x1b[31m😀", text="line\r\n[link=x]y[/link]\x07")
    assert entry.title == "[bold]Hi[/] 😀"  # the escape sequence goes whole
    assert entry.text == "line\n[link=x]y[/link]"


def test_search_every_word_and_hash_tags() -> None:
    entry = JournalEntry(title="Walk", text="Felt calmer by the river", tags=("outside",))
    assert entry.matches("RIVER walk")
    assert entry.matches("#outside calmer")
    assert not entry.matches("#river")
    assert not entry.matches("walk sea")


def test_draft_keeps_raw_fields_and_previews() -> None:
    draft = Draft(form="journal", fields={"mood": "120", "text": "  hello\n world \x1b "})
    assert draft.fields["mood"] == "120"
    assert draft.fields["text"] == "  hello\n world  "
    assert draft.preview("title", "text") == "hello world"
    assert Draft(form="journal", fields={"a": " \n"}).is_empty
    with pytest.raises(ValueError):
        Draft(form="")


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=50)


@settings(max_examples=examples(150))
@given(
    title=text,
    body=text,
    mood=st.none() | st.integers(0, 10),
    tags=st.lists(st.text(st.characters(whitelist_categories=("L", "N")), max_size=10), max_size=4),
)
def test_journal_entries_round_trip(
    title: str, body: str, mood: int | None, tags: list[str]
) -> None:
    try:
        entry = JournalEntry(title=title, text=body, mood=mood, tags=tuple(tags))
    except ValidationError:
        return
    assert from_doc(JournalEntry, to_doc(entry)) == entry


@settings(max_examples=examples(100))
@given(fields=st.dictionaries(text, text, max_size=6), place=text, record=st.none() | text)
def test_drafts_round_trip(fields: dict[str, str], place: str, record: str | None) -> None:
    draft = Draft(form="thought_record", record_id=record, fields=fields, place=place)
    assert from_doc(Draft, to_doc(draft)) == draft
