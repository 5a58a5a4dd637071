"""The fact base: placements, counts, calendar, officials, fact-file validation, the importer."""

from __future__ import annotations

import importlib.util
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from tipcheck.errors import RuleFileError
from tipcheck.facts import FactBase, load_fact_base, normalize_tier, tier_rank

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "facts"
GENERATED = REPO / "rules" / "facts" / "generated"
DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="module")
def fb() -> FactBase:
    return load_fact_base()


def tiers(fb: FactBase, country: str, years: range) -> dict[int, str | None]:
    return {y: (f.value if (f := fb.tier(country, y)) else None) for y in years}


# ------------------------------------------------------------------ placements and status


def test_north_korea_tier_3_from_2003_and_not_in_2001_2002(fb: FactBase) -> None:
    assert set(tiers(fb, "North Korea", range(2003, 2026)).values()) == {"3"}
    for year in (2001, 2002):
        assert fb.tier("North Korea", year) is None
        assert fb.status("North Korea", year) == "not_in_report"
        assert fb.not_in_report("North Korea", year).sources[0].url
    assert fb.status("North Korea", 2003) == "placed"


def test_south_korea_and_china_key_years(fb: FactBase) -> None:
    assert tiers(fb, "South Korea", range(2021, 2025)) == {
        2021: "1",
        2022: "2",
        2023: "2",
        2024: "1",
    }
    assert fb.tier("China", 2013).value == "3"
    assert fb.tier("China", 2014).value == "2WL"
    assert fb.tier("China", 2017).value == "3"


def test_lookup_by_iso3_and_case(fb: FactBase) -> None:
    assert fb.tier("kor", 2022).value == "2"
    assert fb.tier("SOUTH KOREA", 2022) == fb.tier("South Korea", 2022)
    assert fb.tier("Narnia", 2022) is None and fb.status("Narnia", 2022) == "unknown"


def test_missing_cell_is_unknown_never_guessed(fb: FactBase) -> None:
    assert fb.tier("Afghanistan", 2018) is None
    assert fb.status("Afghanistan", 2018) == "unknown"
    assert fb.status("United States", 2005) == "not_in_report"
    assert fb.status("United States", 2012) == "unknown"  # ranked from 2010, row not in the data


def test_facts_carry_sources_with_urls_and_origin(fb: FactBase) -> None:
    fact = fb.tier("South Korea", 2022)
    assert fact.sources[0].key == "kbs2022"
    assert fact.sources[0].url.startswith("http://world.kbs.co.kr/")
    assert fact.origin.startswith("rules/facts/generated/reports/2022.yaml:")
    per_fact = fb.tier("Argentina", 2018)  # ecoi/refworld keys have one url per fact
    assert per_fact is not None and all(s.url for s in per_fact.sources)


def test_history_is_ordered(fb: FactBase) -> None:
    history = fb.history("Cuba")
    assert list(history) == sorted(history)
    assert history[2015].value == "2WL" and history[2019].value == "3"


# ------------------------------------------------------------------ counts


def test_published_counts(fb: FactBase) -> None:
    assert fb.count(2014, "3").value == 23
    assert fb.count(2011, "3").value == 23
    assert fb.published_count(2017, "1").value == 36


def test_count_only_from_published_or_complete_lists(fb: FactBase) -> None:
    assert fb.counted(2004, "3") == 10
    assert fb.count(2004, "3") is None  # Cho-only year: our rows are not known complete
    assert fb.counted(2018, "3") == 18 and fb.count(2018, "3").value == 22


def test_complete_lists_agree_with_published_counts(fb: FactBase) -> None:
    checked = 0
    for year in fb.years:
        for tier in (*("1", "2", "2WL", "3"), "special"):
            published = fb.published_count(year, tier)
            if fb.is_complete(year, tier) and published is not None:
                assert fb.counted(year, tier) == published.value, (year, tier)
                checked += 1
    assert checked >= 20


# ------------------------------------------------------------------ reports and calendar


def test_report_calendar(fb: FactBase) -> None:
    assert list(fb.years) == list(range(2001, 2026))
    assert fb.report(2014).weekday == "Friday"
    assert fb.report(2008).release_date == date(2008, 6, 4)
    assert fb.report(2014).ordinal == 14
    assert fb.report(2001).release_month == (2001, 7)
    assert fb.current_report(date(2008, 1, 1)) == 2007
    assert fb.current_report(date(2008, 6, 4)) == 2008
    assert fb.current_report(date(2000, 1, 1)) is None
    assert fb.report_years_released_before(date(2003, 6, 11)) == [2001, 2002]


def test_month_precision_release_is_not_before_a_day_inside_that_month() -> None:
    from tipcheck.facts_types import ReportInfo

    info = ReportInfo(2001, None, (2001, 7), None, {}, None, None, None, None, ())
    assert info.release_bounds() == (date(2001, 7, 1), date(2001, 7, 31))


