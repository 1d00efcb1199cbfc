"""Where behavioural experiments live in the store (no Textual here; call from thread workers).

For Today: `waiting_experiments(store)` lists the experiments still waiting for their outcome,
oldest first (see `homework_tui.model.experiment.awaiting_outcome`).
"""

from __future__ import annotations

from homework_tui.model.experiment import TABLE, Experiment, awaiting_outcome
from homework_tui.store import Repository, Store

FORM = "experiment"  # the drafts' name for the experiment form


def experiments_repo(store: Store) -> Repository[Experiment]:
    return Repository(store, TABLE, Experiment)


def waiting_experiments(store: Store) -> list[Experiment]:
    return awaiting_outcome(experiments_repo(store).all())
