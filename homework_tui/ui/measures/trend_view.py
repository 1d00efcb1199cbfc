"""A questionnaire's results as the text the Measures screens show: the latest band in words,
then the trend (see `model/measures/trend.py`)."""

from __future__ import annotations

from datetime import date

from homework_tui.i18n import _, ngettext
from homework_tui.model.measures import QUESTIONNAIRES, MeasureResult, Scale
from homework_tui.model.measures.trend import trend_lines

TAKE_KEYS: dict[Scale, str] = {Scale.PHQ9: "p", Scale.GAD7: "g"}


def trend_text(scale: Scale, found: list[MeasureResult], plan_start: date | None) -> str:
    form = QUESTIONNAIRES[scale]
    if not found:
        return ngettext(
            "Not answered yet. Press {key} to answer it ({n} question, a couple of minutes).",
            "Not answered yet. Press {key} to answer it ({n} questions, a couple of minutes).",
            len(form.items),
        ).format(key=TAKE_KEYS[scale], n=len(form.items))
    latest = found[-1]
    lines = [
        _("Latest: {total} of {max_total}, {band} — {meaning}.").format(
            total=latest.total,
            max_total=form.max_total,
            band=_(latest.band.name),
            meaning=_(latest.band.meaning),
        ),
        *trend_lines(found, plan_start=plan_start),
    ]
    return "\n".join(lines)
