"""The claim index: incremental updates, killed writes, schema versions, drafts against it."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from checker.cli import main
from checker.index import ClaimIndex, IndexFileError
from checker.indexing import update_index
from checker.registry import default_registry

from conftest import ROOT, SEEDS

RULES = [rule() for rule in default_registry() if rule.__module__.startswith("checker.rules.")]
SCHEMA = default_registry().schema()

SHIPS = " date 2022-03 De NAVO heeft {} schepen in de Oostzee.\n"
# Each article's claims, one row a claim, as the claim sets it points at hold them.
EACH_CLAIM = ("(SELECT a.id || c.id AS id, a.id AS article, c.key, c.core, c.parts, c.claim "
              "FROM articles a JOIN claims c ON c.claim_set = a.claims) AS each_claim")
# Claim sets whose count of articles is not the number of articles that point at them (none
# should be), and articles that point at no set.
UNCOUNTED = ("SELECT (SELECT COUNT(*) FROM claim_sets s WHERE s.articles != "
             "(SELECT COUNT(*) FROM articles a WHERE a.claims = s.id)) + "
             "(SELECT COUNT(*) FROM articles WHERE claims NOT IN (SELECT id FROM claim_sets))")
PG_URL = os.environ.get("NEWSCHECK_TEST_PG")  # a PostgreSQL database the tests may write schemas into


@pytest.fixture
def postgres():
    """A URL of a fresh, empty schema on the PostgreSQL server of NEWSCHECK_TEST_PG, dropped after."""
    if not PG_URL:
        pytest.skip("NEWSCHECK_TEST_PG is not set: no PostgreSQL server to test against (.ci/run starts one)")
    psycopg = pytest.importorskip("psycopg")
    name = f"t{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{name}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def index_target(request, tmp_path) -> str:
    """Where an index is kept: a SQLite file, or a PostgreSQL schema (one suite for both)."""
    return str(tmp_path / "i.sqlite") if request.param == "sqlite" else request.getfixturevalue("postgres")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def ship_counts(index: ClaimIndex) -> dict[str, float]:
    return {c.article: c.value.low for c in index.claims_about(["quantity:ships/nato/in-baltic-sea"])}


def test_only_new_and_changed_articles_are_extracted(tmp_path, index_target):
    archive = tmp_path / "archive"
    for name, n in (("a.txt", 10), ("b.txt", 20), ("c.txt", 30)):
        write(archive, name, SHIPS.format(n))
    with ClaimIndex(index_target, create=True) as index:
        first = update_index(index, [str(archive)], RULES, SCHEMA)
        assert (first.added, first.changed, first.unchanged, first.removed) == (3, 0, 0, 0)
        again = update_index(index, [str(archive)], RULES, SCHEMA)
        assert (again.added, again.changed, again.unchanged, again.removed, again.claims) == (0, 0, 3, 0, 0)
        write(archive, "b.txt", SHIPS.format(25))
        (archive / "c.txt").unlink()
        write(archive, "d.txt", SHIPS.format(40))
        later = update_index(index, [str(archive)], RULES, SCHEMA)
        assert (later.added, later.changed, later.unchanged, later.removed) == (1, 1, 1, 1)
        assert ship_counts(index) == {"a": 10, "b": 25, "d": 40}
        assert counted_keys(index) == {"quantity:ships/nato/in-baltic-sea": 3}
        write(archive, "b.txt", " date 2022-03 De NAVO heeft 25 schepen in de Noordzee.\n")
        (archive / "d.txt").unlink()
        update_index(index, [str(archive)], RULES, SCHEMA)
        assert counted_keys(index) == {"quantity:ships/nato/in-baltic-sea": 1, "quantity:ships/nato": 1}


def counted_keys(index: ClaimIndex) -> dict[str, int]:
    """The articles per key that the index keeps count of, checked against its claims."""
    held = dict(index.db.execute(f"SELECT key, COUNT(DISTINCT article) FROM {EACH_CLAIM} WHERE key IS NOT NULL GROUP BY key"))
    cores = {core for (core,) in index.db.execute("SELECT DISTINCT core FROM claims WHERE core IS NOT NULL")}
    counted = {key: n for key, _, n in index.groups_of(cores)}
    assert counted == held
    return {key: n for key, n in counted.items() if "ships" in key}


def test_other_rule_versions_extract_again(tmp_path, monkeypatch, index_target):
    write(tmp_path / "archive", "a.txt", SHIPS.format(10))
    with ClaimIndex(index_target, create=True) as index:
        update_index(index, [str(tmp_path / "archive")], RULES, SCHEMA)
        monkeypatch.setattr(type(RULES[0]), "version", "99")
        assert update_index(index, [str(tmp_path / "archive")], RULES, SCHEMA).changed == 1


# The killed writer commits every 20 articles, so that a small archive is written in many batches.
KILLED_BATCH, KILLED_ARCHIVE = 20, 150
INDEX_IN_BATCHES = ("import sys; import checker.indexing; checker.indexing.BATCH = int(sys.argv[1]); "
                    "from checker.cli import main; main(sys.argv[2:])")


@pytest.fixture(scope="module")
def archive_of_150(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """150 generated articles, and the number of claims of each as a whole index holds them
    (made once: the killed runs only read the folder)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    folder = tmp_path_factory.mktemp("killed")
    archive = write_corpus(folder / "archive", KILLED_ARCHIVE)
    with ClaimIndex(folder / "whole.sqlite", create=True) as whole:
        update_index(whole, [str(archive)], RULES, SCHEMA)
        return archive, dict(whole.db.execute(f"SELECT article, COUNT(*) FROM {EACH_CLAIM} GROUP BY article").fetchall())


