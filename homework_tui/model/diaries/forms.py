"""The diaries' entries built from what the person typed, field by field (text as typed): the one
set of rules the full-screen forms and the plain mode both call. A ValidationError names the field
to ask again, with the message to show."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError, clean_text, now
from homework_tui.model.diaries.clock import parse_clock
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.model.exposure.form import parse_day

SLEEP_TIMES = ("to_bed", "tried_to_sleep", "final_awakening", "out_of_bed")
SLEEP_NUMBERS = ("minutes_to_fall_asleep", "awakenings", "minutes_awake", "quality")
# Marked only: show a label with `_(SLEEP_LABELS[key])`.
SLEEP_LABELS = {
    "to_bed": N_("Went to bed at"),
    "tried_to_sleep": N_("Tried to sleep at"),
    "minutes_to_fall_asleep": N_("Minutes to fall asleep"),
    "awakenings": N_("Times you woke"),
    "minutes_awake": N_("Minutes awake"),
    "final_awakening": N_("Woke for the last time"),
    "out_of_bed": N_("Got out of bed at"),
    "quality": N_("Sleep quality"),
}


def day_of(fields: dict[str, str], key: str, default: date) -> date:
    """The date typed in `fields[key]` (year-month-day, “today”, “yesterday”); `default` when
    empty. A refusal names `key`."""
    text = fields.get(key, "")
    try:
        return parse_day(text, today=default) if text.strip() else default
    except ValidationError as error:
        raise ValidationError(key, error.message) from None


def mood_entry(fields: dict[str, str]) -> MoodEntry:
    if not fields.get("mood", "").strip():
        raise ValidationError("mood", _("Please rate your mood from 0 to 10."))
    return MoodEntry(
        day=day_of(fields, "day", now().date()),
        mood=fields["mood"],  # type: ignore[arg-type]
        note=fields.get("note", ""),
    )


def sleep_values(fields: dict[str, str]) -> dict[str, object]:
    """The four clock times and four numbers, each read or refused with its own message."""
    values: dict[str, object] = {}
    for key in SLEEP_TIMES:
        values[key] = parse_clock(key, fields.get(key, ""), _(SLEEP_LABELS[key]))
    for key in SLEEP_NUMBERS:
        text = fields.get(key, "").strip()
        if not text:
            raise ValidationError(
                key,
                _("Please fill in “{label}” (a guess is fine).").format(label=_(SLEEP_LABELS[key])),
            )
        values[key] = text
    return values


def parse_cue(text: str) -> Cue:
    """The cue from its name in the interface's language (or its start), or in English."""
    word = clean_text(text, multiline=False).strip().casefold()
    if word:
        said = [(cue, cue.label.casefold()) for cue in Cue]
        found = [cue for cue, label in said if label.startswith(word)]
        if len(found) == 1:
            return found[0]
    if word and "expected".startswith(word[:3]) and not word.startswith("un"):
        return Cue.EXPECTED
    if word and (word[0] in "ou" or "blue" in word):
        return Cue.OUT_OF_THE_BLUE
    raise ValidationError("cue", _("Please write “expected” or “out of the blue”."))


def panic_attack(fields: dict[str, str], symptoms: Iterable[str]) -> PanicAttack:
    """`symptoms`: the ticked symptoms' values (unknown ones are left out)."""
    day = day_of(fields, "day", now().date())
    started = parse_clock("time", fields.get("time", ""), _("Time it started"))
    if not fields.get("peak", "").strip():
        raise ValidationError("peak", _("Please rate how strong the anxiety got, 0 to 10."))
    return PanicAttack(
        at=datetime.combine(day, started).astimezone(),
        where=fields.get("where", ""),
        cue=parse_cue(fields.get("cue", "")),
        peak=fields["peak"],  # type: ignore[arg-type]
        symptoms=tuple(Symptom(v) for v in symptoms if v in Symptom._value2member_map_),
        thoughts=fields.get("thoughts", ""),
        what_i_did=fields.get("what_i_did", ""),
    )


def yesterday() -> date:
    """A sleep diary's night, by default: last night."""
    return now().date() - timedelta(days=1)
