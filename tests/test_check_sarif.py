"""SARIF 2.1.0 output: valid against the official schema, fingerprints stable across edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from test_formats import make_docx
from typer.testing import CliRunner

from tipcheck.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", "--format", "sarif", *args])
    return result.exit_code, json.loads(result.stdout)


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for path in (FIXTURES / "drafts").iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_sarif_validates_and_carries_rules_locations_fixes(drafts: Path) -> None:
    (drafts / "d.docx").write_bytes(make_docx(["In the 2008 Trafficking in Persons Report, North Korea "
                                               "was kept on Tier 3 for the fifth consecutive year."]))
    code, log = sarif("streak-2008.md", "streak-2008.html", "d.docx", "unexplained.md", "missing.md")
    assert code == 3  # one input could not be read
    validate(log)
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules)) and {"TIP102", "TIP901", "TIP902"} <= set(rules)
    results = run["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "streak-2008.md", "streak-2008.html", "d.docx", "unexplained.md"}
    for r in results:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        assert r["partialFingerprints"]["tipcheck/v1"]
    fixed = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
             for r in results if "fixes" in r}
    assert fixed == {"streak-2008.md", "streak-2008.html", "unexplained.md"}  # not the Word file
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "missing.md" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_an_empty_run_is_valid_sarif(drafts: Path) -> None:
    (drafts / "clean.md").write_text("Nothing to check here.\n", encoding="utf-8")
    code, log = sarif("clean.md")
    assert code == 0
    validate(log)
    assert log["runs"][0]["results"] == []


def test_fingerprints_follow_a_finding_across_edits(drafts: Path) -> None:
    def prints() -> list[str]:
        results = sarif("suppressed.md")[1]["runs"][0]["results"]
        return [r["partialFingerprints"]["tipcheck/v1"] for r in results]

    path = drafts / "suppressed.md"
    before = prints()
    path.write_text("A new lead paragraph.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert prints() == before  # moved down two lines, same finding
    path.write_text(path.read_text(encoding="utf-8").replace("fifth", "fourth"), encoding="utf-8")
    assert prints() != before  # reworded: a different finding