def test_a_killed_write_leaves_a_consistent_index(tmp_path, archive_of_150):
    archive, whole = archive_of_150
    db = tmp_path / "i.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", INDEX_IN_BATCHES, str(KILLED_BATCH), "index", str(archive), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait for the first batches to be written
            time.sleep(0.05)
            if db.exists() and count(db) >= 2 * KILLED_BATCH:
                break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert 0 < count(db) < KILLED_ARCHIVE
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute(UNCOUNTED).fetchone()[0] == 0
    con.close()
    with ClaimIndex(db) as index:  # the next run finishes the job
        stats = update_index(index, [str(archive)], RULES, SCHEMA)
        assert stats.unchanged >= 2 * KILLED_BATCH and stats.added + stats.unchanged == KILLED_ARCHIVE
        assert index.count()[0] == KILLED_ARCHIVE
        assert dict(index.db.execute(f"SELECT article, COUNT(*) FROM {EACH_CLAIM} GROUP BY article").fetchall()) == whole


def count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return 0


def test_an_index_of_another_schema_version_is_refused(tmp_path, capsys):
    db = tmp_path / "i.sqlite"
    ClaimIndex(db, create=True).close()
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE meta SET value = '0' WHERE name = 'schema_version'")
    con.close()
    with pytest.raises(IndexFileError, match="schema version 0"):
        ClaimIndex(db)
    write(tmp_path, "draft.txt", SHIPS.format(10))
    assert main([str(tmp_path / "draft.txt"), "--against", str(db)]) == 2
    assert "schema version 0" in capsys.readouterr().err
    assert main(["index", str(SEEDS), "--db", str(db)]) == 2


def test_a_database_that_is_no_index_is_refused(tmp_path):
    db = tmp_path / "other.sqlite"
    con = sqlite3.connect(db)
    with con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(IndexFileError, match="not a claim index"):
        ClaimIndex(db)


def test_against_a_folder_and_against_its_index_give_the_same_findings(tmp_path, capsys, index_target):
    draft = write(tmp_path / "drafts", "draft.txt",
                  " date 2022-03 De Navo heeft inmiddels 90 schepen in de regio. Duizenden extra troepen zijn al "
                  "onderweg, 130 jachtvliegtuigen staan op high alert klaar.\n")
    assert main(["index", str(SEEDS), "--db", index_target]) == 0
    capsys.readouterr()
    reports = []
    for archive in (str(SEEDS), index_target):
        assert main([str(draft), "--against", archive, "--format", "json"]) == 1
        reports.append(json.loads(capsys.readouterr().out))
    folder, index = reports
    assert folder["conflicts"] == index["conflicts"] and folder["claims"] == index["claims"]
    findings = folder["conflicts"]
    assert [f["key"] for f in findings] == ["quantity:ships/nato"]
    assert all(any(c.startswith("draft@") for c in f["claims"]) for f in findings)


