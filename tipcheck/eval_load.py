"""Annotated documents for `tipcheck eval`: load NNN.yaml next to its text, validate, locate quotes.

The format is described in eval/FORMAT.md: a mapping naming the text `file` and listing its checkable
`claims`, each with an exact `quote`, a `type`, a `verdict` and optional flags. Every problem is a
TipcheckError located at file:line:col of the annotation, so the command prints one line and exits 3.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipcheck.document import Document, normalize
from tipcheck.errors import InputFileError, Problem, TipcheckError
from tipcheck.reader import TEXT_SUFFIXES, read_document
from tipcheck.yamlsafe import (
    YamlMap,
    YamlSeq,
    check_keys,
    expect_choice,
    expect_type,
    fail,
    load_yaml,
    suggest,
    type_name,
    value_pos,
)

CLAIM_TYPES = ("placement", "streak", "streak_start", "tier_count", "move", "report_year", "weekday",
               "tier_system", "tier3_consequence", "official", "estimate", "other")
VERDICTS = ("correct", "wrong", "unverifiable")
ANNOTATION_SUFFIXES = (".yaml", ".yml")

# key -> accepted types; `None` in a tuple allows an empty value
_TOP_KEYS: dict[str, tuple[type, ...]] = {
    "file": (str,), "url": (str, type(None)), "title": (str, type(None)),
    "publication_date": (str, type(None)), "report_year": (int, type(None)),
    "report_year_note": (str, type(None)), "countries": (YamlSeq,), "claims": (YamlSeq,),
}
_CLAIM_KEYS: dict[str, tuple[type, ...]] = {
    "quote": (str,), "type": (str,), "verdict": (str,), "fields": (YamlMap, type(None)),
    "basis": (str, type(None)), "note": (str, type(None)), "contested": (bool,),
    "planted": (bool,), "csv_only": (bool,),
}
_FIELD_VALUE = (str, int, float, bool, YamlSeq, type(None))


@dataclass(frozen=True)
class AnnotatedClaim:
    """One claim a fact-checker marked in a document, with where its quote sits in the text."""

    quote: str
    type: str
    verdict: str  # correct | wrong | unverifiable
    fields: Mapping[str, Any]
    basis: str
    contested: bool
    planted: bool
    spans: tuple[tuple[int, int], ...]  # every occurrence of the quote: offsets into the text
    line: int  # 1-based line of the quote's first occurrence in the text
    source: str  # annotation file:line where the claim is written

    @property
    def scored_wrong(self) -> bool:
        """Whether recall counts this claim: wrong and not contested."""
        return self.verdict == "wrong" and not self.contested


@dataclass
class Annotation:
    """A text and its annotated claims."""

    path: str  # the annotation file
    document: Document
    claims: list[AnnotatedClaim]
    report_year: int | None = None

    @property
    def planted(self) -> bool:
        """Whether this is a copy with mistakes planted on purpose (scored apart from originals)."""
        return any(claim.planted for claim in self.claims)


def find_annotations(folder: Path) -> list[Path]:
    """Annotation files under a folder (walked, sorted; hidden entries skipped)."""
    found = [p for p in folder.rglob("*") if p.suffix.lower() in ANNOTATION_SUFFIXES
             and p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return sorted(found)


def load_annotation(path: Path) -> Annotation:
    """Read one annotation file and its text; raise TipcheckError at file:line:col when malformed."""
    shown = str(path)
    tree = load_yaml(path, name=shown)
    check_keys(tree, set(_TOP_KEYS), {"file", "claims"}, shown, "annotation")
    _check_types(tree, _TOP_KEYS, shown, "")
    for index, country in enumerate(tree.get("countries", [])):
        expect_type(country, str, shown, tree["countries"].item_pos[index], "a country")
    text_path = path.parent / tree["file"]
    try:
        document = read_document(text_path, display=str(text_path))
    except InputFileError as error:
        raise fail(shown, f"file '{tree['file']}': {error.problem.message}",
                   value_pos(tree, "file")) from None
    items = tree["claims"]
    claims = [_claim(node, items.item_pos[i], document, shown) for i, node in enumerate(items)]
    return Annotation(shown, document, claims, tree.get("report_year"))


def _check_types(node: YamlMap, keys: dict[str, tuple[type, ...]], path: str, what: str) -> None:
    for key, value in node.items():
        expect_type(value, keys[key], path, value_pos(node, key), f"{what}'{key}'")


def _claim(node: Any, where: tuple[int, int], document: Document, path: str) -> AnnotatedClaim:
    if not isinstance(node, YamlMap):
        raise fail(path, f"claim must be a mapping, not {type_name(node)}", where)
    check_keys(node, set(_CLAIM_KEYS), {"quote", "type", "verdict"}, path, "claim")
    _check_types(node, _CLAIM_KEYS, path, "claim ")
    if node["type"] not in CLAIM_TYPES:
        hint = suggest(node["type"], CLAIM_TYPES)
        extra = f"did you mean '{hint}'?" if hint else f"valid: {', '.join(CLAIM_TYPES)}"
        raise fail(path, f"unknown claim type '{node['type']}' ({extra})", value_pos(node, "type"))
    expect_choice(node["verdict"], VERDICTS, path, value_pos(node, "verdict"), "verdict")
    fields = node.get("fields") or YamlMap()
    for key, value in fields.items():
        expect_type(key, str, path, fields.key_pos.get(key), "a field name")
        if not isinstance(value, _FIELD_VALUE):
            raise fail(path, f"field '{key}' must be a plain value or a list, not "
                       f"{type_name(value)}", value_pos(fields, key))
    planted = node.get("planted", False)
    if planted and node["verdict"] != "wrong":
        raise fail(path, f"claim: planted: true needs verdict 'wrong', not '{node['verdict']}'",
                   value_pos(node, "planted"))
    quote = node["quote"].strip()
    if not quote:
        raise fail(path, "claim quote is empty", value_pos(node, "quote"))
    spans = locate(quote, document)
    if not spans:
        raise fail(path, f"quote not found in {Path(document.path).name}: '{_short(quote)}'",
                   value_pos(node, "quote"))
    return AnnotatedClaim(
        quote=quote, type=node["type"], verdict=node["verdict"], fields=dict(fields),
        basis=node.get("basis") or "", contested=node.get("contested", False), planted=planted,
        spans=spans, line=document.position(spans[0][0])[0], source=f"{path}:{where[0]}")


def locate(quote: str, document: Document) -> tuple[tuple[int, int], ...]:
    """Every occurrence of a quote in the text: exact first, then with quotes/dashes and spacing
    normalized (an annotator may type ' for ’, or a YAML line fold may turn a break into a space)."""
    spans = _all(re.escape(quote), document.raw)
    if not spans:
        words = normalize(quote).split()
        spans = _all(r"\s+".join(map(re.escape, words)), document.text)
    return spans


def _all(pattern: str, text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(pattern, text))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def load_folder(folder: Path) -> tuple[list[Annotation], list[Problem]]:
    """All annotations under a folder, and notes on texts that have none (they are left out)."""
    annotations = [load_annotation(path) for path in find_annotations(folder)]
    if not annotations:
        raise TipcheckError(Problem(str(folder), "no annotation files (*.yaml) found"))
    seen: dict[str, str] = {}
    for annotation in annotations:
        key = str(Path(annotation.document.path).resolve())
        if key in seen:
            raise TipcheckError(Problem(annotation.path, f"'{annotation.document.path}' is "
                                        f"already annotated in {seen[key]}"))
        seen[key] = annotation.path
    notes = [Problem(str(p), "no annotation names this text; left out")
             for p in sorted(folder.rglob("*"))
             if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and str(p.resolve()) not in seen
             and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return annotations, notes
