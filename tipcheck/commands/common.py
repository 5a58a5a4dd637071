"""What the commands share: loading the checker, choosing a format, printing, exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tipcheck import cache
from tipcheck.countries import CountryIndex
from tipcheck.engine import Checker, ScanResult
from tipcheck.errors import ExitCode, TipcheckError
from tipcheck.facts import FactBase, load_fact_base
from tipcheck.paths import rules_dir
from tipcheck.report import github, parsable, rich_report, summary_line, to_json, to_sarif
from tipcheck.rules import load_rules

FORMATS = ("rich", "parsable", "json", "sarif", "github")


def echo(message: str = "", err: bool = False, nl: bool = True) -> None:
    """Print MESSAGE on stdout (or stderr), as typer.echo does for text, without loading typer: the
    editor's `check` runs without it (tipcheck/entry.py)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n" if nl else message)
    stream.flush()


def fail(message: str, code: int) -> SystemExit:
    """Print one diagnostic line on stderr and return the exit to raise (typer and click let a
    SystemExit through with its code, and so does their test runner)."""
    echo(f"tipcheck: {message}", err=True)
    return SystemExit(code)


def load_checker(no_facts: bool, year: int | None, overlays: Sequence[Path] = (),
                 use_cache: bool = True) -> Checker:
    """Load rules, facts (plus the user's --facts layers) and countries; bad files exit 3."""
    try:
        facts, countries = load_base(no_facts, overlays, use_cache)
        return Checker(load_rules(), facts, countries, year)
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None


def load_base(no_facts: bool, overlays: Sequence[Path] = (),
              use_cache: bool = True) -> tuple[FactBase, CountryIndex]:
    """The fact base and country index, from the cache when the rule and fact files are unchanged.

    Raises TipcheckError (file:line) on a bad fact file, as load_fact_base does (tipcheck/cache.py).
    """
    layers = list(overlays or ())

    def build() -> tuple[FactBase, CountryIndex]:
        return load_fact_base(include_placements=not no_facts, overlays=layers), CountryIndex.load()

    if not (use_cache and cache.enabled()):
        return build()
    key = cache.content_key(("base", no_facts, [str(p) for p in layers]),
                            cache.files_under([rules_dir(), *layers]))
    return cache.cached(key, build)


def say_overrides(checker: Checker, err: bool) -> None:
    """One line per fact where the user's --facts layer disagrees with the built-in base (it wins)."""
    for label, old, new in checker.facts.overrides:
        echo(f"tipcheck: your facts: {label} = {new.value} ({new.origin}) overrides the "
             f"built-in {old.value} ({old.origin})", err=err)


def choose_format(requested: str | None) -> str:
    """The requested format, else rich on a colour terminal and parsable otherwise."""
    if requested:
        if requested not in FORMATS:
            raise fail(f"unknown format '{requested}' (valid: {', '.join(FORMATS)})",
                       ExitCode.USAGE)
        return requested
    return "rich" if sys.stdout.isatty() and not os.environ.get("NO_COLOR") else "parsable"


def emit(result: ScanResult, fmt: str, checker: Checker, show_verified: bool,
         fixable: Sequence[bool] = ()) -> None:
    """Findings on stdout in the chosen format; skipped inputs on stderr."""
    for problem in result.problems:
        echo(f"tipcheck: skipped {problem}", err=True)
    for notice in result.notices:
        echo(f"tipcheck: note: {notice}", err=True)
    if fmt == "json":
        echo(to_json(result, checker.facts.version))
    elif fmt == "sarif":
        from tipcheck.suppress import META_RULES

        echo(to_sarif(result, [*checker.rules, *META_RULES], fixable))
    elif fmt == "github":
        if result.findings:
            echo(github(result))
        echo(summary_line(result), err=True)
    elif fmt == "rich":
        from rich.console import Console  # only here: rich takes a while to import

        rich_report(result, Console(no_color=bool(os.environ.get("NO_COLOR"))), show_verified)
    else:
        echo(parsable(result))


def exit_code(result: ScanResult) -> int:
    """3 when some input was skipped (the run is incomplete), 1 on error findings, else 0."""
    if result.problems:
        return ExitCode.INCOMPLETE
    return ExitCode.FINDINGS if result.summary.findings["error"] else ExitCode.CLEAN
