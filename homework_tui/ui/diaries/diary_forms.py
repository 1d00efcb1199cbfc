"""The three diary forms: mood (a day's mood 0-10 and a note), sleep (the Consensus Sleep Diary
core, with time in bed, total sleep and sleep efficiency worked out live in plain words) and panic
(when, where, expected or not, peak anxiety, the 13 symptoms to tick, thoughts, what I did).
Each dismisses with the saved record, or None."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from homework_tui.model.base import Entity, ValidationError, clean_text, now
from homework_tui.model.diaries.clock import clock_text, parse_clock
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.model.diaries.sleep import QUALITY, SleepEntry
from homework_tui.model.draft import Draft
from homework_tui.model.exposure.form import parse_day
from homework_tui.store import Store
from homework_tui.store.wellbeing import moods, panics, sleeps
from homework_tui.ui.diaries.zone import local_zone_name
from homework_tui.ui.entry_form import EntryField, EntryForm, ticked

MOOD_FORM, SLEEP_FORM, PANIC_FORM = "mood_diary", "sleep_diary", "panic_diary"
DAY_HINT = "year-month-day"


def day_of(fields: dict[str, str], key: str, default: date) -> date:
    text = fields.get(key, "")
    try:
        return parse_day(text, today=default) if text.strip() else default
    except ValidationError as error:
        raise ValidationError(key, error.message) from None


def keep_identity(record: Entity, base: Entity | None) -> Entity:
    if base is None:
        return record
    return replace(record, id=base.id, created_at=base.created_at, updated_at=base.updated_at)


# -- mood -----------------------------------------------------------------------------------------


class MoodForm(EntryForm[MoodEntry]):
    FORM = MOOD_FORM
    SHEET_TITLE = "Mood diary"
    WHAT = "mood diary entry"
    INTRO = "How was your mood today, from 0 (the lowest) to 10 (the best)? One number is enough."
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("day", "Day", DAY_HINT),
        EntryField("mood", "Mood", "0 lowest – 10 best", kind="rating"),
        EntryField("note", "Note", "optional: what went on, what helped", kind="text"),
    )

    @staticmethod
    def fields_of(entry: MoodEntry | None) -> dict[str, str]:
        if entry is None:
            return {"day": now().date().isoformat()}
        return {"day": entry.day.isoformat(), "mood": str(entry.mood), "note": entry.note}

    def build(self, fields: dict[str, str]) -> MoodEntry:
        if not fields.get("mood", "").strip():
            raise ValidationError("mood", "Please rate your mood from 0 to 10.")
        entry = MoodEntry(
            day=day_of(fields, "day", now().date()),
            mood=fields["mood"],  # type: ignore[arg-type]
            note=fields.get("note", ""),
        )
        return keep_identity(entry, self.record)  # type: ignore[return-value]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return moods(store).save(record)

    def saved_note(self, record: Any) -> str:
        return "Mood diary saved."

    def after_saved(self, record: Any) -> None:
        from homework_tui.ui.help_now.help_line import offer_help_line

        offer_help_line(self.app, journal_mood=record.mood)


# -- sleep ----------------------------------------------------------------------------------------

SLEEP_TIMES = ("to_bed", "tried_to_sleep", "final_awakening", "out_of_bed")
SLEEP_NUMBERS = ("minutes_to_fall_asleep", "awakenings", "minutes_awake", "quality")


class SleepForm(EntryForm[SleepEntry]):
    FORM = SLEEP_FORM
    SHEET_TITLE = "Sleep diary"
    WHAT = "sleep diary entry"
    INTRO = (
        "Last night, as best you remember; guesses are fine. Times like 23:40 or 7:10; a time "
        "after midnight is read as the next morning."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("night_of", "Night of", "the evening's date"),
        EntryField("to_bed", "Went to bed at", "like 23:40"),
        EntryField("tried_to_sleep", "Tried to sleep at"),
        EntryField(
            "minutes_to_fall_asleep",
            "Minutes to fall asleep",
            "after trying",
            kind="rating",
            high=720,
        ),
        EntryField("awakenings", "Times you woke", "in the night", kind="rating", high=50),
        EntryField(
            "minutes_awake", "Minutes awake", "in the night, all told", kind="rating", high=720
        ),
        EntryField("final_awakening", "Woke for the last time", "like 7:00"),
        EntryField("out_of_bed", "Got out of bed at"),
        EntryField(
            "quality",
            "Sleep quality",
            " · ".join(f"{n} {w}" for n, w in enumerate(QUALITY, 1)),
            kind="rating",
            low=1,
            high=5,
        ),
        EntryField("notes", "Notes", "optional: naps, caffeine, alcohol, anything", kind="text"),
    )

    @staticmethod
    def fields_of(entry: SleepEntry | None) -> dict[str, str]:
        if entry is None:
            return {
                "night_of": (now().date() - timedelta(days=1)).isoformat(),
                "awakenings": "0",
                "minutes_awake": "0",
            }
        fields = {key: clock_text(getattr(entry, key)) for key in SLEEP_TIMES}
        fields.update({key: str(getattr(entry, key)) for key in SLEEP_NUMBERS})
        fields.update(night_of=entry.night_of.isoformat(), notes=entry.notes)
        return fields

    def build(self, fields: dict[str, str]) -> SleepEntry:
        labels = {f.key: f.label for f in self.ENTRY_FIELDS}
        values: dict[str, object] = {}
        for key in SLEEP_TIMES:
            values[key] = parse_clock(key, fields.get(key, ""), labels[key])
        for key in SLEEP_NUMBERS:
            text = fields.get(key, "").strip()
            if not text:
                raise ValidationError(key, f"Please fill in “{labels[key]}” (a guess is fine).")
            values[key] = text
        yesterday = now().date() - timedelta(days=1)
        zone = self.record.zone if self.record else local_zone_name()
        entry = SleepEntry(
            night_of=day_of(fields, "night_of", yesterday),
            notes=fields.get("notes", ""),
            zone=zone,
            **values,  # type: ignore[arg-type]
        )
        return keep_identity(entry, self.record)  # type: ignore[return-value]

    def explain(self, fields: dict[str, str]) -> list[str]:
        if not all(fields.get(key, "").strip() for key in (*SLEEP_TIMES, *SLEEP_NUMBERS)):
            return [
                "Your time in bed, total sleep and sleep efficiency show here once the "
                "times and minutes are filled in."
            ]
        try:
            return self.build(fields).explained()
        except ValidationError as error:
            return [error.message]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return sleeps(store).save(record)

    def saved_note(self, record: Any) -> str:
        return "Sleep diary saved."


# -- panic ----------------------------------------------------------------------------------------


def parse_cue(text: str) -> Cue:
    word = clean_text(text, multiline=False).strip().casefold()
    if word and "expected".startswith(word[:3]) and not word.startswith("un"):
        return Cue.EXPECTED
    if word and (word[0] in "ou" or "blue" in word):
        return Cue.OUT_OF_THE_BLUE
    raise ValidationError("cue", "Please write “expected” or “out of the blue”.")


class PanicForm(EntryForm[PanicAttack]):
    FORM = PANIC_FORM
    SHEET_TITLE = "Panic diary"
    WHAT = "panic diary entry"
    INTRO = (
        "A panic attack is frightening and it passes. Writing it down, even briefly, helps you "
        "and your therapist see what sets them off and what helps. Space ticks a symptom."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("day", "Day", DAY_HINT),
        EntryField("time", "Time it started", "like 15:30"),
        EntryField("where", "Where were you"),
        EntryField("cue", "Expected or out of the blue", "expected / out of the blue"),
        EntryField("peak", "Anxiety at its worst", "0 none – 10 extreme", kind="rating"),
        EntryField(
            "symptoms",
            "What you felt",
            "tick all that fit",
            kind="ticks",
            options=tuple((s.label, s.value) for s in Symptom),
        ),
        EntryField("thoughts", "What went through your mind", kind="text"),
        EntryField("what_i_did", "What you did", "and what happened then", kind="text"),
    )

    @staticmethod
    def fields_of(attack: PanicAttack | None) -> dict[str, str]:
        if attack is None:
            moment = now()
            return {"day": moment.date().isoformat(), "time": clock_text(moment.time())}
        local = attack.at
        return {
            "day": local.date().isoformat(),
            "time": clock_text(local.time()),
            "where": attack.where,
            "cue": attack.cue.label.lower(),
            "peak": str(attack.peak),
            "symptoms": ",".join(s.value for s in attack.symptoms),
            "thoughts": attack.thoughts,
            "what_i_did": attack.what_i_did,
        }

    def build(self, fields: dict[str, str]) -> PanicAttack:
        day = day_of(fields, "day", now().date())
        started = parse_clock("time", fields.get("time", ""), "Time it started")
        if not fields.get("peak", "").strip():
            raise ValidationError("peak", "Please rate how strong the anxiety got, 0 to 10.")
        attack = PanicAttack(
            at=datetime.combine(day, started).astimezone(),
            where=fields.get("where", ""),
            cue=parse_cue(fields.get("cue", "")),
            peak=fields["peak"],  # type: ignore[arg-type]
            symptoms=tuple(
                Symptom(v) for v in ticked(fields, "symptoms") if v in Symptom._value2member_map_
            ),
            thoughts=fields.get("thoughts", ""),
            what_i_did=fields.get("what_i_did", ""),
        )
        return keep_identity(attack, self.record)  # type: ignore[return-value]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return panics(store).save(record)

    def saved_note(self, record: Any) -> str:
        return "Panic diary saved."


FORMS: dict[str, type[MoodForm] | type[SleepForm] | type[PanicForm]] = {
    MOOD_FORM: MoodForm,
    SLEEP_FORM: SleepForm,
    PANIC_FORM: PanicForm,
}


def open_form(form: str, record: Any, draft: Draft | None) -> EntryForm[Any]:
    cls = FORMS[form]
    saved = cls.fields_of(record)
    return cls(record, saved, draft)
