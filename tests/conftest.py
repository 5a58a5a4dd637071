"""Shared fixtures: one loaded checker per test session (with and without the fact base), and a fast
scratch folder for tests that make many files."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tipcheck.countries import CountryIndex
from tipcheck.engine import Checker
from tipcheck.facts import load_fact_base
from tipcheck.rules import load_rules


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def countries():
    return CountryIndex.load()


@pytest.fixture(scope="session")
def checker(rules, countries) -> Checker:
    return Checker(rules, load_fact_base(include_placements=True), countries)


@pytest.fixture(scope="session")
def checker_no_facts(rules, countries) -> Checker:
    return Checker(rules, load_fact_base(include_placements=False), countries)


@pytest.fixture
def fast_tmp(tmp_path: Path) -> Iterator[Path]:
    """A scratch folder in memory (tmpfs) where there is one: 100,000 files are made in a second."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="tipcheck-test-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