def test_tier_system_and_consequences(fb: FactBase) -> None:
    assert not fb.tier_exists("2WL", 2003) and fb.tier_exists("2WL", 2004)
    assert fb.tier_exists("3", 2001) and not fb.tier_exists("Tier 4", 2010)
    assert fb.tiers_in(2003) == ("1", "2", "3") and fb.tiers_in(2004) == ("1", "2", "2WL", "3")
    assert fb.tier_system.facts["category_count"].value == 4
    assert fb.tier_system.tiers["2WL"].first_report == 2004
    assert fb.consequences["withhold_assistance"].applies_to == ("3",)
    for statement in [*fb.tier_system.facts.values(), *fb.consequences.values()]:
        assert statement.sources and all(s.url for s in statement.sources), statement.name
    assert [tier_rank(t) for t in ("1", "2", "2WL", "3")] == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        tier_rank("special")
    assert normalize_tier("Tier 2 Watch List") == "2WL" and normalize_tier("tier three") == "3"


# ------------------------------------------------------------------ officials


def test_find_official_name_forms(fb: FactBase) -> None:
    rice = fb.find_official("Condoleezza Rice")
    assert rice and all(o.covers(date(2007, 6, 12)) for o in rice)
    assert fb.find_official("Rice") == rice
    for name, full in [
        ("Colin L. Powell", "Colin Powell"),
        ("John Kerry", "John Kerry"),
        ("Mark Lagon", "Mark P. Lagon"),
        ("Mark P. Lagon", "Mark P. Lagon"),
        ("Condoleeza Rice", "Condoleezza Rice"),
    ]:
        assert [o.name for o in fb.find_official(name)] == [full], name
    assert fb.find_official("Nobody Atall") == []


def test_in_office_by_role_and_by_name(fb: FactBase) -> None:
    assert [o.name for o in fb.in_office("Secretary of State", date(2007, 6, 12))] == [
        "Condoleezza Rice"
    ]
    assert fb.was_in_office("Rice", date(2010, 1, 1)) is False
    assert fb.was_in_office("Marco Rubio", date(2025, 9, 29)) is True  # incumbent
    assert fb.was_in_office("Nancy Ely-Raphel", date(2002, 6, 5)) is None  # no dates known
    assert fb.was_in_office("Howard Berman", date(2008, 3, 10)) is None  # start known to the month


def test_secretary_on_each_release_day_matches_officials(fb: FactBase) -> None:
    for year in fb.years:
        report = fb.report(year)
        if report.release_date:
            holders = [o.name for o in fb.in_office("Secretary of State", report.release_date)]
            assert holders == [report.secretary.value], year


# ------------------------------------------------------------------ switches, overlays, version


def test_no_facts_keeps_calendar_and_officials() -> None:
    bare = load_fact_base(include_placements=False)
    assert not bare.has_placements
    assert bare.tier("China", 2014) is None and bare.status("North Korea", 2001) == "unknown"
    assert bare.count(2014, "3") is None and bare.report(2014).published_counts == {}
    assert bare.report(2014).weekday == "Friday" and bare.current_report(date(2008, 1, 1)) == 2007
    assert bare.find_official("Rice")


def test_overlay_wins_and_is_recorded(tmp_path: Path) -> None:
    (tmp_path / "2014.yaml").write_text(
        "year: 2014\nplacements:\n"
        "  China: {tier: '3', source: my_note, url: 'https://example.org/china'}\n"
        "  North Korea: {tier: '3', source: cho2015}\n",
        encoding="utf-8",
    )
    base = load_fact_base()
    fb = load_fact_base(overlays=[tmp_path])
    assert fb.tier("China", 2014).value == "3"
    assert fb.tier("China", 2014).sources[0].url == "https://example.org/china"
    assert [(label, old.value, new.value) for label, old, new in fb.overrides] == [
        ("China 2014", "2WL", "3")
    ]
    assert fb.version != base.version and len(fb.version) == 12


def test_version_is_stable(fb: FactBase) -> None:
    assert load_fact_base().version == fb.version


def test_full_base_loads_fast() -> None:
    start = time.perf_counter()
    load_fact_base()
    assert time.perf_counter() - start < 1.0


# ------------------------------------------------------------------ bad fact files

