"""The other forms of the real app fed hostile text and numbers: experiments, the exposure ladder,
step, log, options and timer, the plan's homework and session dates, Help now's contacts,
settings (on a data folder whose name is an escape sequence), the Relax pattern editor and
rating, and the search boxes (see ui.py for what is checked). One app session per test: the
nasty values first, then generated ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.experiment import LINES, OUTCOME_FIELDS, PLAN_FIELDS, RATINGS
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.plan import Assignment, PlanInfo
from homework_tui.model.safety import SafetyPlan
from homework_tui.model.settings import Settings
from homework_tui.ui.experiments.experiment_data import experiments_repo
from homework_tui.store import Repository, Singleton, Store
from tests.fuzz.strategies import (
    MEGABYTE,
    NASTY,
    expected_line,
    expected_text,
    number_text,
    text,
)
from tests.fuzz.ui import (
    GENERATED,
    ONCE,
    act,
    app_on,
    assert_healthy,
    assert_widget_safe,
    batch,
    fill_many,
    put,
    run,
    wait_screen,
)


def read(folder: Path, table: str, cls: type) -> list[Any]:
    with Store.open(folder, read_only=True) as store:
        repo = Repository(store, table, cls)
        found = repo.all()
        assert repo.unreadable == []
        return found


# -- experiments -----------------------------------------------------------------------------------

EXPERIMENT_NAMES = [n for n, _ in (*PLAN_FIELDS, *OUTCOME_FIELDS)]
experiment_values = st.fixed_dictionaries(
    {n: number_text if n in RATINGS else text for n in EXPERIMENT_NAMES}
)
blank = {n: "" for n in EXPERIMENT_NAMES}
NASTY_EXPERIMENTS = [
    {**blank, "belief": "x", "belief_rating": "1e309", "what": "\x1b]0;pwned\x07"},
    {
        **blank,
        "belief": "[bold]x[/bold] \x1b]0;pwned\x07",
        "what": MEGABYTE[:5000],
        "outcome": "مرحبا e\u0301 👨‍👩‍👧‍👦",
        "belief_rating": "٣",
    },
    {**blank, "belief": "[/]", "when": "\x1b[2J", "predictions": "\x00\x9b[link=x]y[/link]"},
]


@ONCE
@given(values=batch(experiment_values, NASTY_EXPERIMENTS))
def test_experiment_form(
    tmp_path_factory: pytest.TempPathFactory, values: list[dict[str, str]]
) -> None:
    folder = tmp_path_factory.mktemp("experiments") / "data"

    def check(typed: dict[str, str]) -> None:
        with Store.open(folder, read_only=True) as store:
            newest = max(experiments_repo(store).all(), key=lambda e: e.created_at)
        for name in EXPERIMENT_NAMES:
            if name not in RATINGS:
                want = (
                    expected_line(typed[name])
                    if name in LINES
                    else expected_text(typed[name]).strip()
                )
                assert getattr(newest, name) == want, f"{name} ({typed!r:.300})"

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("e")
            await wait_screen(pilot, "ExperimentsScreen")
            assert (
                await fill_many(
                    pilot,
                    values,
                    name="experiment",
                    form="ExperimentForm",
                    open_form=lambda: act(pilot, "new"),
                    message="#experiment-message",
                    check=check,
                )
                >= 2
            )

    run(session)


# -- exposure --------------------------------------------------------------------------------------

ladder_values = st.fixed_dictionaries({"name": text, "goal": text})
step_values = st.fixed_dictionaries({"description": text, "suds": number_text})
log_values = st.fixed_dictionaries(
    {
        "date": st.one_of(text, st.sampled_from(["", "today", "0001-01-01", "9999-12-31"])),
        "start": st.one_of(text, st.sampled_from(["", "23:59", "6:30pm", "٣:٣٠"])),
        "end_time": st.one_of(text, st.just("")),
        "minutes": number_text,
        "predicted": number_text,
        "before": number_text,
        "peak": number_text,
        "end": number_text,
        "notes": text,
    }
)
options_values = st.fixed_dictionaries(
    {"repeats": number_text, "minutes": number_text, "behaviours": text}
)
NASTY_LADDERS = [
    {"name": "\x1b[2J", "goal": MEGABYTE[:2000]},
    {"name": "[bold]x[/bold]", "goal": "\x1b]0;pwned\x07 مرحبا"},
]
NASTY_STEPS = [
    {"description": "[/]", "suds": "\x1b[2J5"},
    {"description": "[bold]x[/bold] \x1b]0;pwned\x07 e\u0301", "suds": "٣"},
]
NO_LOG = {
    "date": "today",
    "start": "",
    "end_time": "",
    "minutes": "",
    "predicted": "",
    "before": "",
    "peak": "50",
    "end": "10",
    "notes": "",
}
NASTY_LOGS = [
    {**NO_LOG, "date": "9999-12-31", "start": "23:59", "minutes": "1440"},
    {**NO_LOG, "date": "0001-01-01", "start": "00:00", "notes": "\x00"},
    {**NO_LOG, "peak": "٥٠", "notes": "[bold]x[/bold] \x1b]0;pwned\x07"},
]
NASTY_OPTIONS = [{"repeats": "٣", "minutes": "1e309", "behaviours": "[/]\n\x1b[2J"}]


@ONCE
@given(
    ladders=batch(ladder_values, NASTY_LADDERS),
    steps=batch(step_values, NASTY_STEPS),
    logs=batch(log_values, NASTY_LOGS),
    options=batch(options_values, NASTY_OPTIONS),
)
def test_exposure_forms(
    tmp_path_factory: pytest.TempPathFactory,
    ladders: list[dict[str, str]],
    steps: list[dict[str, str]],
    logs: list[dict[str, str]],
    options: list[dict[str, str]],
) -> None:
    folder = tmp_path_factory.mktemp("exposure") / "data"

    def ladder_saved(typed: dict[str, str]) -> None:
        names = {ladder.name: ladder for ladder in read(folder, "ladders", Ladder)}
        assert expected_line(typed["name"]) in names, typed
        # the goal's box is one line: line breaks in a paste become spaces
        assert (
            names[expected_line(typed["name"])].goal
            == expected_text(typed["goal"], multiline=False).strip()
        ), typed

    def step_saved(typed: dict[str, str]) -> None:
        steps = [s.description for ladder in read(folder, "ladders", Ladder) for s in ladder.steps]
        assert expected_line(typed["description"]) in steps, typed

    def log_saved(typed: dict[str, str]) -> None:
        newest = max(read(folder, "exposures", Exposure), key=lambda e: e.created_at)
        assert newest.notes == expected_text(typed["notes"]).strip(), typed

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("x")
            await wait_screen(pilot, "ExposureScreen")
            assert (
                await fill_many(
                    pilot,
                    ladders,
                    name="ladder",
                    form="FieldsDialog",
                    open_form=lambda: act(pilot, "new_ladder"),
                    message="#dialog-error",
                    check=ladder_saved,
                )
                >= 1
            )
            assert (
                await fill_many(
                    pilot,
                    steps,
                    name="step",
                    form="FieldsDialog",
                    open_form=lambda: act(pilot, "add_step"),
                    message="#dialog-error",
                    check=step_saved,
                )
                >= 1
            )
            assert (
                await fill_many(
                    pilot,
                    logs,
                    name="exposure log",
                    form="ExposureLogScreen",
                    open_form=lambda: act(pilot, "log"),
                    message="#log-message",
                    check=log_saved,
                )
                >= 1
            )
            await fill_many(
                pilot,
                options,
                name="exposure options",
                form="OptionsDialog",
                open_form=lambda: act(pilot, "options"),
                message="#dialog-error",
            )
            await act(pilot, "timer")  # the live timer, with keys a person might press
            for key in ["5", "x", "s", "h", "enter", "9", "enter", "escape"]:
                await pilot.press(key)
                assert_healthy(app, f"(timer key {key!r})")

    run(session)


# -- plan ------------------------------------------------------------------------------------------

plan_values = st.fixed_dictionaries(
    {
        "title": text,
        "target": text,
        "times": number_text,
        "by": text,
        "minutes": number_text,
        "start": st.one_of(
            st.sampled_from(["today", "tomorrow", "2025-03-10", "0001-01-01", "9999-12-31"]), text
        ),
        "end": st.one_of(st.just(""), text),
        "note": text,
        "_kind": st.sampled_from(["thought_record", "exposure", "breathing", "other"]),
        "_every": st.sampled_from(["day", "week", "weekdays", "once"]),
    }
)
NO_PLAN = {
    "title": "",
    "target": "",
    "times": "3",
    "by": "",
    "minutes": "",
    "start": "today",
    "end": "",
    "note": "",
    "_kind": "other",
    "_every": "day",
}
NASTY_PLAN = [
    {
        **NO_PLAN,
        "title": "[/]",
        "times": "1e309",
        "by": "9999-12-31",
        "minutes": "9" * 30,
        "start": "9999-12-31",
        "note": "\x00",
        "_every": "once",
    },
    {
        **NO_PLAN,
        "title": "[bold]x[/bold]",
        "target": "\x1b]0;pwned\x07",
        "times": "٣",
        "note": MEGABYTE[:5000],
        "_every": "week",
    },
    {
        **NO_PLAN,
        "title": "مرحبا e\u0301 👨‍👩‍👧‍👦",
        "minutes": "٣٠",
        "start": "0001-01-01",
        "end": "0001-01-01",
    },
]
NASTY_DATES = [
    {"last": "\x1b]0;pwned\x07", "next": ""},
    {"last": "0001-01-01", "next": "9999-12-31"},
    {"last": "٢٠٢٥-٠٣-١٠", "next": "[/]"},
]


@ONCE
@given(
    values=batch(plan_values, NASTY_PLAN),
    dates=batch(st.fixed_dictionaries({"last": text, "next": text}), NASTY_DATES),
)
def test_plan_forms(
    tmp_path_factory: pytest.TempPathFactory,
    values: list[dict[str, str]],
    dates: list[dict[str, str]],
) -> None:
    from homework_tui.model.activity import Kind
    from homework_tui.model.plan import Every

    folder = tmp_path_factory.mktemp("plan") / "data"

    def choose(screen: Any, typed: dict[str, str]) -> None:
        screen.query_one("#kind").value = Kind(typed["_kind"])
        screen.query_one("#every").value = Every(typed["_every"])

    def saved(typed: dict[str, str]) -> None:
        newest = max(read(folder, "plan", Assignment), key=lambda a: a.created_at)
        assert newest.title == expected_line(typed["title"]), typed
        assert newest.note == expected_text(typed["note"]).strip(), typed

    def dates_saved(typed: dict[str, str]) -> None:
        with Store.open(folder, read_only=True) as store:
            Singleton(store, "plan_info", PlanInfo, PlanInfo).load()

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("p")
            await wait_screen(pilot, "PlanScreen")
            assert (
                await fill_many(
                    pilot,
                    values,
                    name="homework",
                    form="AssignmentForm",
                    open_form=lambda: act(pilot, "add"),
                    message="#form-error",
                    prepare=choose,
                    check=saved,
                )
                >= 1
            )
            await fill_many(
                pilot,
                dates,
                name="session dates",
                form="SessionDatesForm",
                open_form=lambda: act(pilot, "sessions"),
                message="#form-error",
                check=dates_saved,
            )

    run(session)


# -- Help now --------------------------------------------------------------------------------------

contact_values = st.fixed_dictionaries(
    {"name": text, "number": st.one_of(text, number_text), "note": text}
)
NASTY_CONTACTS = [
    {"name": "\x1b[2J", "number": "\x00", "note": ""},
    {"name": "[bold]x[/bold]", "number": "\x1b]0;pwned\x07+44 ٣", "note": "[/]"},
    {"name": "مرحبا e\u0301 👨‍👩‍👧‍👦", "number": "-0", "note": MEGABYTE[:5000]},
]


@ONCE
@given(people=batch(contact_values, NASTY_CONTACTS), lines=batch(contact_values, NASTY_CONTACTS))
def test_help_now_contacts(
    tmp_path_factory: pytest.TempPathFactory,
    people: list[dict[str, str]],
    lines: list[dict[str, str]],
) -> None:
    folder = tmp_path_factory.mktemp("help") / "data"

    def stored_as_typed(which: str) -> Any:
        def check(typed: dict[str, str]) -> None:
            with Store.open(folder, read_only=True) as store:
                plan = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
            chosen = plan.contacts[-1] if which == "person" else plan.crisis_line
            assert chosen is not None
            for key in ("name", "number", "note"):
                want = expected_text(typed[key], multiline=False).strip()
                assert getattr(chosen, key) == want, f"{key} ({typed!r:.300})"

        return check

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")
            assert (
                await fill_many(
                    pilot,
                    people,
                    name="person",
                    form="ContactForm",
                    open_form=lambda: act(pilot, "add_person"),
                    message="#form-error",
                    check=stored_as_typed("person"),
                )
                >= 1
            )
            assert (
                await fill_many(
                    pilot,
                    lines,
                    name="crisis line",
                    form="ContactForm",
                    open_form=lambda: act(pilot, "edit_crisis_line"),
                    message="#form-error",
                    check=stored_as_typed("line"),
                )
                >= 1
            )
            assert_healthy(app, "(Help now with every contact)")

    run(session)


# -- settings --------------------------------------------------------------------------------------


@ONCE
@given(
    values=batch(
        st.fixed_dictionaries({"voice": text, "speech_rate": number_text}),
        [
            {"voice": "\x1b]0;pwned\x07[/]", "speech_rate": "٢٠٠"},
            {"voice": MEGABYTE[:1000], "speech_rate": "1e309"},
            {"voice": "مرحبا", "speech_rate": "-0"},
        ],
    )
)
def test_settings_fields(
    tmp_path_factory: pytest.TempPathFactory, values: list[dict[str, str]]
) -> None:
    # A data folder whose very name is an escape sequence: shown in Settings, never raw.
    folder = tmp_path_factory.mktemp("settings") / "\x1b]0;pwned\x07 [bold]data"

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            app.open_settings()
            await wait_screen(pilot, "SettingsScreen")
            assert_healthy(app, "(settings opened)")
            for number, typed in enumerate(values):
                where = f"(settings {number}: {typed!r:.300})"
                for key, value in typed.items():
                    widget = app.screen.query_one(f"#{key}")
                    widget.focus()
                    put(widget, value)
                    await pilot.pause()
                    app.screen.query_one("#theme").focus()  # leaving the field saves it
                    await pilot.pause()
                    assert_healthy(app, where)
                    assert_widget_safe(widget, where)
                await app.workers.wait_for_complete()
                with Store.open(folder, read_only=True) as store:
                    stored = Singleton(store, "settings", Settings, Settings).load()
                voice = expected_text(typed["voice"], multiline=False).strip()
                if len(voice) <= 120:
                    assert stored.voice == voice, where

    run(session)


# -- Relax: the pattern editor and the rating ------------------------------------------------------

PATTERN = {
    "rx-p-name": "calm one",
    "rx-p-inhale": "4",
    "rx-p-hold_in": "0",
    "rx-p-exhale": "6",
    "rx-p-hold_out": "0",
}
pattern_values = st.fixed_dictionaries(
    {
        "rx-p-name": text,
        "rx-p-inhale": number_text,
        "rx-p-hold_in": number_text,
        "rx-p-exhale": number_text,
        "rx-p-hold_out": number_text,
    }
)
NASTY_RATINGS = [
    ("٣", "[bold]x[/bold] \x1b]0;pwned\x07"),
    ("1e309", MEGABYTE[:3000]),
    ("-0", "\x00 مرحبا"),
]


@ONCE
@given(
    values=batch(
        pattern_values,
        [
            {**PATTERN, "rx-p-name": "\x1b]0;pwned\x07"},
            {
                **PATTERN,
                "rx-p-name": "[bold]x[/bold]",
                "rx-p-inhale": "1e309",
                "rx-p-hold_in": "nan",
                "rx-p-exhale": "٣",
                "rx-p-hold_out": "-0",
            },
            PATTERN,
        ],
    ),
    ratings=st.lists(st.tuples(number_text, text), min_size=GENERATED, max_size=GENERATED).map(
        lambda v: NASTY_RATINGS + v
    ),
)
def test_relax_pattern_and_rating(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    values: list[dict[str, str]],
    ratings: list[tuple[str, str]],
) -> None:
    from homework_tui.ui.relax.relax_rating import RatingDialog

    root = tmp_path_factory.mktemp("relax")
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(root / "cache"))
    folder = root / "data"

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("r")
            await wait_screen(pilot, "RelaxScreen")
            assert (
                await fill_many(
                    pilot,
                    values,
                    name="pattern",
                    form="PatternDialog",
                    open_form=lambda: act(pilot, "new_pattern"),
                    message="#rx-pattern-problem",
                )
                >= 1
            )
            for number, (score, note) in enumerate(ratings):
                where = f"(rating {number}: {score!r}, {note!r:.200})"
                results: list[Any] = []
                app.push_screen(
                    RatingDialog("tension", after=True, heading="[/] how was it?"), results.append
                )
                await wait_screen(pilot, "RatingDialog")
                dialog = app.screen
                put(dialog.query("Input").first(), score)
                put(dialog.query_one("#rx-note"), note)
                await pilot.pause()
                assert_healthy(app, where)
                assert_widget_safe(dialog.query_one("#rx-note"), where)
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert_healthy(app, where)
                if isinstance(app.screen, RatingDialog):
                    app.screen.dismiss(None)
                    await pilot.pause()
                if results and results[0] is not None:
                    assert results[0].note == expected_text(note), where

    run(session)


# -- the search boxes ------------------------------------------------------------------------------


@ONCE
@given(
    queries=st.lists(text, min_size=GENERATED, max_size=GENERATED).map(
        lambda v: NASTY[1:5] + NASTY[-1:] + v
    )
)
def test_search_boxes(tmp_path_factory: pytest.TempPathFactory, queries: list[str]) -> None:
    from homework_tui.model.journal import JournalEntry

    folder = tmp_path_factory.mktemp("search") / "data"
    with Store.open(folder) as store:
        Repository(store, "journal", JournalEntry).add(JournalEntry(title="[b]x[/b] مرحبا"))

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            for key, screen in (
                ("journal", "JournalScreen"),
                ("thoughts", "ThoughtRecordsScreen"),
                ("experiments", "ExperimentsScreen"),
            ):
                app.open_section(key)
                await wait_screen(pilot, screen)
                boxes = list(app.screen.query("#search"))
                if not boxes:
                    continue
                box = boxes[0]
                for query in queries:
                    put(box, query)
                    await pilot.pause()
                    assert_healthy(app, f"(search {query!r:.200} on {screen})")
                    assert_widget_safe(box, f"(search {query!r:.200})")
                put(box, "")
                await pilot.pause()

    run(session)
