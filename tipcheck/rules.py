"""Loading and validating rules/*.yaml: each rule names a check kind and sets its wording."""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipcheck.checks import CHECKS, CheckKind
from tipcheck.model import SEVERITIES
from tipcheck.paths import rules_dir
from tipcheck.yamlsafe import YamlMap, YamlSeq, check_keys, expect_choice, fail, load_yaml

_RULE_KEYS = {"code", "name", "check", "severity", "message", "description", "examples"}
_REQUIRED = {"code", "name", "check", "severity", "message", "description", "examples"}


@dataclass(frozen=True)
class Rule:
    """One rule: a stable code and name, a check kind, severity, message template and docs."""

    code: str
    name: str
    check: str
    severity: str
    message: str
    description: str
    fails: tuple[str, ...]
    passes: tuple[str, ...]
    origin: str

    @property
    def kind(self) -> CheckKind:
        """The check kind this rule runs."""
        return CHECKS[self.check]

    @property
    def label(self) -> str:
        """ "TIP101 streak-arithmetic"."""
        return f"{self.code} {self.name}"


def rule_files(extra: Sequence[Path] = ()) -> list[Path]:
    """The built-in rule files, then any extra rule folders or files."""
    files = sorted(rules_dir().glob("*.yaml"))
    for item in extra:
        files += sorted(item.glob("*.yaml")) if item.is_dir() else [item]
    return files


def load_rules(extra: Sequence[Path] = ()) -> list[Rule]:
    """All rules, validated; a malformed file raises RuleFileError at file:line:col."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in rule_files(extra):
        for rule in _load_file(path):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise fail(path, f"rule '{rule.name}': {key} is already defined in {seen[key]}")
                seen[key] = rule.origin
            rules.append(rule)
    return rules


def _load_file(path: Path) -> list[Rule]:
    doc = load_yaml(path)
    check_keys(doc, {"rules"}, {"rules"}, path, "rule file")
    items = doc["rules"]
    if not isinstance(items, YamlSeq):
        raise fail(path, "'rules' must be a list of rules", doc.value_pos.get("rules"))
    return [_rule(path, item) for item in items]


def _rule(path: Path, node: object) -> Rule:
    if not isinstance(node, YamlMap):
        raise fail(path, "each rule must be a mapping")
    label = f"rule '{node.get('name', node.get('code', '?'))}'"
    check_keys(node, _RULE_KEYS, _REQUIRED, path, label)
    for key in ("code", "name", "check", "severity", "message", "description"):
        if not isinstance(node[key], str) or not node[key].strip():
            raise fail(path, f"{label}: '{key}' must be a non-empty string", node.value_pos[key])
    expect_choice(node["check"], sorted(CHECKS), path, node.value_pos["check"], f"{label}: check")
    expect_choice(node["severity"], list(SEVERITIES), path, node.value_pos["severity"],
                  f"{label}: severity")
    kind = CHECKS[node["check"]]
    for _, field_name, _, _ in string.Formatter().parse(node["message"]):
        if field_name is not None and field_name not in kind.placeholders:
            raise fail(path, f"{label}: message placeholder '{{{field_name}}}' is not filled by "
                             f"check '{node['check']}' (it fills: "
                             f"{', '.join(sorted(kind.placeholders))})", node.value_pos["message"])
    examples = node["examples"]
    check_keys(examples, {"fail", "pass"}, {"fail", "pass"}, path, f"{label}: examples")
    fails, passes = (_strings(path, examples, k, label) for k in ("fail", "pass"))
    line = node.pos[0] if getattr(node, "pos", None) else 0
    return Rule(node["code"], node["name"], node["check"], node["severity"], node["message"],
                " ".join(node["description"].split()), fails, passes, f"{path.name}:{line}")


def _strings(path: Path, examples: YamlMap, key: str, label: str) -> tuple[str, ...]:
    items = examples[key]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise fail(path, f"{label}: examples.{key} must be a list of strings",
                   examples.value_pos[key])
    return tuple(items)


def find_rule(rules: Iterable[Rule], key: str) -> Rule | None:
    """A rule by code or name, case-insensitive."""
    wanted = key.strip().lower()
    return next((r for r in rules if wanted in (r.code.lower(), r.name.lower())), None)


# A note, not a rule file's rule: a claim that holds for only part of its document's year range
# dates the document (DESIGN.md: contradicted only when no year in the range makes it hold).
YEAR_RANGE = Rule("TIP199", "year-range", "dating", "note", "{message}",
                  "A claim that holds for only some of the report years its document may speak of is "
                  "not an error: it tells which report the document must be about, and this note says so.",
                  (), (), "tipcheck/engine.py")  # the engine makes these notes (_partial)
