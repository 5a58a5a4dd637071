"""Expected failures (bad input, bad rule or fact files) and the exit codes they map to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    CLEAN = 0  # no error findings
    FINDINGS = 1  # at least one error finding (or a contradicted `explain`)
    USAGE = 2  # bad command line
    INCOMPLETE = 3  # some input, rule or fact file could not be read


@dataclass(frozen=True)
class Problem:
    """One expected failure, located in a file: rendered as `path:line:col: message`."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class TipcheckError(Exception):
    """An expected failure: carries a Problem, never shown as a traceback."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class InputFileError(TipcheckError):
    """A document could not be read (binary, undecodable, too large, unreadable, missing)."""


class RuleFileError(TipcheckError):
    """A rule or fact file is malformed (bad YAML, unknown key, wrong type, bad value)."""
