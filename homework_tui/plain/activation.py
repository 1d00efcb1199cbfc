"""Behavioural activation in plain mode: plan an activity, write down one done, mark a planned one
done or not, this week as a list by day (the grid's symbols read badly aloud), and which activities
went with better mood, with its caution. Built by the same model function as the full-screen form
(model/activation/form.py)."""

from __future__ import annotations

from dataclasses import replace

from homework_tui.model.activation import (
    LIFE_AREAS,
    RATING_HIGH,
    RATING_LOW,
    ActivityEntry,
    Outcome,
    PartOfDay,
    parse_part,
)
from homework_tui.model.activation.form import activity_entry, parse_outcome
from homework_tui.model.activation.grid import week_grid, week_start
from homework_tui.model.activation.pattern import CAUTION, MoodLink, mood_pattern
from homework_tui.model.base import ValidationError, now, optional_rating
from homework_tui.model.diaries.forms import day_of
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.records import Action, run_section, save
from homework_tui.plain.session import Session
from homework_tui.store.wellbeing import activities

PARTS = ", ".join(p.value for p in PartOfDay)
AREAS = ", ".join(a.lower() for a in LIFE_AREAS[:3])


def _rating(name: str, label: str, said: str) -> Field:
    """An optional rating, refused at once in the model's own words (`said` names it as the
    model does: “Mastery is 11; it goes from 0 to 10.”)."""
    return Field(
        name,
        label,
        Kind.RATING,
        optional=True,
        low=RATING_LOW,
        high=RATING_HIGH,
        check=lambda text: optional_rating(name, text, said, low=RATING_LOW, high=RATING_HIGH),
    )


WHAT = Field("what", "What, in a few words")
AREA = Field("area", f"Life area or value it serves, such as {AREAS}", optional=True)
RATINGS = (
    _rating("mastery", "Mastery, your sense of achievement", "Mastery"),
    _rating("pleasure", "Pleasure, your enjoyment", "Pleasure"),
    _rating("mood", "Mood at the time", "Mood"),
)


def _day(empty: str) -> Field:
    return Field(
        "day",
        "Day, year-month-day",
        optional=True,
        empty=empty,
        check=lambda text: day_of({"day": text}, "day", now().date()),
    )


def _part(empty: str = "") -> Field:
    if empty:
        return Field(
            "part", f"Part of the day: {PARTS}", optional=True, empty=empty, check=parse_part
        )
    return Field("part", f"Part of the day: {PARTS}", check=parse_part)


def plan_activity(session: Session) -> None:
    session.io.say("Small and specific works best: “walk to the shop”, not “get fit”.")
    form = Form(session.io)
    for question in (WHAT, _day("for today"), _part(), AREA):
        form.ask(question)
    entry = form.build(lambda values: activity_entry(values, planned_ahead=True))
    if save(session, activities(session.store), entry, f"“{entry.what}”, planned"):
        session.io.say(day_line(entry))


def log_activity(session: Session) -> None:
    session.io.say("Something you did: write it down and rate it.")
    form = Form(session.io)
    part_now = PartOfDay.of_hour(now().hour)
    for question in (WHAT, _day("for today"), _part(f"for {part_now.value}"), AREA, *RATINGS):
        form.ask(question)

    def make(values: dict[str, str]) -> ActivityEntry:
        filled = {**values, "outcome": "done", "part": values.get("part", "") or part_now.value}
        return activity_entry(filled, planned_ahead=False)

    entry = form.build(make)
    if save(session, activities(session.store), entry, f"“{entry.what}”, done"):
        session.io.say(day_line(entry))


