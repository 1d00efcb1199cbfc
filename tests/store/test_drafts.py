"""The draft store on a real data folder: kept, offered back after reopening, never overwritten by
an older snapshot, removed once the record is saved."""

from __future__ import annotations

import threading
from pathlib import Path

from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper, Drafts


def test_a_kept_draft_is_there_after_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        keeper = DraftKeeper(Drafts(store), Draft(form="thought_record"))
        assert not keeper.keep({"situation": ""})  # nothing typed, nothing written
        assert keeper.keep({"situation": "Team meeting [bold]😬"}, "step-1")
        assert not keeper.keep({"situation": "Team meeting [bold]😬"}, "step-1")  # unchanged
        assert keeper.keep({"situation": "Team meeting [bold]😬 again"}, "step-1")
    with Store.open(tmp_path) as store:
        (draft,) = Drafts(store).pending("thought_record")
        assert draft.fields == {"situation": "Team meeting [bold]😬 again"}
        assert draft.place == "step-1"
        assert Drafts(store).pending("journal") == []


def test_an_older_snapshot_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        keeper = DraftKeeper(Drafts(store), Draft(form="journal"))
        old = keeper.stamp()
        new = keeper.stamp()
        assert keeper.keep({"text": "newer"}, sequence=new)
        assert not keeper.keep({"text": "older"}, sequence=old)
        assert Drafts(store).pending()[0].fields == {"text": "newer"}


def test_racing_threads_leave_the_newest_snapshot(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        keeper = DraftKeeper(Drafts(store), Draft(form="journal"))
        stamps = [keeper.stamp() for _ in range(20)]
        threads = [
            threading.Thread(target=keeper.keep, args=({"text": f"v{i}"},), kwargs={"sequence": s})
            for i, s in reversed(list(enumerate(stamps)))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert Drafts(store).pending()[0].fields == {"text": "v19"}


def test_finish_removes_for_good_and_discard_goes_to_trash(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        drafts = Drafts(store)
        done = DraftKeeper(drafts, Draft(form="journal"))
        done.keep({"text": "saved as an entry"})
        done.finish()
        assert not done.keep({"text": "typed after closing"})
        dropped = DraftKeeper(drafts, Draft(form="journal", record_id="r1"))
        dropped.keep({"text": "let go"})
        assert drafts.for_record("journal", "r1") is not None
        dropped.discard()
        assert drafts.pending() == []
        assert [d.fields["text"] for d in drafts.repo.trash()] == ["let go"]
        assert drafts.restore(dropped.id)
        assert drafts.for_record("journal", "r1") is not None


def test_empty_drafts_are_not_offered_and_can_be_cleared(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        drafts = Drafts(store)
        drafts.save(Draft(form="journal", fields={"text": "  "}))
        drafts.save(Draft(form="journal", fields={"text": "something"}))
        assert len(drafts.pending()) == 1
        assert drafts.forget_empty() == 1
        assert len(drafts.repo) == 1
