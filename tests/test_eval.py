"""`tipcheck eval`: annotation loading, the scoring arithmetic, and the command's output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tipcheck.cli import app
from tipcheck.document import Document, document_from_text
from tipcheck.engine import ScanResult
from tipcheck.errors import TipcheckError
from tipcheck.eval_load import Annotation, load_annotation, load_folder, locate
from tipcheck.evaluate import FALSE_POSITIVE, below, overlaps, score, split_groups
from tipcheck.model import Claim, Finding, frozen_fields

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
CORPUS = FIXTURES / "corpus"
BAD = FIXTURES / "bad"
# quotes of the annotated claims in corpus/001.txt (see 001.yaml for verdicts)
WEEKDAY = "released its 2014 Trafficking in Persons Report on Friday"  # correct
STREAK = "remained on Tier 3 for the 12th consecutive year since 2003"  # correct
VOLUNTEERS = "compiled by 400 volunteers in Ohio"  # wrong, nothing can check it
THREE_TIERS = "sorts countries into three tiers"  # wrong, contested
COUNT = "23 countries were placed on Tier 3"  # correct
MEASURES = "the ranking measures how much trafficking a country has"  # wrong
FORECAST = "Officials expect more countries to be added next year"  # unverifiable


def _span_of(doc: Document, text: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return doc.span(start, start + len(text))


def finding(doc: Document, text: str, severity: str = "error", occurrence: int = 0) -> Finding:
    s = _span_of(doc, text, occurrence)
    return Finding("TIP999 test", severity, doc.path, s.line, s.column, s.end_line, s.end_column,
                   text, f"{severity} on {text}")


def claim(doc: Document, text: str, kind: str = "other") -> Claim:
    return Claim(kind, frozen_fields({}), text, _span_of(doc, text), text, "test")


@pytest.fixture()
def original() -> Annotation:
    return load_annotation(CORPUS / "001.yaml")


def scored(annotation: Annotation, findings: list[Finding], claims: list[Claim] = ()):
    return score([annotation], ScanResult(findings=findings, claims=list(claims)), "test")


# --- scoring arithmetic ---


def test_coverage_recall_and_precision(original: Annotation):
    doc = original.document
    read = [claim(doc, t) for t in (WEEKDAY, STREAK, THREE_TIERS, MEASURES)]
    found = [finding(doc, MEASURES), finding(doc, THREE_TIERS, "warning"),
             finding(doc, COUNT), finding(doc, FORECAST), finding(doc, VOLUNTEERS, "note"),
             finding(doc, "Washington")]
    group = scored(original, found, read)
    o = group.overall
    assert (o.claims, o.read, o.coverage) == (7, 4, 4 / 7)
    assert (o.wrong, o.found, o.recall) == (2, 1, 0.5)  # the contested claim is left out of recall
    assert (o.findings, o.on_target, o.precision) == (4, 2, 0.5)  # the note is not counted
    assert o.left_out == 1  # the finding on the unverifiable forecast


def test_a_miss_lists_the_claim_and_the_notes_on_it(original: Annotation):
    doc = original.document
    group = scored(original, [finding(doc, VOLUNTEERS, "note"), finding(doc, MEASURES)])
    assert [m.claim.quote for m in group.misses] == [VOLUNTEERS]
    assert [f.severity for f in group.misses[0].notes] == ["note"]
    assert group.misses[0].read_as == ()


def test_false_positives_on_a_correct_claim_and_on_no_claim(original: Annotation):
    doc = original.document
    group = scored(original, [finding(doc, COUNT), finding(doc, "Washington")],
                   [claim(doc, "Washington", "placement")])
    assert {(x.outcome, x.type) for x in group.false_positives} == {
        (FALSE_POSITIVE, "tier_count"), (FALSE_POSITIVE, "placement")}
    on_count = next(x for x in group.false_positives if x.type == "tier_count")
    assert [c.verdict for c in on_count.claims] == ["correct"]
    assert group.overall.precision == 0.0
    assert group.rows["tier_count"].false_positives == 1


def test_contested_claims_count_for_precision_not_recall(original: Annotation):
    group = scored(original, [finding(original.document, THREE_TIERS)])
    row = group.rows["tier_system"]
    assert (row.claims, row.wrong, row.found, row.recall) == (2, 1, 0, 0.0)
    assert (row.findings, row.on_target, row.precision) == (1, 1, 1.0)


def test_only_notes_leave_precision_undefined(original: Annotation):
    group = scored(original, [finding(original.document, COUNT, "note")])
    assert group.overall.findings == 0 and group.overall.precision is None
    assert group.false_positives == []


def test_a_finding_lands_on_any_overlap_but_not_next_to_the_quote(original: Annotation):
    doc = original.document
    inside = finding(doc, "how much trafficking")  # part of MEASURES
    group = scored(original, [inside])
    assert group.overall.found == 1 and group.overall.precision == 1.0
    before = doc.text.index(MEASURES)
    assert overlaps(before - 5, before + 1, [(before, before + 3)])
    assert not overlaps(before - 5, before, [(before, before + 3)])


def test_a_quote_found_twice_counts_every_occurrence():
    annotation = load_annotation(CORPUS / "002.yaml")
    (quoted,) = annotation.claims
    assert len(quoted.spans) == 2
    group = scored(annotation, [finding(annotation.document, "Cuba stayed on Tier 3", occurrence=1)])
    assert group.false_positives[0].claims == (quoted,)


def test_unread_sentences_are_tied_to_the_claim_types_inside(original: Annotation):
    doc = original.document
    sentence = next(s for s in doc.sentences if VOLUNTEERS in s.text)
    result = ScanResult(unread=[(doc.path, doc.position(sentence.start)[0], sentence.text)])
    group = score([original], result, "test")
    assert [u.types for u in group.unread] == [("other",)]


def test_thresholds_fail_below_and_pass_when_undefined(original: Annotation):
    group = scored(original, [finding(original.document, MEASURES)])
    assert below(group, {"recall": 0.6, "precision": 1.0, "coverage": None}) == ["recall 0.50 < 0.60"]
    empty = scored(original, [])
    assert below(empty, {"precision": 0.9}) == []  # no findings: nothing to be precise about


# --- loading annotations ---


def test_folder_splits_into_originals_and_planted():
    annotations, notes = load_folder(CORPUS)
    groups = dict(split_groups(annotations))
    assert [Path(a.path).name for a in groups["originals"]] == ["001.yaml", "002.yaml"]
    assert [Path(a.path).name for a in groups["planted"]] == ["001-p.yaml"]
    assert notes == []


def test_quotes_match_across_curly_quotes_and_line_breaks():
    doc = document_from_text("It said \u201cTier 3\u201d was the\nlowest tier.", "x.txt")
    (span,) = locate('"Tier 3" was the lowest tier', doc)
    assert doc.text[span[0]:span[1]] == '"Tier 3" was the\nlowest tier'


@pytest.mark.parametrize(("name", "where", "message"), [
    ("unknown-key", "5:5", "claim: unknown key 'verdit' (did you mean 'verdict'?)"),
    ("bad-verdict", "5:14", "verdict 'incorrect' is not a valid value"),
    ("bad-type", "4:11", "unknown claim type 'placment' (did you mean 'placement'?)"),
    ("missing-quote", "6:12", "quote not found in bad.txt: 'stayed on Tier 2'"),
    ("bad-bool", "6:16", "claim 'contested' must be true or false, not a string"),
    ("planted-correct", "6:14", "planted: true needs verdict 'wrong'"),
    ("no-file", "1:7", "file 'nothere.txt': no such file"),
    ("claim-not-mapping", "3:5", "claim must be a mapping, not a string"),
    ("missing-verdict", "3:5", "claim: missing required key 'verdict'"),
    ("bad-field", "6:20", "field 'tier' must be a plain value or a list, not a mapping"),
    ("bad-yaml", "4:1", "invalid yaml"),
])
def test_malformed_annotations_name_file_line_and_problem(name: str, where: str, message: str):
    with pytest.raises(TipcheckError) as caught:
        load_annotation(BAD / f"{name}.yaml")
    text = str(caught.value.problem)
    assert text.startswith(f"{BAD / name}.yaml:{where}: ")
    assert message in text


# --- the command ---


def invoke(*args: str):
    return CliRunner().invoke(app, ["eval", *args], env={"NO_COLOR": "1"})


def test_json_scores_originals_and_planted_apart():
    done = invoke(str(CORPUS), "--format", "json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    groups = {g["name"]: g for g in data["groups"]}
    originals, planted = groups[f"{CORPUS} (originals)"], groups[f"{CORPUS} (planted)"]
    assert (originals["documents"], originals["overall"]["claims"]) == (2, 8)
    assert (planted["overall"]["wrong"], planted["overall"]["planted"]) == (3, 1)
    for group in (originals, planted):
        assert VOLUNTEERS in [m["quote"] for m in group["misses"]]
    assert data["passed"] is True


def test_min_recall_fails_the_run_with_exit_1():
    done = invoke(str(CORPUS), "--format", "parsable", "--min-recall", "1")
    assert done.exit_code == 1
    assert "(originals): recall" in done.stderr  # the unreadable volunteers claim is always missed
    assert invoke(str(CORPUS), "--format", "parsable", "--min-recall", "0").exit_code == 0


def test_parsable_prints_a_table_per_group_and_lists_misses():
    done = invoke(str(CORPUS), "--format", "parsable", "--show-unread")
    assert done.stdout.count("type ") == 2 and done.stdout.count("\noverall ") == 2
    assert f'001.txt:3: "{VOLUNTEERS}"' in done.stdout
    assert "annotated claims not read:" in done.stdout


def test_malformed_annotation_exits_3_with_one_line(tmp_path: Path):
    shutil.copy(BAD / "bad.txt", tmp_path)
    shutil.copy(BAD / "unknown-key.yaml", tmp_path)
    done = invoke(str(tmp_path))
    assert done.exit_code == 3
    assert done.stderr == (f"tipcheck: {tmp_path / 'unknown-key.yaml'}:5:5: claim: unknown key "
                           "'verdit' (did you mean 'verdict'?)\n")
    assert done.stdout == ""


def test_unannotated_text_is_noted_and_left_out(tmp_path: Path):
    for name in ("002.txt", "002.yaml"):
        shutil.copy(CORPUS / name, tmp_path)
    (tmp_path / "extra.txt").write_text("Cuba stayed on Tier 2.", encoding="utf-8")
    done = invoke(str(tmp_path), "--format", "json")
    assert done.exit_code == 0
    assert "extra.txt: no annotation names this text; left out" in done.stderr
    assert json.loads(done.stdout)["groups"][0]["documents"] == 1


@pytest.mark.parametrize(("args", "code"), [
    (["--min-coverage", "1.5"], 2),
    (["--format", "xml"], 2),
])
def test_bad_options_are_usage_errors(args: list[str], code: int):
    assert invoke(str(CORPUS), *args).exit_code == code


def test_missing_folder_and_empty_folder_exit_3(tmp_path: Path):
    assert invoke(str(tmp_path / "nope")).exit_code == 3
    done = invoke(str(tmp_path))
    assert done.exit_code == 3 and "no annotation files" in done.stderr
