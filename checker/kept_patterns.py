"""Compiled patterns kept between runs, so that a start does not parse them again.

The ``regex`` module parses a pattern in Python before its C engine builds it: the patterns the
rules compile (the number grammar, the date grammar, the word lists) cost some 90 ms at each
start. What the parsing produces is plain data, the arguments of ``_regex.compile`` that
``regex`` itself pickles a pattern as (``copyreg``). After a run, the patterns regex compiled
and cached (plain ``str`` patterns without named lists or locale) are kept in one file of the
user cache folder (``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``) named by the
regex version, its compiled module and Python's. The next start reads that file (a fraction of
a millisecond) and hands it to regex's own cache: a kept pattern that is compiled is built from
its data (some 20 microseconds) instead of parsed, so the code that compiles a pattern stays as
it is, and a pattern a run never compiles costs nothing. Past ``LIMIT`` patterns, the file
keeps those of the last run.

Everything is checked before it is used, and anything unexpected leaves regex as it is (the
patterns are compiled as usual): a file that is missing, damaged (a SHA-1 of its content is in
its header) or made for another regex, Python or default version; a regex whose cache is not
laid out as this module knows (a pattern compiled first is looked up where it must be); a
folder that cannot be written. The file is written beside its final name and moved there in one
step, so concurrent runs each read a whole file; the last to write wins.
"""
from __future__ import annotations

import copyreg
import hashlib
import logging
import marshal
import os
import sys
from pathlib import Path

import regex

from checker.user_cache import cache_folder as user_cache_folder, read_checked, write_checked

log = logging.getLogger(__name__)

MAGIC = b"NCPATTERNS1\n"
LIMIT = 400  # patterns kept at most; regex's cache holds 500
PROBE = r"(?:newscheck kept pattern probe)"


def cache_file() -> Path:
    """The file of this regex, its compiled module and this Python."""
    engine = getattr(getattr(regex, "_main", None), "_regex", None)  # the C module
    try:
        built = os.stat(engine.__file__)
        origin = f"{engine.__file__}:{built.st_size}:{built.st_mtime_ns}"
    except (AttributeError, OSError, TypeError):
        origin = "unknown"
    digest = hashlib.sha1(f"{origin}:{sys.version}".encode()).hexdigest()[:12]
    return user_cache_folder() / f"patterns-regex-{regex.__version__}-{sys.implementation.cache_tag}-{digest}.marshal"


class KeptCache(dict):
    """regex's cache of compiled patterns, which builds a kept pattern the first time it is looked
    up (a miss of regex's own: the pattern is then compiled as usual)."""

    def __init__(self, entries: dict, kept: dict, version, build) -> None:
        super().__init__(entries)
        self.kept, self.version, self.build = kept, version, build
        self.used: set[tuple[str, int]] = set()

    def __missing__(self, key):
        pattern, kind, flags, named, version, locale = key
        arguments = self.kept.get((pattern, flags)) if kind is str and not named and locale is None \
            and version == self.version else None
        if arguments is None:
            raise KeyError(key)
        try:
            compiled = self.build(*arguments)
        except Exception:  # noqa: BLE001 - data regex does not take: compiled as usual
            raise KeyError(key) from None
        if compiled.pattern != pattern:
            raise KeyError(key)
        self[key] = compiled
        self.used.add((pattern, int(flags)))
        return compiled


