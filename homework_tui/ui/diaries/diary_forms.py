"""The three diary forms: mood (a day's mood 0-10 and a note), sleep (the Consensus Sleep Diary
core, with time in bed, total sleep and sleep efficiency worked out live in plain words) and panic
(when, where, expected or not, peak anxiety, the 13 symptoms to tick, thoughts, what I did).
Each dismisses with the saved record, or None."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any, ClassVar

from homework_tui.i18n import N_, _
from homework_tui.local_zone import local_zone_name
from homework_tui.model.base import Entity, ValidationError, now
from homework_tui.model.diaries.clock import clock_text
from homework_tui.model.diaries.forms import (
    SLEEP_NUMBERS,
    SLEEP_TIMES,
    day_of,
    mood_entry,
    panic_attack,
    sleep_values,
    yesterday,
)
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import PanicAttack, Symptom
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.wellbeing import moods, panics, sleeps
from homework_tui.ui.entry_form import EntryField, EntryForm, ticked

MOOD_FORM, SLEEP_FORM, PANIC_FORM = "mood_diary", "sleep_diary", "panic_diary"
DAY_HINT = N_("year-month-day")


def keep_identity(record: Entity, base: Entity | None) -> Entity:
    if base is None:
        return record
    return replace(record, id=base.id, created_at=base.created_at, updated_at=base.updated_at)


# -- mood -----------------------------------------------------------------------------------------


class MoodForm(EntryForm[MoodEntry]):
    FORM = MOOD_FORM
    SHEET_TITLE = N_("Mood diary")
    WHAT = N_("mood diary entry")
    INTRO = N_(
        "How was your mood today, from 0 (the lowest) to 10 (the best)? One number is enough."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("day", N_("Day"), DAY_HINT),
        EntryField("mood", N_("Mood"), N_("0 lowest – 10 best"), kind="rating"),
        EntryField("note", N_("Note"), N_("optional: what went on, what helped"), kind="text"),
    )

    @staticmethod
    def fields_of(entry: MoodEntry | None) -> dict[str, str]:
        if entry is None:
            return {"day": now().date().isoformat()}
        return {"day": entry.day.isoformat(), "mood": str(entry.mood), "note": entry.note}

    def build(self, fields: dict[str, str]) -> MoodEntry:
        entry = mood_entry(fields)
        return keep_identity(entry, self.record)  # type: ignore[return-value]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return moods(store).save(record)

    def saved_note(self, record: Any) -> str:
        return _("Mood diary saved.")

    def after_saved(self, record: Any) -> None:
        from homework_tui.ui.help_now.help_line import offer_help_line

        offer_help_line(self.app, journal_mood=record.mood)


# -- sleep ----------------------------------------------------------------------------------------


class SleepForm(EntryForm[SleepEntry]):
    FORM = SLEEP_FORM
    SHEET_TITLE = N_("Sleep diary")
    WHAT = N_("sleep diary entry")
    INTRO = N_(
        "Last night, as best you remember; guesses are fine. Times like 23:40 or 7:10; a time "
        "after midnight is read as the next morning."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("night_of", N_("Night of"), N_("the evening's date")),
        EntryField("to_bed", N_("Went to bed at"), N_("like 23:40")),
        EntryField("tried_to_sleep", N_("Tried to sleep at")),
        EntryField(
            "minutes_to_fall_asleep",
            N_("Minutes to fall asleep"),
            N_("after trying"),
            kind="rating",
            high=720,
        ),
        EntryField("awakenings", N_("Times you woke"), N_("in the night"), kind="rating", high=50),
        EntryField(
            "minutes_awake",
            N_("Minutes awake"),
            N_("in the night, all told"),
            kind="rating",
            high=720,
        ),
        EntryField("final_awakening", N_("Woke for the last time"), N_("like 7:00")),
        EntryField("out_of_bed", N_("Got out of bed at")),
        EntryField(
            "quality",
            N_("Sleep quality"),
            N_("1 very poor · 2 poor · 3 fair · 4 good · 5 very good"),
            kind="rating",
            low=1,
            high=5,
        ),
        EntryField(
            "notes", N_("Notes"), N_("optional: naps, caffeine, alcohol, anything"), kind="text"
        ),
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
        values = sleep_values(fields)
        zone = self.record.zone if self.record else local_zone_name()
        entry = SleepEntry(
            night_of=day_of(fields, "night_of", yesterday()),
            notes=fields.get("notes", ""),
            zone=zone,
            **values,  # type: ignore[arg-type]
        )
        return keep_identity(entry, self.record)  # type: ignore[return-value]

    def explain(self, fields: dict[str, str]) -> list[str]:
        if not all(fields.get(key, "").strip() for key in (*SLEEP_TIMES, *SLEEP_NUMBERS)):
            return [
                _(
                    "Your time in bed, total sleep and sleep efficiency show here once the "
                    "times and minutes are filled in."
                )
            ]
        try:
            return self.build(fields).explained()
        except ValidationError as error:
            return [error.message]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return sleeps(store).save(record)

    def saved_note(self, record: Any) -> str:
        return _("Sleep diary saved.")


# -- panic ----------------------------------------------------------------------------------------


class PanicForm(EntryForm[PanicAttack]):
    FORM = PANIC_FORM
    SHEET_TITLE = N_("Panic diary")
    WHAT = N_("panic diary entry")
    INTRO = N_(
        "A panic attack is frightening and it passes. Writing it down, even briefly, helps you "
        "and your therapist see what sets them off and what helps. Space ticks a symptom."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("day", N_("Day"), DAY_HINT),
        EntryField("time", N_("Time it started"), N_("like 15:30")),
        EntryField("where", N_("Where were you")),
        EntryField(
            "cue",
            N_("Expected or out of the blue"),
            # Translators: the words the app reads (in English): keep them in English.
            N_("expected / out of the blue"),
        ),
        EntryField("peak", N_("Anxiety at its worst"), N_("0 none – 10 extreme"), kind="rating"),
        EntryField(
            "symptoms",
            N_("What you felt"),
            N_("tick all that fit"),
            kind="ticks",
            options=tuple((s.label, s.value) for s in Symptom),
        ),
        EntryField("thoughts", N_("What went through your mind"), kind="text"),
        EntryField("what_i_did", N_("What you did"), N_("and what happened then"), kind="text"),
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
        attack = panic_attack(fields, ticked(fields, "symptoms"))
        return keep_identity(attack, self.record)  # type: ignore[return-value]

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return panics(store).save(record)

    def saved_note(self, record: Any) -> str:
        return _("Panic diary saved.")


FORMS: dict[str, type[MoodForm] | type[SleepForm] | type[PanicForm]] = {
    MOOD_FORM: MoodForm,
    SLEEP_FORM: SleepForm,
    PANIC_FORM: PanicForm,
}


def open_form(form: str, record: Any, draft: Draft | None) -> EntryForm[Any]:
    cls = FORMS[form]
    saved = cls.fields_of(record)
    return cls(record, saved, draft)
