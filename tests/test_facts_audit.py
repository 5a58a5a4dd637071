"""`tipcheck facts check`: the validator on the shipped base, on bad and suspicious layers, hand reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tipcheck.cli import app
from tipcheck.facts import load_fact_base
from tipcheck.facts_audit import audit

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "facts"
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["facts", "check", *args], env=ENV)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def shipped() -> dict:
    code, out = check("--format", "json")
    assert code == 0
    return json.loads(out)


# ------------------------------------------------------------------ the shipped base


def test_shipped_base_passes_with_coverage_table() -> None:
    code, out = check()
    assert code == 0
    assert "coverage: country-years we hold / published" in out
    assert "facts check: 0 errors" in out
    table = {line.split()[0]: line.split() for line in out.splitlines() if line[:4].isdigit()
             and len(line.split()) > 6}
    assert sorted(table) == [str(y) for y in range(2001, 2026)]
    assert table["2014"][5] == "23/23*"  # Tier 3: 23 held of 23 published, complete list
    assert table["2003"][4] == "–"  # no Watch List before the 2004 report


def test_shipped_base_gaps_are_warnings_and_listed(shipped: dict) -> None:
    assert shipped["ok"] is True
    gaps = [i for i in shipped["issues"] if i["kind"] == "gap"]
    assert all(i["severity"] == "warning" for i in gaps)
    assert any(i["message"].startswith("2017 1: coverage gap, we know 28 of 36") for i in gaps)
    assert all(":" in i["where"] for i in gaps)  # each points at the published count's file:line
    weak = [i for i in shipped["issues"] if i["kind"] == "weak"]
    assert [i["message"].split(" rests")[0] for i in weak] == ["South Korea 2025"]


def test_coverage_rows_count_known_country_years(shipped: dict) -> None:
    rows = {r["year"]: r for r in shipped["coverage"]}
    assert rows[2015]["ranked"] == rows[2015]["ranked_published"] == 187
    assert rows[2001]["not_in_report"] >= 3  # North Korea, Syria, United States ...
    for r in rows.values():  # never more than published
        for tier, n in r["published"].items():
            assert n is None or r["counted"][tier] <= n, (r["year"], tier)


# ------------------------------------------------------------------ broken files: file:line and problem

BROKEN = {
    "tier4": "tests/fixtures/facts/bad/tier4/2014.yaml:4:16: error: placement 'Chad' 2014: tier 'Tier 4' "
    "is not a tier",
    "duplicate": "tests/fixtures/facts/bad/duplicate/corrections.yaml:8:5: error: correction 'Chad' 2014 "
    "given twice in this layer (first at line 2)",
    "missing_source": "tests/fixtures/facts/bad/missing_source/2014.yaml:4:5: error: placement 'China' "
    "2014: missing required key 'source'",
    "broken": "tests/fixtures/facts/bad/broken/2014.yaml:4:7: error: invalid yaml",
    "wl2003": "tests/fixtures/facts/bad/wl2003/2003.yaml:3:17: error: placement 'China' 2003: tier 2WL "
    "did not exist before the 2004 report",
    "unknown_source": "tests/fixtures/facts/bad/unknown_source/2014.yaml:3:42: error: placement 'China' "
    "2014: source 'cho2016' is not in sources.yaml (did you mean 'cho2015'?)",
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_layer_fails_with_file_line(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = check("--facts", f"tests/fixtures/facts/bad/{case}")
    assert code == 1
    assert out.startswith(BROKEN[case])
    assert "facts check: 1 errors" in out


# ------------------------------------------------------------------ whole-base checks


def test_more_than_published_is_an_error_and_the_override_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = check("--facts", "tests/fixtures/facts/audit/over")
    assert code == 1
    assert "error: 2014 3: we hold 24 placements, the report published 23 (count-over)" in out
    assert ("tests/fixtures/facts/audit/over/2014.yaml:5: warning: your facts say China 2014 = 3; the "
            "built-in base says 2WL") in out
    assert "yours wins" in out


def test_fact_without_url_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = check("--facts", "tests/fixtures/facts/audit/nourl")
    assert code == 1
    assert ("tests/fixtures/facts/audit/nourl/2014.yaml:4: error: China 2014: no source with a url "
            "(cites ecoi_2019)") in out


def test_seed_only_fact_is_weak_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = check("--facts", "tests/fixtures/facts/audit/weak")
    assert code == 0
    assert ("tests/fixtures/facts/audit/weak/2018.yaml:4: warning: Afghanistan 2018 rests only on a seed "
            "document (seed:999_example.txt)") in out


def test_overlapping_terms_are_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code, out = check("--facts", "tests/fixtures/facts/audit/overlap")
    assert code == 1
    assert ("tests/fixtures/facts/audit/overlap/officials.yaml:2: error: Secretary of State: Jane Example's "
            "term (from 2014-01-01) overlaps John Kerry's") in out


def test_complete_list_that_disagrees_with_published_is_a_conflict(tmp_path: Path) -> None:
    base = tmp_path / "facts"
    shutil.copytree(FIXTURES / "base", base)
    (base / "manual" / "reports.yaml").write_text(
        "complete_lists:\n  2014: {tiers: ['3'], source: cho2015}\n", encoding="utf-8")
    report = base / "generated" / "reports" / "2014.yaml"
    report.write_text(report.read_text().replace('"3": 1', '"3": 2'))
    kinds = [(i.severity, i.kind) for i in audit(base).issues]
    assert ("error", "count-conflict") in kinds


# ------------------------------------------------------------------ growing it by hand


def hand_base(tmp_path: Path) -> Path:
    base = tmp_path / "facts"
    shutil.copytree(FIXTURES / "base", base)
    (base / "manual" / "reports").mkdir()
    return base


def test_next_report_by_hand_is_loaded_and_validated(tmp_path: Path) -> None:
    base = hand_base(tmp_path)
    (base / "manual" / "reports" / "2015.yaml").write_text(
        "year: 2015\nrelease_date: '2015-07-27'\nweekday: Monday\n"
        "published_counts: {'3': 1}\nplacements:\n"
        "  China: {tier: '2WL', source: usc_2015, url: 'https://example.org/china-2015'}\n"
        "  North Korea: {tier: '3', source: cho2015}\n", encoding="utf-8")
    fb = load_fact_base(base)
    assert list(fb.years)[-1] == 2015 and fb.report(2015).weekday == "Monday"
    assert fb.tier("China", 2015).sources[0].url == "https://example.org/china-2015"
    assert fb.layer("China", 2015) == "manual"
    assert audit(base).ok


def test_one_fact_corrected_by_hand_is_recorded(tmp_path: Path) -> None:
    base = hand_base(tmp_path)
    (base / "manual" / "reports" / "2014.yaml").write_text(
        "year: 2014\nplacements:\n  Chad: {tier: '2', source: cho2015}\n", encoding="utf-8")
    result = audit(base)
    notes = [i for i in result.issues if i.kind == "correction"]
    assert len(notes) == 1 and notes[0].where.endswith("manual/reports/2014.yaml:3")
    assert "Chad 2014 = 2 corrects 2WL" in notes[0].message


def test_hand_fact_given_twice_in_the_hand_layer_is_an_error(tmp_path: Path) -> None:
    base = hand_base(tmp_path)
    (base / "manual" / "reports" / "2014.yaml").write_text(
        "year: 2014\nplacements:\n  Chad: {tier: '2', source: cho2015}\n", encoding="utf-8")
    (base / "manual" / "corrections.yaml").write_text(
        "corrections:\n  - {country: Chad, year: 2014, tier: '3', source: x, url: 'https://example.org', "
        "reason: r}\n", encoding="utf-8")
    (issue,) = audit(base).issues
    assert issue.kind == "load" and issue.where.endswith("manual/corrections.yaml:2:5")
    assert "given twice in this layer (first at " in issue.message


def test_hand_report_with_watch_list_before_2004_fails(tmp_path: Path) -> None:
    base = hand_base(tmp_path)
    (base / "manual" / "reports" / "2003.yaml").write_text(
        "year: 2003\nplacements:\n  Chad: {tier: 2WL, source: cho2015}\n", encoding="utf-8")
    (issue,) = audit(base).issues
    assert issue.where.endswith("manual/reports/2003.yaml:3:16") and "did not exist before" in issue.message
