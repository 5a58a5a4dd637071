"""Hostile inputs to `tipcheck scan`: read what is text, skip the rest with one line each, exit 3."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tipcheck.cli import app
from tipcheck.engine import Checker
from tipcheck.errors import ExitCode, Problem

CLAIM = "North Korea stayed on Tier 3 of the trafficking report for the 12th consecutive year."
WRONG = "In the 2014 Trafficking in Persons report, Germany was placed on Tier 3."  # Germany: Tier 1
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks and permissions")


def scan(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `tipcheck scan ARGS --format parsable --no-cache`."""
    result = CliRunner().invoke(app, ["scan", *args, "--format", "parsable", "--no-cache"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def skipped(stderr: str) -> dict[str, str]:
    """The 'tipcheck: skipped PATH: REASON' lines, by file name."""
    lines = [line.removeprefix("tipcheck: skipped ") for line in stderr.splitlines()
             if line.startswith("tipcheck: skipped ")]
    return {Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1] for line in lines}


# --- read normally ---


def test_empty_file_has_no_claims(tmp_path: Path, checker: Checker) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    result = checker.scan_paths([tmp_path])
    assert (result.summary.documents, result.summary.claims, result.problems) == (1, 0, [])
    assert scan(str(tmp_path))[0] == ExitCode.CLEAN


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(tmp_path: Path, checker: Checker, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeff".encode(encoding) + WRONG.encode(encoding))
    result = checker.scan_paths([tmp_path])
    assert result.problems == []
    assert [f.rule.split()[0] for f in result.findings if f.severity == "error"] == ["TIP111"]


def test_crlf_and_hard_wrapped_claim(tmp_path: Path, checker: Checker) -> None:
    """A paragraph wrapped at 60 columns, CRLF line ends: the claim across two lines is read."""
    prose = ("Officials in the capital met on Tuesday to discuss the new shelter budget and the "
             "training of labour inspectors. " + WRONG + " Advocates said enforcement remained weak "
             "and that victims were still too often prosecuted rather than protected by the courts.")
    wrapped = textwrap.fill(prose, 60)
    assert "Germany" in wrapped.splitlines()[2] and "Tier 3" in wrapped.splitlines()[3]
    (tmp_path / "a.md").write_bytes(("Title\n\n" + wrapped + "\n").replace("\n", "\r\n").encode())
    result = checker.scan_paths([tmp_path])
    (finding,) = [f for f in result.findings if f.severity == "error"]
    assert (finding.line, finding.end_line) == (5, 6)  # the claim spans the wrapped lines
    assert "Germany" in finding.quote and "Tier 3" in finding.quote


def test_documents_not_about_the_report_are_counted_not_read(tmp_path: Path, checker: Checker) -> None:
    (tmp_path / "a.txt").write_text("The council released its budget on Friday, a year late.")
    (tmp_path / "b.txt").write_text(WRONG)
    result = checker.scan_paths([tmp_path])
    assert result.summary.documents == 2
    assert {c.span.path for c in result.claims} == {str(tmp_path / "b.txt")}
    assert str(tmp_path / "a.txt") not in result.dates


def test_folder_of_100k_files(fast_tmp: Path, checker: Checker) -> None:
    """100,000 small files (one with a claim) are all read; memory holds claims, not documents."""
    for folder in range(100):
        parent = fast_tmp / f"d{folder:03}"
        parent.mkdir()
        for index in range(1000):
            os.close(os.open(parent / f"f{index:04}.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    (fast_tmp / "d050" / "f0500.txt").write_text(WRONG)
    result = checker.scan_paths([fast_tmp], jobs=1)
    assert result.summary.documents == 100_000
    assert result.problems == []
    assert [f.path for f in result.findings if f.severity == "error"] == [str(fast_tmp / "d050/f0500.txt")]
    assert list(result.dates) == [str(fast_tmp / "d050/f0500.txt")]  # only the document with claims


def test_long_line_under_a_raised_limit(tmp_path: Path, checker: Checker) -> None:
    """A 1 MB single line (the benchmark does 5 MB) is read when the limit allows it."""
    line = (CLAIM.removesuffix(".") + ", officials said, ") * (1_000_000 // (len(CLAIM) + 18))
    (tmp_path / "line.txt").write_text(line + WRONG)
    checker = Checker(checker.rules, checker.facts, checker.countries, max_bytes=2_000_000)
    result = checker.scan_paths([tmp_path])
    assert result.problems == []
    assert any(f.rule.startswith("TIP111") for f in result.findings)


# --- reported and skipped, the scan going on, exit 3 ---


def _hostile_folder(root: Path) -> dict[str, str]:
    """Hostile files beside one good file; returns the reason expected for each skipped name."""
    (root / "good.txt").write_text(WRONG)
    (root / "binary.txt").write_bytes(bytes(range(1, 32)) * 20)
    (root / "nul.md").write_bytes(b"Tier 3\0rest")
    (root / "undecodable.txt").write_bytes(b"Tier 3 \x81 and \x8d")  # undefined in cp1252
    (root / "big.txt").write_bytes(b"x" * 2000)
    expected = {
        "binary.txt": "binary file (",
        "nul.md": "binary file (NUL byte at offset 6)",
        "undecodable.txt": "not text: cannot decode",
        "big.txt": "file too large (2,000 > 1,000 bytes; raise --max-file-size)",
    }
    if sys.platform != "win32":
        (root / "loop").mkdir()
        (root / "loop" / "back").symlink_to(root / "loop")
        (root / "dangling.txt").symlink_to(root / "nowhere.txt")
        expected |= {"back": "symlink loop", "dangling.txt": "dangling symlink"}
    return expected


def test_every_hostile_file_gets_one_line_and_exit_3(tmp_path: Path) -> None:
    expected = _hostile_folder(tmp_path)
    missing = tmp_path / "missing.md"
    expected["missing.md"] = "no such file or directory"
    code, out, err = scan(str(tmp_path), str(missing), "--max-file-size", "1000")
    assert code == ExitCode.INCOMPLETE
    found = skipped(err)
    assert set(found) == set(expected)
    for name, reason in expected.items():
        assert found[name].startswith(reason), (name, found[name])
    assert "Traceback" not in err
    assert "good.txt" in out and "TIP111" in out  # the scan went on


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_skips_are_the_same_for_any_jobs(tmp_path: Path, jobs: str) -> None:
    _hostile_folder(tmp_path)
    for index in range(20):  # enough files for worker processes
        (tmp_path / f"more{index:02}.txt").write_text(WRONG)
    code, out, err = scan(str(tmp_path), "--max-file-size", "1000", "--jobs", jobs)
    assert code == ExitCode.INCOMPLETE
    baseline = scan(str(tmp_path), "--max-file-size", "1000", "--jobs", "1")
    assert (out, err) == (baseline[1], baseline[2])


@needs_posix
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads anything, so the refusal is simulated where the file is opened."""
    (tmp_path / "good.txt").write_text(WRONG)
    (tmp_path / "locked.txt").write_text(WRONG)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    code, out, err = scan(str(tmp_path))
    assert code == ExitCode.INCOMPLETE
    assert skipped(err) == {"locked.txt": "permission denied"}
    assert "good.txt" in out


def test_a_bug_in_one_document_does_not_end_the_scan(
    tmp_path: Path, checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(WRONG)
    (tmp_path / "b.txt").write_text(WRONG.replace("Germany", "France"))
    real = Checker.scan_document

    def broken(self: Checker, document, stages=None):  # type: ignore[no-untyped-def]
        if document.path.endswith("a.txt"):
            raise IndexError("list index out of range")
        return real(self, document, stages)

    monkeypatch.setattr(Checker, "scan_document", broken)
    result = checker.scan_paths([tmp_path])
    reason = "internal error (IndexError: list index out of range); please report it"
    assert result.problems == [Problem(str(tmp_path / "a.txt"), reason)]
    assert [f.path for f in result.findings if f.severity == "error"] == [str(tmp_path / "b.txt")]


def test_bad_max_file_size_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = scan(str(tmp_path), "--max-file-size", "lots")
    assert code == ExitCode.USAGE
    assert "--max-file-size: not a size: 'lots'" in err
