"""The seed corpus as the issue states it, and altered copies of it whose verdicts must flip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tipcheck.engine import Checker, ScanResult

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed_containing(words: str) -> Path:
    """The seed document that says WORDS (found by content, not by file name)."""
    found = [p for p in sorted(SEEDS.glob("*.txt")) if words in p.read_text(encoding="utf-8")]
    assert len(found) == 1, f"exactly one seed should say {words!r}"
    return found[0]


def _on(result: ScanResult, words: str, severities=("error", "warning")) -> list:
    return [f for f in result.findings if f.severity in severities and words in f.quote]


@pytest.fixture(scope="module")
def seeds_result(checker: Checker) -> ScanResult:
    return checker.scan_paths([SEEDS])


def test_seed_errors_and_warnings_are_exactly_the_known_mistakes(seeds_result: ScanResult):
    serious = sorted((f.severity, f.rule.split()[0]) for f in seeds_result.findings
                     if f.severity != "note")
    assert serious == sorted(
        [("error", "TIP110"), ("error", "TIP150"), ("warning", "TIP142")])


def test_missing_source_tier_is_named_and_corrected_from_the_facts(seeds_result: ScanResult):
    (finding,) = _on(seeds_result, "from Tier to Tier 2")
    assert finding.severity == "error" and finding.rule.startswith("TIP110")
    assert finding.suggestion and "from Tier 3 to Tier 2 Watch List" in finding.suggestion
    assert any("2013" in r.message and "Tier 3" in r.message for r in finding.related)
    assert any("2014" in r.message and "Watch List" in r.message for r in finding.related)
    assert finding.derivation and finding.line > 1 and finding.column > 1


def test_humanitarian_aid_is_an_error_citing_the_tvpa(seeds_result: ScanResult):
    (finding,) = _on(seeds_result, "humanitarian")
    assert finding.rule.startswith("TIP150")
    assert any("7107" in (r.url or "") + r.message for r in finding.related)


def test_tier_meaning_is_a_warning(seeds_result: ScanResult):
    (finding,) = _on(seeds_result, "amount of trafficking")
    assert finding.severity == "warning"


def test_differing_prisoner_estimates_are_a_note_naming_the_other(seeds_result: ScanResult):
    notes = [f for f in seeds_result.findings if f.rule.startswith("TIP170")]
    assert len(notes) == 1 and notes[0].severity == "note"
    assert "two-hundred thousand" in notes[0].quote or "200,000" in notes[0].message
    assert any(r.path and "80,000" in r.message for r in notes[0].related)


def test_the_fifth_year_streak_dates_its_undated_document(seeds_result: ScanResult):
    fifth = _seed_containing("fifth consecutive year")
    date = seeds_result.dates[str(fifth)]
    assert 2007 in date.years and 2008 in date.years and 2006 not in date.years
    notes = [f for f in seeds_result.findings if f.path == str(fifth) and f.rule.startswith("TIP199")]
    assert notes and "2007" in notes[0].message


def test_right_claims_are_read_and_hold(seeds_result: ScanResult):
    consistent = {v.claim.text for v in seeds_result.verdicts if v.outcome.verdict == "consistent"}
    for words in ("12th consecutive year", "23rd consecutive year", "22 other countries",
                  "20 countries", "downgraded to Tier 2", "Friday", "John Kerry"):
        assert any(words in text for text in consistent), words


ALTERED = [
    ("12th consecutive year since 2003", "12th consecutive year since 2004", "since 2004"),
    ("for the 23rd consecutive year", "for the 24th consecutive year", "24th consecutive year"),
    ("downgraded to Tier 2 in 2022", "downgraded to Tier 2 in 2021", "downgraded to Tier 2"),
    ("22 other countries", "23 other countries", "23 other countries"),
    ("For the fifth consecutive year", "For the fourth consecutive year", "fourth consecutive year"),
]


@pytest.mark.parametrize(("original", "altered", "quoted"), ALTERED, ids=[a[2] for a in ALTERED])
def test_altered_copy_flips_the_verdict(original: str, altered: str, quoted: str, tmp_path: Path,
                                        checker: Checker):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    target = tmp_path / _seed_containing(original).name
    target.write_text(target.read_text(encoding="utf-8").replace(original, altered), encoding="utf-8")
    result = checker.scan_paths([tmp_path])
    flagged = [f for f in result.findings if f.severity == "error" and f.path == str(target)
               and (quoted in f.quote or f.quote in altered)]
    assert flagged, [f"{f.rule} {f.quote}" for f in result.findings]


def test_without_facts_documents_still_contradict_each_other(tmp_path: Path, checker_no_facts: Checker):
    kept = _seed_containing("12th consecutive year since 2003")
    fifth = _seed_containing("For the fifth consecutive year")
    shutil.copy(kept, tmp_path / kept.name)
    text = fifth.read_text(encoding="utf-8").replace("fifth consecutive", "fourth consecutive")
    (tmp_path / fifth.name).write_text(text, encoding="utf-8")
    result = checker_no_facts.scan_paths([tmp_path])
    (finding,) = [f for f in result.findings if f.severity in ("error", "warning")
                  and f.path == str(tmp_path / fifth.name)]
    assert "fourth" in finding.quote
    assert any(r.path == str(tmp_path / kept.name) for r in finding.related)
    assert "2003" in finding.message
