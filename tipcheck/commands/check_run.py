"""What `tipcheck check FILE... | -` does: drafts checked one by one, the way an editor's tools run.

(The command line's options are read in commands/check.py; an editor's plain `check FILE` comes here
straight from tipcheck/entry.py, without loading typer.)

Options mirror ruff's: configuration from [tool.tipcheck] or tipcheck.toml (found upward),
--select/--ignore, a baseline of accepted findings, --diff and --fix for safe suggestions.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from tipcheck.baseline import new_findings, read_baseline, write_atomic, write_baseline
from tipcheck.commands.common import choose_format, echo, emit, exit_code, fail, load_base, say_overrides
from tipcheck.config import Config, ConfigError, check_selectors, find_config, load_config, selected
from tipcheck.document import Document
from tipcheck.drafts import Draft, DraftResult, check_draft, merge, recount
from tipcheck.engine import Checker, ScanResult
from tipcheck.errors import ExitCode, InputFileError, Problem, TipcheckError
from tipcheck.fixes import FIXABLE_FORMATS, apply_edits, encode_like, plan_edits, unified_diff
from tipcheck.formats import format_of
from tipcheck.model import Finding
from tipcheck.reader import decode, discover, document_from_bytes, read_document
from tipcheck.rules import Rule, load_rules
from tipcheck.suppress import META_RULES

STDIN = "-"


def run_check(
    files: list[str],
    fmt: str | None = None,
    against: Sequence[Path] = (),
    year: int | None = None,
    no_facts: bool = False,
    strict: bool = False,
    select: str | None = None,
    ignore: str | None = None,
    min_severity: str | None = None,
    config_file: Path | None = None,
    baseline: Path | None = None,
    write_to: Path | None = None,
    diff: bool = False,
    fix: bool = False,
    stdin_filename: str | None = None,
    show_verified: bool = False,
    facts_paths: list[Path] | None = None,
) -> NoReturn:
    """Check each draft against the facts (and, with --against, a published archive)."""
    chosen = choose_format(fmt)
    config = resolve_config(config_file, select, ignore, min_severity, year, strict)
    checker, rules = configured_checker(config, no_facts, facts_paths)
    say_overrides(checker, err=True)
    problems: list[Problem] = []
    archive = _archive(list(against), checker, problems)
    parts: list[DraftResult] = []
    for name in _expand(files, problems):
        draft = _read_draft(name, stdin_filename, checker.max_bytes, problems)
        if draft is not None:
            parts.append(check_draft(checker, draft, archive, config, rules))
    result = merge(parts, problems)
    if write_to is not None:
        _write(write_to, result.findings)
    if baseline is not None:
        try:
            result.findings = new_findings(result.findings, read_baseline(baseline))
        except InputFileError as error:
            raise fail(str(error.problem), ExitCode.INCOMPLETE) from None
        recount(result)
    if diff or fix:
        result = _corrections(parts, result, fix, diff)
    if not (diff and not fix) and not (fix and STDIN in files):
        fixable = [_fixable(parts, f.path) for f in result.findings]
        emit(result, chosen, checker, show_verified, fixable)
    raise SystemExit(final_exit(result, config.strict))


def resolve_config(path: Path | None, select: str | None, ignore: str | None,
                   min_severity: str | None, year: int | None, strict: bool) -> Config:
    """The configuration file's settings (found upward unless PATH), overridden by options."""
    try:
        config = load_config(path if path is not None else find_config(Path.cwd()))
    except ConfigError as error:
        raise fail(str(error.problem), ExitCode.USAGE) from None
    changes: dict[str, object] = {}
    if select:
        changes["select"] = tuple(_words(select))
    if ignore:
        changes["ignore"] = config.ignore + tuple(_words(ignore))
    if min_severity:
        changes["min_severity"] = min_severity
    if year is not None:
        changes["year"] = year
    if strict:
        changes["strict"] = True
    if changes:
        config = replace(config, **changes)
    if config.min_severity not in ("error", "warning", "note"):
        raise fail(f"unknown severity '{config.min_severity}' (valid: error, warning, note)",
                   ExitCode.USAGE)
    return config


def _words(text: str) -> list[str]:
    return [word for word in text.replace(",", " ").split() if word]


def configured_checker(
    config: Config, no_facts: bool, facts: list[Path] | None = None
) -> tuple[Checker, list[Rule]]:
    """A Checker with the selected rules and the configured facts; also every rule loaded."""
    try:
        rules = load_rules(config.extra_rules)
        known = [(rule.code, rule.name) for rule in (*rules, *META_RULES)]
        check_selectors(config, known)
        overlays = [*config.fact_overlays, *(facts or ())]
        base, countries = load_base(no_facts, overlays)  # cached by the fact files' content
        running = [rule for rule in rules if selected(config, rule.code, rule.name)]
        return Checker(running, base, countries, config.year), rules
    except ConfigError as error:
        if config.path is None:  # --select/--ignore on the command line
            raise fail(error.problem.message, ExitCode.USAGE) from None
        raise fail(str(error.problem), ExitCode.USAGE) from None
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None


