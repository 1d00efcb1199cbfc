"""The model's words on a real screen: the PHQ-9 asked in German, in its published wording, and
its result in German, in the real app under Pilot."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from homework_tui.i18n import use_language
from tests.ui.helpers import screen_words, settle, wait_for_words, wait_ready, wait_screen

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp


async def test_the_phq9_in_german_on_its_screen(app: Callable[..., HomeworkApp]) -> None:
    use_language("de")
    homework = app(language="de")
    try:
        async with homework.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            await pilot.press("m")
            await wait_screen(pilot, "MeasuresScreen")
            await settle(pilot)
            assert "PHQ-9 (Depression)" in screen_words(homework)
            await pilot.press("p")
            await wait_screen(pilot, "QuestionnaireScreen")
            words = screen_words(homework)
            assert "Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen" in words
            assert "Wenig Interesse oder Freude an Ihren Tätigkeiten" in words
            await pilot.press(*"111111110")
            await wait_screen(pilot, "ResultScreen")
            # The band and its meaning come from the model, in German.
            await wait_for_words(pilot, "Leicht (5–9): einige Anzeichen einer Depression")
    finally:
        homework.close_store()
