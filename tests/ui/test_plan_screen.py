"""The Plan screen in the real app, by keyboard: add, change, remove with undo, import a
therapist's file (problems named by line), and nothing typed lost when leaving a form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Select, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.activity import Kind
from homework_tui.model.plan import Every
from homework_tui.model.plan_toml import parse_plan
from homework_tui.store import Store
from homework_tui.store.plan import assignments, import_plan
from homework_tui.ui.widgets.clean_input import CleanInput
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "plan.toml"


def top(hw: HomeworkApp) -> str:
    return type(hw.screen).__name__


async def open_plan(pilot, hw: HomeworkApp) -> None:
    await wait_ready(pilot)
    await pilot.press("p")
    await wait_until(pilot, lambda: top(hw) == "PlanScreen")
    await pilot.pause()


async def type_into(pilot, hw: HomeworkApp, selector: str, text: str) -> None:
    widget = hw.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        widget.insert(text)  # as a paste arrives: one event
    else:
        await pilot.press(*text)  # key by key, as typed
    await pilot.pause()


async def test_add_change_remove_and_undo(app: AppFactory, data_dir: Path) -> None:
    # A homework set today counts from today: late in the week fewer days are left than times asked
    # (on a Saturday "3 times a week" is "0 of 2"), so the expected counts follow the weekday.
    days_left = 7 - date.today().weekday()
    three, two = f"0 of {min(3, days_left)}", f"0 of {min(2, days_left)}"
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot, hw)
            assert "Your plan is empty." in screen_words(hw)
            await pilot.press("a")
            await wait_until(pilot, lambda: top(hw) == "AssignmentForm")
            hw.screen.query_one("#kind", Select).value = Kind.OTHER
            hw.screen.query_one("#every", Select).value = Every.WEEK
            await pilot.pause()
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Please say what this homework is" in screen_words(hw))
            assert top(hw) == "AssignmentForm"  # kept open, nothing lost
            await type_into(pilot, hw, "#title", "Walk [bold]outside[/bold], 20 min")
            await type_into(pilot, hw, "#note", "Any pace is fine.\nEven 10 minutes counts.")
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: top(hw) == "PlanScreen")
            await wait_until(pilot, lambda: "Walk [bold]outside[/bold], 20 min" in screen_words(hw))
            assert "3 times a week" in screen_words(hw) and three in screen_words(hw)
            assert "Note from your therapist: Any pace is fine." in screen_words(hw)
            stored = assignments(hw.store)
            assert [(a.kind, a.title, a.frequency.times) for a in stored] == [
                (Kind.OTHER, "Walk [bold]outside[/bold], 20 min", 3)
            ]

            await pilot.press("enter")
            await wait_until(pilot, lambda: top(hw) == "AssignmentForm")
            times = hw.screen.query_one("#times", CleanInput)
            times.value = "-2"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "How many times a week is -2" in screen_words(hw))
            times.value = "2"
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "2 times a week" in screen_words(hw))
            assert two in screen_words(hw)
            assert [a.id for a in assignments(hw.store)] == [stored[0].id]

            hw.screen.query_one(DataTable).focus()
            await pilot.press("delete")
            await wait_until(pilot, lambda: "Your plan is empty." in screen_words(hw))
            await pilot.press("u")
            await wait_until(pilot, lambda: "2 times a week" in screen_words(hw))
            assert two in screen_words(hw)
            assert len(assignments(hw.store)) == 1
    finally:
        hw.close_store()


async def test_leaving_a_form_with_changes_asks_first(app: AppFactory) -> None:
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot, hw)
            await pilot.press("a")
            await wait_until(pilot, lambda: top(hw) == "AssignmentForm")
            await type_into(pilot, hw, "#title", "Call my sister")
            await pilot.press("escape")
            await wait_until(pilot, lambda: top(hw) == "ChoiceDialog")
            await pilot.press("k")
            await wait_until(pilot, lambda: top(hw) == "AssignmentForm")
            assert hw.screen.query_one("#title", CleanInput).value == "Call my sister"
            await pilot.press("escape")
            await wait_until(pilot, lambda: top(hw) == "ChoiceDialog")
            await pilot.press("d")
            await wait_until(pilot, lambda: top(hw) == "PlanScreen")
            assert assignments(hw.store) == []
    finally:
        hw.close_store()


async def test_importing_a_file_shows_problems_then_adds_the_plan(
    app: AppFactory, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[homework]]\nkind = "yoga"\ndaily = true\n')
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot, hw)
            await pilot.press("f")
            await wait_until(pilot, lambda: top(hw) == "ImportDialog")
            path = hw.screen.query_one("#import-path", CleanInput)
            path.value = str(bad)
            await pilot.press("enter")
            await wait_until(
                pilot, lambda: "line 2: “yoga” is not a kind of homework" in screen_words(hw)
            )
            assert "nothing can be imported yet" in screen_words(hw)
            path.focus()
            path.value = str(EXAMPLE)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "plan.toml holds 3 homework" in screen_words(hw))
            await pilot.press("ctrl+a")
            await wait_until(
                pilot,
                lambda: (
                    "Exposure: Social situations" in screen_words(hw) and top(hw) == "PlanScreen"
                ),
            )
            words = screen_words(hw)
            assert "Resonance breathing, 10 min" in words and "3 times a week" in words
            assert "Social anxiety, weeks 3 and 4 · Dr Amara Okafor" in words
            assert len(assignments(hw.store)) == 3
    finally:
        hw.close_store()


async def test_plan_at_80x24_shows_every_key_in_the_footer(app: AppFactory, data_dir: Path) -> None:
    from homework_tui.model.plan_toml import parse_plan
    from homework_tui.store.plan import import_plan

    with Store.open(data_dir) as store:
        import_plan(store, parse_plan(EXAMPLE.read_text()))
    hw = app()
    try:
        async with hw.run_test(size=(80, 24)) as pilot:
            await open_plan(pilot, hw)
            await wait_until(pilot, lambda: "Thought record" in screen_words(hw))
            footer = hw.screen.active_bindings
            for action in ("add", "edit", "remove", "import_file", "insights", "report"):
                assert any(b.binding.action == action for b in footer.values()), action
    finally:
        hw.close_store()


async def test_importing_says_what_was_removed_and_names_a_passed_limit(
    app: AppFactory, tmp_path: Path
) -> None:
    coloured = tmp_path / "coloured.toml"
    coloured.write_text(
        '[[homework]]\nkind = "journal"\ndaily = true\nnote = "A\\u001b[31mRED\\u001b[0mB"\n'
    )
    many = tmp_path / "many.toml"
    many.write_text(
        "".join(f'[[homework]]\nkind = "journal"\ndaily = true\nid = "h{n}"\n' for n in range(101))
    )
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot, hw)
            await pilot.press("f")
            await wait_until(pilot, lambda: top(hw) == "ImportDialog")
            path = hw.screen.query_one("#import-path", CleanInput)
            path.value = str(many)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "a plan can hold at most 100" in screen_words(hw))
            path.focus()
            path.value = str(coloured)
            await pilot.press("enter")
            await wait_until(pilot, lambda: "coloured.toml holds 1 homework" in screen_words(hw))
            assert (
                "Changed on reading: line 4: 2 terminal escape sequences (colour or cursor "
                "codes) removed from note."
            ) in screen_words(hw)
            await pilot.press("ctrl+a")
            await wait_until(pilot, lambda: top(hw) == "PlanScreen")
            (assignment,) = assignments(hw.store)
            assert assignment.note == "AREDB"
    finally:
        hw.close_store()


async def test_the_plan_screen_shows_that_today_does_not_suggest_relax(
    app: AppFactory, data_dir: Path
) -> None:
    plan = parse_plan(
        '[plan]\ntherapist = "Dr Okafor"\nsuggest_relax = false\n\n'
        '[[homework]]\nkind = "exposure"\ndaily = true\n'
    )
    with Store.open(data_dir) as store:
        import_plan(store, plan)
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await open_plan(pilot, hw)
            await wait_until(pilot, lambda: "Dr Okafor" in screen_words(hw))
            assert (
                "Dr Okafor · Today does not suggest Relax (your therapist's plan turns it off)"
            ) in screen_words(hw)
    finally:
        hw.close_store()
