"""Worker processes get configured rules: the config's vocabulary holds under every start method."""
from __future__ import annotations

import multiprocessing
import pickle

import pytest

from checker.pipeline import RunOptions, run_check
from checker.registry import default_registry

BRIGADES = {"nl": {"concepts": {"brigades": ["brigades"]}}}
MARK_RULE = (
    "from checker.models import ClaimDraft, QuantityValue\n"
    "from checker.registry import Rule\n\n\n"
    "class MarkRule(Rule):\n"
    "    code, name, description, kinds = 'X600', 'marks', 'Claims the word MARK.', ('mark',)\n\n"
    "    def extract(self, doc):\n"
    "        at = doc.text.find('MARK')\n"
    "        if at >= 0:\n"
    "            yield ClaimDraft(kind='mark', start=at, end=at + 4, value=QuantityValue(low=1, high=1),\n"
    "                             key_parts={'concept': 'mark'})\n")
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
    (folder / "marks.py").write_text(MARK_RULE, encoding="utf-8")
    paths = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(" date 2022-03 MARK hier.\n", encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    report = run_check(RunOptions(paths=paths, rules_dir=[str(folder)], select=["X600"], jobs=2,
                                  start_method=start_method))
    assert [(c.article, c.rule) for c in report.claims] == [("a", "X600"), ("b", "X600")]


def length_of(item: str, setup) -> int:
    return len(item)


def test_articles_are_handed_to_the_workers_as_they_need_them():
    """A large archive is not read whole before the first answer: at most AHEAD chunks a worker
    ahead, and the answers come in the order of the items."""
    from checker.workers import AHEAD, CHUNK, Setup, Workers

    pulled = 0

    def items():
        nonlocal pulled
        for n in range(600):
            pulled += 1
            yield "x" * n

    with Workers(2, Setup(rules=[], schema=default_registry().schema(), limit=None), METHODS[-1]) as workers:
        answers = workers.map(length_of, items())
        first = next(answers)
        assert pulled <= 2 * AHEAD * CHUNK < 600
        assert [first, *answers] == list(range(600))


def test_claims_travel_as_tuples_and_come_back_the_same():
    from checker.articles import load
    from checker.conflicts import claim_periods
    from checker.runner import extract_all
    from checker.workers import pack_model, unpack_model

    from conftest import SEEDS

    registry = default_registry()
    docs = load([str(SEEDS)]).documents
    claims = extract_all(docs, [r() for r in registry], registry.schema()).claims
    periods = claim_periods(claims, {d.article.id: d.article for d in docs}, registry.schema())
    claims += [c.model_copy(update={"period": periods[c.id]}) for c in claims if periods.get(c.id)]  # as indexed
    assert {type(c.value).__name__ for c in claims} >= {"QuantityValue", "DateValue", "TextValue"}
    assert any(c.period for c in claims)
    for claim in claims:
        row = pack_model(claim)
        assert pickle.loads(pickle.dumps(row)) == row and not any(hasattr(v, "model_dump") for v in row)
        back = unpack_model(row)
        assert back == claim and back.model_dump_json() == claim.model_dump_json()
        assert type(back.value) is type(claim.value) and type(back.period) is type(claim.period)


def test_a_check_and_an_index_of_many_chunks_are_the_same_with_two_jobs(tmp_path, monkeypatch):
    import sqlite3
    import sys

    from checker import workers
    from checker.cli import main
    from checker.report import to_json

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    monkeypatch.setattr(workers, "CHUNK", 2)  # 20 chunks: more than the 16 two workers are given at once
    archive = write_corpus(tmp_path / "archive", 40, seed=3)
    (archive / "empty.txt").write_text("", encoding="utf-8")
    reports = [to_json(run_check(RunOptions(paths=[str(archive)], jobs=jobs))) for jobs in (1, 2)]
    assert reports[0] == reports[1] and '"conflict"' in reports[0]
    held = []
    for jobs in (1, 2):
        db = tmp_path / f"{jobs}.sqlite"
        main(["index", str(archive), "--db", str(db), "--jobs", str(jobs)])
        con = sqlite3.connect(db)
        held.append([sorted(con.execute(f"SELECT * FROM {table}")) for table in ("articles", "claims", "key_counts")])
        con.close()
    assert held[0] == held[1] and len(held[0][0]) == 40


@pytest.mark.parametrize("start_method", METHODS)
def test_check_index_with_rules_of_a_local_folder_in_worker_processes(tmp_path, start_method):
    from checker.index import ClaimIndex
    from checker.indexing import update_index

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "marks.py").write_text(MARK_RULE, encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("a", "b", "c"):
        (archive / f"{name}.txt").write_text(" date 2022-03 MARK hier.\n", encoding="utf-8")
    registry = default_registry([str(folder)])
    with ClaimIndex(tmp_path / "i.sqlite", create=True) as index:
        stats = update_index(index, [str(archive)], [registry.instantiate(registry.get("X600"), None, {})],
                             registry.schema(), jobs=2, start_method=start_method)
        assert (stats.added, stats.claims, stats.problems) == (3, 3, [])
