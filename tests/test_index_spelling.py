"""The claim index knows an article by its file, not by how the archive path was spelled, and
keeps no article a rule failed on as if it were complete."""
from __future__ import annotations

import pytest

from checker import cli
from checker.index import ClaimIndex

GOOD = " date 2022-03 De NAVO heeft 140 schepen in de Oostzee.\n"


def index(capsys, db, *paths) -> str:
    assert cli.main(["index", *map(str, paths), "--db", str(db)]) == 0
    return capsys.readouterr().err


@pytest.fixture
def archive(tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(GOOD.replace("140", "200"), encoding="utf-8")
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.mark.parametrize("spelling", ["./archive", "archive/", "{abs}", "link", "./link/"])
def test_another_spelling_of_the_archive_path_extracts_nothing_again(archive, capsys, spelling):
    db = archive.parent / "i.sqlite"
    index(capsys, db, "archive")
    with ClaimIndex(db) as idx:
        before = idx.articles_of(["a", "b"])
    err = index(capsys, db, spelling.format(abs=archive))
    assert "0 added, 0 changed, 2 unchanged, 0 removed" in err
    (archive / "a.txt").write_text(GOOD.replace("140", "150"), encoding="utf-8")
    err = index(capsys, db, spelling.format(abs=archive))
    assert "0 added, 1 changed, 1 unchanged, 0 removed" in err
    with ClaimIndex(db) as idx:
        assert [a.id for a in idx.articles_of(["a", "b"])] == ["a", "b"]
        assert idx.count() == (2, 2)
        assert idx.articles_of(["b"]) == before[1:]  # the unchanged article as it was


def test_an_article_a_rule_failed_on_is_extracted_again(archive, capsys, tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "flaky.py").write_text(
        "from checker.registry import Rule\n\n\n"
        "class FlakyRule(Rule):\n"
        "    code, name, description, kinds = 'X700', 'flaky', 'Fails on an article that says FAIL.', ('x',)\n\n"
        "    def extract(self, doc):\n"
        "        if 'FAIL' in doc.text:\n"
        "            raise RuntimeError('flaky')\n"
        "        return []\n", encoding="utf-8")
    (archive / "c.txt").write_text(GOOD + "FAIL\n", encoding="utf-8")
    db = tmp_path / "i.sqlite"
    argv = ["index", "archive", "--db", str(db), "--rules-dir", str(plugins)]
    assert cli.main(argv) == 2  # a rule error is an error of the index run
    assert "c.txt: rule X700: rule flaky raised RuntimeError('flaky')" in capsys.readouterr().err
    assert cli.main(argv) == 2  # a rule error is an error of the index run
    err = capsys.readouterr().err
    assert "rule flaky raised" in err and "0 added, 1 changed, 2 unchanged" in err  # not passed in silence
