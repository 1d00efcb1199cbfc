"""After saving a new record, its list highlights the record just saved (issue 13, point 6), so
the next key (o, Enter, Delete) acts on it, not on the row highlighted before; and the form
opened on it names it in its title (its own words, cleaned and shortened)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, TextArea

from homework_tui.model.experiment import Experiment
from homework_tui.model.journal import JournalEntry
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.ui.experiments.experiment_data import experiments_repo
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.ui.thoughts.thought_data import records_repo
from homework_tui.store import Store
from homework_tui.ui.naming import record_name
from tests.ui.helpers import screen_words, section_app, settle, wait_until

NEW = "The new one, [b]bold[/b]\x1b[31m and long enough to be cut short in the title"
TITLED = "The new one, [b]bold[/b] and long enoug…"  # the escape sequence went whole
OLD: dict[str, Callable[[Store], Any]] = {
    "journal": lambda s: [
        journal_repo(s).add(JournalEntry(title=f"Old {n}", text=f"Earlier {n}")) for n in range(3)
    ],
    "experiments": lambda s: [
        experiments_repo(s).add(
            Experiment(
                belief=f"Old belief {n}", belief_rating=75, outcome="It went fine", belief_after=30
            )
        )
        for n in range(3)
    ],
    "thought_records": lambda s: [
        records_repo(s).add(ThoughtRecord(situation=f"Old situation {n}")) for n in range(3)
    ],
}
# section key, mode, the field typed into first, the repository
SECTIONS: dict[str, tuple[str, str, Callable[[Store], Any]]] = {
    "journal": ("j", "journal", journal_repo),
    "experiments": ("e", "experiments", experiments_repo),
    "thought_records": ("t", "thoughts", records_repo),
}


@pytest.mark.parametrize("section", list(SECTIONS))
async def test_the_record_just_saved_is_highlighted(tmp_path: Path, section: str) -> None:
    key, mode, repo = SECTIONS[section]
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        OLD[section](store)
    async with section_app(folder, key, mode) as (app, pilot):
        list_screen = app.screen
        table = list_screen.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 3)
        await pilot.press("down", "down")  # an old record highlighted
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is not list_screen)
        await pilot.pause()
        focused = app.focused
        if isinstance(focused, TextArea):
            focused.insert(NEW)
        else:
            assert isinstance(focused, Input)
            focused.insert_text_at_cursor(NEW)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is list_screen)
        await settle(pilot)
        with Store.open(folder, read_only=True) as store:
            saved = repo(store).all()
        (new,) = [r for r in saved if "The new one" in repr(r)]
        assert len(saved) == 4
        highlighted = list_screen._current_key()  # type: ignore[attr-defined]
        assert highlighted == new.id, f"{highlighted} is highlighted, not the new {new.id}"

        await pilot.press("enter")  # opens the record just saved, named in the title
        await wait_until(pilot, lambda: app.screen is not list_screen)
        await wait_until(pilot, lambda: bool(app.screen.sub_title))
        assert app.screen.sub_title.startswith(TITLED + " · "), app.screen.sub_title
        assert TITLED in screen_words(app)


def test_a_record_name_is_one_clean_short_line() -> None:
    assert record_name("", "  \n ", "Second\n  choice") == "Second choice"
    assert record_name("A [b]walk[/b]\x1b[2J\x07 by\tthe river") == "A [b]walk[/b] by the river"
    assert record_name("x" * 60) == "x" * 39 + "…"
    assert record_name("") == ""


async def test_after_logging_an_exposure_its_step_stays_chosen_and_the_form_named_it(
    tmp_path: Path,
) -> None:
    from homework_tui.ui.exposure.exposure_log import ExposureLogScreen
    from homework_tui.ui.exposure.ladder_picture import LadderPicture
    from tests.ui.test_exposure import LADDER, add_step, choose, exposure_app, new_ladder, type_in

    folder = tmp_path / "data"
    async with exposure_app(folder) as (app, pilot):
        await new_ladder(pilot, "Social [b]situations[/b]", "Speak up at work")
        for text, suds in LADDER[:4]:
            await add_step(pilot, text, suds)
        step = LADDER[2][0]  # not the suggested next step
        await choose(pilot, step)
        list_screen = app.screen
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, ExposureLogScreen))
        assert app.screen.sub_title == f"{step} · Social [b]situations[/b]"
        for value in ("18:30", "18:50", "", "", "", "70", "40", "60", "30"):
            await type_in(pilot, value)
            await pilot.press("enter")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is list_screen)
        await settle(pilot)
        picture = list_screen.query_one(LadderPicture)
        assert picture.step is not None and picture.step.description == step
