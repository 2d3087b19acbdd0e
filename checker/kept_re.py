"""Patterns of the standard ``re`` module kept compiled between runs.

The standard library and the engine compile some sixty ``re`` patterns at each start (``platform``
for ``uuid``, ``logging``, ``json``, ``argparse``, the rules' own; ``tomllib`` when a file is
parsed): 10-20 ms of parsing in Python. ``re`` compiles a pattern in two steps: ``_parser`` and ``_compiler`` (Python) make the
arguments of ``_sre.compile`` (C) from the pattern, plain data (the pattern, its flags, a list of
ints, its groups). ``install`` hands ``re._compiler`` a ``compile`` that builds a kept pattern
from its arguments and keeps those of a pattern it compiles; ``keep`` writes them, after a run,
to one file of the user cache folder named by this Python (``$XDG_CACHE_HOME/newscheck``).

A pattern built so is the pattern ``re`` builds (patterns compare by their code: ``install``
checks a probe both ways and leaves ``re`` as it is when they differ, as on a Python whose
``re`` is laid out otherwise). A file that is missing, damaged (a SHA-1 of its content is in its
header) or of another Python is left aside; a folder that cannot be written keeps nothing. The
file is written beside its final name and moved there in one step; the last run to write wins.
"""
from __future__ import annotations

import hashlib
import marshal
import re
import sys
from pathlib import Path

from checker.user_cache import cache_folder, read_checked, write_checked

MAGIC = b"NCRE1\n"
LIMIT = 1000  # patterns kept at most
PROBE = r"(?P<kept>newscheck) (?:kept|re)+ probe\b\d{2,}"
DEBUG = 128  # re.DEBUG: such a pattern is printed when compiled, never kept


def cache_file() -> Path:
    digest = hashlib.sha1(sys.version.encode()).hexdigest()[:12]
    return cache_folder() / f"re-{sys.implementation.cache_tag}-{digest}.marshal"


class KeptRe:
    """The arguments of ``_sre.compile`` of the patterns compiled before, by (pattern, flags)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.kept: dict[tuple, tuple] = {}
        self.new = 0
        self.original = None

    def install(self) -> int:
        """Hand ``re`` the kept patterns; how many are kept (0 when ``re`` is not as expected)."""
        compiler = getattr(re, "_compiler", None)
        if compiler is None or self.original is not None or not all(
                hasattr(compiler, name) for name in ("compile", "_code", "_parser", "_sre")):
            return 0
        self.original = compiler.compile
        try:
            if self.arguments(PROBE, 0) is None or compiler._sre.compile(*self.arguments(PROBE, 0)) != \
                    self.original(PROBE, 0):
                self.original = None
                return 0
        except Exception:  # noqa: BLE001 - an re laid out otherwise: patterns are compiled as usual
            self.original = None
            return 0
        self.path = self.path or cache_file()
        try:
            self.kept = self.read()
        except (OSError, ValueError, EOFError, TypeError):
            self.kept = {}
        compiler.compile = self.compile
        return len(self.kept)

    def arguments(self, pattern: str | bytes, flags: int) -> tuple | None:
        """The arguments of ``_sre.compile`` for a pattern, made as ``re._compiler.compile``
        makes them."""
        compiler = re._compiler
        parsed = compiler._parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        # the opcodes are named ints: plain ones marshal (and _sre reads the same numbers)
        return (pattern, int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1),
                dict(groupindex), tuple(indexgroup))

    def compile(self, p, flags=0):
        """``re._compiler.compile``, building a kept pattern from its arguments."""
        if type(p) not in (str, bytes) or type(flags) is not int or flags & DEBUG:
            return self.original(p, flags)
        key = (p, flags)
        arguments = self.kept.get(key)
        if arguments is None:
            arguments = self.kept[key] = self.arguments(p, flags)
            self.new += 1
        return re._compiler._sre.compile(*arguments)

    def read(self) -> dict[tuple, tuple]:
        body = read_checked(self.path, MAGIC, "kept patterns")
        version, entries = marshal.loads(body)
        if version != sys.version or type(entries) is not dict:
            raise ValueError(f"{self.path}: patterns of another Python")
        return entries

    def keep(self) -> int:
        """Write the kept patterns when new ones were compiled (past ``LIMIT``, the file starts
        again with this run's); how many were new."""
        if self.original is None or not self.new:
            return 0
        entries = self.kept if len(self.kept) <= LIMIT else dict(list(self.kept.items())[-LIMIT:])
        try:
            body = marshal.dumps((sys.version, entries))
            write_checked(self.path, MAGIC, body)
        except (OSError, ValueError):  # a folder that cannot be written: compiled again next time
            return 0
        new, self.new = self.new, 0
        return new
