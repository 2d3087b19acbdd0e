"""The README's recipes, run as written: the pre-commit hook with a real `pre-commit` on a
temporary git repository, and the CI steps, with and without a changed article."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

yaml = pytest.importorskip("yaml", reason="pre-commit (a test extra) brings PyYAML")
pytest.importorskip("pre_commit", reason="pre-commit is a test extra: pip install -e '.[test]'")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

BIN = Path(sys.executable).parent
ARCHIVED = " date 2022-03-02 De Navo heeft 140 schepen in de Oostzee.\n"
AGREES = " date 2022-03-03 De vloot van de Navo telt 140 schepen in de Oostzee.\n"
DISAGREES = " date 2022-03-02 De Navo heeft 170 schepen in de Oostzee.\n"


def readme_block(after: str) -> str:
    """The first fenced yaml block of the README after the words ``after``."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```yaml\n(.*?)```", text[text.index(after):], re.S)[1]


def sh(cwd: Path, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        raise AssertionError(f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture
def newsroom(tmp_path) -> Path:
    """A git repository with an archive of one article, its index, and repository files."""
    repo = tmp_path / "newsroom"
    (repo / "archive").mkdir(parents=True)
    (repo / "archive" / "fleet.txt").write_text(ARCHIVED, encoding="utf-8")
    (repo / "articles").mkdir()
    sh(repo, "git", "init", "-q", "-b", "main")
    sh(repo, "check", "index", "archive", "--db", "archive.sqlite")
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-qm", "archive")
    return repo


def local_hook_config(args: list[str], files: str | None) -> str:
    """The repository's hook as a `repo: local` hook (no network): its definition from
    .pre-commit-hooks.yaml, run by this environment's `check`."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    hook.update(language="system", entry=str(BIN / "check"), args=args)
    if files:
        hook["files"] = files
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})


def readme_hook() -> dict:
    return yaml.safe_load(readme_block("**pre-commit**"))["repos"][0]["hooks"][0]


@pytest.mark.parametrize("narrowed", [False, True], ids=["hook's own pattern", "README's files"])
def test_the_pre_commit_hook_checks_the_changed_articles_against_the_archive(newsroom, narrowed):
    hook = readme_hook()
    assert hook["id"] == "check" and hook["args"] == ["--against", "archive.sqlite"]
    config = local_hook_config(hook["args"], hook["files"] if narrowed else None)
    (newsroom / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    sh(newsroom, "git", "add", ".pre-commit-config.yaml")
    # Repository files that would disagree with the archive if they were read as articles.
    for name in ("README.md", "requirements.txt", "docs/notes.md"):
        (newsroom / name).parent.mkdir(exist_ok=True)
        (newsroom / name).write_text(DISAGREES, encoding="utf-8")
    (newsroom / "articles" / "agrees.md").write_text(AGREES, encoding="utf-8")
    sh(newsroom, "git", "add", "-A")
    done = sh(newsroom, sys.executable, "-m", "pre_commit", "run", "--verbose", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 article," in done.stdout and "Passed" in done.stdout, done.stdout  # the draft and only it
    sh(newsroom, "git", "commit", "-qm", "an article that agrees")

    sh(newsroom, sys.executable, "-m", "pre_commit", "install")
    (newsroom / "articles" / "disagrees.md").write_text(DISAGREES, encoding="utf-8")
    sh(newsroom, "git", "add", "-A")
    done = sh(newsroom, "git", "commit", "-qm", "an article that disagrees", check=False)
    assert done.returncode != 0, done.stdout + done.stderr
    said = done.stdout + done.stderr  # git shows the hook's output on either
    assert "Failed" in said and "conflict" in said and "quantity:ships/nato" in said, said


def ci_steps() -> list[str]:
    """The README's CI steps after the install, as shell commands."""
    steps = [step["run"] for step in yaml.safe_load(readme_block("**CI**"))]
    assert steps[0].startswith("pip install")
    return steps[1:]


def test_the_ci_steps_pass_when_no_article_changed(newsroom):
    (newsroom / "articles" / "old.md").write_text(AGREES, encoding="utf-8")
    sh(newsroom, "git", "add", "-A")
    sh(newsroom, "git", "commit", "-qm", "an article")
    sh(newsroom, "git", "update-ref", "refs/remotes/origin/main", "main")
    sh(newsroom, "git", "checkout", "-qb", "no-article")
    (newsroom / "README.md").write_text(DISAGREES, encoding="utf-8")  # no article, though it reads like one
    (newsroom / "articles" / "old.md").unlink()  # a deleted article is no draft
    sh(newsroom, "git", "add", "-A")
    sh(newsroom, "git", "commit", "-qm", "no article changed")
    done = ci_last_step(newsroom)
    assert done.returncode == 0, done.stderr
    assert "no article given: nothing to check" in done.stderr
    assert not (newsroom / "report.md").exists() and not (newsroom / "reports").exists()


def ci_last_step(repo: Path) -> subprocess.CompletedProcess:
    steps = ci_steps()
    for step in steps[:-1]:
        sh(repo, "bash", "-c", step)
    return sh(repo, "bash", "-c", steps[-1], check=False)


def test_the_ci_steps_report_a_changed_article_that_disagrees(newsroom):
    sh(newsroom, "git", "update-ref", "refs/remotes/origin/main", "main")
    sh(newsroom, "git", "checkout", "-qb", "draft")
    (newsroom / "articles" / "fleet-update.md").write_text(DISAGREES, encoding="utf-8")
    (newsroom / "articles" / "same.md").write_text(AGREES, encoding="utf-8")
    sh(newsroom, "git", "add", "-A")
    sh(newsroom, "git", "commit", "-qm", "drafts")
    done = ci_last_step(newsroom)
    assert done.returncode == 1, done.stderr
    report = (newsroom / "report.md").read_text(encoding="utf-8")  # where --output ./report.md says
    assert "conflict" in report and "fleet-update" in report and "quantity:ships/nato" in report
    assert not (newsroom / "reports").exists()
