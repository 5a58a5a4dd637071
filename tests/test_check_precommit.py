"""The shipped pre-commit hook, run by the real pre-commit on a temporary git repository.

The hook definition comes from .pre-commit-hooks.yaml; it runs as a `repo: local` hook with
`language: system` against the installed tipcheck, so no environment is built and nothing is
downloaded (the shipped `language: python` builds one from the repository for users).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CLAIM = ("In the 2008 Trafficking in Persons Report, North Korea was kept on Tier 3 for the {} "
         "consecutive year.\n")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def tipcheck_command() -> str:
    beside = Path(sys.executable).parent / "tipcheck"
    return shlex.quote(str(beside if beside.exists() else shutil.which("tipcheck")))


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An empty git repository with the hook configured, and the environment to run git in."""
    pytest.importorskip("pre_commit")
    root = tmp_path / "newsroom"
    root.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=str(tmp_path), PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
               GIT_CEILING_DIRECTORIES=str(tmp_path), GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tipcheck")
    local = {**hook, "language": "system", "entry": f"{tipcheck_command()} check"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(root, env, "init", "-q")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=root, env=env, check=True,
                   capture_output=True)
    return root, env


def git(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_pre_commit_blocks_a_wrong_draft_and_passes_the_corrected_one(repo) -> None:
    root, env = repo
    (root / "draft.md").write_text(CLAIM.format("fifth"), encoding="utf-8")
    (root / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    git(root, env, "add", ".")
    blocked = git(root, env, "commit", "-m", "draft")
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "Failed" in output and "draft.md:1:83: [error]" in output and "TIP102" in output
    assert "notes.py" not in output
    assert git(root, env, "rev-parse", "--verify", "HEAD").returncode != 0  # nothing committed

    (root / "draft.md").write_text(CLAIM.format("sixth"), encoding="utf-8")
    git(root, env, "add", "draft.md")
    passed = git(root, env, "commit", "-m", "draft")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