BAD = {
    "tier4": "2014.yaml:4:16: placement 'Chad' 2014: tier 'Tier 4' is not a tier "
    "(valid: 1, 2, 2WL, 3, special)",
    "duplicate": "corrections.yaml:8:5: correction 'Chad' 2014 given twice in this layer "
    "(first at line 2)",
    "missing_source": "2014.yaml:4:5: placement 'China' 2014: missing required key 'source'",
    "broken": "2014.yaml:4:7: invalid yaml: did not find expected ',' or '}' "
    "(while parsing a flow mapping)",
    "wl2003": "2003.yaml:3:17: placement 'China' 2003: tier 2WL did not exist before the "
    "2004 report",
    "year_mismatch": "2014.yaml:1:7: year 2015 does not match the file name 2014.yaml",
    "unknown_source": "2014.yaml:3:42: placement 'China' 2014: source 'cho2016' is not in "
    "sources.yaml (did you mean 'cho2015'?)",
    "misspelled_key": "2014.yaml:3:11: placement 'China' 2014: unknown key 'teir' "
    "(did you mean 'tier'?)",
    "no_url": "corrections.yaml:2:5: correction: missing required key 'url'",
    "dup_key": "2014.yaml:5:3: duplicate key 'China' (first at line 3)",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_fact_file_fails_at_exact_place(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(RuleFileError) as info:
        load_fact_base(FIXTURES / "base", overlays=[FIXTURES / "bad" / case])
    assert str(info.value.problem) == f"tests/fixtures/facts/bad/{case}/{BAD[case]}"


def test_fixture_base_loads_and_ignores_foreign_files() -> None:
    fb = load_fact_base(FIXTURES / "base")
    assert fb.tier("North Korea", 2014).sources[1].url == "https://example.org/nk"
    assert fb.status("North Korea", 2002) == "not_in_report"
    assert not any(f.endswith("countries.yaml") for f in fb.files)


def test_generated_layer_errors_name_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "facts"
    shutil.copytree(FIXTURES / "base", base)
    report = base / "generated" / "reports" / "2014.yaml"
    report.write_text(report.read_text().replace("source: cho2015}", "source: nope}"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuleFileError) as info:
        load_fact_base(base)
    assert str(info.value.problem).startswith("facts/generated/reports/2014.yaml:6:")
    assert "source 'nope' is not in sources.yaml" in str(info.value.problem)


def test_not_in_report_contradicting_a_placement_is_an_error(tmp_path: Path) -> None:
    base = tmp_path / "facts"
    shutil.copytree(FIXTURES / "base", base)
    (base / "manual" / "reports.yaml").write_text(
        "not_in_report:\n  North Korea: {years: [2014], source: cho2015}\n"
    )
    with pytest.raises(RuleFileError, match="contradicts the placement at"):
        load_fact_base(base)


# ------------------------------------------------------------------ importer


def _importer():
    spec = importlib.util.spec_from_file_location(
        "import_facts", REPO / "scripts" / "import_facts.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DATA.is_dir(), reason="shared data folder not present")
def test_importer_reproduces_committed_output(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    importer = _importer()
    out = tmp_path / "generated"
    assert importer.main(["--data", str(DATA), "--out", str(out)]) == 0
    assert "warning" not in capsys.readouterr().err
    made = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.yaml")}
    kept = {p.relative_to(GENERATED).as_posix(): p.read_bytes() for p in GENERATED.rglob("*.yaml")}
    assert made.keys() == kept.keys()
    assert [k for k in made if made[k] != kept[k]] == []
    assert importer.main(["--data", str(DATA), "--out", str(GENERATED), "--check"]) == 0


@pytest.mark.skipif(not DATA.is_dir(), reason="shared data folder not present")
def test_importer_deletes_only_its_own_stale_files(tmp_path: Path) -> None:
    importer = _importer()
    out = tmp_path / "generated"
    (out / "reports").mkdir(parents=True)
    (out / "reports" / "1999.yaml").write_text(importer.OWNED_MARK + " from x\nyear: 1999\n")
    (out / "notes.yaml").write_text("# someone else's file\n")
    assert importer.main(["--data", str(DATA), "--out", str(out)]) == 0
    assert not (out / "reports" / "1999.yaml").exists()
    assert (out / "notes.yaml").exists()
    first = (out / "reports" / "2014.yaml").read_text().splitlines()[0]
    assert first == (
        "# generated by scripts/import_facts.py from tip_reports.csv, tip_tiers.csv, "
        "sources/manual_facts.csv; do not edit by hand: corrections go in rules/facts/manual/"
    )


@pytest.mark.skipif(not DATA.is_dir(), reason="shared data folder not present")
def test_importer_keeps_a_hand_written_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    importer = _importer()
    out = tmp_path / "generated"
    (out / "reports").mkdir(parents=True)
    mine = "year: 2014\n# written by an editor\n"
    (out / "reports" / "2014.yaml").write_text(mine)
    assert importer.main(["--data", str(DATA), "--out", str(out)]) == 0
    assert (out / "reports" / "2014.yaml").read_text() == mine
    assert "kept hand-written" in capsys.readouterr().err
