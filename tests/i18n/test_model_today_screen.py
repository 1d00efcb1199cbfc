"""Today, run in German under Pilot: the lines the model writes (what is due, how often, the
streak) are in German on the real screen, and the plan stays stored in English keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from homework_tui.app import HomeworkApp
from homework_tui.i18n import current_language, use_language
from homework_tui.model.activity import Kind
from homework_tui.model.plan import Assignment, Every, Frequency, week_start
from homework_tui.store import Store
from homework_tui.store.plan import assignments_repo
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]


async def test_today_shows_the_models_lines_in_german(app: AppFactory, data_dir) -> None:
    began = week_start(date.today()) - timedelta(days=7)
    with Store.open(data_dir) as store:
        repo = assignments_repo(store)
        repo.add(
            Assignment(
                kind=Kind.THOUGHT_RECORD,
                start=began,
                frequency=Frequency(every=Every.WEEK, times=3),
            )
        )
        repo.add(Assignment(kind=Kind.BREATHING, target="resonance", minutes=10, start=began))
    use_language("de")  # as `homework-tui --language de` does before it makes the app
    hw = app(language="de")
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            assert current_language() == "de"
            await wait_until(
                pilot,
                lambda: "Gedankenprotokoll: 0 von 3 diese Woche, noch 3" in screen_words(hw),
                timeout=5,
            )
            words = screen_words(hw)
            assert "Resonance-Atmung, 10 Minuten" in words
            assert "Deine erste Übung beginnt eine Serie." in words
    finally:
        hw.close_store()
    with Store.open(data_dir) as store:
        kinds = {a.kind for a in assignments_repo(store).all()}
    assert kinds == {Kind.THOUGHT_RECORD, Kind.BREATHING}
