"""The questionnaire results as a FHIR R4 `Bundle` (type collection) of `QuestionnaireResponse`s,
for a clinic's record system: a pure function from results to a JSON-ready dict.

Each response: status completed, `authored` (when it was answered, with its UTC offset),
`questionnaire` the LOINC panel's canonical URL, one item per question with the LOINC item code
as `linkId` and the answer as a LOINC answer code (`valueCoding`), and the total score item.
Codes as in LOINC's published panels and the US Core PHQ-9 QuestionnaireResponse example.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from homework_tui.model.measures import ANSWER_CODES, ANSWERS, MeasureResult

LOINC = "http://loinc.org"


def questionnaire_url(panel_code: str) -> str:
    return f"{LOINC}/q/{panel_code}"


def _answer(value: int) -> dict[str, Any]:
    return {
        "valueCoding": {"system": LOINC, "code": ANSWER_CODES[value], "display": ANSWERS[value]}
    }


def questionnaire_response(result: MeasureResult) -> dict[str, Any]:
    form = result.form
    items: list[dict[str, Any]] = [
        {"linkId": code, "text": text, "answer": [_answer(value)]}
        for code, text, value in zip(
            form.item_codes, form.english_items, result.answers, strict=True
        )
    ]
    items.append(
        {
            "linkId": form.total_code,
            "text": f"{form.name} total score",  # i18n: not shown (FHIR: as LOINC names it)
            "answer": [{"valueInteger": result.total}],
        }
    )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": result.id,
        "questionnaire": questionnaire_url(form.panel_code),
        "status": "completed",
        "authored": result.created_at.isoformat(timespec="seconds"),
        "item": items,
    }


def fhir_bundle(results: Iterable[MeasureResult], *, made: datetime) -> dict[str, Any]:
    """A Bundle of type collection holding one QuestionnaireResponse per result, oldest first."""
    ordered = sorted(results, key=lambda r: r.created_at)
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": made.isoformat(timespec="seconds"),
    }
    if ordered:  # FHIR JSON never holds an empty array
        bundle["entry"] = [
            {"fullUrl": f"urn:uuid:{result.id}", "resource": questionnaire_response(result)}
            for result in ordered
        ]
    return bundle
