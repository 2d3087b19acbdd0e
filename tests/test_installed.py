"""The entry points and versions of installed distributions, kept in the user cache: read from
there while nothing on sys.path changed, read again when a distribution comes or goes."""
from __future__ import annotations

import importlib.metadata
import itertools
import os
import sys
import time

import pytest

from checker import installed
from checker.registry import Registry

CLOCK = itertools.count(int(time.time()) - 3600)  # a distribution installed an hour ago has settled


def fake_distribution(folder, name: str, rules: dict[str, str], version: str = "1.0") -> None:
    """A distribution as pip leaves it in a folder of sys.path, and the modules its entry points
    name (written in the folder)."""
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    lines = "".join(f"{ep} = {value}\n" for ep, value in rules.items())
    (info / "entry_points.txt").write_text(f"[checker.rules]\n{lines}", encoding="utf-8")


def settle(*paths) -> None:
    """Date the paths back, as if installed long ago (each time a second later: importlib.metadata
    knows a folder by its time, as the clock would move on)."""
    when = next(CLOCK)
    for path in paths:
        for root, dirs, files in os.walk(path):
            for name in [*dirs, *files]:
                os.utime(os.path.join(root, name), (when, when))
        os.utime(path, (when, when))


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An empty folder on sys.path and a user cache of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


@pytest.fixture
def scans(monkeypatch):
    """The groups importlib.metadata is asked for (a kept answer asks nothing)."""
    asked = []
    real = importlib.metadata.entry_points

    def counting(**selection):
        asked.append(selection.get("group"))
        return real(**selection)

    monkeypatch.setattr(importlib.metadata, "entry_points", counting)
    return asked


def names(group: str = "checker.rules") -> list[str]:
    return [ep.name for ep in installed.entry_points(group)]


def test_the_kept_entry_points_are_importlib_metadatas(site, scans):
    for group in installed.GROUPS:
        expected = [(ep.name, ep.value, ep.group) for ep in importlib.metadata.entry_points(group=group)]
        assert [tuple(ep) for ep in installed.entry_points(group)] == expected
    assert installed.version("newscheck") == importlib.metadata.version("newscheck")
    assert installed.version("no-such-distribution") is None


def test_nothing_changed_nothing_is_read_again(site, scans):
    fake_distribution(site, "fake-rules", {"fake": "fake_rules:FakeRule"})
    settle(site)
    assert "fake" in names()
    assert installed.Installed().path.exists()
    asked = len(scans)
    assert "fake" in names() and installed.version("newscheck")
    installed.version("newscheck")
    assert len(scans) == asked, "read from the kept file"


def test_a_distribution_installed_or_removed_is_seen_at_the_next_run(site, scans):
    fake_distribution(site, "fake-rules", {"fake": "fake_rules:FakeRule"})
    settle(site)
    assert "fake" in names() and "other" not in names()
    fake_distribution(site, "other-rules", {"other": "other_rules:OtherRule"})
    assert {"fake", "other"} <= set(names())
    settle(site)
    assert {"fake", "other"} <= set(names())
    for path in (site / "other-rules-1.0.dist-info").iterdir():
        path.unlink()
    (site / "other-rules-1.0.dist-info").rmdir()
    settle(site)
    assert "fake" in names() and "other" not in names()


def test_a_folder_taken_off_sys_path_takes_its_distributions(site, scans, monkeypatch):
    fake_distribution(site, "fake-rules", {"fake": "fake_rules:FakeRule"})
    settle(site)
    assert "fake" in names()
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(site)])
    assert "fake" not in names()


def test_an_entry_point_rewritten_in_place_is_read_again(site, scans):
    fake_distribution(site, "fake-rules", {"fake": "fake_rules:FakeRule"})
    settle(site)
    assert "fake" in names()
    (site / "fake-rules-1.0.dist-info" / "entry_points.txt").write_text("[checker.rules]\nrenamed = fake_rules:FakeRule\n")
    assert "renamed" in names() and "fake" not in names()


def test_a_damaged_kept_file_is_read_again(site, scans):
    settle(site)
    expected = names()
    path = installed.Installed().path
    path.write_bytes(b"\x00{not json")
    assert names() == expected
    path.write_text('{"digest": 1, "groups": []}')
    assert names() == expected


