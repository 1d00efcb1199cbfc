"""The mood, sleep and panic diaries in plain mode: one field a line, each built by the same model
functions as the full-screen forms (model/diaries/forms.py); recent entries of each listed."""

from __future__ import annotations

from homework_tui.i18n import _, ngettext
from homework_tui.local_zone import local_zone_name
from homework_tui.model.base import now, rating
from homework_tui.model.diaries.clock import clock_text, minutes_text, parse_clock
from homework_tui.model.diaries.forms import (
    SLEEP_LABELS,
    day_of,
    mood_entry,
    panic_attack,
    parse_cue,
    sleep_values,
    yesterday,
)
from homework_tui.model.diaries.mood import MOOD_HIGH, MOOD_LOW, MoodEntry
from homework_tui.model.diaries.panic import PanicAttack, Symptom
from homework_tui.model.diaries.sleep import AWAKENINGS_MAX, MINUTES_MAX, QUALITY, SleepEntry
from homework_tui.plain.fields import Field, Form, Kind, ask_numbers
from homework_tui.plain.help_now import offer_help_line
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, indented, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.report.local import day_month_year
from homework_tui.store.wellbeing import moods, panics, sleeps

RECENT = 5


def _number(key: str, label: str, said: str, *, low: int = 0, high: int = 10) -> Field:
    """A number asked as `label`, refused at once by the model's rule in its own words (`said`
    names it as the model does: “Times you woke needs a whole number from 0 to 50.”)."""
    return Field(
        key,
        label,
        Kind.RATING,
        low=low,
        high=high,
        check=lambda text: rating(key, text, said, low=low, high=high),
    )


def _time(key: str, example: str) -> Field:
    label = _(SLEEP_LABELS[key])
    return Field(
        key,
        _("{label}, a time like {example}").format(label=label, example=example),
        check=lambda text: parse_clock(key, text, label),
    )


def _day(key: str, label: str, empty: str) -> Field:
    return Field(
        key,
        label,
        optional=True,
        empty=empty,
        check=lambda text: day_of({key: text}, key, now().date()),
    )


def mood_fields() -> tuple[Field, ...]:
    return (
        _day("day", _("Day, year-month-day"), _("(optional, Enter for today)")),
        _number("mood", _("Mood, 0 lowest and 10 best"), _("Mood"), low=MOOD_LOW, high=MOOD_HIGH),
        Field("note", _("A note: what went on, what helped"), Kind.TEXT),
    )


def _quality() -> str:
    words = ", ".join(f"{n} {_(w)}" for n, w in enumerate(QUALITY, 1))
    return _("Sleep quality ({words})").format(words=words)


def sleep_fields() -> tuple[Field, ...]:
    return (
        _day(
            "night_of",
            _("Night of: the evening's date, year-month-day"),
            _("(optional, Enter for last night)"),
        ),
        _time("to_bed", "23:40"),
        _time("tried_to_sleep", "23:55"),
        _number(
            "minutes_to_fall_asleep",
            _("Minutes to fall asleep, after trying"),
            _("Minutes to fall asleep"),
            high=MINUTES_MAX,
        ),
        _number(
            "awakenings", _("Times you woke in the night"), _("Times you woke"), high=AWAKENINGS_MAX
        ),
        _number(
            "minutes_awake",
            _("Minutes awake in the night, all told"),
            _("Minutes awake"),
            high=MINUTES_MAX,
        ),
        _time("final_awakening", "7:00"),
        _time("out_of_bed", "7:20"),
        _number("quality", _quality(), _("Sleep quality"), low=1, high=5),
        Field("notes", _("Notes: naps, caffeine, alcohol, anything"), Kind.TEXT),
    )


def panic_fields() -> tuple[Field, ...]:
    started = _("Time it started")
    return (
        _day("day", _("Day, year-month-day"), _("(optional, Enter for today)")),
        Field(
            "time",
            _("Time it started, like 15:30"),
            optional=True,
            empty=_("(optional, Enter for now)"),
            check=lambda text: parse_clock("time", text, started),
        ),
        Field("where", _("Where were you"), optional=True),
        Field("cue", _("Expected or out of the blue"), check=parse_cue),
        _number("peak", _("Anxiety at its worst, 0 none and 10 extreme"), _("Peak anxiety")),
    )


def panic_texts() -> tuple[Field, ...]:
    return (
        Field("thoughts", _("What went through your mind"), Kind.TEXT),
        Field("what_i_did", _("What you did, and what happened then"), Kind.TEXT),
    )


def ask_all(form: Form, fields: tuple[Field, ...]) -> None:
    for question in fields:
        form.ask(question)


