"""`tipcheck facts`: a country's timeline, one report, and --facts layers on scan/explain (via the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tipcheck.cli import app

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "facts"
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def years_of(country: str) -> dict[int, dict]:
    code, out, _ = run("facts", country, "--format", "json")
    assert code == 0
    return {y["year"]: y for y in json.loads(out)["years"]}


# ------------------------------------------------------------------ must show: timelines


def test_north_korea_tier_3_from_2003_not_in_report_before() -> None:
    years = years_of("North Korea")
    assert [years[y]["status"] for y in (2001, 2002)] == ["not_in_report"] * 2
    assert all(years[y]["fact"]["sources"][0]["url"] for y in (2001, 2002))  # sourced absence
    assert {years[y]["tier"] for y in range(2003, 2026)} == {"3"}
    assert years[2003]["move"] == "first"
    code, out, _ = run("facts", "North Korea")
    assert code == 0
    assert "now: Tier 3 since 2003: 23 reports (2003–2025)" in out
    assert out.count("not in that year's report") >= 3  # legend + 2001 + 2002
    assert "unknown to us" in out  # the legend tells the two apart


def test_south_korea_2022_downgrade_2023_tier_2_2024_return() -> None:
    years = years_of("south korea")
    assert (years[2022]["tier"], years[2022]["move"], years[2022]["previous"]) == ("2", "downgrade", "1")
    assert (years[2023]["tier"], years[2023]["move"]) == ("2", "same")
    assert (years[2024]["tier"], years[2024]["move"], years[2024]["previous"]) == ("1", "upgrade", "2")
    assert years[2025]["weak"] is True  # rests on a seed document only
    _, out, _ = run("facts", "South Korea")
    assert "2022 ↓ downgrade Tier 1 → Tier 2" in out and "2024 ↑ upgrade Tier 2 → Tier 1" in out
    assert "weak: seed document only" in out


def test_china_2013_tier_3_2014_watch_list_2017_tier_3() -> None:
    years = years_of("China")
    assert [years[y]["tier"] for y in (2012, 2013, 2014, 2016, 2017)] == ["2WL", "3", "2WL", "2WL", "3"]
    assert [years[y]["move"] for y in (2013, 2014, 2017)] == ["downgrade", "upgrade", "downgrade"]
    # Watch List years counted, and those counted under the TVPRA 2008 limit (from 2009)
    assert (years[2012]["watch_list_years"], years[2012]["watch_list_counted"]) == (8, 4)
    assert years[2016]["watch_list_years"] == 3
    _, out, _ = run("facts", "China")
    assert "2013 ↓ downgrade Tier 2 Watch List → Tier 3" in out
    assert "2014 ↑ upgrade Tier 3 → Tier 2 Watch List" in out
    assert "2017 ↓ downgrade Tier 2 Watch List → Tier 3" in out
    assert "over 2: waiver" in out and "https://www.congress.gov/bill/110th-congress/house-bill/7311" in out


def test_timeline_lists_every_source_with_its_url() -> None:
    _, out, _ = run("facts", "South Korea")
    assert "kbs2022: http://world.kbs.co.kr/" in out
    assert "seed_2025: seed:003_822a43ab1c3c413a.txt" in out  # no url: says where it can be read


def test_unknown_year_stays_unknown_and_says_what_it_cannot_be() -> None:
    years = years_of("Afghanistan")
    assert years[2018]["status"] == "unknown" and years[2018]["tier"] is None
    assert years[2018]["move"] is None and years[2019]["move"] is None  # no move across a gap
    cells = years_of("Italy")
    assert cells[2025]["status"] == "unknown" and set(cells[2025]["excluded"]) == {"2WL", "3"}


@pytest.mark.parametrize("name", ["north korea", "DPRK", "PRK", "Democratic People's Republic of Korea"])
def test_country_names_resolve_as_in_the_core(name: str) -> None:
    code, out, _ = run("facts", name, "--format", "json")
    assert code == 0 and json.loads(out)["country"] == "North Korea"


def test_burma_and_multi_word_arguments() -> None:
    code, out, _ = run("facts", "Burma", "--format", "json")
    assert code == 0 and json.loads(out)["country"] == "Burma (Myanmar)"
    code, out, _ = run("facts", "north", "korea", "--format", "json")
    assert code == 0 and json.loads(out)["country"] == "North Korea"


def test_unknown_country_gets_did_you_mean() -> None:
    code, out, err = run("facts", "Kora")
    assert code == 2 and out == ""
    assert "unknown country 'Kora' (did you mean 'North Korea', 'South Korea'" in err
    code, _, err = run("facts", "Narnia")
    assert code == 2 and "unknown country 'Narnia'" in err
    assert years_of("Nort Korea")[2010]["tier"] == "3"  # a near spelling resolves, as in the core


def test_one_year_of_a_country() -> None:
    code, out, _ = run("facts", "China", "--year", "2014")
    assert code == 0
    rows = [line for line in out.splitlines() if line[:4].isdigit() and line[4:5] == " "]
    assert len(rows) == 1 and "Tier 2 Watch List" in rows[0] and "upgrade from Tier 3" in rows[0]


# ------------------------------------------------------------------ must show: one report


def test_year_2014_tier_3_lists_23_with_thailand_and_published_count() -> None:
    code, out, _ = run("facts", "--year", "2014", "--tier", "3", "--format", "json")
    assert code == 0
    data = json.loads(out)
    (row,) = data["tiers"]
    names = [c["country"] for c in row["countries"]]
    assert len(names) == 23 and "Thailand" in names and "North Korea" in names
    assert row["published"]["value"] == 23 and row["counted"] == 23 and row["state"] == "match"
    assert all(c["sources"] for c in row["countries"])
    code, out, _ = run("facts", "--year", "2014", "--tier", "Tier 3")
    assert code == 0
    assert "Tier 3: 23 countries in our facts, published 23" in out and "Thailand" in out


def test_year_view_release_officials_and_counts_side_by_side() -> None:
    code, out, _ = run("facts", "--year", "2014")
    assert code == 0
    assert "released: Friday 20 June 2014" in out
    assert "Secretary of State: John Kerry" in out and "TIP Office Director: Luis CdeBaca" in out
    assert "history.state.gov" in out  # the officials' terms cite their source
    assert "Tier 2             89         86" in out and "coverage gap" in out
    data = json.loads(run("facts", "--year", "2008", "--format", "json")[1])
    assert (data["release_date"], data["weekday"]) == ("2008-06-04", "Wednesday")
    assert [o["name"] for o in data["officials"][0]["in_office"]] == ["Condoleezza Rice"]
    assert {t["tier"]: t["published"]["value"] for t in data["tiers"] if t["published"]} == {
        "2WL": 40, "3": 14}


def test_year_and_tier_usage_errors() -> None:
    assert run("facts", "--year", "1999")[0] == 2
    code, _, err = run("facts", "--year", "2003", "--tier", "2WL")
    assert code == 2 and "the 2003 report had no 2WL" in err
    code, _, err = run("facts", "--year", "2014", "--tier", "4")
    assert code == 2 and "unknown tier '4'" in err
    code, _, err = run("facts", "--year", "2014", "--format", "xml")
    assert code == 2


def test_help_explains_the_three_uses() -> None:
    code, out, _ = run("facts", "--help")
    assert code == 0
    for text in ("tipcheck facts COUNTRY", "tipcheck facts --year Y [--tier T]", "tipcheck facts check",
                 "--facts"):
        assert text in out


# ------------------------------------------------------------------ --facts on scan and explain


def test_explain_says_where_the_users_layer_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    claim = "China was on Tier 3 in the 2014 Trafficking in Persons Report."
    code, out, _ = run("explain", claim, "--facts", "tests/fixtures/facts/audit/over")
    assert "your facts: China 2014 = 3 (tests/fixtures/facts/audit/over/2014.yaml:5) overrides the " \
           "built-in 2WL (rules/facts/generated/reports/2014.yaml:" in out
    assert code == 0 and "contradicted" not in out
    code, out, _ = run("explain", claim)
    assert code == 1 and "your facts" not in out


def test_scan_with_facts_layer_and_broken_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    doc = tmp_path / "a.txt"
    doc.write_text("In the 2014 Trafficking in Persons Report, China was placed on Tier 3.\n")
    code, out, err = run("scan", str(doc), "--format", "json")
    assert code == 1
    related = [r for f in json.loads(out)["findings"] for r in f["related"] if r.get("url")]
    assert related and related[0]["source"].startswith("cho2015") and related[0]["url"].startswith("https")
    code, out, err = run("scan", str(doc), "--format", "json", "--facts", "tests/fixtures/facts/audit/over")
    assert code == 0 and "your facts: China 2014 = 3" in err
    code, _, err = run("scan", str(doc), "--facts", "tests/fixtures/facts/bad/tier4")
    assert code == 3 and "tests/fixtures/facts/bad/tier4/2014.yaml:4:16: " in err
