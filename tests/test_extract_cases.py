"""Reader case tables (tests/fixtures/extract/*.yaml): text in, claims and findings out, one runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

TABLES = sorted((Path(__file__).parent / "fixtures" / "extract").glob("*.yaml"))
CASES = [(table.stem, case) for table in TABLES
         for case in yaml.safe_load(table.read_text(encoding="utf-8"))["cases"]]


def _matches(claim, want: dict) -> bool:
    if claim.kind != want["kind"] or want.get("text", "") not in claim.text:
        return False
    if "years" in want and list(claim.years) != want["years"]:
        return False
    if any(getattr(claim, flag) != want[flag] for flag in ("negated", "attributed") if flag in want):
        return False
    return all(claim.field(k) == v for k, v in (want.get("fields") or {}).items())


@pytest.mark.parametrize(("table", "case"), CASES, ids=[f"{t}-{c['id']}" for t, c in CASES])
def test_reader_case(table, case, checker):
    result = checker.scan_text(case["text"])
    read = [(c.kind, dict(c.fields), c.text, c.years) for c in result.claims]
    for want in case.get("claims", []):
        assert any(_matches(c, want) for c in result.claims), f"not read: {want}\nread: {read}"
    for unwanted in case.get("absent", []):
        assert not any(_matches(c, unwanted) for c in result.claims), f"read: {unwanted}\nread: {read}"
    if "years" in case:
        assert list(result.dates["<claim>"].years) == case["years"]
    if "findings" in case:
        got = sorted(f.rule.split()[0] for f in result.findings if f.severity != "note")
        assert got == sorted(case["findings"]), [f.message for f in result.findings]
    for message in case.get("messages", []):  # a finding's message, word for word
        assert message in [f.message for f in result.findings], [f.message for f in result.findings]
    for code in case.get("notes", []):
        assert any(f.rule.startswith(code) and f.severity == "note" for f in result.findings)


def test_every_table_has_cases():
    assert TABLES and all(yaml.safe_load(t.read_text(encoding="utf-8"))["cases"] for t in TABLES)
