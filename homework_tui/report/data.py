"""What a report covers: the period, the plan, and every activity in it, gathered once.

`collect(store, first, last)` reads everything the report needs (so the writing itself never
touches the store); `progress(done, total)` is called as each kind is read, for a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from homework_tui.i18n import _
from homework_tui.model.activity import Activity
from homework_tui.model.base import now
from homework_tui.model.bridge import SessionBridge
from homework_tui.model.plan import Assignment, PlanInfo, expected_between
from homework_tui.model.safety import SafetyPlan
from homework_tui.report.ladders import LadderSummary, ladder_summaries
from homework_tui.store.activities import SOURCES, Source
from homework_tui.store.db import Store
from homework_tui.store.plan import assignments, plan_info

Progress = Callable[[int, int], None]
DEFAULT_DAYS = 14  # when there is no last session to start from


@dataclass(frozen=True)
class AssignmentSummary:
    assignment: Assignment
    done: int
    asked: int
    partly: int = 0  # of `done`, how many were stopped early or had parts skipped

    @property
    def done_text(self) -> str:
        """“6”, or “6 (1 partly done)” when some were stopped early or had parts skipped."""
        if not self.partly:
            return str(self.done)
        return _("{done} ({partly} partly done)").format(done=self.done, partly=self.partly)


@dataclass(frozen=True)
class ReportData:
    first: date
    last: date
    info: PlanInfo
    plan: tuple[AssignmentSummary, ...]
    sections: tuple[tuple[Source, tuple[Activity, ...]], ...]
    everything: tuple[Activity, ...]  # every activity in the period, oldest first
    made_at: datetime
    ladders: tuple[LadderSummary, ...] = ()  # where each fear ladder stood on the last day
    bridge: SessionBridge | None = None  # the notes for the next session: they open the report
    safety_plan: SafetyPlan | None = None  # shown only when the person chooses it

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def since_last_session(store: Store, today: date) -> date:
    """Where “since last session” starts: the session the plan was set in, else the day the
    current plan began, else two weeks ago."""
    info = plan_info(store).load()
    if info.last_session is not None and info.last_session <= today:
        return info.last_session
    starts = [a.start for a in assignments(store) if a.active_on(today)]
    if starts:
        return min(starts)
    return today - timedelta(days=DEFAULT_DAYS - 1)


def collect(
    store: Store,
    first: date,
    last: date,
    *,
    progress: Progress | None = None,
    made_at: datetime | None = None,
) -> ReportData:
    report = progress or (lambda done, total: None)
    total = len(SOURCES) + 1
    sections: list[tuple[Source, tuple[Activity, ...]]] = []
    for index, source in enumerate(SOURCES):
        report(index, total)
        found = source.read(store)
        inside = tuple(sorted((a for a in found if first <= a.day <= last), key=lambda a: a.at))
        sections.append((source, inside))
    everything = tuple(sorted((a for _, found in sections for a in found), key=lambda a: a.at))
    plan = []
    for assignment in assignments(store):
        asked = expected_between(assignment, first, last)
        counted = [a for a in everything if assignment.counts(a)]
        partly = sum(1 for a in counted if a.fact("Completed") not in ("", "yes"))
        if asked or counted:
            plan.append(AssignmentSummary(assignment, len(counted), asked, partly))
    bridge, safety_plan = session_notes(store)
    report(total, total)
    return ReportData(
        first=first,
        last=last,
        info=plan_info(store).load(),
        plan=tuple(plan),
        sections=tuple(sections),
        everything=everything,
        made_at=made_at or now(),
        ladders=ladder_summaries(store, last),
        bridge=bridge,
        safety_plan=safety_plan,
    )


def session_notes(store: Store) -> tuple[SessionBridge, SafetyPlan]:
    """The notes for the next session and the safety plan, as stored."""
    from homework_tui.store import Singleton

    return (
        Singleton(store, "bridge", SessionBridge, SessionBridge).load(),
        Singleton(store, "safety", SafetyPlan, SafetyPlan).load(),
    )
