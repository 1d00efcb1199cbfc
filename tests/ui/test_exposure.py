"""Exposure in the real app with a real store, by keyboard only: build a ladder of 8 steps, log
exposures (one with the live timer on a fast fake clock), see rungs change state and the next step
move; bad input answered in words; removing and moving steps; a draft offered back."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.exposure import Exposure, Happened, Ladder
from homework_tui.ui.exposure.exposure import ExposureScreen
from homework_tui.ui.exposure.exposure_data import ExposureBook
from homework_tui.ui.exposure.exposure_log import ExposureLogScreen
from homework_tui.ui.exposure.exposure_timer import ExposureTimerScreen
from homework_tui.store import Store
from homework_tui.ui.exposure.ladder_picture import LadderPicture
from tests.hand_clock import HandClock
from tests.ui.helpers import (
    notifications,
    screen_words,
    section_app,
    settle,
    wait_for_words,
    wait_until,
)

SIZE = (100, 30)
LADDER = [
    ("say hello to a neighbour", 25),
    ("ask a shop assistant for help", 35),
    ("phone to book an appointment", 45),
    ("eat lunch in the staff room", 55),
    ("ask a question in a small meeting", 60),
    ("give my opinion at lunch", 70),
    ("make small talk at a party", 75),
    ("speak up in a team meeting", 85),
]


def exposure_app(
    folder: Path, size: tuple[int, int] = SIZE
) -> AbstractAsyncContextManager[tuple[HomeworkApp, Pilot[int]]]:
    return section_app(folder, "x", "exposure", size)


def rungs(app: HomeworkApp) -> list[str]:
    """The drawn ladder, top rung first, as plain lines."""
    return app.screen.query_one(LadderPicture).render().plain.split("\n")


def rung(app: HomeworkApp, words: str) -> str:
    for line in rungs(app):
        if words in line:
            return line
    raise AssertionError(f"no rung with {words!r} on the screen:\n{screen_words(app)}")


async def type_in(pilot: Pilot[int], text: str) -> None:
    """Type `text` into the focused field (inserted as a paste would be: Pilot presses one key
    per ~60 ms, and key-by-key typing is already covered by Textual's own tests)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    elif isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
    else:
        await pilot.press(*text)
    await pilot.pause()


async def new_ladder(pilot: Pilot[int], name: str, goal: str) -> None:
    await pilot.press("n")
    await pilot.pause()
    await type_in(pilot, name)
    await pilot.press("enter")
    await type_in(pilot, goal)
    await pilot.press("enter")
    await settle(pilot)


async def add_step(pilot: Pilot[int], text: str, suds: int | str) -> None:
    await pilot.press("a")
    await pilot.pause()
    await type_in(pilot, text)
    await pilot.press("enter")
    await type_in(pilot, str(suds))
    await pilot.press("enter")
    await settle(pilot)


async def choose(pilot: Pilot[int], words: str) -> None:
    app = pilot.app
    picture = app.screen.query_one(LadderPicture)
    target = next(p.step.id for p in picture.progress if p.step.description == words)
    picture.select(target)
    await pilot.pause()


async def log(pilot: Pilot[int], *values: str) -> None:
    """Open the log form and type start, end, minutes, predicted, before, peak, end, Ctrl+S
    (Enter past the feared outcome and its likelihood, which come before the SUDS)."""
    await pilot.press("l")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ExposureLogScreen))
    await pilot.pause()
    for value in (*values[:3], "", "", *values[3:]):
        await type_in(pilot, value)
        await pilot.press("enter")
    await pilot.press("ctrl+s")
    await settle(pilot)


def detail(app: HomeworkApp) -> str:
    """The chosen step's words under the ladder, unwrapped."""
    return str(app.screen.query_one("#step-detail", Static).content)


def stored(folder: Path) -> tuple[list[Ladder], list[Exposure]]:
    with Store.open(folder) as store:
        data = ExposureBook(store).load()
    return list(data.ladders), list(data.exposures)


