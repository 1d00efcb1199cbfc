"""The report in Spanish, on a client's stored data (a copy of tests/data/client-store): headings,
column names, sentences, plurals and dates read from the catalogue at the moment the report is
made, so `export --language` only has to wrap it; the English report is unchanged after it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime

import pytest

from homework_tui.i18n import in_language
from homework_tui.report.choices import TextChoices
from homework_tui.report.csv_files import tables
from homework_tui.report.data import ReportData, collect
from homework_tui.report.draft_text import draft_text
from homework_tui.report.markdown import render
from homework_tui.store import Store
from tests.data.client import FIRST, LAST, STORE


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportData]:
    root = tmp_path_factory.mktemp("client")
    shutil.copytree(STORE, root / "data", ignore=shutil.ignore_patterns("*.lock"))
    with Store.open(root / "data", read_only=True) as store:
        yield collect(store, FIRST, LAST)


def test_the_markdown_report_in_spanish(data: ReportData) -> None:
    with in_language("es"):
        spanish = render(data, TextChoices(safety_plan=True))
    assert "# Tareas desde el lun, 2 de noviembre de 2026" in spanish
    assert "- **Periodo:** del lun, 2 de noviembre de 2026 al dom, 15 de noviembre de 2026" in (
        spanish
    )
    assert "(14 días)" in spanish
    assert "## De un vistazo" in spanish
    assert "| Tarea | Con qué frecuencia | Hechas | Pedidas |" in spanish
    assert "## Mi plan de seguridad" in spanish
    assert "Hecho con homework-tui el" in spanish
    for english in ("At a glance", "Homework from", "What was assigned and done", "Made with"):
        assert english not in spanish


def test_the_english_report_is_unchanged_after_a_spanish_one(data: ReportData) -> None:
    before = render(data)
    with in_language("es"):
        render(data)
    assert render(data) == before
    assert "## At a glance" in before
    assert "# Homework since Mon 2 November 2026" in before


def test_the_csv_files_name_their_columns_in_spanish(data: ReportData) -> None:
    with in_language("es"):
        found = tables(data)
    header, _rows = found["plan.csv"]
    assert header[:4] == ("Tareas", "Tipo", "Objetivo", "Con qué frecuencia")
    assert tables(data)["plan.csv"][0][:2] == ("Homework", "Kind")


def test_a_draft_file_in_italian() -> None:
    with in_language("it"):
        text = draft_text("journal", {"title": "Sera"}, datetime(2026, 11, 26, 19, 0))
    assert text.startswith("homework-tui: pagina di diario, salvato in questo file il 2026-11-26")
