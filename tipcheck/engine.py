"""The pipeline: documents → claims → dated claims → checks → findings.

A scan streams: each file is read, its claims extracted, dated and checked on their own (in worker
processes with --jobs > 1), and only the claims and verdicts come back; the checks across documents
then run once in this process, over assertions grouped by key. Results are merged in the order the
files were found, so the output does not depend on the number of jobs.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import gc
import itertools
import os
import pickle
import re
import time
import types
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from tipcheck.checks import CONSISTENT, CONTRADICTED, Env, Outcome, claim_kinds
from tipcheck.claims import finish_claims
from tipcheck.countries import CountryIndex
from tipcheck.dating import DocumentDate, date_document
from tipcheck.document import Document, document_from_text
from tipcheck.errors import InputFileError, Problem
from tipcheck.extract import read_document_claims
from tipcheck.extract.triggers import about_the_report
from tipcheck.facts import FactBase
from tipcheck.formats import format_of, text_document
from tipcheck.model import Claim, Finding, Related, Summary
from tipcheck.reader import DEFAULT_MAX_BYTES, decode, discover, document_from_bytes, read_bytes
from tipcheck.rules import YEAR_RANGE, Rule
from tipcheck.wording import year_label

PARTIAL_RULE = YEAR_RANGE.label
STAGES = ("read", "candidates", "extract", "check")
_CHUNK = 16  # files per task sent to a worker: enough to hide the hand-off, few enough to balance
_IN_PROCESS_UP_TO = 8  # this many files or fewer: no worker processes (a draft starts fast)
# A scan makes millions of short-lived objects (matches, tuples, drafts) and keeps the claims, none of
# them in reference cycles. At the default threshold (a young collection every 700 allocations) the
# collector took ~4% of a worker's time and half of the parent's unpickling of the results; it still
# runs, every 20,000 allocations.
_SCAN_GC_THRESHOLD = 20_000


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


_SIZE_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from "10MB", "500k", "1.5GB", "3MiB" or "1048576" (binary units: 1 KB = 1024 bytes)."""
    match = _SIZE_RE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (try 10MB, 500KB or a number of bytes)")
    size = int(float(match.group(1)) * 1024 ** " kmg".index(match.group(2).lower() or " "))
    if size < 1:
        raise ValueError(f"must be at least 1 byte, not {text!r}")
    return size


@dataclass
class Verdict:
    """A claim and what the rules made of it (for --show-verified and `explain`)."""

    claim: Claim
    rule: Rule
    outcome: Outcome


@dataclass
class ScanResult:
    """Everything a run produced, for the reporters."""

    findings: list[Finding] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    _verdicts: list[Verdict] = field(default_factory=list)  # see `verdicts`
    dates: dict[str, DocumentDate] = field(default_factory=dict)
    unread: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, sentence
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # "path: decoded as cp1252 ..." (not errors)
    summary: Summary = field(default_factory=Summary)
    stages: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))  # seconds
    contradicted: set[int] = field(default_factory=set, repr=False)  # ids of claims the facts refute
    # verdicts from workers, still packed: (where they go in _verdicts, their claims, rules, bytes)
    _packed: list[tuple[int, list[Claim], list[Rule], bytes]] = field(default_factory=list, repr=False)

    @property
    def verdicts(self) -> list[Verdict]:
        """What each rule made of each claim, in the order of the documents, then across them.

        A worker sends its verdicts packed; they are unpacked here on first use (only `explain`,
        --show-verified and the evaluation read them: a plain scan never pays for them).
        """
        if self._packed:
            merged: list[Verdict] = []
            done = 0
            for at, claims, rules, packed in self._packed:
                merged += self._verdicts[done:at]
                merged += _unpack_verdicts(packed, claims, rules)
                done = at
            self._verdicts, self._packed = merged + self._verdicts[done:], []
        return self._verdicts

    @verdicts.setter
    def verdicts(self, value: list[Verdict]) -> None:
        self._verdicts, self._packed = value, []


@dataclass
class DocumentScan:
    """What one document gave, checked on its own: made in a worker, merged by the parent."""

    path: str
    about: bool = True  # whether it names the report's subject (else it was not read closely)
    sentences: int = 0
    date: DocumentDate | None = None
    claims: list[Claim] = field(default_factory=list)
    unread: list[tuple[str, int, str]] = field(default_factory=list)
    verdicts: list[tuple[int, Outcome]] = field(default_factory=list)  # (index into rules, outcome)
    findings: list[Finding] = field(default_factory=list)
    contradicted: list[int] = field(default_factory=list)  # indexes into claims
    stages: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    packed: bytes | None = None  # the verdicts, as a worker sends them (`_pack_verdicts`)


