"""Where the plan is kept: assignments, “I did this” check-offs, and the plan's details.

Importing a plan file is one durable change (`store.write_batch`): after a crash either the whole
plan is there or none of it. Importing the same file again updates its assignments in place (they
keep their ids, so check-offs stay attached); `replace=True` also ends the assignments the file
does not mention (they keep their history and can be brought back by editing their end date).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from homework_tui.i18n import _
from homework_tui.model.base import now
from homework_tui.model.plan import Assignment, Checkoff, PlanInfo
from homework_tui.model.plan_toml import PlanFile
from homework_tui.store.activities import CHECKOFFS_TABLE, PLAN_TABLE
from homework_tui.store.codec import to_doc
from homework_tui.store.db import Store
from homework_tui.store.repos import TRASHED, Repository, Singleton

PLAN_INFO_TABLE = "plan_info"


def assignments_repo(store: Store) -> Repository[Assignment]:
    return Repository(store, PLAN_TABLE, Assignment)


def checkoffs_repo(store: Store) -> Repository[Checkoff]:
    return Repository(store, CHECKOFFS_TABLE, Checkoff)


def plan_info(store: Store) -> Singleton[PlanInfo]:
    return Singleton(store, PLAN_INFO_TABLE, PlanInfo, PlanInfo)


def assignments(store: Store) -> list[Assignment]:
    """The plan in a steady order: by start date, then as they were added."""
    return assignments_repo(store).all(key=lambda a: (a.start, a.created_at), reverse=False)


def check_off(store: Store, assignment: Assignment, day: date, note: str = "") -> Checkoff:
    return checkoffs_repo(store).add(Checkoff(assignment_id=assignment.id, day=day, note=note))


def undo_check_off(store: Store, assignment: Assignment, day: date) -> bool:
    """Take back the newest “I did this” for `assignment` on `day` (to the trash)."""
    for checkoff in checkoffs_repo(store).all():
        if checkoff.assignment_id == assignment.id and checkoff.day == day:
            return checkoffs_repo(store).delete(checkoff.id)
    return False


@dataclass(frozen=True)
class ImportResult:
    added: tuple[Assignment, ...]
    updated: tuple[Assignment, ...]
    ended: tuple[Assignment, ...]
    kept: tuple[Assignment, ...]  # other assignments left as they were

    def __str__(self) -> str:
        parts = [_("{n} added").format(n=len(self.added))]
        if self.updated:
            parts.append(_("{n} updated").format(n=len(self.updated)))
        if self.ended:
            parts.append(_("{n} earlier ones ended").format(n=len(self.ended)))
        return ", ".join(parts)


def import_plan(
    store: Store, plan: PlanFile, *, replace_others: bool = False, today: date | None = None
) -> ImportResult:
    """Store every assignment of `plan` (and its details) as one change."""
    current = assignments_repo(store).all()
    by_source = {a.source: a for a in current if a.source}
    stamp = now()
    added: list[Assignment] = []
    updated: list[Assignment] = []
    for new in plan.assignments:
        old = by_source.get(new.source)
        if old is None:
            added.append(new)
        else:
            updated.append(replace(new, id=old.id, created_at=old.created_at, updated_at=stamp))
    touched = {a.id for a in updated}
    others = [a for a in current if a.id not in touched]
    ended: list[Assignment] = []
    future: list[Assignment] = []  # set to start after the new plan begins: to the trash
    if replace_others:
        starts = [a.start for a in plan.assignments] or [today or date.today()]
        last_day = min(starts) - timedelta(days=1)
        for other in others:
            if other.end is not None and other.end <= last_day:
                continue
            if other.start > last_day:
                future.append(other)
            else:
                ended.append(replace(other, end=last_day, updated_at=stamp))
    changes: list[tuple[str, dict[str, object] | None]] = [
        (a.id, to_doc(a)) for a in (*added, *updated, *ended)
    ]
    changes += [(a.id, {**to_doc(a), TRASHED: stamp.isoformat()}) for a in future]
    batch: dict[str, list[tuple[str, dict[str, object] | None]]] = {PLAN_TABLE: changes}
    info = plan.info
    if info != PlanInfo():
        old_info = plan_info(store).load()
        merged = PlanInfo(
            title=info.title or old_info.title,
            therapist=info.therapist or old_info.therapist,
            last_session=info.last_session or old_info.last_session,
            next_session=info.next_session or old_info.next_session,
            suggest_relax=(
                old_info.suggest_relax if info.suggest_relax is None else info.suggest_relax
            ),
        )
        batch[PLAN_INFO_TABLE] = [(PLAN_INFO_TABLE, to_doc(merged))]
    store.write_batch(batch)
    ended_ids = {a.id for a in (*ended, *future)}
    return ImportResult(
        tuple(added),
        tuple(updated),
        (*ended, *future),
        tuple(a for a in others if a.id not in ended_ids),
    )
