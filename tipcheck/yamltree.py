"""YAML text to plain trees with positions, built from parser events (used by tipcheck.yamlsafe).

Anchors and aliases are rejected at the first event that carries one, so nothing is ever expanded.
Plain scalars resolve by the YAML 1.2 core schema: `null`/`~`, `true`/`false`, integers and floats;
everything else (dates, `yes`/`no`, `NO`, `12:30`) stays a string.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tipcheck.errors import Problem, RuleFileError

Pos = tuple[int, int]

Parser: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OX = re.compile(r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF_NAN = {
    ".inf": "inf",
    ".Inf": "inf",
    ".INF": "inf",
    ".nan": "nan",
    ".NaN": "nan",
    ".NAN": "nan",
}
_NUMBER_START = frozenset("0123456789+-.")
_CORE = "tag:yaml.org,2002:"


class YamlMap(dict):
    """A mapping read from YAML, remembering where it, each key and each value start (1-based)."""

    __slots__ = ("column", "key_pos", "line", "value_pos")

    def __init__(self, *args: Any, line: int = 1, column: int = 1) -> None:
        super().__init__(*args)
        self.line = line
        self.column = column
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}

    @property
    def pos(self) -> Pos:
        """Where the mapping starts."""
        return (self.line, self.column)


class YamlSeq(list):
    """A sequence read from YAML, remembering where it and each item start (1-based)."""

    __slots__ = ("column", "item_pos", "line")

    def __init__(self, *args: Any, line: int = 1, column: int = 1) -> None:
        super().__init__(*args)
        self.line = line
        self.column = column
        self.item_pos: list[Pos] = []

    @property
    def pos(self) -> Pos:
        """Where the sequence starts."""
        return (self.line, self.column)


def display_path(path: Path | str) -> str:
    """A path as shown in messages: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def fail(path: Path | str, message: str, pos: Pos | None = None) -> RuleFileError:
    """A located RuleFileError (returned, so callers write `raise fail(...)`)."""
    where = path if isinstance(path, str) else display_path(path)
    line, col = pos if pos else (None, None)
    return RuleFileError(Problem(where, message, line, col))


def offset_pos(text: str, offset: int) -> Pos:
    """1-based line/column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core-schema resolution of a plain scalar."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] in _NUMBER_START:
        if _INT.match(value):
            return int(value)
        if _INT_OX.match(value):
            return int(value, 0)
        if _FLOAT.match(value):
            return float(value)
        sign = value[0] if value[0] in "+-" else ""
        special = _INF_NAN.get(value[1:] if sign else value)
        if special:
            return float(sign + special)
    return value


def _tagged(value: str, tag: str, name: str, pos: Pos) -> Any:
    """A scalar with an explicit core tag (`!!str`, `!!int`, ...)."""
    kind = tag[len(_CORE) :] if tag.startswith(_CORE) else None
    if tag == "!" or kind == "str":
        return value
    resolved = _resolve_plain(value) if value else None
    expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}.get(kind or "")
    if expected is None:
        raise fail(name, f"tag '{tag}' is not allowed", pos)
    if not isinstance(resolved, expected) or (
        kind in ("int", "float") and isinstance(resolved, bool)
    ):
        raise fail(name, f"{value!r} is not a valid !!{kind}", pos)
    return float(resolved) if kind == "float" else resolved


def build_tree(loader: Any, name: str) -> Any:
    """Build the document tree from parser events, iteratively (no recursion limit issues)."""
    try:
        root: Any = None
        stack: list[Any] = []  # open YamlMap / YamlSeq nodes
        keys: list[Any] = []  # per open map: pending key sentinel or (key, pos)
        docs = 0
        none = _NO_KEY
        while True:
            event = loader.get_event()
            cls = type(event)
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if (
                cls is yaml.ScalarEvent
                or cls is yaml.MappingStartEvent
                or cls is yaml.SequenceStartEvent
            ):
                if event.anchor is not None:
                    raise fail(
                        name, f"anchors and aliases are not allowed (found '&{event.anchor}')", pos
                    )
                tag = event.tag
                if cls is yaml.ScalarEvent:
                    if tag is not None:
                        node = _tagged(event.value, tag, name, pos)
                    elif event.style in (None, "") and event.implicit[0]:
                        node = _resolve_plain(event.value)
                    else:
                        node = event.value
                    opened = False
                else:
                    if tag is not None and tag not in (_CORE + "map", _CORE + "seq", "!"):
                        raise fail(name, f"tag '{tag}' is not allowed", pos)
                    if cls is yaml.MappingStartEvent:
                        node = YamlMap(line=pos[0], column=pos[1])
                    else:
                        node = YamlSeq(line=pos[0], column=pos[1])
                    opened = True
                if not stack:
                    root = node
                else:
                    parent = stack[-1]
                    if type(parent) is YamlSeq:
                        parent.append(node)
                        parent.item_pos.append(pos)
                    elif keys[-1] is none:
                        if opened:
                            raise fail(
                                name, "mapping keys must be plain values, not lists or maps", pos
                            )
                        if node in parent:
                            first = parent.key_pos[node]
                            raise fail(
                                name, f"duplicate key '{node}' (first at line {first[0]})", pos
                            )
                        keys[-1] = (node, pos)
                    else:
                        key, kpos = keys[-1]
                        parent[key] = node
                        parent.key_pos[key] = kpos
                        parent.value_pos[key] = pos
                        keys[-1] = none
                if opened:
                    stack.append(node)
                    keys.append(none)
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                stack.pop()
                keys.pop()
            elif cls is yaml.AliasEvent:
                raise fail(
                    name, f"anchors and aliases are not allowed (found '*{event.anchor}')", pos
                )
            elif cls is yaml.DocumentStartEvent:
                docs += 1
                if docs > 1:
                    raise fail(name, "a file must hold one yaml document, found a second", pos)
            elif cls is yaml.StreamEndEvent:
                return root
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose:
            dispose()


class _NoKey:
    """Marker: the open mapping waits for a key."""


_NO_KEY = _NoKey()
