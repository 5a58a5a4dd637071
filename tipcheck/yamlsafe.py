"""The one safe YAML loader for rule and fact files: no anchors, no duplicate keys, located errors.

`load_yaml` gives YamlMap/YamlSeq trees (dict/list subclasses remembering 1-based line:column of
every key, value and item) built from libyaml parser events (see tipcheck.yamltree); the helpers
below validate such trees. Every failure is a `RuleFileError` located at file:line:col.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from tipcheck.yamltree import (
    Parser,
    Pos,
    YamlMap,
    YamlSeq,
    build_tree,
    display_path,
    fail,
    offset_pos,
)

__all__ = [
    "Pos", "YamlMap", "YamlSeq", "check_keys", "display_path", "expect_choice", "expect_type",
    "fail", "key_pos", "load_yaml", "parse_yaml", "read_capped", "show", "suggest", "type_name",
    "value_pos",
]  # fmt: skip


def read_capped(path: Path, max_bytes: int = 20_000_000, name: str | None = None) -> bytes:
    """The bytes of a file, refusing (before reading) anything larger than `max_bytes`."""
    shown = name or display_path(path)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise fail(shown, f"file is too large ({size} bytes, limit {max_bytes})")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise fail(shown, "file not found") from None
    except IsADirectoryError:
        raise fail(shown, "is a directory, not a file") from None
    except OSError as exc:
        raise fail(shown, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise fail(shown, f"file is too large (more than {max_bytes} bytes)")
    return data


def load_yaml(path: Path, max_bytes: int = 20_000_000, *, name: str | None = None) -> Any:
    """Read one YAML file safely into YamlMap/YamlSeq/scalars (see the module docstring)."""
    shown = name or display_path(path)
    return parse_yaml(read_capped(path, max_bytes, shown), shown)


def parse_yaml(data: bytes | str, name: str) -> Any:
    """Parse YAML text (bytes must be UTF-8, a BOM is fine); `name` is used in error messages."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise fail(name, "file is not valid UTF-8", (line, col)) from None
    else:
        text = data[1:] if data.startswith("\ufeff") else data
    try:
        return build_tree(Parser(text), name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = f"invalid yaml: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            msg += f" ({exc.context})"
        raise fail(name, msg, (mark.line + 1, mark.column + 1) if mark else None) from None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else ord(exc.character or "?")
        pos = offset_pos(text, exc.position)
        raise fail(
            name, f"invalid character #x{char:04x} (control characters are not allowed)", pos
        ) from None
    except yaml.YAMLError as exc:
        raise fail(name, f"invalid yaml: {exc}") from None


# ---------------------------------------------------------------- validation helpers

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    dict: "a mapping",
    YamlMap: "a mapping",
    list: "a list",
    YamlSeq: "a list",
    type(None): "empty (null)",
}


def type_name(value: Any) -> str:
    """How a value's type is named in messages."""
    for cls in (bool, YamlMap, YamlSeq):
        if isinstance(value, cls):
            return _TYPE_NAMES[cls]
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def show(value: Any) -> str:
    """A value as quoted in messages."""
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return type_name(value)
    return str(value)


def suggest(word: str, options: Iterable[str], cutoff: float = 75) -> str | None:
    """The closest option to a mistyped word, when it is close enough."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, list(options), scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


def _prefix(what: str) -> str:
    return f"{what}: " if what else ""


def check_keys(
    node: Any, allowed: set[str], required: set[str], path: Path | str, what: str
) -> None:
    """Reject unknown keys (with a did-you-mean) at the key, missing required keys at the map."""
    if not isinstance(node, YamlMap):
        raise fail(path, f"{_prefix(what)}expected a mapping, found {type_name(node)}", _pos(node))
    for key in node:
        if key not in allowed:
            hint = suggest(str(key), allowed)
            extra = (
                f" (did you mean '{hint}'?)" if hint else f" (valid: {', '.join(sorted(allowed))})"
            )
            raise fail(
                path, f"{_prefix(what)}unknown key {show(key)}{extra}", node.key_pos.get(key)
            )
    for key in sorted(required):
        if key not in node:
            raise fail(path, f"{_prefix(what)}missing required key '{key}'", node.pos)


def expect_type(
    value: Any, types: type | tuple[type, ...], path: Path | str, pos: Pos | None, what: str
) -> Any:
    """Return `value` if it has one of `types` (a bool is never an int), else raise at `pos`."""
    wanted = types if isinstance(types, tuple) else (types,)
    ok = isinstance(value, wanted) and not (
        isinstance(value, bool) and bool not in wanted and (int in wanted or float in wanted)
    )
    if not ok:
        names = " or ".join(dict.fromkeys(_TYPE_NAMES.get(t, t.__name__) for t in wanted))
        raise fail(path, f"{what} must be {names}, not {type_name(value)}", pos or _pos(value))
    return value


def expect_choice(
    value: Any,
    choices: Iterable[Any],
    path: Path | str,
    pos: Pos | None,
    what: str,
    noun: str = "a valid value",
) -> Any:
    """Return `value` if it is one of `choices`, else raise naming the valid options."""
    options = list(choices)
    if value not in options or isinstance(value, bool):
        valid = ", ".join(str(c) for c in options)
        raise fail(path, f"{what} {show(value)} is not {noun} (valid: {valid})", pos)
    return value


def _pos(node: Any) -> Pos | None:
    """Where a YamlMap/YamlSeq starts, or None for scalars."""
    return node.pos if isinstance(node, (YamlMap, YamlSeq)) else None


def key_pos(node: YamlMap, key: Any) -> Pos:
    """Where a key sits (falls back to the map's own position)."""
    return node.key_pos.get(key, node.pos)


def value_pos(node: YamlMap, key: Any) -> Pos:
    """Where a key's value sits (falls back to the map's own position)."""
    return node.value_pos.get(key, node.pos)
