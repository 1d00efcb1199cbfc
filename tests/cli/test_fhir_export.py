"""The FHIR export: a Bundle (collection) of QuestionnaireResponses with LOINC codes, validated
by fhir.resources' R4B models, and `homework-tui export --format fhir` writing it."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from homework_tui.model.measures import MeasureResult, Scale
from homework_tui.model.measures.fhir import fhir_bundle
from homework_tui.store import Store
from homework_tui.store.measures import save_result

TZ = timezone(timedelta(hours=1))
AT = datetime(2025, 3, 10, 19, 5, tzinfo=TZ)
PHQ = MeasureResult(scale=Scale.PHQ9, answers=(2, 2, 2, 1, 1, 2, 1, 1, 0), created_at=AT)
GAD = MeasureResult(
    scale=Scale.GAD7, answers=(0, 1, 2, 3, 0, 1, 2), created_at=AT + timedelta(minutes=3)
)


def test_bundle_validates_with_r4b_models_and_carries_loinc_codes() -> None:
    doc = fhir_bundle([GAD, PHQ], made=AT)
    bundle = Bundle.model_validate(doc)
    assert bundle.type == "collection" and len(bundle.entry) == 2
    phq = QuestionnaireResponse.model_validate(doc["entry"][0]["resource"])
    assert phq.status == "completed" and phq.questionnaire == "http://loinc.org/q/44249-1"
    assert phq.authored is not None
    codes = [item.linkId for item in phq.item]
    assert codes == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
        "44258-2", "44252-5", "44253-3", "44260-8", "44261-6",
    ]  # fmt: skip
    first = phq.item[0].answer[0].valueCoding
    assert (first.system, first.code, first.display) == (
        "http://loinc.org",
        "LA6570-1",
        "More than half the days",
    )
    assert phq.item[-1].answer[0].valueInteger == 12
    gad = doc["entry"][1]["resource"]
    assert gad["questionnaire"] == "http://loinc.org/q/69737-5"
    assert [i["answer"][0].get("valueCoding", {}).get("code") for i in gad["item"][:4]] == [
        "LA6568-5",
        "LA6569-3",
        "LA6570-1",
        "LA6571-9",
    ]
    assert gad["item"][-1] == {
        "linkId": "70274-6",
        "text": "GAD-7 total score",
        "answer": [{"valueInteger": 9}],
    }


def test_empty_bundle_is_valid() -> None:
    assert Bundle.model_validate(fhir_bundle([], made=AT)).entry is None


def test_export_format_fhir_writes_a_private_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(cli.data) as store:
        save_result(store, PHQ)
        save_result(store, GAD)
    out = tmp_path / "measures.json"
    run = cli("export", "--format", "fhir", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "Saved 2 questionnaire results as FHIR" in run.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    bundle = Bundle.model_validate(json.loads(out.read_text()))
    assert len(bundle.entry) == 2
    printed = cli("export", "--format", "fhir")
    assert Bundle.model_validate(json.loads(printed.stdout)).type == "collection"
