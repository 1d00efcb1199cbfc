"""The exposure log form in French under Pilot: its labels, title and the step's progress with a
plural, after a ladder and a step are made by keyboard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from homework_tui.i18n import use_language
from homework_tui.ui.exposure.exposure import ExposureScreen
from homework_tui.ui.exposure.exposure_log import ExposureLogScreen
from tests.ui.helpers import screen_words, section_app, settle, wait_until
from tests.ui.test_exposure import add_step, detail, new_ladder


async def test_the_exposure_log_form_speaks_french(tmp_path: Path) -> None:
    use_language("fr")
    async with section_app(tmp_path / "data", "x", "exposure", (100, 40)) as (app, pilot):
        assert app.screen.title == "Exposition"
        await new_ladder(pilot, "Conduire", "aller au travail en voiture")
        assert "Objectif : aller au travail en voiture" in screen_words(app)
        await add_step(pilot, "faire le tour du pâté de maisons", 30)
        assert "○ Pas encore essayé." in detail(app)

        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        await settle(pilot)
        form = app.screen
        assert form.title == "Noter une exposition"
        words = screen_words(app)
        for label in (
            "Échelon :",
            "Que craignez-vous ?",
            "Quelle probabilité, de 0 à 100 ?",
            "Est-ce arrivé ? (↑/↓, Entrée pour choisir)",
            "Qu’avez-vous appris ?",
            "J’ai quitté la situation plus tôt que prévu",
            "Enregistrer",
        ):
            assert label in words, (label, words)
        assert "What do you fear will happen?" not in words

        for key, value in (
            ("start", "18:30"),
            ("end_time", "19:00"),
            ("before", "50"),
            ("peak", "60"),
            ("end", "30"),
        ):
            form.query_one(f"#{key}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureScreen))
        await settle(pilot)
        assert "◐ En pratique : 1 exposition, comptée, 3 nécessaires." in detail(app), detail(app)
        assert "La dernière fois : pic 60 → fin 30" in detail(app), detail(app)
