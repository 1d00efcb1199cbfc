"""A settings document saved before the cursor-follows-focus choice existed (issue 17, point 1)
still loads, with the choice on, from a real data file."""

from __future__ import annotations

from pathlib import Path

from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store


def test_settings_saved_before_the_choice_existed_load_with_it_on(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        settings = Singleton(store, "settings", Settings, Settings)
        settings.save(Settings(animations=True))
        doc = dict(store.storage.read()["settings"]["settings"])
        del doc["cursor_on_focus"]  # as an older version wrote it
        store.write_batch({"settings": [("settings", doc)]})
    with Store.open(tmp_path, read_only=True) as store:
        loaded = Singleton(store, "settings", Settings, Settings).load()
    assert loaded == Settings(animations=True)
