"""The byte code of the methods ``dataclasses`` writes, kept between runs.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and the like and compiles it with ``exec``: the ninety-odd
dataclasses of the engine and the toolkit cost some 430 compilations, 60 to 180 ms of a small
check. The code each source compiles to is kept in one file of the user cache folder
(``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``), named by the Python that made it;
while kept, ``dataclasses`` is given an ``exec`` that runs the kept code of a source it has
seen before and compiles any other as ``exec`` would (with the future features of
``dataclasses`` itself), so every class is built as before. A file that is missing, damaged (a
SHA-1 of its content is in its header) or of another Python is left aside, and a folder that
cannot be written is too; the file is written beside its final name and moved there in one step.
"""
from __future__ import annotations

import __future__
import builtins
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType

log = logging.getLogger(__name__)

MAGIC = b"NCCODE1\n"
LIMIT = 4000  # sources kept at most
# The future features a module's code passes on to what it compiles with exec (not the old ones
# that are always on, whose flags mean other things in a code object's flags).
FUTURE = 0
for _feature in __future__.all_feature_names:
    if _feature not in ("nested_scopes", "generators"):
        FUTURE |= getattr(__future__, _feature).compiler_flag


def cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    digest = hashlib.sha1(sys.version.encode()).hexdigest()[:12]
    return Path(base) / "newscheck" / f"code-{sys.implementation.cache_tag}-{digest}.marshal"


class KeptCode:
    """The code of the sources ``dataclasses`` compiles: ``install`` reads the kept file and
    hands ``dataclasses`` the ``exec`` that uses it, ``keep`` writes the sources compiled since."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.code: dict[str, CodeType] = {}
        self.used: set[str] = set()
        self.new = 0
        self.flags = 0  # the future features of the module whose exec this stands for
        self.module = None

    def install(self, module=None) -> int:
        """Hand ``module`` (``dataclasses``) the kept code; how many sources are kept."""
        import dataclasses

        module = module or dataclasses
        if "exec" in vars(module):  # another hand put one there: left as it is
            return 0
        function = next((f for f in vars(module).values() if getattr(f, "__module__", None) == module.__name__
                         and hasattr(f, "__code__")), None)
        self.flags = function.__code__.co_flags & FUTURE if function else 0
        self.path = self.path or cache_file()
        try:
            self.code = self.read()
        except Exception as e:  # noqa: BLE001 - whatever it is, the sources are compiled as usual
            log.debug("kept code not read: %r", e)
        module.exec = self.exec
        self.module = module
        return len(self.code)

    def exec(self, source, globals=None, locals=None, /):
        """``exec``, with the kept code of a source seen before."""
        if type(source) is str:
            code = self.code.get(source)
            if code is None:
                code = compile(source, "<string>", "exec", self.flags, True)
                self.code[source] = code
                self.new += 1
            self.used.add(source)
            source = code
        if globals is None:  # exec's own default: the caller's namespaces
            caller = sys._getframe(1)
            globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
        return builtins.exec(source, globals, locals)

    def read(self) -> dict[str, CodeType]:
        data = self.path.read_bytes()
        head, digest, body = data[:len(MAGIC)], data[len(MAGIC):len(MAGIC) + 20], data[len(MAGIC) + 20:]
        if head != MAGIC or hashlib.sha1(body).digest() != digest:
            raise ValueError(f"{self.path}: not a whole file of kept code")
        version, flags, code = marshal.loads(body)
        if version != sys.version or flags != self.flags or not isinstance(code, dict) \
                or not all(type(k) is str and type(v) is CodeType for k, v in code.items()):
            raise ValueError(f"{self.path}: code of another Python")
        return code

    def keep(self) -> int:
        """Write the kept code when sources were compiled since (past ``LIMIT``, only the ones
        this run used); how many were new."""
        if self.module is None or not self.new:
            return 0
        code = self.code if len(self.code) <= LIMIT else {s: c for s, c in self.code.items() if s in self.used}
        try:
            body = marshal.dumps((sys.version, self.flags, code))
            self.write(MAGIC + hashlib.sha1(body).digest() + body)
        except Exception as e:  # noqa: BLE001 - a cache: the run's result stands whatever happens here
            log.debug("kept code not written: %r", e)
            return 0
        new, self.new = self.new, 0
        return new

    def write(self, content: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, work = tempfile.mkstemp(dir=self.path.parent, prefix=".code-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
            os.replace(work, self.path)
        except BaseException:
            Path(work).unlink(missing_ok=True)
            raise