async def test_build_a_ladder_then_log_until_a_step_is_mastered(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        assert "no ladder yet" in screen_words(app)
        await new_ladder(pilot, "Social situations", "Speak up at work without dread")
        for text, suds in LADDER[:3]:
            await add_step(pilot, text, suds)
        assert "3 steps" in screen_words(app)  # the gentle note about a short ladder
        for text, suds in reversed(LADDER[3:]):  # out of order on purpose
            await add_step(pilot, text, suds)
        lines = rungs(app)
        assert [line.split("┃")[0].split()[-1] for line in lines] == [
            str(s) for _, s in reversed(LADDER)
        ]
        assert "Ladders usually" not in screen_words(app)
        assert "▶" in rung(app, "next: say hello") and "○" in rung(app, "say hello")
        await choose(pilot, "say hello to a neighbour")
        # three exposures whose end fell to half the peak or less: mastered
        await log(pilot, "18:30", "18:50", "", "70", "40", "60", "30")
        line = rung(app, "say hello")
        assert "◐" in line and "×1" in line and "▓" in line
        assert "Well done for facing it" in " ".join(notifications(app))
        await log(pilot, "18:30", "19:00", "", "60", "40", "60", "30")
        await log(pilot, "9:15am", "", "25", "50", "30", "50", "20")
        line = rung(app, "say hello")
        assert "●" in line and "×3" in line and "█" in line and "▶" not in line
        assert "▶" in rung(app, "next: ask a shop assistant")
        assert any("mastered" in n and "ask a shop assistant" in n for n in notifications(app))
    ladders, exposures = stored(folder)
    assert [s.suds for s in ladders[0].steps] == [s for _, s in LADDER]
    assert ladders[0].goal == "Speak up at work without dread"
    assert sorted(e.minutes for e in exposures) == [20, 25, 30]  # type: ignore[type-var]


async def test_live_timer_with_a_fast_clock(tmp_path: Path) -> None:
    clock = HandClock()
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social", "")
        await add_step(pilot, "phone to book an appointment", 45)
        assert isinstance(app.screen, ExposureScreen)
        app.screen.clock = clock  # the timer it opens keeps this time
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureTimerScreen))
        timer_screen = app.screen
        assert isinstance(timer_screen, ExposureTimerScreen)
        assert "what do you fear will happen" in screen_words(app)
        assert "Rate SUDS" not in screen_words(app)  # the number keys type, not rate, here
        await type_in(pilot, "they'll hang up on me")
        await pilot.press("enter")
        await type_in(pilot, "70")  # how likely
        await pilot.press("enter")
        assert "how high do you think" in screen_words(app)
        await pilot.press("7")  # predicted 70
        await pilot.press("5")  # before 50: the clock starts
        assert "next rating in 5:00" in screen_words(app)
        for rating in ("8", "6", "3"):
            clock.now += 5 * 60
            timer_screen.tick()
            await wait_for_words(pilot, "Time for a rating")
            await pilot.press(rating)
            assert "Time for a rating" not in screen_words(app)
        clock.now += 90
        await pilot.press("enter")  # stop
        assert "One last rating" in screen_words(app)
        await pilot.press("2")
        await wait_for_words(pilot, "did it happen?")
        assert "You feared: they'll hang up on me" in screen_words(app)
        await type_in(pilot, "maybe")
        await pilot.press("enter", "enter", "enter")
        assert "Please answer yes, partly or no" in screen_words(app)
        assert isinstance(app.screen, ExposureTimerScreen)
        app.screen.query_one("#timer-outcome", Input).value = ""
        await type_in(pilot, "no")
        await pilot.press("enter")
        await type_in(pilot, "60")  # surprise
        await pilot.press("enter")
        await type_in(pilot, "They were friendly & quick")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        await pilot.pause()
        words = screen_words(app)
        assert "Timed: 5 ratings over 16 min: 50 → 80 → 60 → 30 → 20" in words
        form = app.screen
        chosen = form.query_one("#outcome-no", RadioButton)
        assert chosen.value and "✓ chosen" in str(chosen.label)  # in words, not only colour
        keys = ("predicted", "before", "peak", "end", "feared_outcome", "likelihood", "surprise")
        values = {k: form.query_one(f"#{k}").value for k in (*keys, "learned")}
        assert values == {
            "predicted": "70",
            "before": "50",
            "peak": "80",
            "end": "20",
            "feared_outcome": "they'll hang up on me",
            "likelihood": "70",
            "surprise": "60",
            "learned": "They were friendly & quick",
        }
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExposureScreen)
        line = rung(app, "phone to book")
        assert "◐" in line and "×1" in line
    _, exposures = stored(folder)
    (done,) = exposures
    assert [r.suds for r in done.readings] == [50, 80, 60, 30, 20]
    assert [round(r.minute, 1) for r in done.readings] == [0, 5, 10, 15, 16.5]
    assert (done.predicted, done.before, done.peak, done.end) == (70, 50, 80, 20)
    assert done.minutes == 16
    assert (done.feared_outcome, done.likelihood, done.outcome) == (
        "they'll hang up on me",
        70,
        Happened.NO,
    )
    assert (done.surprise, done.learned) == (60, "They were friendly & quick")