def test_a_draft_with_nothing_in_common_has_no_findings(tmp_path, capsys):
    draft = write(tmp_path, "draft.txt", " date 2022-03 Het regent in Utrecht.\n")
    assert main([str(draft), "--against", str(SEEDS), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts"] == []


def test_the_progress_bar_is_silent_off_a_terminal(tmp_path, capsys):
    assert main(["index", str(SEEDS), "--db", str(tmp_path / "i.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "indexing [" not in err and "5 articles" in err and os.linesep in err


def test_readers_are_not_blocked_by_a_writer(tmp_path):
    db = tmp_path / "i.sqlite"
    with ClaimIndex(db, create=True) as index:
        update_index(index, [str(SEEDS)], RULES, SCHEMA)
        before = index.count()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM articles")  # not committed yet
    try:
        with ClaimIndex(db) as reader:
            assert reader.count() == before and before[1] > 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_draft_already_in_the_archive_is_not_compared_with_its_own_copy(tmp_path, capsys):
    db = tmp_path / "seeds.sqlite"
    assert main(["index", str(SEEDS), "--db", str(db)]) == 0
    capsys.readouterr()
    draft = SEEDS / "002_1a0a6596d60781e4.txt"
    assert main([str(draft), "--against", str(db), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    finding, = report["conflicts"]
    articles = {c.split("@")[0] for c in finding["claims"]}
    assert articles == {"002_1a0a6596d60781e4", "003_d3539aa3f6ec2937"}, finding["claims"]
    assert len(finding["claims"]) == 2


def test_the_index_module_imports_only_the_models_the_key_schema_and_its_stores():
    import ast

    def imported(module: str) -> set[str]:
        tree = ast.parse((ROOT / "checker" / f"{module}.py").read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker")}

    assert imported("index") == {"checker.models", "checker.keys", "checker.stores"}
    assert imported("stores") == set()


def test_article_ids_of_many_files_of_one_name_take_linear_time():
    from checker.articles import IdBook, article_id

    class Counting(IdBook):
        looks = 0

        def __contains__(self, item):
            Counting.looks += 1
            return super().__contains__(item)

    used = Counting()
    ids = [article_id(Path(f"wires/{n % 2}/item.txt"), used) for n in range(3000)]
    assert len(set(ids)) == 3000 and ids[:4] == ["item", "1/item", "0/item", "1/item~2"]
    assert Counting.looks < 4 * 3000  # counting up from 2 for each file looked 4.5 million times


def against(capsys, draft: Path, archive: Path) -> dict:
    main([str(draft), "--against", str(archive), "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_a_draft_is_compared_with_the_archive_not_the_archive_with_itself(tmp_path, capsys, index_target):
    archive = tmp_path / "archive"
    for name, n in (("a.txt", 140), ("b.txt", 200), ("c.txt", 90)):
        write(archive, name, SHIPS.format(n) + "Dat meldde Reuters.\n")  # no copy of the draft
    draft = write(tmp_path / "drafts", "draft.txt", SHIPS.format(140))
    db = index_target
    assert main(["index", str(archive), "--db", str(db)]) == 0
    capsys.readouterr()
    from_folder, from_index = against(capsys, draft, archive), against(capsys, draft, db)
    assert from_folder == from_index
    finding, = from_index["conflicts"]
    # a (140) agrees with the draft; that it disagrees with b and c is the archive's own matter
    assert sorted(c.split("@")[0] for c in finding["claims"]) == ["b", "c", "draft"]


def test_spellings_of_one_name_are_compared_by_skeleton_not_pair_by_pair(tmp_path, monkeypatch):
    from checker import disagreement, pairs
    from checker.pipeline import RunOptions, run_check

    spellings = ("Zelensky", "Zelenskyy", "Zelenski", "Zelenskiy")
    archive = tmp_path / "archive"
    for n in range(160):
        write(archive, f"{n}.txt", f" date 2022-03 De Oekraïense president Volodymyr {spellings[n % 4]} vroeg om wapens.\n")
    draft = write(tmp_path / "drafts", "draft.txt", " date 2022-03 De Oekraïense president Volodymyr Zelensky sprak.\n")
    calls = 0

    def counted(compare):
        def count(*args):
            nonlocal calls
            calls += 1
            return compare(*args)
        return count

    monkeypatch.setattr(pairs, "compatible", counted(pairs.compatible))
    monkeypatch.setattr(disagreement, "status_between", counted(disagreement.status_between))
    report = run_check(RunOptions(paths=[str(draft)], against=[str(archive)]))
    variant, = [f for f in report.conflicts if f.status == "variant"]
    articles = {a.id: a for a in report.articles}
    named = [articles[c.article] for c in report.claims if c.id in variant.claims]
    assert len(named) == 1 + 3  # the draft and an article of each other spelling, none of its own
    assert sum(1 + len(a.copies) for a in named) == 1 + 120  # with their copies: every other spelling
    assert calls < 4 * 160  # pair by pair, the archive's 160 claims took 12,720 comparisons


# with two workers in the slow suite (12 s more of the quick one)
@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_a_killed_write_leaves_a_consistent_postgresql_index(postgres, jobs, archive_of_150):
    import psycopg

    archive, whole = archive_of_150
    proc = subprocess.Popen([sys.executable, "-c", INDEX_IN_BATCHES, str(KILLED_BATCH), "index", str(archive),
                             "--db", postgres, "--jobs", jobs], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait for the first batches to be written
            time.sleep(0.05)
            if pg_count(postgres, "SELECT COUNT(*) FROM articles") >= 2 * KILLED_BATCH:
                break
        workers = children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert 0 < pg_count(postgres, "SELECT COUNT(*) FROM articles") < KILLED_ARCHIVE
    assert (len(workers) >= 2) == (jobs == "2") and have_ended(workers)  # the workers see their parent gone
    assert pg_count(postgres, UNCOUNTED) == 0
    with ClaimIndex(postgres) as index:  # the next run finishes the job
        stats = update_index(index, [str(archive)], RULES, SCHEMA)
        assert stats.unchanged >= 2 * KILLED_BATCH and stats.added + stats.unchanged == KILLED_ARCHIVE
        assert index.count()[0] == KILLED_ARCHIVE
    with psycopg.connect(postgres) as con:  # every article's claims came with it, none was half written
        assert dict(con.execute(f"SELECT article, COUNT(*) FROM {EACH_CLAIM} GROUP BY article").fetchall()) == whole


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def have_ended(pids: list[int], seconds: float = 15) -> bool:
    """Whether these processes end within ``seconds`` (a zombie has ended)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(is_running(p) for p in pids):
            return True
        time.sleep(0.5)
    return False


def is_running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def pg_count(url: str, sql: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as con:
            return con.execute(sql).fetchone()[0]
    except psycopg.errors.UndefinedTable:
        return 0


def test_a_postgresql_index_of_another_schema_version_is_refused(tmp_path, capsys, postgres):
    import psycopg

    ClaimIndex(postgres, create=True).close()
    with psycopg.connect(postgres, autocommit=True) as con:
        con.execute("UPDATE meta SET value = '0' WHERE name = 'schema_version'")
    with pytest.raises(IndexFileError, match="schema version 0"):
        ClaimIndex(postgres)
    write(tmp_path, "draft.txt", SHIPS.format(10))
    assert main([str(tmp_path / "draft.txt"), "--against", postgres]) == 2
    err = capsys.readouterr().err
    assert "schema version 0" in err and PG_URL not in err.replace(":***@", "")  # no password in messages


def test_indexing_in_worker_processes_stores_the_same_index(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    archive = write_corpus(tmp_path / "archive", 60)
    write(archive, "empty.txt", "")
    held = []
    for jobs, db in ((1, tmp_path / "one.sqlite"), (2, tmp_path / "two.sqlite")):
        with ClaimIndex(db, create=True) as index:
            stats = update_index(index, [str(archive)], RULES, SCHEMA, jobs=jobs, start_method="spawn")
            assert (stats.added, stats.claims) == (61, held[0][2] if held else stats.claims)
            held.append((sorted(index.db.execute("SELECT id, path, sha256, article FROM articles")),
                         sorted(index.db.execute(f"SELECT * FROM {EACH_CLAIM}")), stats.claims,
                         sorted(index.db.execute("SELECT * FROM key_counts")), [p.message for p in stats.problems]))
    assert held[0] == held[1] and held[0][1] and any("empty" in m for m in held[0][4])


def test_a_killed_indexing_worker_is_an_error_naming_jobs(tmp_path, capsys, monkeypatch):
    from checker import indexing

    parent, real = os.getpid(), indexing.index_one

    def killed_in_a_worker(*args):
        if os.getpid() != parent:  # the workers are forked with this module as patched here
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)

    monkeypatch.setattr(indexing, "index_one", killed_in_a_worker)
    for name, n in (("a.txt", 10), ("b.txt", 20)):
        write(tmp_path / "archive", name, SHIPS.format(n))
    assert main(["index", str(tmp_path / "archive"), "--db", str(tmp_path / "i.sqlite"), "--jobs", "2"]) == 2
    err = capsys.readouterr().err
    assert "--jobs 2: " in err and "Traceback" not in err


def test_two_writers_of_the_same_new_articles_store_each_once(tmp_path, index_target, monkeypatch):
    """Two `check index` runs over the same new articles at once (here two threads, each with its
    own connection, writing batches of 3 so that their transactions interleave): neither fails,
    and the index holds every article once, with its claims and its keys counted once."""
    import threading

    from checker import indexing

    monkeypatch.setattr(indexing, "BATCH", 3)
    archive = tmp_path / "archive"
    for i in range(90):
        write(archive, f"a{i:03d}.txt", SHIPS.format(10 + i))
    outcomes: dict[str, object] = {}

    def writer(name: str) -> None:
        try:
            with ClaimIndex(index_target, create=True) as index:
                outcomes[name] = update_index(index, [str(archive)], RULES, SCHEMA)
        except Exception as e:  # noqa: BLE001 - the test reports it
            outcomes[name] = e

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(not isinstance(o, Exception) and not o.problems for o in outcomes.values()), outcomes
    with ClaimIndex(index_target) as index:
        assert index.count() == (90, 90)
        assert index.db.execute(f"SELECT COUNT(DISTINCT article) FROM {EACH_CLAIM}").fetchone()[0] == 90
        assert counted_keys(index) == {"quantity:ships/nato/in-baltic-sea": 90}
        assert not index.being_built()
        again = update_index(index, [str(archive)], RULES, SCHEMA)
        assert (again.added, again.changed, again.unchanged) == (0, 0, 90)


def test_an_id_another_run_took_meanwhile_is_left_for_the_next_run(tmp_path, index_target):
    """Two runs over different folders at once may give two files of one name the same id: the
    second to write leaves its article out, says so, and the next run indexes it."""
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, "x.txt", SHIPS.format(10))
    write(two, "x.txt", SHIPS.format(20))
    write(two, "y.txt", SHIPS.format(30))
    ClaimIndex(index_target, create=True).close()

    def other_run_writes_first(done: int, total: int) -> None:
        if done == 1:  # this run has given two/x.txt the id "x" and not yet written it
            with ClaimIndex(index_target) as other:
                update_index(other, [str(one)], RULES, SCHEMA)

    with ClaimIndex(index_target) as index:
        stats = update_index(index, [str(two)], RULES, SCHEMA, progress=other_run_writes_first)
        assert [(Path(p.file).name, p.message) for p in stats.problems] == [(
            "x.txt", f"not indexed: its id 'x' was taken meanwhile by {one / 'x.txt'}, which another check index "
                     f"wrote at the same time; the next run indexes it")]
        assert (stats.added, ship_counts(index)) == (1, {"x": 10, "y": 30})
        again = update_index(index, [str(two)], RULES, SCHEMA)
        assert (again.added, again.unchanged, again.problems) == (1, 1, [])
        assert ship_counts(index) == {"x": 10, "y": 30, "two/x": 20}
        assert counted_keys(index) == {"quantity:ships/nato/in-baltic-sea": 3}


def test_a_draft_check_reads_the_keys_of_archive_articles_stored_with_them(tmp_path, capsys, monkeypatch):
    archive = tmp_path / "archive"
    for n in range(12):
        write(archive, f"{n}.txt", SHIPS.format(100 + n) + "De NAVO heeft 40 schepen.\n")
    draft = write(tmp_path / "drafts", "draft.txt", " date 2022-03 De NAVO heeft 90 schepen.\n")
    db = tmp_path / "i.sqlite"
    assert main(["index", str(archive), "--db", str(db)]) == 0
    capsys.readouterr()
    asked: list[str] = []
    real = ClaimIndex.keys_of_articles

    def keys_of_articles(self, cores, articles):
        asked.extend(articles)
        return real(self, cores, articles)

    monkeypatch.setattr(ClaimIndex, "keys_of_articles", keys_of_articles)
    report = against(capsys, draft, db)
    assert len({c.split("@")[0] for f in report["conflicts"] for c in f["claims"]}) == 13
    assert set(asked) == {"draft"}  # not the claims table again for each of the 12 archive articles read
    assert against(capsys, draft, archive) == report


def test_a_damaged_claim_in_the_index_is_an_error_naming_the_index(tmp_path, capsys):
    db = tmp_path / "seeds.sqlite"
    assert main(["index", str(SEEDS), "--db", str(db)]) == 0
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE claims SET claim = '{broken' WHERE key LIKE 'quantity:ships%'")
    con.close()
    capsys.readouterr()
    assert main([str(SEEDS / "002_1a0a6596d60781e4.txt"), "--against", str(db)]) == 2
    err = capsys.readouterr().err
    assert f"{db}: a stored claim or article is damaged" in err and "rebuild the index" in err
    assert "Traceback" not in err
