"""The report as CSV: one file per kind of homework, plus the plan with what was done.

Each file opens in a spreadsheet or Python's `csv` module: a header row, then one row per piece
of homework, text exactly as typed (commas, quotes and line breaks are quoted by the csv module).
Journal writing and exposure notes are in only when chosen (`TextChoices`), as in the Markdown.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from homework_tui.i18n import N_, _
from homework_tui.report.choices import NOTHING_OWN, TextChoices
from homework_tui.report.data import Progress, ReportData
from homework_tui.report.files import write_private
from homework_tui.report.local import shown
from homework_tui.report.session_notes import (
    BRIDGE_CSV,
    SAFETY_CSV,
    bridge_table,
    safety_table,
)

COMMON = (N_("Date"), N_("Time"), N_("Kind"), N_("Status"), N_("Id"))
PLAN_COLUMNS = (
    N_("Homework"),
    N_("Kind"),
    N_("Target"),
    N_("How often"),
    N_("Minutes"),
    N_("Start"),
    N_("End"),
    N_("Therapist's note"),
    N_("Done"),
    N_("Partly done"),
    N_("Asked for"),
    N_("Id"),
)


def tables(
    data: ReportData, choices: TextChoices = NOTHING_OWN
) -> dict[str, tuple[tuple[str, ...], list[list[str]]]]:
    """File name → (header, rows) for every kind with a source, and the plan. Journal writing and
    exposure notes are columns only when `choices` include them."""
    result: dict[str, tuple[tuple[str, ...], list[list[str]]]] = {}
    bridge = bridge_table(data.bridge)
    if bridge is not None:  # first: the notes for the next session open the report
        result[BRIDGE_CSV] = bridge
    plan_rows = []
    for row in data.plan:
        a = row.assignment
        plan_rows.append(
            [
                a.name,
                shown(a.kind.label),
                a.target,
                a.frequency.describe(),
                "" if a.minutes is None else str(a.minutes),
                a.start.isoformat(),
                "" if a.end is None else a.end.isoformat(),
                a.note,
                str(row.done),
                str(row.partly),
                str(row.asked),
                a.id,
            ]
        )
    result["plan.csv"] = (tuple(_(c) for c in PLAN_COLUMNS), plan_rows)
    for source, found in data.sections:
        left_out = choices.left_out(source.name)
        columns = tuple(c for c in source.columns if c not in left_out)
        rows = []
        for activity in found:
            facts = dict(activity.facts)
            rows.append(
                [
                    activity.day.isoformat(),
                    activity.at.strftime("%H:%M"),
                    shown(activity.kind.label),
                    activity.state.value,
                    activity.ref_id,
                    *(facts.get(column, "") for column in columns),
                ]
            )
        header = (*(_(c) for c in COMMON), *(shown(c) for c in columns))
        result[f"{source.name}.csv"] = (header, rows)
    safety = safety_table(data.safety_plan) if choices.safety_plan else None
    if safety is not None:
        result[SAFETY_CSV] = safety
    return result


def to_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(
    data: ReportData,
    folder: Path,
    *,
    choices: TextChoices = NOTHING_OWN,
    progress: Progress | None = None,
) -> list[Path]:
    """Write every file into `folder` (made private if new). Returns the paths written."""
    files = tables(data, choices)
    written = []
    for index, (name, (header, rows)) in enumerate(files.items()):
        if progress:
            progress(index, len(files))
        path = folder / name
        write_private(path, to_text(header, rows).encode("utf-8"))
        written.append(path)
    if progress:
        progress(len(files), len(files))
    return written
