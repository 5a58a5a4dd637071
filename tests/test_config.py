"""Configuration: [tool.tipcheck] or tipcheck.toml found upward; errors at file:line with a hint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tipcheck.cli import app
from tipcheck.config import ConfigError, find_config, load_config, selected

CLAIM = ("In the 2008 Trafficking in Persons Report, North Korea was kept on Tier 3 for the fifth "
         "consecutive year.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str):
    return CliRunner().invoke(app, ["check", "--format", "json", *args])


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


def test_found_upward_nearest_first_tipcheck_toml_before_pyproject(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    write(tmp_path / "pyproject.toml", "[tool.tipcheck]\nyear = 2008\n")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no tipcheck table: skipped
    assert find_config(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / "a" / "tipcheck.toml", "year = 2009\n")
    assert find_config(deep) == tmp_path / "a" / "tipcheck.toml"
    assert load_config(find_config(deep)).year == 2009


def test_values_are_read_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    path = write(tmp_path / "tipcheck.toml", 'select = ["TIP1"]\nignore = ["streak-agreement"]\n'
                 'min-severity = "warning"\nextra-rules = ["rules"]\nyear = 2014\nstrict = true\n')
    config = load_config(path)
    assert (config.select, config.ignore, config.min_severity) == (("TIP1",), ("streak-agreement",),
                                                                    "warning")
    assert config.extra_rules == (tmp_path / "rules",) and config.year == 2014 and config.strict
    assert selected(config, "TIP102", "streak-facts")
    assert not selected(config, "TIP103", "streak-agreement")
    assert not selected(config, "TIP901", "bad-suppression")


@pytest.mark.parametrize("text, where, message", [
    ('[tool.tipcheck]\nselect = ["TIP1"]\nmin_severity = "error"\n', "3",
     "unknown key 'min_severity' (did you mean 'min-severity'?)"),
    ('[tool.tipcheck]\n\nslect = ["TIP1"]\n', "3", "unknown key 'slect' (did you mean 'select'?)"),
    ('[tool.tipcheck]\nmin-severity = "eror"\n', "2",
     "'min-severity': unknown severity 'eror' (did you mean 'error'?)"),
    ('[tool.tipcheck]\nyear = "2008"\n', "2", "'year' must be a report year (2001..2100), not '2008'"),
    ('[tool.tipcheck]\nselect = "TIP1"\n', "2", "'select' must be a list of strings"),
    ('[tool.tipcheck]\nfact-overlays = ["nope.yaml"]\n', "2",
     "'fact-overlays': no such file or folder 'nope.yaml'"),
    ('[tool.tipcheck]\nyear = \n', "2:8", "invalid TOML: invalid value"),
    ('[tool.tipcheck.extra]\nx = 1\n', "1", "unknown key 'extra' (valid: "),
])
def test_bad_configuration_names_file_and_line(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n" + text)
    line, _, column = where.partition(":")
    located = f"{path}:{int(line) + 3}" + (f":{column}" if column else "")  # after the [project] table
    assert error_of(path).startswith(f"{located}: {message}")


def test_cli_reports_a_bad_configuration_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "tipcheck.toml", 'ignor = ["TIP102"]\n')
    write(tmp_path / "d.md", CLAIM)
    monkeypatch.chdir(tmp_path)
    result = check("d.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"tipcheck: {tmp_path / 'tipcheck.toml'}:1: unknown key 'ignor' "
                                     "(did you mean 'ignore'?)")
    assert result.stdout == ""


def test_unknown_rule_in_select_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "tipcheck.toml", 'year = 2008\nselect = ["streak-fact"]\n')
    write(tmp_path / "d.md", CLAIM)
    monkeypatch.chdir(tmp_path)
    result = check("d.md")
    assert result.exit_code == 2
    assert "tipcheck.toml:2: 'select': no rule 'streak-fact' (did you mean 'streak-facts'?)" in result.stderr


@pytest.mark.parametrize("config, rules", [
    ("", ["TIP102 streak-facts"]),
    ('ignore = ["TIP102"]\n', []),
    ('select = ["TIP12"]\n', []),
    ('select = ["streak-facts"]\n', ["TIP102 streak-facts"]),
    ('min-severity = "error"\nselect = ["TIP10"]\n', ["TIP102 streak-facts"]),
])
def test_select_and_ignore_from_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  config: str, rules: list[str]) -> None:
    write(tmp_path / "tipcheck.toml", config)
    write(tmp_path / "sub" / "d.md", CLAIM)
    monkeypatch.chdir(tmp_path / "sub")
    result = check("d.md")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == rules
    assert result.exit_code == (1 if rules else 0)


def test_min_severity_hides_warnings_and_cli_options_override(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "tipcheck.toml", 'min-severity = "error"\n')
    write(tmp_path / "w.md", "<!-- tipcheck: ignore TIP101 -- stale -->\nNothing.\n")
    monkeypatch.chdir(tmp_path)
    assert json.loads(check("w.md").stdout)["findings"] == []
    shown = json.loads(check("w.md", "--min-severity", "warning").stdout)["findings"]
    assert [f["rule"] for f in shown] == ["TIP902 unused-suppression"]
    assert check("w.md", "--config", str(write(tmp_path / "other.toml", ""))).stdout.count("TIP902") == 1


def test_report_year_from_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "d.md", "North Korea was kept on Tier 3 for the fifth consecutive year.\n")
    monkeypatch.chdir(tmp_path)
    assert check("d.md").exit_code == 0  # no year: some report makes it true
    write(tmp_path / "tipcheck.toml", "year = 2008\n")
    assert check("d.md").exit_code == 1
