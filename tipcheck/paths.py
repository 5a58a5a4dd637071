"""Where the built-in rules and facts live, from any working directory."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """The built-in `rules/` folder: packaged inside the wheel, or beside the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


def facts_dir() -> Path:
    """The built-in fact base under `rules/facts/`."""
    return rules_dir() / "facts"
