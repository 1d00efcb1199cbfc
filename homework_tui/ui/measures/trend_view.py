"""A questionnaire's results as the text the Measures screens show: the latest band in words,
then the trend (see `model/measures/trend.py`)."""

from __future__ import annotations

from homework_tui.model.measures import QUESTIONNAIRES, MeasureResult, Scale


def trend_text(scale: Scale, found: list[MeasureResult], plan_start: object) -> str:
    from datetime import date

    from homework_tui.model.measures.trend import trend_lines

    form = QUESTIONNAIRES[scale]
    key = "p" if scale is Scale.PHQ9 else "g"
    if not found:
        return (
            f"Not answered yet. Press {key} to answer it ({len(form.items)} questions, "
            "a couple of minutes)."
        )
    latest = found[-1]
    start = plan_start if isinstance(plan_start, date) else None
    lines = [
        f"Latest: {latest.total} of {form.max_total}, {latest.band.name} — {latest.band.meaning}.",
        *trend_lines(found, plan_start=start),
    ]
    return "\n".join(lines)