def _archive(paths: list[Path], checker: Checker, problems: list[Problem]) -> list[Document]:
    documents = []
    for item in discover(paths):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        try:
            documents.append(read_document(item, checker.max_bytes))
        except InputFileError as error:
            problems.append(error.problem)
    return documents


def _expand(files: list[str], problems: list[Problem]) -> list[str]:
    """Arguments in order, each once; a folder stands for the drafts in it."""
    names: dict[str, None] = {}
    for name in files:
        if name == STDIN or not Path(name).is_dir():
            names.setdefault(name, None)
            continue
        for item in discover([name]):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                names.setdefault(str(item), None)
    return list(names)


def _read_draft(name: str, stdin_name: str | None, max_bytes: int, problems: list[Problem]) -> Draft | None:
    try:
        if name == STDIN:
            shown = stdin_name or "<stdin>"
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputFileError(Problem(shown, f"input too large (more than {max_bytes:,} bytes)"))
            return Draft(shown, data, format_of(shown), document_from_bytes(data, shown))
        document = read_document(Path(name), max_bytes, display=name)
        return Draft(name, None, format_of(name), document, name)  # bytes read again only to fix
    except InputFileError as error:
        problems.append(error.problem)
    except OSError as error:
        problems.append(Problem(name, (error.strerror or str(error)).lower()))
    return None


def _write(path: Path, findings: list[Finding]) -> None:
    try:
        write_baseline(path, findings)
    except OSError as error:
        raise fail(f"{path}: cannot write baseline ({(error.strerror or str(error)).lower()})",
                   ExitCode.USAGE) from None


def _fixable(parts: list[DraftResult], path: str) -> bool:
    return any(part.draft.name == path and part.draft.kind in FIXABLE_FORMATS for part in parts)


def _corrections(parts: list[DraftResult], result: ScanResult, fix: bool, diff: bool) -> ScanResult:
    """Print diffs and/or write corrected drafts; fixed findings leave the result."""
    fixed: set[int] = set()
    for part in parts:
        draft = part.draft
        mine = [f for f in result.findings if f.path == draft.name]
        if not any(f.suggestion and f.suggestion_safe for f in mine):
            continue
        if draft.kind not in FIXABLE_FORMATS:
            echo(f"tipcheck: {draft.name}: {draft.kind} drafts are not rewritten; "
                       "apply the suggestions by hand", err=True)
            continue
        try:
            if draft.data is None:
                draft.data = Path(draft.path or draft.name).read_bytes()
            source, notes = decode(draft.data, draft.name)
        except (OSError, InputFileError):
            echo(f"tipcheck: {draft.name}: not rewritten (cannot read it again)", err=True)
            continue
        if notes:
            echo(f"tipcheck: {draft.name}: not rewritten ({notes[0]})", err=True)
            continue
        edits = plan_edits(source, mine)
        if not edits:
            continue
        after = apply_edits(source, edits)
        if diff:
            echo(unified_diff(draft.name, source, after), nl=False)
        if fix and not _save(draft, after):
            continue
        fixed.update(id(edit.finding) for edit in edits)
    if fix:
        result.findings = [f for f in result.findings if id(f) not in fixed]
        recount(result)
        if fixed:
            echo(f"tipcheck: fixed {len(fixed)} finding{'s' * (len(fixed) != 1)}", err=True)
    return result


def _save(draft: Draft, after: str) -> bool:
    encoded = encode_like(after, draft.data or b"")
    if isinstance(encoded, str):
        echo(f"tipcheck: {draft.name}: not rewritten ({encoded})", err=True)
        return False
    if draft.path is None:  # standard input: the corrected draft goes to standard output
        sys.stdout.buffer.write(encoded)
        sys.stdout.flush()
        return True
    try:
        write_atomic(Path(draft.path), encoded)
    except OSError as error:
        echo(f"tipcheck: {draft.name}: not rewritten ({(error.strerror or str(error)).lower()})",
                   err=True)
        return False
    return True


def final_exit(result: ScanResult, strict: bool) -> int:
    """The run's exit code; with --strict, warnings count as errors."""
    code = exit_code(result)
    if code == ExitCode.CLEAN and strict and result.summary.findings["warning"]:
        return ExitCode.FINDINGS
    return code