def new_mood(session: Session) -> None:
    session.io.say(
        _("How was your mood, from 0 (the lowest) to 10 (the best)? One number is enough.")
    )
    form = Form(session.io)
    ask_all(form, mood_fields())
    entry = form.build(mood_entry)
    if save(session, moods(session.store), entry, _("Saved your mood diary entry.")):
        session.io.say(describe_mood(entry))
        offer_help_line(session, journal_mood=entry.mood)


def new_sleep(session: Session) -> None:
    session.io.say(
        _(
            "Last night, as best you remember; guesses are fine. A time after midnight is read "
            "as the next morning."
        )
    )
    form = Form(session.io)
    ask_all(form, sleep_fields())
    zone = local_zone_name()

    def make(values: dict[str, str]) -> SleepEntry:
        return SleepEntry(
            night_of=day_of(values, "night_of", yesterday()),
            notes=values.get("notes", ""),
            zone=zone,
            **sleep_values(values),  # type: ignore[arg-type]
        )

    entry = form.build(make)
    if save(session, sleeps(session.store), entry, _("Saved your sleep diary entry.")):
        session.io.say("\n".join(entry.explained()))


def new_panic(session: Session) -> None:
    session.io.say(
        _(
            "A panic attack is frightening and it passes. Writing it down, even briefly, helps "
            "you and your therapist see what sets them off and what helps."
        )
    )
    form = Form(session.io)
    ask_all(form, panic_fields())
    session.io.say(_("What you felt:"))
    chosen = ask_numbers(
        session.io,
        [_(s.label) for s in Symptom],
        _("Their numbers, separated by spaces, like “1 3 5” (Enter for none):"),
    )
    symptoms = [list(Symptom)[i].value for i in chosen]
    ask_all(form, panic_texts())

    def make(values: dict[str, str]) -> PanicAttack:
        if not values.get("time", "").strip():
            values["time"] = clock_text(now().time())
        return panic_attack(values, symptoms)

    attack = form.build(make)
    if save(session, panics(session.store), attack, _("Saved your panic diary entry.")):
        session.io.say(describe_panic(attack))


def describe_mood(entry: MoodEntry) -> str:
    line = _("{day}: mood {mood} of {high}").format(
        day=day_month_year(entry.day), mood=entry.mood, high=MOOD_HIGH
    )
    return line + (f"\n{indented(entry.note)}" if entry.note else "")


def describe_sleep(entry: SleepEntry) -> str:
    line = _(
        "Night of {day}: bed {to_bed} to {out_of_bed}, {asleep} asleep, efficiency "
        "{efficiency}%, quality {quality}"
    ).format(
        day=day_month_year(entry.night_of),
        to_bed=clock_text(entry.to_bed),
        out_of_bed=clock_text(entry.out_of_bed),
        asleep=minutes_text(entry.total_sleep),
        efficiency=entry.efficiency,
        quality=entry.quality_text,
    )
    return line + (f"\n{indented(entry.notes)}" if entry.notes else "")


def describe_panic(attack: PanicAttack) -> str:
    count = len(attack.symptoms)
    lines = [
        _("{when}: peak {peak} of 10, {cue}").format(
            when=when(attack.at), peak=attack.peak, cue=_(attack.cue.label).lower()
        ),
        "  "
        + ngettext("{n} symptom, a {kind}", "{n} symptoms, a {kind}", count).format(
            n=count, kind=_(attack.attack_kind)
        ),
    ]
    if attack.where:
        lines.append("  " + _("Where: {where}").format(where=attack.where))
    if attack.symptoms:
        lines.append("  " + _("Felt: {symptoms}").format(symptoms=attack.symptoms_text()))
    if attack.thoughts:
        lines += ["  " + _("Thoughts:"), indented(indented(attack.thoughts))]
    if attack.what_i_did:
        lines += ["  " + _("What you did:"), indented(indented(attack.what_i_did))]
    return "\n".join(lines)


def list_entries(session: Session) -> None:
    say = session.io.say
    found_any = False
    for title, entries, describe in (
        (_("Mood diary"), moods(session.store).all(), describe_mood),
        (_("Sleep diary"), sleeps(session.store).all(), describe_sleep),
        (_("Panic diary"), panics(session.store).all(), describe_panic),
    ):
        if not entries:
            say(_("{title}: no entries yet.").format(title=title))
            continue
        found_any = True
        say(_("{title}, newest first:").format(title=title))
        for number, entry in enumerate(entries[:RECENT], 1):
            say(f"{number}. {describe(entry)}")  # type: ignore[arg-type]
    if not found_any:
        say(_("Choose “mood”, “sleep” or “panic” to write the first entry."))


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("mood", _("Mood diary: today's mood")), new_mood),
        Action(Choice("sleep", _("Sleep diary: last night")), new_sleep),
        Action(Choice("panic", _("Panic diary: a panic attack")), new_panic),
        Action(Choice("list", _("Recent entries of each diary"), ("recent",)), list_entries),
    )


def run(session: Session) -> None:
    run_section(session, _("Diaries"), actions())
