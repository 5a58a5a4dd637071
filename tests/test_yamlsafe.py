"""The safe YAML loader: no anchors or aliases, no duplicate keys, located errors, plain strings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tipcheck import yamlsafe
from tipcheck.errors import RuleFileError
from tipcheck.yamlsafe import (
    YamlMap,
    YamlSeq,
    check_keys,
    expect_choice,
    expect_type,
    load_yaml,
    parse_yaml,
)

REPO = Path(__file__).resolve().parents[1]

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def problem(text: str | bytes, name: str = "x.yaml") -> str:
    """The rendered error a text produces."""
    with pytest.raises(RuleFileError) as info:
        parse_yaml(text.encode() if isinstance(text, str) else text, name)
    return str(info.value.problem)


def write(tmp_path: Path, text: str | bytes, name: str = "f.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_anchor_rejected_at_its_line_and_column() -> None:
    assert problem("ok: 1\nbase: &b {x: 1}\nuse: *b\n") == (
        "x.yaml:2:7: anchors and aliases are not allowed (found '&b')"
    )


def test_merge_key_with_alias_rejected() -> None:
    assert "anchors and aliases are not allowed" in problem("a: &a {x: 1}\nb:\n  <<: *a\n")


def test_billion_laughs_rejected_fast_without_expanding(tmp_path: Path) -> None:
    path = write(tmp_path, BILLION_LAUGHS, "lol.yaml")
    start = time.perf_counter()
    with pytest.raises(RuleFileError) as info:
        load_yaml(path, name="lol.yaml")
    assert time.perf_counter() - start < 0.5
    assert (
        str(info.value.problem) == "lol.yaml:1:4: anchors and aliases are not allowed (found '&a')"
    )


def test_duplicate_keys_rejected_even_when_nested() -> None:
    assert (
        problem("a:\n  b: 1\n  c: 2\n  b: 3\n") == "x.yaml:4:3: duplicate key 'b' (first at line 2)"
    )


def test_syntax_error_located_one_based() -> None:
    message = problem("a: 1\nb: [1, 2\nc: 3\n")
    assert message.startswith("x.yaml:3:2: invalid yaml: ")
    assert "flow sequence" in message


def test_bad_indentation_located() -> None:
    assert problem("a:\n  b: 1\n c: 2\n").startswith("x.yaml:3:2: invalid yaml:")


def test_size_cap_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a: " + "x" * 100 + "\n")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened before its size was checked")

    monkeypatch.setattr(yamlsafe, "open", no_open, raising=False)
    with pytest.raises(RuleFileError) as info:
        load_yaml(path, max_bytes=50, name="f.yaml")
    assert str(info.value.problem) == "f.yaml: file is too large (104 bytes, limit 50)"


def test_timestamps_and_yaml11_words_stay_strings() -> None:
    data = parse_yaml(
        b"d: 2014-06-20\nm: 2001-07\nt: 2001-12-14t21:59:43.10-05:00\n"
        b"yes_: yes\nno_: NO\noff_: off\ntime: 12:30\nb: true\nn: ~\ni: 23\nf: 1.5\n",
        "x.yaml",
    )
    assert data == {
        "d": "2014-06-20",
        "m": "2001-07",
        "t": "2001-12-14t21:59:43.10-05:00",
        "yes_": "yes",
        "no_": "NO",
        "off_": "off",
        "time": "12:30",
        "b": True,
        "n": None,
        "i": 23,
        "f": 1.5,
    }
    assert isinstance(data["d"], str)


def test_positions_of_maps_keys_values_and_items() -> None:
    data = parse_yaml(b"top:\n  name: Chad\n  list:\n    - 1\n    - {k: v}\n", "x.yaml")
    assert isinstance(data, YamlMap) and (data.line, data.column) == (1, 1)
    inner = data["top"]
    assert inner.key_pos == {"name": (2, 3), "list": (3, 3)}
    assert inner.value_pos["name"] == (2, 9)
    items = inner["list"]
    assert isinstance(items, YamlSeq) and items.item_pos == [(4, 7), (5, 7)]
    assert items[1].value_pos["k"] == (5, 11)


def test_bom_accepted_and_bad_utf8_located(tmp_path: Path) -> None:
    assert load_yaml(write(tmp_path, b"\xef\xbb\xbfa: 1\n")) == {"a": 1}
    assert problem(b"a: 1\nb: \xff\n") == "x.yaml:2:4: file is not valid UTF-8"


def test_control_character_second_document_tags_and_complex_keys_rejected() -> None:
    assert problem("a: 1\nb: \x07\n") == (
        "x.yaml:2:4: invalid character #x0007 (control characters are not allowed)"
    )
    assert (
        problem("a: 1\n---\nb: 2\n")
        == "x.yaml:2:1: a file must hold one yaml document, found a second"
    )
    assert problem("a: !!python/object:os.system x\n") == (
        "x.yaml:1:4: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"
    )
    assert (
        problem("? [1, 2]\n: x\n")
        == "x.yaml:1:3: mapping keys must be plain values, not lists or maps"
    )


def test_core_tags_allowed() -> None:
    assert parse_yaml(b'a: !!str 12\nb: !!int "7"\n', "x.yaml") == {"a": "12", "b": 7}
    assert problem('b: !!int "seven"\n') == "x.yaml:1:4: 'seven' is not a valid !!int"


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="file not found"):
        load_yaml(tmp_path / "nope.yaml")
    assert load_yaml(write(tmp_path, "")) is None


def test_check_keys_suggests_close_key_and_requires() -> None:
    node = parse_yaml(b"rule:\n  id: x\n  mesage: hi\n", "r.yaml")["rule"]
    with pytest.raises(RuleFileError) as info:
        check_keys(node, {"id", "message", "when"}, {"id"}, "r.yaml", "rule 'x'")
    assert (
        str(info.value.problem)
        == "r.yaml:3:3: rule 'x': unknown key 'mesage' (did you mean 'message'?)"
    )
    node = parse_yaml(b"rule:\n  when: 1\n", "r.yaml")["rule"]
    with pytest.raises(RuleFileError) as info:
        check_keys(node, {"id", "message", "when"}, {"id"}, "r.yaml", "rule 'x'")
    assert str(info.value.problem) == "r.yaml:2:3: rule 'x': missing required key 'id'"


def test_check_keys_lists_valid_keys_when_nothing_is_close() -> None:
    node = parse_yaml(b"zzz: 1\n", "r.yaml")
    with pytest.raises(RuleFileError, match=r"unknown key 'zzz' \(valid: id, message\)"):
        check_keys(node, {"id", "message"}, set(), "r.yaml", "")


def test_expect_type_and_choice_messages() -> None:
    assert expect_type(3, int, "f.yaml", (1, 1), "year") == 3
    with pytest.raises(RuleFileError) as info:
        expect_type(True, int, "f.yaml", (2, 7), "year")
    assert str(info.value.problem) == "f.yaml:2:7: year must be an integer, not true or false"
    with pytest.raises(RuleFileError) as info:
        expect_choice(
            "Tier 4", ("1", "2", "2WL", "3", "special"), "f.yaml", (14, 5), "tier", "a tier"
        )
    assert str(info.value.problem) == (
        "f.yaml:14:5: tier 'Tier 4' is not a tier (valid: 1, 2, 2WL, 3, special)"
    )


def test_generated_files_read_the_same_as_pyyaml() -> None:
    """The importer's hand-rolled emitter must write yaml that any reader sees identically."""
    files = sorted((REPO / "rules" / "facts" / "generated").rglob("*.yaml"))
    assert files
    for path in files:
        reference = yaml.load(
            path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
        assert load_yaml(path) == reference, path
