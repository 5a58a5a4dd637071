"""`tipcheck check`: drafts one by one, in every output format, with suppressions, baselines, fixes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_formats import make_docx, source_position
from typer.testing import CliRunner

from tipcheck.cli import app

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"
CLAIM = ("In the 2008 Trafficking in Persons Report, North Korea was kept on Tier 3 for the {} "
         "consecutive year.")


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(app, ["check", *args], input=stdin)


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The draft fixtures copied into an empty working folder (no configuration above it)."""
    for path in DRAFTS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("fmt", ["parsable", "json", "sarif", "github", "rich"])
def test_a_wrong_streak_exits_1_in_every_format(drafts: Path, fmt: str) -> None:
    result = run("streak-2008.md", "--format", fmt)
    assert result.exit_code == 1, result.output
    assert "TIP102" in result.stdout
    assert "tipcheck:" not in result.stdout  # diagnostics never mix with findings


def test_parsable_and_github_lines(drafts: Path) -> None:
    source = (drafts / "streak-2008.md").read_text(encoding="utf-8")
    line, column = source_position(source, "fifth consecutive year")
    parsable = run("streak-2008.md", "--format", "parsable").stdout.splitlines()
    assert parsable[0].startswith(f"streak-2008.md:{line}:{column}: [error] ")
    assert parsable[0].endswith("(TIP102 streak-facts)")
    github = run("streak-2008.md", "--format", "github")
    assert github.stdout.splitlines() == [
        f"::error file=streak-2008.md,line={line},endLine={line},col={column},"
        f"endColumn={column + len('fifth consecutive year')},title=TIP102 streak-facts::"
        + parsable[0].split("[error] ")[1].removesuffix(" (TIP102 streak-facts)")]
    assert "findings: 1 error" in github.stderr


@pytest.mark.parametrize("name", ["streak-2008.md", "streak-2008.txt", "streak-2008.html"])
def test_finding_points_at_the_claim_in_the_source(drafts: Path, name: str) -> None:
    source = (drafts / name).read_text(encoding="utf-8")
    occurrence = source.count("fifth consecutive year") - 1  # the last one is the body's
    found = findings(run(name, "--format", "json"))
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("TIP102 streak-facts", *source_position(source, "fifth consecutive year", occurrence))]


def test_docx_finding_is_paragraph_and_offset(drafts: Path) -> None:
    text = CLAIM.format("fifth")
    (drafts / "d.docx").write_bytes(make_docx(["North Korea", "", [text[:30], text[30:60], text[60:]]]))
    found = findings(run("d.docx", "--format", "json"))
    assert [(f["line"], f["column"], f["quote"]) for f in found] == [
        (3, text.index("fifth") + 1, "fifth consecutive year")]


