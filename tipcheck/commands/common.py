"""What the commands share: loading the checker, choosing a format, printing, exit codes."""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

from tipcheck.countries import CountryIndex
from tipcheck.engine import Checker, ScanResult
from tipcheck.errors import ExitCode, TipcheckError
from tipcheck.facts import load_fact_base
from tipcheck.report import parsable, rich_report, to_json
from tipcheck.rules import load_rules

FORMATS = ("rich", "parsable", "json")


def fail(message: str, code: int) -> typer.Exit:
    """Print one diagnostic line on stderr and return the Exit to raise."""
    typer.echo(f"tipcheck: {message}", err=True)
    return typer.Exit(code)


def load_checker(no_facts: bool, year: int | None) -> Checker:
    """Load rules, facts and countries; a bad rule or fact file exits 3 with file:line."""
    try:
        return Checker(load_rules(), load_fact_base(include_placements=not no_facts),
                       CountryIndex.load(), year)
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None


def choose_format(requested: str | None) -> str:
    """The requested format, else rich on a colour terminal and parsable otherwise."""
    if requested:
        if requested not in FORMATS:
            raise fail(f"unknown format '{requested}' (valid: {', '.join(FORMATS)})",
                       ExitCode.USAGE)
        return requested
    return "rich" if sys.stdout.isatty() and not os.environ.get("NO_COLOR") else "parsable"


def emit(result: ScanResult, fmt: str, checker: Checker, show_verified: bool) -> None:
    """Findings on stdout in the chosen format; skipped inputs on stderr."""
    for problem in result.problems:
        typer.echo(f"tipcheck: skipped {problem}", err=True)
    if fmt == "json":
        typer.echo(to_json(result, checker.facts.version))
    elif fmt == "rich":
        rich_report(result, Console(no_color=bool(os.environ.get("NO_COLOR"))), show_verified)
    else:
        typer.echo(parsable(result))


def exit_code(result: ScanResult) -> int:
    """3 when some input was skipped (the run is incomplete), 1 on error findings, else 0."""
    if result.problems:
        return ExitCode.INCOMPLETE
    return ExitCode.FINDINGS if result.summary.findings["error"] else ExitCode.CLEAN
