"""Shared fixtures: one loaded checker per test session (with and without the fact base)."""

from __future__ import annotations

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