def mark_activity(session: Session) -> None:
    waiting = [e for e in activities(session.store).all() if e.outcome is Outcome.PLANNED]
    if not waiting:
        session.io.say("No planned activity is waiting to be marked. Choose “plan” to plan one.")
        return
    waiting.sort(key=lambda e: (e.day, list(PartOfDay).index(e.part)))
    choices = [Choice(str(i), day_line(e)) for i, e in enumerate(waiting)]
    entry = waiting[
        int(choose(session.io, "Planned, not yet marked:", choices, prompt="Which one?").key)
    ]
    form = Form(session.io)
    form.values.update(
        what=entry.what,
        day=entry.day.isoformat(),
        part=entry.part.value,
        area=entry.area,
        note=entry.note,
    )
    while True:
        try:
            outcome = parse_outcome(form.ask(Field("outcome", "Did you do it? done or not done")))
            break
        except ValidationError as error:
            session.io.say(error.message)
    if outcome is Outcome.PLANNED:
        session.io.say(f"“{entry.what}” stays planned. Nothing was changed.")
        return
    if outcome is Outcome.DONE:
        for question in RATINGS:
            form.ask(question)
    marked = form.build(lambda values: activity_entry(values, planned_ahead=entry.planned_ahead))
    marked = replace(marked, id=entry.id, created_at=entry.created_at, updated_at=entry.updated_at)
    words = "done. Well done for doing it" if marked.done else marked.outcome.label.lower()
    if save(session, activities(session.store), marked, f"“{marked.what}” as {words}"):
        session.io.say(day_line(marked))


def state_words(entry: ActivityEntry) -> str:
    """“planned, done, mastery 6, pleasure 7, mood 5”."""
    outcome = {Outcome.DONE: "done", Outcome.NOT_DONE: "not done", Outcome.PLANNED: "to come"}
    words = ["planned" if entry.planned_ahead else "not planned", outcome[entry.outcome]]
    if ratings := entry.ratings_text():
        words.append(ratings)
    return ", ".join(words)


def day_line(entry: ActivityEntry) -> str:
    """“Mon 1 Dec morning: walk (planned, done, mastery 6, pleasure 7)”."""
    day = entry.day
    area = f", for {entry.area}" if entry.area else ""
    return (
        f"{day:%a} {day.day} {day:%b} {entry.part.value}: {entry.what} ({state_words(entry)}{area})"
    )


def show_week(session: Session) -> None:
    start = week_start(now().date())
    grid = week_grid(activities(session.store).all(), start)
    say = session.io.say
    say(f"This week, from Monday {start.day} {start:%B}:")
    for day in grid.days:
        found = [e for part in PartOfDay for e in grid.entries(day, part)]
        if not found:
            say(f"{day:%a} {day.day} {day:%b}: nothing yet")
        for entry in found:
            say(day_line(entry))
    say(grid.summary())


def _links(links: tuple[MoodLink, ...]) -> list[str]:
    return [
        f"- {link.name}: mood {link.mood:g} of 10, {abs(link.difference):g} "
        f"{'above' if link.difference >= 0 else 'below'} your average, "
        f"{link.times} time{'s' if link.times != 1 else ''}"
        for link in links
    ]


def show_pattern(session: Session) -> None:
    pattern = mood_pattern(activities(session.store).all())
    if pattern.empty:
        session.io.say(
            "No pattern yet: rate your mood when you mark an activity done, and after a few "
            "days this shows which activities went with better mood."
        )
        return
    lines = [
        f"Average mood with a done activity: {pattern.average:g} of 10 ({pattern.rated} rated).",
        "By activity:",
        *_links(pattern.by_activity),
    ]
    if pattern.by_area:
        lines += ["By life area or value:", *_links(pattern.by_area)]
    session.io.say("\n".join([*lines, CAUTION]))


ACTIONS = (
    Action(Choice("plan", "Plan an activity", ("new",)), plan_activity),
    Action(Choice("log", "Write down one you did", ("did", "done")), log_activity),
    Action(Choice("mark", "Mark a planned one done or not"), mark_activity),
    Action(Choice("week", "This week, day by day", ("grid", "list")), show_week),
    Action(Choice("pattern", "Which activities went with better mood", ("mood",)), show_pattern),
)


def run(session: Session) -> None:
    run_section(session, "Activities", ACTIONS)
