"""A questionnaire's results as the text the Measures screens show: the latest band in words,
then the trend (see `model/measures/trend.py`)."""

from __future__ import annotations

from datetime import date

from homework_tui.model.measures import QUESTIONNAIRES, MeasureResult, Scale
from homework_tui.model.measures.trend import trend_lines

TAKE_KEYS: dict[Scale, str] = {Scale.PHQ9: "p", Scale.GAD7: "g"}


def trend_text(scale: Scale, found: list[MeasureResult], plan_start: date | None) -> str:
    form = QUESTIONNAIRES[scale]
    if not found:
        return (
            f"Not answered yet. Press {TAKE_KEYS[scale]} to answer it ({len(form.items)} "
            "questions, a couple of minutes)."
        )
    latest = found[-1]
    lines = [
        f"Latest: {latest.total} of {form.max_total}, {latest.band.name} — {latest.band.meaning}.",
        *trend_lines(found, plan_start=plan_start),
    ]
    return "\n".join(lines)
