"""Behavioural activation in plain mode: plan an activity, write down one done, mark a planned one
done or not, this week as a list by day (the grid's symbols read badly aloud), and which activities
went with better mood, with its caution. Built by the same model function as the full-screen form
(model/activation/form.py)."""

from __future__ import annotations

from dataclasses import replace

from homework_tui.i18n import _, decimal, ngettext
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
from homework_tui.report.local import day_and_month, day_month
from homework_tui.store.wellbeing import activities


def _parts() -> str:
    return ", ".join(_(p.value) for p in PartOfDay)


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


def _what() -> Field:
    return Field("what", _("What, in a few words"))


def _area() -> Field:
    areas = ", ".join(_(a).lower() for a in LIFE_AREAS[:3])
    label = _("Life area or value it serves, such as {areas}").format(areas=areas)
    return Field("area", label, optional=True)


def _ratings() -> tuple[Field, ...]:
    return (
        _rating("mastery", _("Mastery, your sense of achievement"), _("Mastery")),
        _rating("pleasure", _("Pleasure, your enjoyment"), _("Pleasure")),
        _rating("mood", _("Mood at the time"), _("Mood")),
    )


def _day(empty: str) -> Field:
    return Field(
        "day",
        _("Day, year-month-day"),
        optional=True,
        empty=empty,
        check=lambda text: day_of({"day": text}, "day", now().date()),
    )


def _part(empty: str = "") -> Field:
    label = _("Part of the day: {parts}").format(parts=_parts())
    if empty:
        return Field("part", label, optional=True, empty=empty, check=parse_part)
    return Field("part", label, check=parse_part)


def plan_activity(session: Session) -> None:
    session.io.say(_("Small and specific works best: “walk to the shop”, not “get fit”."))
    form = Form(session.io)
    for question in (_what(), _day(_("(optional, Enter for today)")), _part(), _area()):
        form.ask(question)
    entry = form.build(lambda values: activity_entry(values, planned_ahead=True))
    saved = _("Saved “{what}”, planned.").format(what=entry.what)
    if save(session, activities(session.store), entry, saved):
        session.io.say(day_line(entry))


def log_activity(session: Session) -> None:
    session.io.say(_("Something you did: write it down and rate it."))
    form = Form(session.io)
    part_now = PartOfDay.of_hour(now().hour)
    questions = (
        _what(),
        _day(_("(optional, Enter for today)")),
        _part(_("(optional, Enter for {part})").format(part=_(part_now.value))),
        _area(),
        *_ratings(),
    )
    for question in questions:
        form.ask(question)

    def make(values: dict[str, str]) -> ActivityEntry:
        filled = {**values, "outcome": "done", "part": values.get("part", "") or part_now.value}
        return activity_entry(filled, planned_ahead=False)

    entry = form.build(make)
    saved = _("Saved “{what}”, done.").format(what=entry.what)
    if save(session, activities(session.store), entry, saved):
        session.io.say(day_line(entry))


