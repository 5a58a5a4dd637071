"""Project configuration: `[tool.tipcheck]` in pyproject.toml or a tipcheck.toml, found upward.

As with ruff, the nearest folder that configures tipcheck wins: in it, tipcheck.toml (top level)
before pyproject.toml (only when it has a [tool.tipcheck] table). Paths in it are relative to the
file. Unknown keys and bad values are errors at file:line, with a "did you mean".
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipcheck.errors import Problem, TipcheckError
from tipcheck.model import SEVERITIES
from tipcheck.yamlsafe import suggest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("tipcheck.toml", "pyproject.toml")
MIN_YEAR, MAX_YEAR = 2001, 2100  # the first report is the 2001 report


class ConfigError(TipcheckError):
    """A configuration file is malformed: unknown key, bad value, bad TOML."""


@dataclass(frozen=True)
class Config:
    """What a configuration file sets; the defaults are tipcheck's own."""

    path: Path | None = None
    select: tuple[str, ...] = ()  # rule codes, code prefixes or names; empty: all
    ignore: tuple[str, ...] = ()
    min_severity: str = "note"
    extra_rules: tuple[Path, ...] = ()
    fact_overlays: tuple[Path, ...] = ()
    year: int | None = None
    strict: bool = False
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> line, for errors

    def error(self, key: str, message: str) -> ConfigError:
        """An error located at KEY's line in the file."""
        return ConfigError(Problem(str(self.path), message, self.lines.get(key)))


KEYS = {"select": "rules", "ignore": "rules", "min-severity": "severity", "extra-rules": "paths",
        "fact-overlays": "paths", "year": "year", "strict": "bool"}


def find_config(start: Path) -> Path | None:
    """The configuration file nearest START, looking upward; None if there is none."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r"^\s*\[\s*tool\s*\.\s*tipcheck\s*[\].]", text, re.M))


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file (None: the defaults)."""
    if path is None:
        return Config()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        raise ConfigError(Problem(shown, (error.strerror or str(error)).lower())) from None
    except UnicodeDecodeError:
        raise ConfigError(Problem(shown, "not UTF-8 text")) from None
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(shown, error) from None
    table_name = "tool.tipcheck" if path.name == "pyproject.toml" else None
    table = data.get("tool", {}).get("tipcheck", {}) if table_name else data
    lines = _key_lines(text, table_name)
    base = Config(path=path, lines=lines)
    if not isinstance(table, dict):
        raise base.error("", "[tool.tipcheck] must be a table")
    return _validate(base, table, path.parent)


def _toml_error(shown: str, error: Exception) -> ConfigError:
    message = str(error)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    text = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
    text = "invalid TOML: " + text[:1].lower() + text[1:]
    if where:
        return ConfigError(Problem(shown, text, int(where[1]), int(where[2])))
    return ConfigError(Problem(shown, text))


def _key_lines(text: str, table: str | None) -> dict[str, int]:
    """Line of each key of the tipcheck table (tomllib keeps no positions, so look them up)."""
    lines: dict[str, int] = {}
    current: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\]\[]+?)\s*\]", line)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header[1]).replace('"', "")
            if table and current.startswith(table + "."):  # a sub-table is a key of ours
                lines.setdefault(current[len(table) + 1:].split(".")[0], number)
            if current == table:
                lines.setdefault("", number)
            continue
        key = re.match(r"\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*[=.]", line)
        if key and current == table:
            lines.setdefault(key[1], number)
    return lines


def _validate(base: Config, table: dict[str, Any], folder: Path) -> Config:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            hint = suggest(key, KEYS) or suggest(key.replace("_", "-"), KEYS)
            extra = f" (did you mean '{hint}'?)" if hint else f" (valid: {', '.join(sorted(KEYS))})"
            raise base.error(key, f"unknown key '{key}'{extra}")
        values[key.replace("-", "_")] = _value(base, key, KEYS[key], value, folder)
    return Config(path=base.path, lines=base.lines, **values)


def _value(base: Config, key: str, kind: str, value: Any, folder: Path) -> Any:
    if kind in ("rules", "paths"):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise base.error(key, f"'{key}' must be a list of strings")
        if kind == "rules":
            return tuple(value)
        paths = tuple(folder / item for item in value)
        for item, path in zip(value, paths, strict=True):
            if not path.exists():
                raise base.error(key, f"'{key}': no such file or folder '{item}'")
        return paths
    if kind == "severity":
        if value not in SEVERITIES:
            hint = suggest(str(value), SEVERITIES)
            extra = f" (did you mean '{hint}'?)" if hint else f" (valid: {', '.join(SEVERITIES)})"
            raise base.error(key, f"'{key}': unknown severity '{value}'{extra}")
        return value
    if kind == "year":
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
            raise base.error(key, f"'year' must be a report year ({MIN_YEAR}..{MAX_YEAR}), not {value!r}")
        return value
    if not isinstance(value, bool):
        raise base.error(key, f"'{key}' must be true or false, not {value!r}")
    return value


def matches(selector: str, code: str, name: str) -> bool:
    """Whether a selector (a code, a code prefix like TIP1, or a rule name) picks a rule."""
    return selector == name or code.startswith(selector.upper())


def check_selectors(config: Config, known: Sequence[tuple[str, str]]) -> None:
    """Every select/ignore entry must pick some rule; KNOWN holds (code, name) pairs."""
    for key in ("select", "ignore"):
        for selector in getattr(config, key):
            if not any(matches(selector, code, name) for code, name in known):
                options = [word for pair in known for word in pair]
                hint = suggest(selector, options)
                extra = f" (did you mean '{hint}'?)" if hint else ""
                raise config.error(key, f"'{key}': no rule '{selector}'{extra}")


def selected(config: Config, code: str, name: str) -> bool:
    """Whether the configuration keeps a rule: selected (or no select list) and not ignored."""
    chosen = not config.select or any(matches(s, code, name) for s in config.select)
    return chosen and not any(matches(s, code, name) for s in config.ignore)
