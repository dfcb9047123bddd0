"""POST /api/build through the real pipeline, on two short fictional articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.report import check_citations, validate_against_contract
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.web import create_app
from dossier.web.api import PipelineBuild

from .conftest import local_client

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contract" / "dossier.schema.json"

FIRST = """Harbour Herald
March 3, 2022

Court jails Kelmsund activist Oda Renn for two years

KELMSUND — A court in Kelmsund on Wednesday sentenced activist Oda Renn, 41, to two years
in prison for organising an unauthorised protest, her lawyer Piet Haller said.

Renn was detained on January 12, 2022, after a rally outside the city hall. Haller said
he would appeal the verdict.
"""

SECOND = """Coastal Courier
March 4, 2022

Kelmsund activist Oda Renn sentenced

A Kelmsund court sentenced Oda Renn, a 41-year-old activist, to two years in prison on
March 2, 2022. Renn had been held since January 12 after a protest outside the city hall.
Her lawyer, Piet Haller, called the ruling unjust and said he would appeal.
"""


@pytest.mark.slow
def test_build_stores_a_story_that_keeps_the_contract(
    tmp_path: Path, settings: Settings, resources: Resources
) -> None:
    app = create_app(tmp_path / "store.sqlite", build=PipelineBuild(settings, resources))
    with local_client(app) as client:
        response = client.post(
            "/api/build",
            json={
                "articles": [
                    {"name": "herald-renn.txt", "text": FIRST},
                    {"name": "courier-renn.txt", "text": SECOND},
                ]
            },
        )
        assert response.status_code == 200, response.text
        built = response.json()
        assert {d["id"] for d in built["documents"]} == {"herald-renn", "courier-renn"}
        assert {d["source"] for d in built["documents"]} == {
            "upload:herald-renn.txt",
            "upload:courier-renn.txt",
        }
        assert built["stories"], "two articles about one case make a story"
        story_id = built["stories"][0]["id"]
        story = client.get(f"/api/stories/{story_id}").json()
        docs = [client.get(f"/api/documents/{d}").json() for d in story["documents"]]
        page = client.get(f"/stories/{story_id}")
    data = json.loads(
        json.dumps(
            {"schema": "dossier/1", "generated_at": "", "documents": docs, "stories": [story]}
        )
    )
    assert validate_against_contract(data, CONTRACT) == []
    assert check_citations(data) == []
    assert page.status_code == 200
    assert "Renn" in page.text