def test_an_unwritable_cache_is_left_aside(tmp_path, monkeypatch, scans):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert [tuple(ep) for ep in installed.entry_points("checker.rules")] == \
        [(ep.name, ep.value, ep.group) for ep in importlib.metadata.entry_points(group="checker.rules")]


def test_a_broken_plugin_fails_as_before(site, scans):
    """The errors of a plugin whose module or attribute is missing are those importlib.metadata's
    entry points give."""
    (site / "half_rules.py").write_text("x = 1\n", encoding="utf-8")
    fake_distribution(site, "broken-rules", {"gone": "no_such_module_here:Rule", "half": "half_rules:Missing"})
    settle(site)
    registry = Registry()
    registry.load_entry_points()
    mine = sorted(p.message for p in registry.problems if p.rule in ("gone", "half"))
    theirs = []
    for ep in importlib.metadata.entry_points(group="checker.rules"):
        if ep.name in ("gone", "half"):
            with pytest.raises(Exception) as e:
                ep.load()
            theirs.append(f"rule failed to load from {ep.value}: {e.value!r}")
    assert mine == sorted(theirs) and len(mine) == 2


def test_each_sys_path_keeps_its_own_record(site, scans, monkeypatch, tmp_path):
    """`check` and `python -m checker` (another first entry of sys.path) do not undo each other's."""
    settle(site)
    names()
    other = tmp_path / "elsewhere"
    other.mkdir()
    settle(other)
    monkeypatch.syspath_prepend(str(other))
    names()
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(other)])
    asked = len(scans)
    names()
    assert len(scans) == asked, "read from its own kept file"
    assert len(list((tmp_path / "cache" / "newscheck").glob("installed-*.json"))) == 2


def test_a_version_asked_first_is_kept_for_the_entry_points_after(site, scans):
    settle(site)
    installed.version("newscheck")  # importing checker asks this first
    assert installed.Installed().kept is not None
    names()
    asked = len(scans)
    assert installed.version("newscheck") and names()
    assert len(scans) == asked


def test_the_command_reads_the_distributions_once_a_run(site, scans, monkeypatch):
    fake_distribution(site, "held", {"held": "held_rules"})
    settle(site)
    listed = []
    real = installed.path_state
    monkeypatch.setattr(installed, "path_state", lambda paths: listed.append(1) or real(paths))
    monkeypatch.setattr(installed, "_held", None)
    names(), installed.version("held")
    assert len(listed) == 2, "a program importing checker: a fresh record at each use"
    installed.hold()
    assert "held" in names() and installed.version("held") == "1.0" and names("checker.formatters") is not None
    assert len(listed) == 3, "the command: one record for the run"


def test_only_the_command_holds_one_record(tmp_path):
    import subprocess

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    show = "import checker.installed as i; print(i._held is not None)"
    library = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, check=True)
    command = subprocess.run([sys.executable, "-c", f"import sys; sys.argv = ['-m']; {show}"], env=env,
                             capture_output=True, text=True, check=True)
    assert (library.stdout.strip(), command.stdout.strip()) == ("False", "True")


def test_a_file_made_in_a_folder_of_the_path_is_no_change(site, scans):
    """`python -m checker` puts the current folder first on sys.path, where reports and caches
    are made: the record is written all the same, and read at the next run."""
    fake_distribution(site, "fake-rules", {"fake": "fake_rules:FakeRule"})
    settle(site)
    (site / "report.html").write_text("made just now", encoding="utf-8")
    assert "fake" in names()
    assert installed.Installed().kept is not None, "written"
    asked = len(scans)
    (site / "claims.sqlite").write_text("made just now", encoding="utf-8")
    assert "fake" in names() and len(scans) == asked, "read"


def test_a_record_not_kept_yet_is_no_diagnostic_but_a_damaged_one_is(site, caplog):
    settle(site)
    with caplog.at_level("DEBUG", logger="checker.installed"):
        record = installed.Installed()
        assert record.kept is None and not caplog.records
        record.path.parent.mkdir(parents=True)
        record.path.write_bytes(b"\x00{not json")
        installed.Installed()
    assert [r.getMessage().split(": ")[1][:8] for r in caplog.records] == ["not read"]
