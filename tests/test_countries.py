"""Country names in text and user arguments: exact forms, context, ambiguity, safe fuzzy matches."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from tipcheck.countries import CountryIndex, CountryMention
from tipcheck.errors import RuleFileError

TIERS_CSV = Path(__file__).resolve().parents[2] / "shared" / "data" / "tip_tiers.csv"


@pytest.fixture(scope="module")
def index() -> CountryIndex:
    return CountryIndex.load()


def found(
    index: CountryIndex, text: str, context: tuple[str, ...] = ()
) -> list[tuple[str, str | None]]:
    return [(m.surface, m.country) for m in index.find(text, context)]


FIND = [
    # near names never cross
    ("niger-nigeria", "Niger and Nigeria", [("Niger", "Niger"), ("Nigeria", "Nigeria")]),
    ("guinea-bissau", "Guinea-Bissau's", [("Guinea-Bissau", "Guinea-Bissau")]),
    ("equatorial-guinea", "Equatorial Guinea", [("Equatorial Guinea", "Equatorial Guinea")]),
    ("papua-new-guinea", "Papua New Guinea", [("Papua New Guinea", "Papua New Guinea")]),
    ("guinea", "Guinea, a country", [("Guinea", "Guinea")]),
    ("south-sudan", "South Sudan and Sudan", [("South Sudan", "South Sudan"), ("Sudan", "Sudan")]),
    (
        "dominican-republic",
        "the Dominican Republic",
        [("Dominican Republic", "Dominican Republic")],
    ),
    ("dominica", "Dominica", []),  # not a ranked country, and not the Dominican Republic
    (
        "austria-australia",
        "Austria, Australia",
        [("Austria", "Austria"), ("Australia", "Australia")],
    ),
    ("iran-iraq", "Iran and Iraq", [("Iran", "Iran"), ("Iraq", "Iraq")]),
    (
        "congos",
        "DRC, Republic of the Congo",
        [
            ("DRC", "Congo (Democratic Republic of the)"),
            ("Republic of the Congo", "Congo (Republic of the)"),
        ],
    ),
    (
        "drc-long",
        "the Democratic Republic of the Congo",
        [("Democratic Republic of the Congo", "Congo (Democratic Republic of the)")],
    ),
    ("new-guinea-island", "the island of New Guinea", []),
    ("south-china-sea", "the South China Sea", []),
    # aliases, demonyms, capitals
    (
        "dprk",
        "The Democratic People's Republic of Korea (DPRK) is",
        [("Democratic People's Republic of Korea", "North Korea"), ("DPRK", "North Korea")],
    ),
    (
        "dprk-curly",
        "Democratic People’s Republic of Korea",
        [("Democratic People’s Republic of Korea", "North Korea")],
    ),
    (
        "peoples-no-apostrophe",
        "Democratic Peoples Republic of Korea",
        [("Democratic Peoples Republic of Korea", "North Korea")],
    ),
    ("prc-not-taiwan", "the People's Republic of China", [("People's Republic of China", "China")]),
    ("roc", "the Republic of China", [("Republic of China", "Taiwan")]),
    ("demonym", "the North Korean government", [("North Korean", "North Korea")]),
    (
        "burma",
        "Burma/Myanmar, Burmese, Myanmar",
        [
            ("Burma/Myanmar", "Burma (Myanmar)"),
            ("Burmese", "Burma (Myanmar)"),
            ("Myanmar", "Burma (Myanmar)"),
        ],
    ),
    ("capital", "Pyongyang and Beijing", [("Pyongyang", "North Korea"), ("Beijing", "China")]),
    ("handle", "@Dest_Pyongyang", []),
    (
        "cote",
        "Côte d’Ivoire, Ivory Coast",
        [("Côte d’Ivoire", "Cote d'Ivoire"), ("Ivory Coast", "Cote d'Ivoire")],
    ),
    ("turkiye", "Türkiye", [("Türkiye", "Turkey")]),
    ("uae", "the UAE", [("UAE", "United Arab Emirates")]),
    # possessives and ALL CAPS
    (
        "possessive",
        "China's upgrade, North Korea’s record",
        [("China", "China"), ("North Korea", "North Korea")],
    ),
    ("all-caps", "NORTH KOREA (Tier 3)", [("NORTH KOREA", "North Korea")]),
    ("caps-dateline", "KUALA LUMPUR, June 16", [("KUALA LUMPUR", "Malaysia")]),
    # case-sensitive words
    ("turkey-bird", "a turkey for chad", []),
    ("turkey-country", "Turkey and Chad", [("Turkey", "Turkey"), ("Chad", "Chad")]),
    # the report's author is not a ranked country
    ("us-agent", "the U.S. State Department and Washington", []),
    ("united-states", "the United States", [("United States", "United States")]),
    ("latin-america", "Latin America", []),
    # ambiguous
    ("korea", "migrant workers in Korea", [("Korea", None)]),
    ("congo", "Congo", [("Congo", None)]),
    (
        "korea-list",
        "Japan, Korea, North Korea",
        [("Japan", "Japan"), ("Korea", None), ("North Korea", "North Korea")],
    ),
    (
        "korea-inverted",
        "Korea, South; Korea, North.",
        [("Korea, South", "South Korea"), ("Korea, North", "North Korea")],
    ),
    # fuzzy hits
    ("fuzzy-noth", "Noth Korea", [("Noth Korea", "North Korea")]),
    ("fuzzy-phil", "in the Phillipines", [("Phillipines", "Philippines")]),
    ("fuzzy-myanmr", "Myanmr", [("Myanmr", "Burma (Myanmar)")]),
    ("fuzzy-hyphen", "Guinea-Bisau", [("Guinea-Bisau", "Guinea-Bissau")]),
    ("fuzzy-soth-sudan", "Soth Sudan", [("Soth Sudan", "South Sudan")]),
    (
        "fuzzy-drc",
        "Democratc Republic of Congo",
        [("Democratc Republic of Congo", "Congo (Democratic Republic of the)")],
    ),
    # fuzzy refusals
    ("refuse-tie-niger", "Nigera", []),
    ("refuse-tie-slovakia", "Slovania", []),
    ("refuse-tie-austria", "Austrlia", []),
    ("refuse-words", "Tier Monday Trafficking Secretary Department Report State", []),
    ("refuse-people", "Mark Lagon, John Kerry, Ed Royce, Susan Coppedge", []),
    (
        "refuse-near-names",
        "Olivia Enos, Angela Merkel, Frances, Indiana, Siberia, Columbia, Cameron",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIND], ids=[c[0] for c in FIND])
def test_find(index: CountryIndex, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(index, text) == expected


def test_mention_fields(index: CountryIndex) -> None:
    text = "North Korean defectors; Korea; Noth Korea"
    assert index.find(text) == [
        CountryMention(0, 12, "North Korea", "North Korean", "demonym"),
        CountryMention(24, 29, None, "Korea", "ambiguous", ("North Korea", "South Korea")),
        CountryMention(31, 41, "North Korea", "Noth Korea", "fuzzy"),
    ]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("The North has failed", (), []),
        ("The North has failed", ("North Korea",), [("The North", "North Korea")]),
        (
            "the North and the South",
            ("South Korea",),
            [("the North", "North Korea"), ("the South", "South Korea")],
        ),
        (
            "North Korea. The North has failed",
            (),
            [("North Korea", "North Korea"), ("The North", "North Korea")],
        ),
        ("the North Korean regime", ("North Korea",), [("North Korean", "North Korea")]),
        ("the South China Sea", ("South Korea",), []),
        ("the Islamic Republic", ("Iran",), [("the Islamic Republic", "Iran")]),
        ("the Islamic Republic", ("Pakistan",), []),
    ],
    ids=[
        "no-context",
        "context",
        "both-koreas",
        "earlier-in-text",
        "demonym-wins",
        "sea",
        "iran",
        "not-iran",
    ],
)
def test_context_aliases(
    index: CountryIndex, text: str, context: tuple[str, ...], expected: list
) -> None:
    assert found(index, text, context) == expected


def test_agents_on_request(index: CountryIndex) -> None:
    mentions = index.find("the U.S. report", agents=True)
    assert [(m.surface, m.country, m.how) for m in mentions] == [("U.S.", "United States", "agent")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("north korea", "North Korea"),
        ("DPRK", "North Korea"),
        ("dprk", "North Korea"),
        ("burma", "Burma (Myanmar)"),
        ("Myanmar", "Burma (Myanmar)"),
        ("Noth Korea", "North Korea"),
        ("phillipines", "Philippines"),
        ("the Gambia", "Gambia"),
        ("ivory coast", "Cote d'Ivoire"),
        ("Cote d’Ivoire", "Cote d'Ivoire"),
        ("PRK", "North Korea"),
        ("U.S.", "United States"),
        ("korea", None),
        ("congo", None),
        ("Nigera", None),
        ("Tier", None),
        ("Mark Lagon", None),
        ("prk", None),  # ISO codes only in capitals: "can", "per" are words
    ],
)
def test_resolve(index: CountryIndex, name: str, expected: str | None) -> None:
    assert index.resolve(name) == expected


def test_suggest(index: CountryIndex) -> None:
    assert index.suggest("Nigera")[:2] == ["Nigeria", "Niger"]
    assert index.suggest("Korea") == ["North Korea", "South Korea"]
    assert index.suggest("zzzz") == []


def test_iso3(index: CountryIndex) -> None:
    assert index.iso3("North Korea") == "PRK"
    assert index.iso3("Burma") == "MMR"
    assert index.iso3("Atlantis") is None


@pytest.mark.skipif(not TIERS_CSV.exists(), reason="../shared/data/tip_tiers.csv not present")
def test_every_ranked_country_is_listed(index: CountryIndex) -> None:
    with TIERS_CSV.open(encoding="utf-8") as handle:
        rows = {(r["country"], r["iso3"]) for r in csv.DictReader(handle)}
    assert {name for name, _ in rows} == set(index.names)
    for name, iso3 in sorted(rows):
        assert index.resolve(name) == name
        assert index.iso3(name) == iso3
        assert [(m.surface, m.country) for m in index.find(f"In {name}, officials")] == [
            (name, name)
        ]


def test_find_is_fast(index: CountryIndex) -> None:
    text = (
        "North Korea remained on Tier 3 while South Korea stayed at Tier 1, the State Department "
        "said on Monday, citing China's forced returns. "
    ) * 40
    text = text[:5120]
    index.find(text)
    started = time.perf_counter()
    for _ in range(20):
        index.find(text)
    assert (time.perf_counter() - started) / 20 < 0.02  # generous: ~0.5 ms on a laptop


BAD_FILES = [
    (
        "unknown-key",
        "countries:\n  - name: X\n    iso3: XXX\n    alias: [Y]\n",
        "country #1: unknown key 'alias' (did you mean 'aliases'?)",
        (4, 5),
    ),
    (
        "bad-iso3",
        "countries:\n  - name: X\n    iso3: xx\n",
        "country 'X': 'iso3' must be three capital letters, not 'xx'",
        (3, 11),
    ),
    (
        "duplicate-form",
        "countries:\n  - {name: X, iso3: XXX, aliases: [Y]}\n  - {name: Y, iso3: YYY}\n",
        "'Y' listed twice (X)",
        (3, 12),
    ),
    (
        "accent-clash",
        "countries:\n  - {name: X, iso3: XXX, aliases: [Abé]}\n"
        "  - {name: Y, iso3: YYY, aliases: [Abe]}\n",
        "'Abe' differs only in case or accents from a form of another country",
        (3, 36),
    ),
    (
        "caps-clash",
        "countries:\n  - {name: X, iso3: XXX, aliases: [Abc]}\n"
        "  - {name: Y, iso3: YYY, aliases: [ABC]}\n",
        "'ABC' would stand for two countries",
        (3, 36),
    ),
    (
        "not-a-string",
        "countries:\n  - {name: X, iso3: XXX, demonyms: [true]}\n",
        "country 'X' 'demonyms': True is not a non-empty string",
        (2, 37),
    ),
    ("missing-countries", "version: 1\n", "country file: missing required key 'countries'", (1, 1)),
    (
        "unknown-top",
        "countries:\n  - {name: X, iso3: XXX}\ncountry: []\n",
        "country file: unknown key 'country' (did you mean 'countries'?)",
        (3, 1),
    ),
    (
        "ambiguous-unknown",
        "countries:\n  - {name: X, iso3: XXX}\nambiguous:\n  - {forms: [Z], candidates: [X, Q]}\n",
        "ambiguous #1: candidates must be two or more country names",
        (4, 30),
    ),
    (
        "context-unknown",
        "countries:\n  - {name: X, iso3: XXX, context: [the X], context_with: [Q]}\n",
        "country 'X': unknown country in 'context_with': Q",
        (2, 58),
    ),
]


@pytest.mark.parametrize(
    ("text", "message", "where"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_country_file(tmp_path: Path, text: str, message: str, where: tuple[int, int]) -> None:
    path = tmp_path / "countries.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        CountryIndex.load(path)
    problem = caught.value.problem
    assert (problem.message, (problem.line, problem.column)) == (message, where)
    assert problem.path.endswith("countries.yaml")


def test_bad_yaml_is_located(tmp_path: Path) -> None:
    path = tmp_path / "countries.yaml"
    path.write_text("countries: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        CountryIndex.load(path)
    assert caught.value.problem.line == 2


def _every_form() -> list[tuple[str, str, str]]:
    from tipcheck.paths import facts_dir
    from tipcheck.yamlsafe import load_yaml

    data = load_yaml(facts_dir() / "manual" / "countries.yaml")
    keys = ("aliases", "demonyms", "capitals", "context")
    return [(c["name"], k, f) for c in data["countries"] for k in keys for f in c.get(k, [])]


def test_every_form_finds_its_country(index: CountryIndex) -> None:
    """No form is shadowed by another, blocked, or read as a different country."""
    wrong = []
    for name, _, form in _every_form():
        for written in (form, form.upper(), form + "’s"):
            got = [(m.surface, m.country) for m in index.find(f"said {written} today", [name])]
            if got != [(written.removesuffix("’s"), name)]:
                wrong.append((written, got))
    assert wrong == []
