"""The exposure section's data in the store: each ladder's suggested next step (for Today), and
the writer that saves changes in order."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.ui.exposure.exposure_data import ExposureBook
from homework_tui.store import Store


def ladder() -> Ladder:
    made = Ladder(name="Social")
    made, _ = made.with_step("say hello to a neighbour", 25)
    return made


def test_next_steps_for_today(tmp_path: Path) -> None:
    made = ladder()
    made, second = made.with_step("phone to book", 45)
    done = [
        Exposure(
            ladder_id=made.id,
            step_id=made.steps[0].id,
            started_at=datetime(2024, 5, d, tzinfo=timezone.utc),
            peak=60,
            end=20,
        )
        for d in (1, 2, 3)
    ]
    with Store.open(tmp_path / "data") as store:
        book = ExposureBook(store)
        book.save_ladder(made)
        assert [s.description for _, s in book.load().next_steps()] == [made.steps[0].description]
        for exposure in done:
            book.save_exposure(exposure)
        assert [s for _, s in book.load().next_steps()] == [second]


class FakeNode:
    """Runs the writer's worker at once, on this thread, and keeps what it is told."""

    def __init__(self) -> None:
        self.told: list[str] = []
        self.app = self

    def run_worker(self, work, **_: object) -> None:  # type: ignore[no-untyped-def]
        work()

    def call_from_thread(self, callback, *args):  # type: ignore[no-untyped-def]
        return callback(*args)

    def notify(self, message: str, **_: object) -> None:
        self.told.append(message)


class FlakyBook:
    """Refuses the first `fail` writes, like a full disk that then gets space again."""

    def __init__(self, fail: int) -> None:
        self.fail = fail
        self.saved: dict[str, Ladder] = {}

    def save_ladder(self, ladder: Ladder) -> Ladder:
        from homework_tui.store.errors import WriteFailed

        if self.fail:
            self.fail -= 1
            raise WriteFailed(Path("homework.json"), OSError(28, "No space left on device"))
        self.saved[ladder.id] = ladder
        return ladder


def test_a_refused_write_is_told_once_and_saved_with_the_next_change() -> None:
    from dataclasses import replace

    from homework_tui.services.saves import SaveTracker
    from homework_tui.ui.exposure.exposure_writer import ExposureWriter

    node, book = FakeNode(), FlakyBook(fail=2)
    writer = ExposureWriter(node, book, SaveTracker())  # type: ignore[arg-type]
    first, other = ladder(), Ladder(name="Driving")
    writer.save_ladder(first)
    writer.save_ladder(other)  # retries the first (refused again), then saves this one
    assert book.saved == {other.id: other} and len(node.told) == 1
    assert "will be saved with the next one" in node.told[0]
    renamed = replace(first, name="Social situations")
    writer.save_ladder(renamed)  # the newer version replaces the refused one
    assert book.saved == {first.id: renamed, other.id: other}
    assert len(node.told) == 1