@dataclass
class Checker:
    """A configured checker: rules, facts and country names, ready to scan documents."""

    rules: list[Rule]
    facts: FactBase
    countries: CountryIndex
    year: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    # whether workers send back what each rule made of each claim (`explain`, --show-verified and the
    # evaluation read it); a plain scan reports findings only, and packing every verdict is a tenth
    # of a worker's time
    keep_verdicts: bool = True

    def scan_paths(self, paths: Sequence[str | Path], jobs: int | None = None) -> ScanResult:
        """Scan files and folders; unreadable inputs become problems and the scan goes on.

        Only documents that name the report's subject are read closely (extract/triggers.py).
        """
        result = ScanResult()
        with _fewer_collections():
            for item in self._scan_items(discover(paths), jobs or self.jobs):
                if isinstance(item, Problem):
                    result.problems.append(item)
                else:
                    self._merge(result, item)
            self._check_corpus(result)
        result.summary.skipped = [str(p) for p in result.problems]
        return result

    def scan_text(self, text: str, path: str = "<claim>") -> ScanResult:
        """Scan one piece of text as a document of its own."""
        return self.scan_documents([document_from_text(text, path)])

    def scan_documents(self, documents: Iterable[Document]) -> ScanResult:
        """Read, date and check documents as one corpus (every document is read closely)."""
        result = ScanResult()
        for document in documents:
            self._merge(result, self.scan_document(document))
        self._check_corpus(result)
        return result

    def scan_file(self, path: Path) -> DocumentScan | Problem:
        """Read one file and check its claims on their own; a file that can't be read is a Problem."""
        name = str(path)
        stages: dict[str, float] = {}
        clock = time.perf_counter()
        try:
            data = read_bytes(path, self.max_bytes)
            kind = format_of(name)
            if kind == "docx":  # its text exists only once the document is built
                document = document_from_bytes(data, name, kind)
                stages["read"] = time.perf_counter() - clock
                if not about_the_report(document.text):
                    return DocumentScan(name, about=False, stages=stages)
            else:
                text, notes = decode(data, name)
                stages["read"] = time.perf_counter() - clock
                if not about_the_report(text):
                    return DocumentScan(name, about=False, stages=stages)
                clock = time.perf_counter()
                document = text_document(text, name, kind, notes)
                stages["candidates"] = time.perf_counter() - clock
            return self.scan_document(document, stages)
        except InputFileError as error:
            return error.problem
        except RecursionError:
            return Problem(name, "too deeply nested to read")
        except Exception as error:  # a bug must not end a scan of thousands of files: name it, go on
            return Problem(name, f"internal error ({type(error).__name__}: {error}); please report it")

    def scan_document(self, document: Document, stages: dict[str, float] | None = None) -> DocumentScan:
        """Extract, date and check one document's claims on their own (no other document needed)."""
        stages = {} if stages is None else stages
        clock = time.perf_counter()
        read = read_document_claims(document, self.countries)
        date = date_document(read, self.facts, self.year)
        claims = finish_claims(read, date)
        now = time.perf_counter()
        stages["extract"] = now - clock
        scan = DocumentScan(document.path, sentences=len(document.sentences), date=date, claims=claims,
                            unread=[(document.path, document.position(s.start)[0], s.text)
                                    for s in read.unread], stages=stages,
                            notices=[f"{document.path}: {note}" for note in document.notes])
        self._check_claims(scan)
        stages["check"] = time.perf_counter() - now
        return scan

    def _scan_items(self, items: Iterator[Path | Problem], jobs: int) -> Iterator[DocumentScan | Problem]:
        """Each item scanned, in order: in this process, or in `jobs` workers for many files."""
        first = list(itertools.islice(items, _IN_PROCESS_UP_TO + 1))
        if jobs <= 1 or len(first) <= _IN_PROCESS_UP_TO:
            for item in itertools.chain(first, items):
                yield item if isinstance(item, Problem) else self.scan_file(item)
            return
        import multiprocessing  # only for many files: a draft checked in one process never loads it

        methods = multiprocessing.get_all_start_methods()
        # fork: workers share the loaded rules and facts; elsewhere they are pickled to each worker once
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with _pool_class()(jobs, initializer=_start_worker, initargs=(self,), context=context) as pool:
            # imap keeps the order of the files; results stream back and only claims are kept
            yield from pool.imap(_work, itertools.chain(first, items), chunksize=_CHUNK)

    def _merge(self, result: ScanResult, scan: DocumentScan) -> None:
        result.summary.documents += 1
        for stage, seconds in scan.stages.items():
            result.stages[stage] = result.stages.get(stage, 0.0) + seconds
        if not scan.about:
            return
        if scan.date is not None:
            result.dates[scan.path] = scan.date
        result.summary.sentences += scan.sentences
        for index in scan.contradicted:  # checked on their own: the corpus checks need to know
            result.contradicted.add(id(scan.claims[index]))
        result.claims += scan.claims
        result.notices += scan.notices
        result.unread += scan.unread
        if scan.packed is not None:  # unpacked only if asked for (ScanResult.verdicts)
            result._packed.append((len(result._verdicts), scan.claims, self.rules, scan.packed))
        else:
            result._verdicts += [Verdict(outcome.claim, self.rules[number], outcome)
                                 for number, outcome in scan.verdicts]
        result.findings += scan.findings

    def _check_claims(self, scan: DocumentScan) -> None:
        """The rules that look at one claim at a time, over one document's claims."""
        env = Env(self.facts)
        inferred = scan.date is not None and scan.date.basis == "inferred"
        contradicted: set[int] = set()
        claims = scan.claims
        by_kind: dict[str, list[int]] = {}
        for index, claim in enumerate(claims):
            by_kind.setdefault(claim.kind, []).append(index)
        verdicts, findings = scan.verdicts, scan.findings
        for number, rule in enumerate(self.rules):
            check = rule.kind
            if check.scope != "claim":
                continue
            kinds = claim_kinds(rule.check)  # a check sees only the kinds of claim it can judge
            chosen: Sequence[int]
            if kinds is None:
                chosen = range(len(claims))
            else:
                chosen = [index for kind in kinds for index in by_kind.get(kind, ())]
                if len(kinds) > 1:
                    chosen.sort()  # in document order, as without the index
            function = check.function
            for index in chosen:
                outcome = function(claims[index], env)
                if outcome is None:
                    continue
                verdicts.append((number, outcome))
                if outcome.verdict == CONTRADICTED:
                    contradicted.add(index)
                    findings.append(_finding(rule, outcome))
                elif outcome.verdict == CONSISTENT and outcome.holds_for and inferred:
                    findings.append(_partial(rule, outcome))
        scan.contradicted = sorted(contradicted)

    def _check_corpus(self, result: ScanResult) -> None:
        """The rules across claims and documents (grouped by key inside each check), then totals."""
        clock = time.perf_counter()
        env = Env(self.facts)
        contradicted = result.contradicted
        for rule in self.rules:
            if rule.kind.scope != "corpus":
                continue
            # a claim the facts contradict casts no doubt on the claims that disagree with it
            trusted = [c for c in result.claims if id(c) not in contradicted] if contradicted \
                else result.claims
            for outcome in rule.kind.function(trusted if rule.severity != "note" else result.claims, env):
                if id(outcome.claim) in contradicted and rule.severity != "note":
                    continue  # the facts already say what is wrong with it
                result._verdicts.append(Verdict(outcome.claim, rule, outcome))  # after the packed
                result.findings.append(_finding(rule, outcome))
        # duplicates dropped in the order found (a set would order equal keys by string hashes, per run)
        result.findings = sorted(dict.fromkeys(result.findings), key=Finding.sort_key)
        for finding in result.findings:
            result.summary.findings[finding.severity] += 1
        result.summary.claims = len(result.claims)
        result.summary.unread = len(result.unread)
        result.stages["check"] = result.stages.get("check", 0.0) + time.perf_counter() - clock


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Raise the collector's young-generation threshold for a scan (workers forked inside inherit it)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _SCAN_GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@functools.cache
def _pool_class() -> type:
    """A process pool whose worker-minding thread sleeps until a worker exits or the pool changes.

    The standard Pool also wakes that thread whenever a result waits to be read: while the parent
    reads a large result, the thread spins, and it took a second of CPU at --jobs 2 (more than
    unpickling every result). ThreadPool waits on this one sentinel only, as here. (Made on first
    use: a draft checked in one process never imports multiprocessing.pool.)
    """
    import multiprocessing.pool

    class Pool(multiprocessing.pool.Pool):
        def _get_sentinels(self) -> list[object]:
            return [self._change_notifier._reader]  # type: ignore[attr-defined]

    return Pool


