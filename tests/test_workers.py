"""Worker processes get configured rules: the config's vocabulary holds under every start method."""
from __future__ import annotations

import multiprocessing
import pickle

import pytest

from checker.pipeline import RunOptions, run_check
from checker.registry import default_registry

BRIGADES = {"nl": {"concepts": {"brigades": ["brigades"]}}}
METHODS = [m for m in ("spawn", "forkserver", "fork") if m in multiprocessing.get_all_start_methods()]


def articles(tmp_path) -> list[str]:
    for name, figure in (("a.txt", "40 landmachtbrigades"), ("b.txt", "45 brigades")):
        (tmp_path / name).write_text(f" date 2022-03 De NAVO heeft {figure} in Polen.\n", encoding="utf-8")
    return [str(tmp_path)]


@pytest.mark.parametrize("start_method", METHODS)
def test_the_vocabulary_extension_reaches_worker_processes(tmp_path, start_method):
    paths = articles(tmp_path)
    alone = run_check(RunOptions(paths=paths, vocabulary=BRIGADES))
    report = run_check(RunOptions(paths=paths, vocabulary=BRIGADES, jobs=2, start_method=start_method))
    assert [f.key for f in report.conflicts] == [f.key for f in alone.conflicts] == ["quantity:brigades/nato/in-poland"]
    assert report == alone


def test_without_the_extension_the_two_nouns_are_two_things(tmp_path):
    paths = articles(tmp_path)
    assert run_check(RunOptions(paths=paths, jobs=2, start_method=METHODS[0])).conflicts == []


def test_a_rule_is_pickled_with_its_vocabulary():
    rule = default_registry().instantiate(default_registry().get("quantities"), None, BRIGADES)
    copy = pickle.loads(pickle.dumps(rule))
    assert copy.vocabulary == BRIGADES and copy.additions == rule.additions and copy.options == rule.options


def test_rules_of_two_configs_in_one_process_keep_their_own_vocabulary(tmp_path):
    paths = articles(tmp_path)
    assert len(run_check(RunOptions(paths=paths, vocabulary=BRIGADES)).conflicts) == 1
    assert run_check(RunOptions(paths=paths)).conflicts == []
    assert len(run_check(RunOptions(paths=paths, vocabulary=BRIGADES)).conflicts) == 1


@pytest.mark.parametrize("start_method", METHODS)
def test_rules_of_a_local_folder_reach_worker_processes(tmp_path, start_method):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "marks.py").write_text(
        "from checker.models import ClaimDraft, QuantityValue\n"
        "from checker.registry import Rule\n\n\n"
        "class MarkRule(Rule):\n"
        "    code, name, description, kinds = 'X600', 'marks', 'Claims the word MARK.', ('mark',)\n\n"
        "    def extract(self, doc):\n"
        "        at = doc.text.find('MARK')\n"
        "        if at >= 0:\n"
        "            yield ClaimDraft(kind='mark', start=at, end=at + 4, value=QuantityValue(low=1, high=1),\n"
        "                             key_parts={'concept': 'mark'})\n", encoding="utf-8")
    paths = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(" date 2022-03 MARK hier.\n", encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    report = run_check(RunOptions(paths=paths, rules_dir=[str(folder)], select=["X600"], jobs=2,
                                  start_method=start_method))
    assert [(c.article, c.rule) for c in report.claims] == [("a", "X600"), ("b", "X600")]
