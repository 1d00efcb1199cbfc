"""Whatever a person types survives storage exactly: emoji, markup-like text, escapes, huge text."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from homework_tui.model.base import Entity, clean_text
from homework_tui.store import Repository, Store
from homework_tui.store.codec import from_doc, to_doc


class Feeling(enum.Enum):
    CALM = "calm"
    TENSE = "tense"


@dataclass(frozen=True)
class Mood:
    name: str
    before: int
    after: int | None = None


@dataclass(frozen=True, kw_only=True)
class Entry(Entity):
    title: str
    body: str = ""
    moods: tuple[Mood, ...] = ()
    tags: frozenset[str] = frozenset()
    feeling: Feeling = Feeling.CALM
    day: date | None = None
    extra: dict[str, int] = field(default_factory=dict)


NASTY = [
    "[bold]loud[/] and [/]",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07",
    "😀👩‍👩‍👧 ✓ שלום e\u0301",
    "\x00nul\x7fdel",
]

aware = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=-5, minutes=-30))]),
)
text = st.one_of(st.text(), st.sampled_from(NASTY))
entries = st.builds(
    Entry,
    title=text,
    body=text,
    moods=st.lists(
        st.builds(Mood, text, st.integers(0, 100), st.none() | st.integers(0, 100)), max_size=3
    ).map(tuple),
    tags=st.frozensets(text, max_size=3),
    feeling=st.sampled_from(Feeling),
    day=st.none() | st.dates(),
    extra=st.dictionaries(st.text(), st.integers(-(2**53), 2**53), max_size=3),
    created_at=aware,
    updated_at=aware,
)


@given(entries)
def test_codec_round_trips(entry: Entry) -> None:
    assert from_doc(Entry, to_doc(entry)) == entry


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entry=entries)
def test_store_round_trips_through_disk(tmp_path: Path, entry: Entry) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        Repository(store, "entries", Entry).add(entry)
    with Store.open(folder) as store:
        assert Repository(store, "entries", Entry).get(entry.id) == entry


def test_a_megabyte_of_text_with_everything_in_it(tmp_path: Path) -> None:
    big = ("".join(NASTY) + "plain words\n") * (1_048_576 // 60)
    assert len(big) > 1_000_000
    entry = Entry(title="big", body=big)
    with Store.open(tmp_path) as store:
        Repository(store, "entries", Entry).add(entry)
    with Store.open(tmp_path) as store:
        assert Repository(store, "entries", Entry).get(entry.id).body == big


def test_clean_text_strips_terminal_controls_and_keeps_the_rest() -> None:
    assert clean_text("\x1b[31mred\x1b[0m") == "red"  # the whole sequence, not `[31m`
    assert clean_text("a\x1b]52;c;SGk=\x07b\x1b]0;title\x1b\\c\x1b(Bd") == "abcd"
    assert clean_text("[bold]x[/] 😀 שלום e\u0301") == "[bold]x[/] 😀 שלום e\u0301"
    assert clean_text("a\r\nb\tc\x00\x9b") == "a\nb\tc"
    assert clean_text("one\ntwo", multiline=False) == "one two"
