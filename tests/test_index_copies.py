"""Identical copies of one report in an archive: one claim set, compared once, each copy named."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checker.archive
import checker.index
from checker.formatters import default_formatters
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


def spelled_out(report) -> list[tuple]:
    """Each finding with every claim it stands for: its own and those of its articles' copies,
    by path, span and value (what an editor reads, however the report folds copies)."""
    claims = {c.id: c for c in report.claims}
    articles = {a.id: a for a in report.articles}
    out = []
    for f in report.conflicts:
        named = [claims[cid] for cid in f.claims]
        evidence = sorted((path, c.start, c.end, c.text, c.value.as_text()) for c in named
                          for path in (articles[c.article].path, *articles[c.article].copies))
        out.append((f.id, f.status, f.key, f.confidence, evidence))
    return out


def test_a_draft_reads_each_claim_set_once_and_names_its_copies_by_path(tmp_path, monkeypatch):
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
    assert spelled_out(reports[0]) == spelled_out(reports[1])  # the same findings, ids and evidence
    assert compared[0] < compared[1]  # the copies' claims were compared once
    findings = reports[0].conflicts
    assert findings and any(f.key == "quantity:ships/nato" for f in findings)
    ships = next(f for f in findings if f.key == "quantity:ships/nato")
    assert {c.split("@")[0] for c in ships.claims} == {"draft", "0_002_1a0a6596d60781e4"}  # each claim once
    first = next(a for a in reports[0].articles if a.id == "0_002_1a0a6596d60781e4")
    assert [Path(p).relative_to(archive).as_posix() for p in first.copies] == [
        "wire1/1_002_1a0a6596d60781e4.txt", "wire2/2_002_1a0a6596d60781e4.txt"]
    assert "0_002_1a0a6596d60781e4 and 2 copies" in ships.reason
    assert {a.id for a in reports[0].articles}.isdisjoint({"1_002_1a0a6596d60781e4", "2_002_1a0a6596d60781e4"})
    assert "published" not in {a.id for a in reports[0].articles}  # the draft's own text is not held against it
    formatters = default_formatters()
    for fmt in ("table", "html", "csv"):  # every report an editor reads names the copies
        rendered = formatters.get(fmt).render(reports[0])
        assert "2_002_1a0a6596d60781e4.txt" in rendered or fmt == "table", fmt
        assert "and 2 copies" in rendered or fmt == "csv", fmt


def test_copies_that_differ_in_source_keep_claim_sets_of_their_own(tmp_path):
    """A report names a copy by its path alone: copies whose title, source or link differ (the
    same wire report in two papers) are never folded, though their claims are the same."""
    text = "De NAVO heeft inmiddels 140 schepen in de regio.\n"
    archive = tmp_path / "archive"
    for name, source in (("a.md", "NRC"), ("b.md", "VRT"), ("c.md", "NRC")):  # sources of one length: same offsets
        write(archive, name, f"---\ndate: 2022-03-01\nsource: {source}\n---\n{text}")
    with ClaimIndex(tmp_path / "i.sqlite", create=True) as index:
        update_index(index, [str(archive)], RULES, SCHEMA)
        assert sets_held(index) == 2
    draft = write(tmp_path / "drafts", "draft.txt", " date 2022-03-01 De NAVO heeft 90 schepen in de regio.\n")
    report = run_check(RunOptions(paths=[str(draft)], against=[str(tmp_path / "i.sqlite")]))
    shown = {a.source: [Path(p).name for p in a.copies] for a in report.articles if a.id != "draft"}
    assert shown == {"NRC": ["c.md"], "VRT": []}


@pytest.mark.parametrize("version", ["3", "4"])
def test_an_index_of_a_version_before_is_built_again_by_check_index(tmp_path, capsys, index_target, version):
    from checker.cli import main

    ClaimIndex(index_target, create=True).close()
    with ClaimIndex(index_target) as index, index.db.writing():
        index.db.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (version,))
    draft = write(tmp_path, "draft.txt", DRAFT)
    assert main([str(draft), "--against", index_target]) == 2
    assert f"schema version {version}" in capsys.readouterr().err
    assert main(["index", str(SEEDS), "--db", index_target]) == 0
    err = capsys.readouterr().err
    assert f"schema version {version}, built again in version 5" in err and "5 added" in err
    with ClaimIndex(index_target) as index:
        assert index.count()[0] == 5 and sets_held(index) == 5


def test_a_draft_reads_the_copies_of_a_claim_set_only_for_its_findings(tmp_path, monkeypatch):
    archive = archive_of_copies(tmp_path / "archive")
    draft = write(tmp_path / "drafts", "draft.txt", DRAFT)
    db = tmp_path / "i.sqlite"
    with ClaimIndex(db, create=True) as index:
        update_index(index, [str(archive)], RULES, SCHEMA)
    read: list[set[str]] = []
    paths_of_sets = ClaimIndex.paths_of_sets
    monkeypatch.setattr(ClaimIndex, "paths_of_sets", lambda self, sets: read.append(set(sets)) or
                        paths_of_sets(self, sets))
    report = run_check(RunOptions(paths=[str(draft)], against=[str(db)]))
    named = {a.id for a in report.articles if a.copies}
    with ClaimIndex(db) as index:
        sets = index.sets_of_articles([*named, "draft", "published"])
        read_for_findings = set().union(*read[1:]) if len(read) > 1 else set()
        assert read[0] == {sets["draft"], sets["published"]}  # first, whole, the sets of the draft's id and text
        assert read_for_findings == {sets[a] for a in named}  # then only the sets a finding names
        assert index.db.execute("SELECT COUNT(DISTINCT claims) FROM articles").fetchone()[0] > len(named) + 1
