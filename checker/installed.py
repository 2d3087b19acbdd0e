"""What is installed: the entry points of the groups this program reads and the versions of
distributions, kept in the user cache so that a start need not import importlib.metadata.

``importlib.metadata`` (with the email modules it reads metadata with) costs some 50 ms to
import, and finding entry points reads every distribution on ``sys.path``. What it found is kept
in a small file of the user cache folder (``$XDG_CACHE_HOME/newscheck``, else
``~/.cache/newscheck``) named by a digest of what would change it: each ``sys.path`` entry and,
for each ``*.dist-info`` and ``*.egg-info`` folder in it, its name and the time of the folder and
of its ``entry_points.txt`` (so each environment, and each way of starting one, ``check`` or
``python -m checker``, has its own). Installing or removing a distribution adds or removes such a
folder, so the next run reads the distributions again; other files that come and go in a folder
of the path (the current folder's, under ``python -m``) change nothing. A
state modified in the last seconds is not kept (a change in the same tick of the clock would go
unseen), nor is anything when the folder cannot be written; a damaged file is read again from
the distributions. The file is written beside its final name and moved there in one step.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import sys
import time
from functools import reduce
from importlib import import_module
from pathlib import Path
from typing import Any, NamedTuple

from checker.user_cache import cache_folder, write_whole

log = logging.getLogger(__name__)

GROUPS = ("checker.rules", "checker.formatters")  # the entry-point groups this program reads
FORMAT = 1  # of the kept file
SETTLED = 2.0  # seconds: a path modified more recently may still change within its clock tick
# importlib.metadata's reading of an entry point's value: module, attributes, extras
VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class EntryPoint(NamedTuple):
    """An entry point as importlib.metadata gives it: its name, value and group, and ``load``."""

    name: str
    value: str
    group: str

    def load(self) -> Any:
        """The object the value names, imported as importlib.metadata's ``EntryPoint.load`` does
        (so a broken plugin fails the same way)."""
        match = VALUE.match(self.value)
        module = import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return reduce(getattr, attrs, module)


def path_state(paths: list[str]) -> tuple[list, int]:
    """What would change the installed distributions: for each folder of the path, the metadata
    folders in it (``*.dist-info``, ``*.egg-info``; an egg's ``EGG-INFO``) and their times, for
    a file (a zip) its time; and the latest of these times (ns). A folder's own time is left out:
    any file made in it changes that (a report or a cache in the current folder, which
    ``python -m`` puts first on the path), and what it holds beside the metadata installs nothing."""
    state: list = []
    latest = 0
    for entry in paths:
        try:
            st = os.stat(entry or ".")
        except (OSError, ValueError):
            state.append([entry, None])
            continue
        if not stat.S_ISDIR(st.st_mode):
            state.append([entry, st.st_mtime_ns])
            latest = max(latest, st.st_mtime_ns)
            continue
        item: list = [entry]
        with os.scandir(entry or ".") as found:
            folders = sorted(d.path for d in found if is_metadata(entry, d.name))
        for folder in folders:
            times = [mtime(folder), mtime(os.path.join(folder, "entry_points.txt"))]
            latest = max(latest, *(t or 0 for t in times))
            item.append([os.path.basename(folder), *times])
        state.append(item)
    return state, latest


def is_metadata(entry: str, name: str) -> bool:
    """Whether a name in a folder of the path is a distribution's metadata, as importlib.metadata
    finds them."""
    return name.endswith((".dist-info", ".egg-info")) or (entry.endswith(".egg") and name.lower() == "egg-info")


def mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


class Installed:
    """The entry points of ``GROUPS`` and the versions asked for, of the distributions on
    ``sys.path`` as it is when made: read from the kept file when nothing changed, else from
    the distributions (and kept). Each use makes a fresh one (a millisecond): a test that puts
    a distribution on ``sys.path`` sees it."""

    def __init__(self, folder: Path | None = None) -> None:
        try:
            state, latest = path_state(list(sys.path))
            self.digest = hashlib.sha1(json.dumps([sys.version, state]).encode()).hexdigest()
            self.settled = latest < time.time_ns() - SETTLED * 1e9
        except OSError as e:  # a folder of sys.path that cannot be listed: nothing is kept
            log.debug("installed distributions not kept: %s", e)
            self.digest, self.settled = None, False
        self.path = (folder or cache_folder()) / f"installed-{FORMAT}-{self.digest}.json"
        self.kept = self.read() if self.digest else None
        self.data = self.kept or {"digest": self.digest, "groups": None, "versions": {}}

    def read(self) -> dict | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("digest") != self.digest or not isinstance(data.get("versions"), dict) \
                    or not isinstance(data.get("groups"), (dict, type(None))):
                return None
            return data
        except FileNotFoundError:  # not kept yet: nothing worth a line
            return None
        except (OSError, ValueError, AttributeError) as e:
            log.debug("%s: not read (%s)", self.path, e)
            return None

    def entry_points(self, group: str) -> list[EntryPoint]:
        """The entry points of a group, in the order importlib.metadata gives them."""
        if self.data["groups"] is None or group not in self.data["groups"]:
            from importlib.metadata import entry_points

            groups = GROUPS if group in GROUPS else (group,)
            found = {g: [[ep.name, ep.value] for ep in entry_points(group=g)] for g in groups}
            self.data["groups"] = {**(self.data["groups"] or {}), **found}
            self.keep()
        return [EntryPoint(name, value, group) for name, value in self.data["groups"][group]]

    def version(self, name: str) -> str | None:
        """The version of an installed distribution; None when it is not installed."""
        versions = self.data["versions"]
        if name not in versions:
            from importlib.metadata import PackageNotFoundError
            from importlib.metadata import version as read_version

            try:
                versions[name] = read_version(name)
            except PackageNotFoundError:
                versions[name] = None
            self.keep()
        return versions[name]

    def keep(self) -> None:
        """Write what is known, unless the distributions may still be changing or the folder
        cannot be written (then it is read again next time)."""
        if not self.settled:
            return
        try:
            write_whole(self.path, json.dumps(self.data).encode("utf-8"))
        except OSError as e:
            log.debug("%s: not kept (%s)", self.path, e)


# The command's own record: made once when it starts (``hold``), since the distributions do not
# change under one run, where each use would list the metadata folders again (2 to 5 ms each,
# four uses a run). A program that imports checker makes a fresh one at each use.
_held: Installed | None = None


def hold() -> Installed:
    """From now on in this process, one record of the installed distributions, as they are now
    (the command's process: see checker/__init__.py)."""
    global _held
    _held = Installed()
    return _held


def current() -> Installed:
    """The held record, else a fresh one of ``sys.path`` as it is now."""
    return _held if _held is not None else Installed()


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of a group (as ``importlib.metadata.entry_points(group=...)``), of the
    distributions on ``sys.path`` as it is now (as it was at the start of the command)."""
    return current().entry_points(group)


def version(name: str) -> str | None:
    """The version of an installed distribution, None when it is not installed."""
    return current().version(name)