class Kept:
    """The patterns of the kept file, which regex's cache builds when they are compiled
    (``load``); ``keep`` writes the ones compiled since."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.entries: dict[tuple[str, int], tuple] = {}  # (pattern, flags) -> _regex.compile's arguments
        self.cache: KeptCache | None = None

    def layout(self):
        """regex's module of its cache, the default version and the pattern builder, when regex
        caches a plain pattern as this module knows; else None."""
        main = getattr(regex, "_main", None)
        reducer = copyreg.dispatch_table.get(getattr(regex, "Pattern", None))
        if main is None or reducer is None or not all(
                isinstance(getattr(main, name, None), dict) for name in ("_cache", "_named_args", "_locale_sensitive")):
            return None
        compiled = regex.compile(PROBE)
        version = regex.DEFAULT_VERSION
        key = (PROBE, str, 0, frozenset(), version, None)
        if main._cache.get(key) is not compiled or main._named_args.get((PROBE, str, 0)) != frozenset() \
                or main._locale_sensitive.get((str, PROBE)) is not False:
            return None
        build, arguments = reducer(compiled)
        if not callable(build) or not isinstance(arguments, tuple) or build(*arguments).pattern != PROBE:
            return None
        return main, version, build, reducer

    def load(self) -> int:
        """Make regex's cache build the kept patterns when they are compiled; how many are kept."""
        try:
            found = self.layout()
            if found is None:
                log.debug("kept patterns: regex %s does not cache patterns as expected", regex.__version__)
                return 0
            main, version, build, _ = found
            self.path = self.path or cache_file()
            self.cache = KeptCache(main._cache, {}, version, build)
            main._cache = self.cache
            self.entries = self.cache.kept = self.read(version)
        except Exception as e:  # noqa: BLE001 - whatever it is, the patterns are compiled as usual
            log.debug("kept patterns not read: %r", e)
            return 0
        for pattern, flags in self.entries:
            # what regex records of a pattern it compiled: no named lists, not sensitive to locale
            main._named_args[(pattern, str, flags)] = frozenset()
            main._locale_sensitive[(str, pattern)] = False
        return len(self.entries)

    def read(self, version) -> dict:
        """The kept entries (ValueError, EOFError or TypeError when the file is not whole or is
        not of this default version)."""
        body = read_checked(self.path, MAGIC, "kept patterns")
        kept_version, entries = marshal.loads(body)
        if kept_version != int(version) or not isinstance(entries, list):
            raise ValueError(f"{self.path}: patterns of another default version")
        found = {}
        for pattern, flags, arguments in entries:
            if not (isinstance(pattern, str) and isinstance(flags, int) and isinstance(arguments, tuple)):
                raise ValueError(f"{self.path}: not a kept pattern")
            found[pattern, flags] = arguments
        return found

    def compiled_since(self) -> dict[tuple[str, int], tuple]:
        """The plain patterns in regex's cache that are not kept yet, with their arguments."""
        found = self.layout()
        if found is None:
            return {}
        main, version, build, reducer = found
        new = {}
        for key, compiled in list(main._cache.items()):
            pattern, kind, flags, named, key_version, locale = key
            if kind is not str or named or locale is not None or key_version != version or pattern == PROBE \
                    or (pattern, int(flags)) in self.entries:
                continue
            rebuilt, arguments = reducer(compiled)
            try:
                marshal.dumps(arguments)
            except ValueError:  # not plain data: left to be compiled
                continue
            if rebuilt is build:
                new[pattern, int(flags)] = arguments
        return new

    def keep(self) -> int:
        """Write the kept patterns and those compiled since, when there are new ones (past
        ``LIMIT``, those this run compiled); how many were new."""
        if self.cache is None:
            return 0
        try:
            new = self.compiled_since()
            if not new:
                return 0
            entries = {**self.entries, **new}
            if len(entries) > LIMIT:
                entries = {**{k: self.entries[k] for k in self.cache.used}, **new}
                entries = dict(list(entries.items())[:LIMIT])
            body = marshal.dumps((int(regex.DEFAULT_VERSION), [(p, f, a) for (p, f), a in entries.items()]))
            write_checked(self.path, MAGIC, body)
            self.entries = self.cache.kept = entries
            return len(new)
        except Exception as e:  # noqa: BLE001 - a cache: the run's result stands whatever happens here
            log.debug("kept patterns not written: %r", e)
            return 0