def mark_activity(session: Session) -> None:
    waiting = [e for e in activities(session.store).all() if e.outcome is Outcome.PLANNED]
    if not waiting:
        session.io.say(_("No planned activity is waiting to be marked. Choose “plan” to plan one."))
        return
    waiting.sort(key=lambda e: (e.day, list(PartOfDay).index(e.part)))
    choices = [Choice(str(i), day_line(e)) for i, e in enumerate(waiting)]
    entry = waiting[
        int(choose(session.io, _("Planned, not yet marked:"), choices, prompt=_("Which one?")).key)
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
            question = Field("outcome", _("Did you do it? done or not done"))
            outcome = parse_outcome(form.ask(question))
            break
        except ValidationError as error:
            session.io.say(error.message)
    if outcome is Outcome.PLANNED:
        session.io.say(_("“{what}” stays planned. Nothing was changed.").format(what=entry.what))
        return
    if outcome is Outcome.DONE:
        for rated in _ratings():
            form.ask(rated)
    marked = form.build(lambda values: activity_entry(values, planned_ahead=entry.planned_ahead))
    marked = replace(marked, id=entry.id, created_at=entry.created_at, updated_at=entry.updated_at)
    if marked.done:
        saved = _("Saved “{what}” as done. Well done for doing it.").format(what=marked.what)
    else:
        saved = _("Saved “{what}” as {outcome}.").format(
            what=marked.what, outcome=_(marked.outcome.label).lower()
        )
    if save(session, activities(session.store), marked, saved):
        session.io.say(day_line(marked))


def state_words(entry: ActivityEntry) -> str:
    """“planned, done, mastery 6, pleasure 7, mood 5”."""
    outcome = {
        Outcome.DONE: _("done"),
        Outcome.NOT_DONE: _("not done"),
        Outcome.PLANNED: _("to come"),
    }
    words = [_("planned") if entry.planned_ahead else _("not planned"), outcome[entry.outcome]]
    if ratings := entry.ratings_text():
        words.append(ratings)
    return ", ".join(words)


def day_line(entry: ActivityEntry) -> str:
    """“Mon 1 Dec morning: walk (planned, done, mastery 6, pleasure 7)”."""
    fields = {
        "day": day_month(entry.day),
        "part": _(entry.part.value),
        "what": entry.what,
        "state": state_words(entry),
        "area": entry.area,
    }
    if entry.area:
        return _("{day} {part}: {what} ({state}, for {area})").format(**fields)
    return _("{day} {part}: {what} ({state})").format(**fields)


def show_week(session: Session) -> None:
    start = week_start(now().date())
    grid = week_grid(activities(session.store).all(), start)
    say = session.io.say
    say(_("This week, from Monday {day}:").format(day=day_and_month(start)))
    for day in grid.days:
        found = [e for part in PartOfDay for e in grid.entries(day, part)]
        if not found:
            say(_("{day}: nothing yet").format(day=day_month(day)))
        for entry in found:
            say(day_line(entry))
    say(grid.summary())


def _links(links: tuple[MoodLink, ...]) -> list[str]:
    lines = []
    for link in links:
        fields = {
            "name": link.name,
            "mood": decimal(link.mood),
            "difference": decimal(abs(link.difference)),
            "times": ngettext("{n} time", "{n} times", link.times).format(n=link.times),
        }
        if link.difference >= 0:
            line = _("- {name}: mood {mood} of 10, {difference} above your average, {times}")
        else:
            line = _("- {name}: mood {mood} of 10, {difference} below your average, {times}")
        lines.append(line.format(**fields))
    return lines


def show_pattern(session: Session) -> None:
    pattern = mood_pattern(activities(session.store).all())
    if pattern.empty:
        session.io.say(
            _(
                "No pattern yet: rate your mood when you mark an activity done, and after a few "
                "days this shows which activities went with better mood."
            )
        )
        return
    average = _("Average mood with a done activity: {average} of 10 ({rated} rated).")
    lines = [
        average.format(average=decimal(pattern.average or 0), rated=pattern.rated),
        _("By activity:"),
        *_links(pattern.by_activity),
    ]
    if pattern.by_area:
        lines += [_("By life area or value:"), *_links(pattern.by_area)]
    session.io.say("\n".join([*lines, _(CAUTION)]))


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("plan", _("Plan an activity"), ("new",)), plan_activity),
        Action(Choice("log", _("Write down one you did"), ("did", "done")), log_activity),
        Action(Choice("mark", _("Mark a planned one done or not")), mark_activity),
        Action(Choice("week", _("This week, day by day"), ("grid", "list")), show_week),
        Action(
            Choice("pattern", _("Which activities went with better mood"), ("mood",)),
            show_pattern,
        ),
    )


def run(session: Session) -> None:
    run_section(session, _("Activities"), actions())
