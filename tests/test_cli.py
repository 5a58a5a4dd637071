"""The command line as a user meets it: exit codes, stdout vs stderr, formats, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CLAIM = "The 2008 Trafficking in Persons Report placed North Korea on Tier 3 for the {} consecutive year.\n"
WRONG, RIGHT = CLAIM.format("fifth"), CLAIM.format("sixth")


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "tipcheck", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, input=stdin, timeout=120)


def test_scan_seeds_reports_errors_and_exits_1_from_any_directory(tmp_path: Path):
    done = run("scan", str(SEEDS), cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stdout.splitlines() if "[error]" in line]
    assert len(lines) == 2 and all(line.startswith(str(SEEDS)) for line in lines)
    assert "(TIP110 tier-missing)" in done.stdout and "(TIP150 tier3-assistance)" in done.stdout
    assert "5 documents" in done.stdout


def test_clean_document_exits_0(tmp_path: Path):
    (tmp_path / "right.md").write_text(RIGHT, encoding="utf-8")
    done = run("scan", str(tmp_path))
    assert done.returncode == 0, done.stdout
    assert "[error]" not in done.stdout


def test_json_has_the_documented_fields(tmp_path: Path):
    (tmp_path / "wrong.txt").write_text(WRONG, encoding="utf-8")
    done = run("scan", "--format", "json", str(tmp_path))
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert set(data) >= {"findings", "claims", "summary"}
    finding = data["findings"][0]
    for key in ("rule", "severity", "path", "line", "column", "end_line", "end_column", "quote",
                "message", "derivation", "related", "suggestion"):
        assert key in finding
    assert finding["line"] == 1 and finding["quote"] in WRONG
    assert WRONG[finding["column"] - 1:finding["end_column"] - 1] == finding["quote"]
    claim = data["claims"][0]
    assert {"kind", "fields", "path", "line", "column", "end_line", "end_column", "text"} <= set(claim)
    assert data["summary"]["facts_version"]


def test_show_verified_lists_claims_that_hold(tmp_path: Path):
    (tmp_path / "right.txt").write_text(RIGHT, encoding="utf-8")
    plain = run("scan", "--show-verified", "--format", "rich", str(tmp_path))
    assert plain.returncode == 0
    assert "sixth consecutive year" in plain.stdout


def test_no_facts_keeps_invariants_but_drops_placements(tmp_path: Path):
    (tmp_path / "wrong.txt").write_text(WRONG, encoding="utf-8")
    assert run("scan", "--no-facts", str(tmp_path)).returncode == 0
    (tmp_path / "arith.txt").write_text(
        "The 2014 Trafficking in Persons Report kept North Korea at Tier 3 for the 12th consecutive "
        "year since 2004.\n", encoding="utf-8")
    done = run("scan", "--no-facts", str(tmp_path / "arith.txt"))
    assert done.returncode == 1 and "TIP101" in done.stdout


def test_year_option_dates_an_undated_document(tmp_path: Path):
    (tmp_path / "undated.txt").write_text("North Korea stayed on Tier 3 for the fifth consecutive year.\n",
                                          encoding="utf-8")
    assert run("scan", "--year", "2007", str(tmp_path)).returncode == 0
    assert run("scan", "--year", "2010", str(tmp_path)).returncode == 1


def test_bad_input_is_one_line_each_and_the_scan_goes_on(tmp_path: Path):
    (tmp_path / "wrong.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    done = run("scan", str(tmp_path), str(tmp_path / "missing.md"))
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    skipped = [line for line in done.stderr.splitlines() if "skipped" in line]
    assert len(skipped) == 3
    assert any("missing.md" in line for line in skipped)
    assert any("binary.txt" in line for line in skipped)
    assert "TIP102" in done.stdout  # the readable file was still checked


def test_usage_errors_exit_2():
    assert run("scan", "--format", "nope", str(SEEDS)).returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("rules", "TIP999").returncode == 2


def test_rules_lists_and_shows_one():
    listing = run("rules")
    assert listing.returncode == 0 and "TIP101" in listing.stdout and "streak-arithmetic" in listing.stdout
    by_name, by_code = run("rules", "streak-arithmetic"), run("rules", "TIP101")
    assert by_name.stdout == by_code.stdout and "fails:" in by_code.stdout


def test_explain_walks_through_a_contradicted_claim():
    done = run("explain", WRONG.strip())
    assert done.returncode == 1
    out = done.stdout
    assert "streak" in out and "contradicted" in out and "2003" in out


def test_explain_consistent_and_unverifiable_claims_exit_0():
    assert run("explain", RIGHT.strip()).returncode == 0
    done = run("explain", "The weather in Paris was mild.")
    assert done.returncode == 0 and "unverifiable" in done.stdout


def test_nothing_is_written_into_the_scanned_folder(tmp_path: Path):
    (tmp_path / "wrong.txt").write_text(WRONG, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    run("scan", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_cp1252_text_is_read_with_a_note_on_stderr(tmp_path: Path):
    text = RIGHT.replace("Report", "Report \u2013 the annual one \u2013")
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    done = run("scan", "--format", "json", str(tmp_path))
    assert done.returncode == 0
    assert "legacy.txt: decoded as cp1252" in done.stderr
    assert any(c["kind"] == "streak" for c in json.loads(done.stdout)["claims"])


def test_built_in_rules_are_listed_and_selectable():
    assert run("rules", "year-range").returncode == 0
    assert "TIP901" in run("rules").stdout
    kept = run("scan", str(SEEDS))
    dropped = run("scan", "--ignore", "year-range", str(SEEDS))
    assert "TIP199" in kept.stdout and "TIP199" not in dropped.stdout
    assert dropped.returncode == 1
