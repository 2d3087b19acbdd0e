"""The digest of the source and data files (``*.py``, ``*.toml``) of the engine and of the rules'
packages, which the claim cache's signature holds: read from a kept record while no file changed.

Reading and hashing the hundred files each run cost 15-20 ms (a tenth of the check of one small
article). The record, in the user cache folder (``sources-<folders>.kept``, written whole and
checked, see checker.user_cache), holds the digest with what each file was when it was hashed:
its path, size, modification and change times (ns), device and inode. A file edited, replaced,
added, removed, or restored with its old modification time (its change time still moves, and
no program can set that) changes this, and the files are hashed again. A record is kept only
when no file changed in the last seconds: a file written twice within one tick of the clock
would otherwise show the same times with other content.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from checker.user_cache import cache_folder, read_checked, write_checked

log = logging.getLogger(__name__)

SUFFIXES = (".py", ".toml")
SETTLED_NS = 2_000_000_000  # a file changed more recently may change again within its clock tick
MAGIC = b"newscheck sources 1\n"


def suffix(name: str) -> str:
    """A file name's suffix as pathlib gives it (none for ".py" itself or for "a.")."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def source_files(folder: Path) -> list[tuple[str, os.stat_result]]:
    """The ``*.py`` and ``*.toml`` files below a folder, by their paths relative to it, in the
    order of their parts, with their stats; as ``Path.rglob`` finds them: a file's symlink is
    followed, a folder's is not (so no loop)."""
    found: list[tuple[str, os.stat_result]] = []
    stack = [""]
    while stack:
        relative = stack.pop()
        try:
            with os.scandir(os.path.join(folder, relative)) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            name = os.path.join(relative, entry.name) if relative else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(name)
                    continue
                if suffix(entry.name) not in SUFFIXES:
                    continue
                info = entry.stat()
            except OSError:  # a dangling link: not a file
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((name, info))
    return sorted(found, key=lambda item: item[0].split(os.sep))


def hashed(folders: list[Path], files: dict[Path, list[tuple[str, os.stat_result]]]) -> str:
    """The digest of the files' names and contents, folder by folder."""
    h = hashlib.sha256()
    for folder in folders:
        for relative, _ in files[folder]:
            h.update(relative.encode())
            h.update((folder / relative).read_bytes())
    return h.hexdigest()


def sources_digest(folders: Iterable[Path]) -> str:
    """The digest of the source and data files below these folders: from the kept record when
    no file changed since it was kept, else hashed (and kept when the files have settled)."""
    ordered = sorted(set(folders))
    files = {folder: source_files(folder) for folder in ordered}
    state = [[str(folder), [[relative, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_dev, s.st_ino]
                            for relative, s in files[folder]]] for folder in ordered]
    stamp = hashlib.sha256(json.dumps(state).encode()).hexdigest()
    path = cache_folder() / f"sources-{hashlib.sha1(json.dumps([str(f) for f in ordered]).encode()).hexdigest()}.kept"
    try:
        kept = json.loads(read_checked(path, MAGIC, "kept source digests"))
        if kept["stamp"] == stamp:
            return kept["digest"]
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.debug("%s: not read (%s)", path, e)
    digest = hashed(ordered, files)
    latest = max((max(s.st_mtime_ns, s.st_ctime_ns) for f in ordered for _, s in files[f]), default=0)
    if latest < time.time_ns() - SETTLED_NS:
        try:
            write_checked(path, MAGIC, json.dumps({"stamp": stamp, "digest": digest}).encode())
        except OSError as e:
            log.debug("%s: not kept (%s)", path, e)
    return digest