_WORKER: Checker | None = None
# Claim fields are read-only mappings; workers send them back to the parent as plain dicts.
def _read_only(values: dict[str, object]) -> types.MappingProxyType[str, object]:
    return types.MappingProxyType(values)


copyreg.pickle(types.MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))


def _start_worker(checker: Checker) -> None:
    global _WORKER
    _WORKER = checker
    if gc.get_threshold()[0] < _SCAN_GC_THRESHOLD:  # a spawned worker starts with the default
        gc.set_threshold(_SCAN_GC_THRESHOLD, *gc.get_threshold()[1:])
    # What the worker inherited (rules, facts, patterns) lives as long as it does: out of the
    # collector's sight, it is neither walked by every full collection nor copied page by page
    # from the parent when the collector touches it.
    gc.freeze()


def _work(item: Path | Problem) -> DocumentScan | Problem:
    if isinstance(item, Problem) or _WORKER is None:
        return item if isinstance(item, Problem) else Problem(str(item), "internal error (no worker)")
    scan = _WORKER.scan_file(item)
    if isinstance(scan, DocumentScan) and scan.verdicts and not _WORKER.keep_verdicts:
        scan.verdicts = []
    elif isinstance(scan, DocumentScan) and scan.verdicts:
        scan.packed = _pack_verdicts(scan)
        if scan.packed is not None:
            scan.verdicts = []
    return scan


