"""Identical copies of one report in an archive: one claim set, compared once, each copy reported."""
from __future__ import annotations

import shutil
from pathlib import Path

import checker.archive
import checker.index
from checker.index import ClaimIndex
from checker.indexing import update_index
from checker.pipeline import RunOptions, run_check
from checker.report import to_json

from conftest import SEEDS
from test_index import RULES, SCHEMA, index_target, postgres, write  # noqa: F401 (fixtures)

DRAFT = (" date 2022-03 De NAVO heeft inmiddels 90 schepen in de regio. Duizenden extra troepen zijn al "
         "onderweg, 130 jachtvliegtuigen staan op high alert klaar.\n")


def archive_of_copies(folder: Path) -> Path:
    """The seed articles three times over under other names, a copy under the draft's name (its
    id clashes with the draft's) and one of the draft's own text (left out of its check)."""
    for n in range(3):
        for seed in sorted(SEEDS.glob("*.txt")):
            write(folder / f"wire{n}", f"{n}_{seed.name}", seed.read_text(encoding="utf-8"))
    shutil.copy(sorted(SEEDS.glob("003_*.txt"))[0], folder / "draft.txt")
    write(folder, "published.txt", DRAFT)
    return folder


def sets_held(index: ClaimIndex) -> int:
    return index.db.execute("SELECT COUNT(*) FROM claim_sets").fetchone()[0]


def test_copies_of_one_report_share_one_claim_set(tmp_path, index_target):
    archive = archive_of_copies(tmp_path / "archive")
    with ClaimIndex(index_target, create=True) as index:
        stats = update_index(index, [str(archive)], RULES, SCHEMA)
        assert stats.added == 17
        assert sets_held(index) == 6  # five seeds (the copy named draft is the fourth's) and the draft's text
        assert index.count() == (17, stats.claims)  # every copy's claims are counted
        ships = "quantity:ships/nato"
        assert sorted(c.article for c in index.claims_about([ships])) == sorted(
            ["draft", "published", *(f"{n}_{seed.stem}" for n in range(3) for seed in SEEDS.glob("00[23]_*.txt"))])
        for n in (0, 1):  # two copies go: their set stays with the third
            shutil.rmtree(archive / f"wire{n}")
        assert update_index(index, [str(archive)], RULES, SCHEMA, prune=True).removed == 10
        assert sets_held(index) == 6 and len(index.claims_about([ships])) == 4
        shutil.rmtree(archive / "wire2")  # the last copies of all but 003: their sets go, their claims with them
        assert update_index(index, [str(archive)], RULES, SCHEMA, prune=True).removed == 5
        assert sets_held(index) == 2 and [c.article for c in index.claims_about([ships])] == ["draft", "published"]
        assert index.db.execute("SELECT COUNT(*) FROM claims WHERE claim_set NOT IN "
                                "(SELECT id FROM claim_sets)").fetchone()[0] == 0


def test_a_draft_reads_each_claim_set_once_and_reports_every_copy(tmp_path, monkeypatch):
    archive = archive_of_copies(tmp_path / "archive")
    draft = write(tmp_path / "drafts", "draft.txt", DRAFT)
    folded, apart = tmp_path / "folded.sqlite", tmp_path / "apart.sqlite"
    with ClaimIndex(folded, create=True) as index:
        update_index(index, [str(archive)], RULES, SCHEMA)
    with monkeypatch.context() as m:  # every article in a claim set of its own: nothing folded
        m.setattr(checker.index, "claim_set_of", lambda article, rows: article.id)
        with ClaimIndex(apart, create=True) as index:
            update_index(index, [str(archive)], RULES, SCHEMA)
            assert sets_held(index) == 17
    compared = []
    complete_keys = checker.archive.complete_keys
    monkeypatch.setattr(checker.archive, "complete_keys",
                        lambda claims, *a, **k: compared.append(len({c.article for c in claims})) or
                        complete_keys(claims, *a, **k))
    reports = [run_check(RunOptions(paths=[str(draft)], against=[str(db)])) for db in (folded, apart)]
    assert to_json(reports[0]) == to_json(reports[1])
    assert compared[0] < compared[1]  # the copies' claims were compared once
    findings = reports[0].conflicts
    assert findings and any(f.key == "quantity:ships/nato" for f in findings)
    ships = next(f for f in findings if f.key == "quantity:ships/nato")
    assert {c.split("@")[0] for c in ships.claims} == {"draft", "0_002_1a0a6596d60781e4", "1_002_1a0a6596d60781e4",
                                                       "2_002_1a0a6596d60781e4"}
    assert "published" not in {a.id for a in reports[0].articles}  # the draft's own text is not held against it


def test_an_index_of_the_version_before_is_built_again_by_check_index(tmp_path, capsys, index_target):
    from checker.cli import main

    ClaimIndex(index_target, create=True).close()
    with ClaimIndex(index_target) as index, index.db.writing():
        index.db.execute("UPDATE meta SET value = '3' WHERE name = 'schema_version'")
    draft = write(tmp_path, "draft.txt", DRAFT)
    assert main([str(draft), "--against", index_target]) == 2
    assert "schema version 3" in capsys.readouterr().err
    assert main(["index", str(SEEDS), "--db", index_target]) == 0
    err = capsys.readouterr().err
    assert "schema version 3, built again in version 4" in err and "5 added" in err
    with ClaimIndex(index_target) as index:
        assert index.count()[0] == 5 and sets_held(index) == 5