def test_diff_fix_and_a_clean_rerun(drafts: Path) -> None:
    before = (drafts / "streak-2008.md").read_text(encoding="utf-8")
    diff = run("streak-2008.md", "--diff")
    assert diff.exit_code == 1
    removed = [ln for ln in diff.stdout.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln for ln in diff.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert [ln[1:].replace("fifth", "sixth") for ln in removed] == [ln[1:] for ln in added] != []
    assert (drafts / "streak-2008.md").read_text(encoding="utf-8") == before  # --diff writes nothing
    fixed = run("streak-2008.md", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "fixed 1 finding" in fixed.stderr
    assert (drafts / "streak-2008.md").read_text(encoding="utf-8") == before.replace("fifth", "sixth")
    assert run("streak-2008.md").exit_code == 0


def test_fix_keeps_crlf_bom_and_mode(drafts: Path) -> None:
    path = drafts / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\n\r\n" + CLAIM.format("fifth").encode() + b"\r\n")
    path.chmod(0o640)
    assert run("crlf.txt", "--fix").exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in drafts.iterdir() if p.name.endswith(".tmp")] == []
    assert path.read_bytes() == b"\xef\xbb\xbfTitle\r\n\r\n" + CLAIM.format("sixth").encode() + b"\r\n"


def test_fix_html_in_place_and_docx_left_alone(drafts: Path) -> None:
    assert run("streak-2008.html", "--fix").exit_code == 0
    html = (drafts / "streak-2008.html").read_text(encoding="utf-8")
    assert "for the sixth consecutive year.</p>" in html
    assert html.count("fifth consecutive year") == 2  # the title and the script are not prose
    (drafts / "d.docx").write_bytes(make_docx([CLAIM.format("fifth")]))
    docx_run = run("d.docx", "--fix")
    assert docx_run.exit_code == 1
    assert "docx drafts are not rewritten" in docx_run.stderr


def test_markup_inside_the_claim_is_not_guessed(drafts: Path) -> None:
    (drafts / "m.html").write_text(f"<p>{CLAIM.format('<b>fifth</b>')}</p>", encoding="utf-8")
    result = run("m.html", "--diff")
    assert result.exit_code == 1 and result.stdout == ""


def test_stdin_with_a_name_picks_the_format(drafts: Path) -> None:
    data = (drafts / "streak-2008.html").read_bytes()
    result = run("-", "--stdin-filename", "page.html", "--format", "json", stdin=data)
    assert [(f["path"], f["line"]) for f in findings(result)] == [("page.html", 10)]
    fixed = run("-", "--fix", stdin=CLAIM.format("fifth").encode())
    assert fixed.stdout == CLAIM.format("sixth")


def test_suppression_with_a_reason_silences_one_paragraph(drafts: Path) -> None:
    source = (drafts / "suppressed.md").read_text(encoding="utf-8")
    found = findings(run("suppressed.md", "--format", "json"))
    assert [(f["rule"], f["line"]) for f in found] == [
        ("TIP102 streak-facts", source_position(source, "fifth", 1)[0])]


def test_suppression_without_a_reason_is_an_error_and_unused_one_a_warning(drafts: Path) -> None:
    result = run("unexplained.md", "--format", "json")
    assert result.exit_code == 1
    rules = [(f["rule"], f["line"], f["severity"]) for f in findings(result)]
    assert rules == [("TIP901 bad-suppression", 1, "error"), ("TIP102 streak-facts", 2, "error"),
                     ("TIP902 unused-suppression", 4, "warning")]


@pytest.mark.parametrize("comment, problem", [
    ("tipcheck: ignore TIP999 -- why", "unknown rule 'TIP999'"),
    ("tipcheck: ignore -- why", "names no rule"),
    ("tipcheck: disable TIP102 -- why", "unknown directive"),
])
def test_malformed_suppressions(drafts: Path, comment: str, problem: str) -> None:
    (drafts / "x.md").write_text(f"<!-- {comment} -->\n{CLAIM.format('fifth')}\n", encoding="utf-8")
    found = findings(run("x.md", "--format", "json"))
    assert [f["rule"] for f in found] == ["TIP901 bad-suppression", "TIP102 streak-facts"]
    assert problem in found[0]["message"]


def test_suppression_in_html_and_plain_text(drafts: Path) -> None:
    (drafts / "s.html").write_text(f"<p>Intro.</p>\n<!-- tipcheck: ignore streak-facts -- quoted -->\n"
                                   f"<p>{CLAIM.format('fifth')}</p>\n", encoding="utf-8")
    (drafts / "s.txt").write_text(f"# tipcheck: ignore TIP102 -- quoted\n{CLAIM.format('fifth')}\n",
                                  encoding="utf-8")
    result = run("s.html", "s.txt", "--format", "json")
    assert result.exit_code == 0 and findings(result) == []


def test_baseline_absorbs_old_findings_even_when_lines_move(drafts: Path) -> None:
    assert run("streak-2008.md", "--write-baseline", "base.json").exit_code == 1
    assert run("streak-2008.md", "--baseline", "base.json").exit_code == 0
    path = drafts / "streak-2008.md"
    path.write_text("New first paragraph.\n\n" + path.read_text(encoding="utf-8")
                    + "\n" + CLAIM.format("fourth").replace("North Korea", "Burma") + "\n",
                    encoding="utf-8")
    found = findings(run("streak-2008.md", "--baseline", "base.json", "--format", "json"))
    assert [f["quote"] for f in found] == ["fourth consecutive year"]


def test_bad_baseline_file_exits_3(drafts: Path) -> None:
    (drafts / "base.json").write_text('{"something": "else"}', encoding="utf-8")
    result = run("streak-2008.md", "--baseline", "base.json")
    assert result.exit_code == 3
    assert "base.json: not a tipcheck baseline" in result.stderr


def test_each_draft_on_its_own_and_against_an_archive(drafts: Path) -> None:
    archive = drafts / "archive"
    archive.mkdir()
    (archive / "2008.md").write_text("The 2008 Trafficking in Persons Report placed Cuba on Tier 3.\n"
                                     "\n" + CLAIM.format("fifth") + "\n", encoding="utf-8")
    (drafts / "cuba.md").write_text("In its 2008 report, the State Department put Cuba on Tier 2.\n",
                                    encoding="utf-8")
    alone = findings(run("cuba.md", "--no-facts", "--format", "json"))
    assert alone == []
    against = findings(run("cuba.md", "--against", "archive", "--no-facts", "--format", "json"))
    assert [(f["path"], f["rule"]) for f in against] == [("cuba.md", "TIP113 placement-agreement")]
    assert against[0]["related"][0]["path"] == str(Path("archive") / "2008.md")
    # the archive's own mistake (the fifth-year streak) does not block the draft
    with_facts = findings(run("cuba.md", "--against", "archive", "--format", "json"))
    assert {f["path"] for f in with_facts} == {"cuba.md"}


def test_strict_counts_warnings(drafts: Path) -> None:
    (drafts / "w.md").write_text("<!-- tipcheck: ignore TIP101 -- old -->\nNothing to see.\n",
                                 encoding="utf-8")
    assert run("w.md").exit_code == 0
    assert run("w.md", "--strict").exit_code == 1


def test_a_folder_stands_for_its_drafts(drafts: Path) -> None:
    (drafts / "sub").mkdir()
    (drafts / "sub" / "a.md").write_text(CLAIM.format("fifth"), encoding="utf-8")
    (drafts / "sub" / "b.txt").write_text(CLAIM.format("sixth"), encoding="utf-8")
    found = findings(run("sub", "--format", "json"))
    assert [f["path"] for f in found] == [str(Path("sub") / "a.md")]


def test_exit_codes_for_usage_and_unreadable_input(drafts: Path) -> None:
    bad_format = run("streak-2008.md", "--format", "xml")
    assert bad_format.exit_code == 2 and "unknown format 'xml'" in bad_format.stderr
    missing = run("streak-2008.md", "nope.md", "--format", "parsable")
    assert missing.exit_code == 3
    assert "streak-2008.md:" in missing.stdout  # the readable draft is still checked
    assert "skipped nope.md: no such file" in missing.stderr
    (drafts / "broken.docx").write_bytes(b"PK\x03\x04broken")
    assert run("broken.docx").exit_code == 3
    assert run("streak-2008.md", "--select", "TIP9Z").exit_code == 2


def test_scan_reads_the_same_formats_and_options(drafts: Path) -> None:
    (drafts / "d.docx").write_bytes(make_docx([CLAIM.format("fifth")]))
    result = CliRunner().invoke(app, ["scan", "streak-2008.html", "d.docx", "--format", "github"])
    assert result.exit_code == 1
    assert [line.split(",")[0:2] for line in result.stdout.splitlines()] == [
        ["::error file=d.docx", "line=1"], ["::error file=streak-2008.html", "line=10"]]
    quiet = CliRunner().invoke(app, ["scan", "streak-2008.html", "--ignore", "streak-facts"])
    assert quiet.exit_code == 0 and "TIP102" not in quiet.stdout
