"""The per-reader gates (extract/gates.py) lose no claim, and the editor's fast `check` path reads
its command line as typer does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_regex import ADVERSARIAL
from test_triggers import DOCUMENTS
from typer.testing import CliRunner

import tipcheck.extract.gates as gates
from tipcheck import cli, entry
from tipcheck.engine import Checker
from tipcheck.extract.context import SentenceContext


def _read(checker: Checker) -> list[tuple]:
    result = checker.scan_paths([str(p) for p in DOCUMENTS], jobs=1)
    return [(c.span.path, c.span.start, c.span.end, c.kind, c.reading, sorted(c.fields.items()),
             c.negated, c.attributed) for c in result.claims] + sorted(
        (f.path, f.line, f.column, f.rule, f.message) for f in result.findings)


def test_gates_lose_no_claim(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _read(checker)
    monkeypatch.setattr(gates, "GATING", False)
    assert gated and _read(checker) == gated


@pytest.mark.parametrize("text", [
    "Cuba was moved up a notch.", "The figure stood at 13 last year.",
    "Fewer than the 20 countries of 2019 remain on Tier 3.", "The 2014 edition of the TIP report.",
    "It was released on Friday by the State Department, which downgraded Cuba.",
    "Officials estimate 80,000 people are held in prison camps.",
    "Secretary of State John Kerry released the report.", "The report has four tiers.",
    "Non-humanitarian aid is withheld from Tier 3 countries.",
    # long s and dotless i: re.IGNORECASE finds "ſanctions" and "Tıer", lower() does not: not gated
    "Non-humanitarian aid, ſanctions: Cuba went to Tıer 3.",
])
def test_gated_and_ungated_read_alike(text: str, checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    def read() -> list[tuple]:
        return [(c.kind, sorted(c.fields.items())) for c in checker.scan_text(text).claims]

    gated = read()
    monkeypatch.setattr(gates, "GATING", False)
    assert read() == gated


def test_odd_letters_turn_gates_off() -> None:
    assert SentenceContext("Cuba is on Tier 3.", [], None).gated
    assert not SentenceContext("Cuba is on Tıer 3.", [], None).gated
    assert SentenceContext("Cuba is on Tıer 3.", [], None).has(("nothing here",))


@pytest.mark.parametrize("name", ["tier tier", "watch list", "dates", "numbers words"])
def test_gates_on_hostile_text(name: str, checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ADVERSARIAL[name][:20_000]
    gated = [(c.kind, c.span.start, sorted(c.fields.items())) for c in checker.scan_text(text).claims]
    monkeypatch.setattr(gates, "GATING", False)
    assert [(c.kind, c.span.start, sorted(c.fields.items()))
            for c in checker.scan_text(text).claims] == gated


def test_plain_check_command_lines() -> None:
    assert entry.plain_check(["check", "a.md", "b.txt"]) == (["a.md", "b.txt"], None)
    assert entry.plain_check(["check", "a.md", "--format", "json"]) == (["a.md"], "json")
    assert entry.plain_check(["check", "--format=sarif", "a.md"]) == (["a.md"], "sarif")
    for args in (["check"], ["check", "-"], ["check", "a.md", "--fix"], ["check", "a.md", "--format"],
                 ["check", "a.md", "--format="], ["scan", "a.md"], [], ["check", "--help"]):
        assert entry.plain_check(args) is None, args


@pytest.mark.parametrize("extra", [[], ["--format", "json"], ["--format=parsable"]])
def test_fast_check_prints_what_typer_prints(extra: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("North Korea stayed on Tier 3 for the 10th consecutive year in the 2014 report.\n")
    args = ["check", str(draft), *extra]
    expected = CliRunner().invoke(cli.app, args)
    monkeypatch.setattr(sys, "argv", ["tipcheck", *args])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == expected.exit_code
    assert capsys.readouterr().out == expected.stdout


def test_plain_check_never_loads_typer(tmp_path: Path) -> None:
    """The editor's call starts without typer; any other command line gets it."""
    draft = tmp_path / "draft.md"
    draft.write_text("Cuba stayed on Tier 3 in the 2014 report.\n")
    probe = ("import atexit, sys; atexit.register(lambda: print('typer' in sys.modules, file=sys.stderr)); "
             "from tipcheck.entry import main; main()")
    for args, loaded in ((["check", str(draft)], "False"), (["check", str(draft), "--strict"], "True")):
        done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode in (0, 1), done.stderr
        assert done.stderr.strip().splitlines()[-1] == loaded, (args, done.stderr)