# Outcomes travel from a worker as plain tuples, their claim as its index into the document's claims:
# unpickling objects field by field cost the parent most of its time at --jobs 2.
_OUTCOME_FIELDS = tuple(f.name for f in fields(Outcome) if f.name != "claim")


def _pack_verdicts(scan: DocumentScan) -> bytes | None:
    """A document's verdicts as bytes; None (send them as they are) if one judges a claim not its own."""
    from operator import attrgetter  # (a local import: only workers pack)

    index = {id(claim): number for number, claim in enumerate(scan.claims)}
    values = attrgetter(*_OUTCOME_FIELDS)  # one call for all of an outcome's fields, in that order
    rows = []
    for number, outcome in scan.verdicts:
        at = index.get(id(outcome.claim))
        if at is None:
            return None
        rows.append((number, at, *values(outcome)))
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack_verdicts(packed: bytes, claims: list[Claim], rules: list[Rule]) -> list[Verdict]:
    """The verdicts `_pack_verdicts` packed, on the parent's own claims."""
    verdicts = []
    for number, at, *values in pickle.loads(packed):
        claim = claims[at]
        outcome = Outcome(claim, **dict(zip(_OUTCOME_FIELDS, values, strict=True)))
        verdicts.append(Verdict(claim, rules[number], outcome))
    return verdicts


def _finding(rule: Rule, outcome: Outcome) -> Finding:
    claim = outcome.claim
    span = claim.span
    values = {name: outcome.values.get(name, "?") for name in rule.kind.placeholders}
    severity = outcome.severity or rule.severity
    if claim.attributed and severity == "error":
        severity = "warning"  # reported speech: the document may be quoting someone who is wrong
    return Finding(
        rule=rule.label, severity=severity, path=span.path, line=span.line, column=span.column,
        end_line=span.end_line, end_column=span.end_column, quote=claim.text,
        message=rule.message.format(**values), derivation=tuple(outcome.derivation),
        related=tuple(outcome.related), suggestion=outcome.suggestion,
        suggestion_safe=outcome.suggestion_safe,
    )


def _partial(rule: Rule, outcome: Outcome) -> Finding:
    claim = outcome.claim
    finding = _finding(rule, outcome)
    holds = year_label(outcome.holds_for)
    return replace(
        finding, rule=PARTIAL_RULE, severity="note", suggestion=None,
        message=(f"holds only for the {holds} report (the document may speak of "
                 f"{year_label(claim.years)}), so it dates the document to {holds}"),
        related=(*finding.related, Related(f"checked by {rule.label}")),
    )