BAD_LOGS = [
    ({"likelihood": "150", "peak": "60", "end": "20"}, "How likely is 150; it goes from 0 to 100"),
    (
        {"likelihood": "", "before": "50", "peak": "40", "end": "20"},
        "can't be lower than before you started",
    ),
    ({"before": "", "peak": "40", "end": "60"}, "can't be lower than at the end"),
    ({"end_time": "18:00", "peak": "60", "end": "20"}, "is before the start time"),
    ({"end_time": "19:00", "peak": "150"}, "Peak SUDS is 150; it goes from 0 to 100"),
    ({"start": "25:00", "peak": "60"}, "Please write the start time like 18:30"),
    ({"start": "18:30", "minutes": "45"}, "is 30 minutes, but the minutes say 45"),
]


async def test_bad_exposure_input_is_answered_in_words(tmp_path: Path) -> None:
    async with exposure_app(tmp_path / "data") as (app, pilot):
        await new_ladder(pilot, "Driving", "")
        await add_step(pilot, "drive round the block", 30)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        form = app.screen
        for key, value in (("start", "18:30"), ("end_time", "19:00")):
            form.query_one(f"#{key}", Input).value = value
        for values, message in BAD_LOGS:
            for key, value in values.items():
                form.query_one(f"#{key}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is form  # still open, nothing lost
            assert message in screen_words(app), message
        form.query_one("#minutes", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExposureScreen)
        assert "◐" in rung(app, "drive round the block")


async def test_bad_step_input_and_the_ladder_picture_text_is_literal(tmp_path: Path) -> None:
    async with exposure_app(tmp_path / "data") as (app, pilot):
        await new_ladder(pilot, "[bold]Mine[/bold] 😀", "")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await type_in(pilot, "120")
        await pilot.press("enter")
        await wait_for_words(pilot, "Please describe the step")
        await type_in(pilot, "[red]phone[/red] mum")
        await pilot.press("enter", "enter")
        await wait_for_words(pilot, "The step's SUDS is 120; it goes from 0 to 100")
        await pilot.press("backspace", "backspace", "backspace")
        await type_in(pilot, "40")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "[red]phone[/red] mum" in rung(app, "phone")
        assert "[bold]Mine[/bold] 😀" in screen_words(app)


async def test_move_remove_and_undo(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social", "")
        for text, suds in LADDER[:3]:
            await add_step(pilot, text, suds)
        await choose(pilot, "say hello to a neighbour")
        await pilot.press("shift+up")
        await settle(pilot)
        assert [line.split("┃")[0].split()[-1] for line in rungs(app)] == ["45", "35", "35"]
        assert "shop assistant" in rungs(app)[2]  # the two 35s: hello now above
        await pilot.press("d")
        await settle(pilot)
        assert not any("say hello" in line for line in rungs(app))
        await pilot.press("u")
        await settle(pilot)
        assert any("say hello" in line for line in rungs(app))
    ladders, _ = stored(folder)
    assert [s.description for s in ladders[0].steps][1] == "say hello to a neighbour"


async def test_an_unsaved_log_is_offered_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social", "")
        await add_step(pilot, "say hello to a neighbour", 25)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        await type_in(pilot, "18:30")
        app.screen.query_one("#feared_outcome").focus()
        await pilot.pause()
        await type_in(pilot, "they'll [b]ignore[/b] me")
        await pilot.press("tab")
        await type_in(pilot, "75")
        app.screen.query_one("#outcome").focus()
        await pilot.pause()
        await pilot.press("right", "enter")  # partly
        await pilot.press("tab", "tab", "tab", "space")  # surprise, learned, then the switch
        assert app.focused is app.screen.query_one("#left_early")
        assert "▐✓▌ I left earlier than I meant to" in screen_words(app)
        await pilot.press("tab")
        await settle(pilot)
    # the terminal was closed with the form open: the next start offers it back
    async with exposure_app(folder) as (app, pilot):
        await wait_until(pilot, lambda: "Welcome back" in screen_words(app))
        assert "say hello to a neighbour" in screen_words(app)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        form = app.screen
        assert form.query_one("#start").value == "18:30"
        assert form.query_one("#feared_outcome").value == "they'll [b]ignore[/b] me"
        assert form.query_one("#likelihood").value == "75"
        assert form.query_one("#outcome-partly", RadioButton).value
        assert form.query_one("#left_early").value


async def test_safety_behaviours_and_the_expectancy_rule(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social", "")
        await add_step(pilot, "phone to book an appointment", 45)
        # a safety behaviour typed while logging joins the person's list
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        for value in ("18:00", "", "20", "", "", "80", "40", "80", "10"):
            await type_in(pilot, value)
            await pilot.press("enter")
        app.screen.query_one("#new-safety").focus()
        await type_in(pilot, "rehearsed what to say")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = rung(app, "phone")
        assert "◐" in line and "×1" in line  # 80 → 10 fell by half, but with a safety behaviour
        assert " — not counted: used a safety behaviour (rehearsed what to say)." in detail(app)
        # and is offered, unticked, next time: ticked ones show ✓, not only a colour
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        app.screen.query_one("#left_early").focus()
        await pilot.press("tab", "space")
        assert "▐✓▌ rehearsed what to say" in screen_words(app)
        await pilot.press("space")
        assert "▐ ▌ rehearsed what to say" in screen_words(app)
        await pilot.press("escape")  # nothing changed: it just closes
        await settle(pilot)
        assert isinstance(app.screen, ExposureScreen)
        # the expectancy rule, and safety behaviours allowed to count
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "enter")  # "What you feared didn't happen"
        words = screen_words(app)
        assert "What you feared didn't happen ✓ chosen" in words
        assert "didn't happen, or happened only partly" in words
        assert "An exposure that used a safety behaviour, was left early or lasted less" in words
        app.screen.query_one("#exclude-safety").focus()
        await pilot.press("space")
        assert "An exposure that was left early or lasted less than 5 minutes" in screen_words(app)
        app.screen.query_one("#repeats").value = "1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # no feared outcome written: the half-drop rule judges it, and 80 → 10 fell by half
        line = rung(app, "phone")
        assert "●" in line and "mastered ×1" in line
        # one where what was feared happened does not count, and the step lapses
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        for value in ("19:00", "", "20", "they'll be rude", "90", "", "50", "60", "50"):
            await type_in(pilot, value)
            await pilot.press("enter")
        assert app.focused is app.screen.query_one("#outcome")
        await pilot.press("enter")  # the first answer: yes
        assert "✓ chosen" in str(app.screen.query_one("#outcome-yes", RadioButton).label)
        await pilot.press("ctrl+s")
        await settle(pilot)
        for n in range(2):
            await log(pilot, f"2{n}:00", "", "20", "", "60", "70", "40")
        line = rung(app, "phone")
        assert "practising again ×4 (was mastered)" in line
        assert "Practising again (it was mastered before): 4 exposures" in detail(app)
    with Store.open(folder) as store:
        data = ExposureBook(store).load()
    settings = data.settings
    assert settings.safety_behaviours == ("rehearsed what to say",)
    assert settings.rule.kind.value == "expectancy" and settings.rule.repeats == 1
    assert not settings.exclude_safety_behaviours and settings.exclude_early_exits
    feared = [e for e in data.exposures if e.feared_outcome]
    assert [(e.feared_outcome, e.likelihood, e.outcome) for e in feared] == [
        ("they'll be rude", 90, Happened.YES)
    ]
    assert data.judgement(feared[0]).words == "not counted: what you feared happened"


async def test_several_ladders_switch_and_remove_with_undo(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social situations", "Speak up at work")
        await add_step(pilot, "say hello to a neighbour", 25)
        await new_ladder(pilot, "Driving", "Drive to my sister's")
        await add_step(pilot, "sit in the parked car", 20)
        words = screen_words(app)
        assert "Driving" in words and "ladder 2 of 2" in words and "sit in the parked car" in words
        await pilot.press("right_square_bracket")
        await wait_for_words(pilot, "ladder 1 of 2")
        assert "Social situations" in screen_words(app)
        assert "say hello" in rung(app, "say hello")
        await pilot.press("D")
        await wait_for_words(pilot, "Remove this ladder?")
        await pilot.press("r")
        await settle(pilot)
        assert "Driving" in screen_words(app) and "ladder 1 of" not in screen_words(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Social situations" in screen_words(app) and "ladder 1 of 2" in screen_words(app)
    ladders, _ = stored(folder)
    assert sorted(lad.name for lad in ladders) == ["Driving", "Social situations"]
