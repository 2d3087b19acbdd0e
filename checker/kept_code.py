"""The byte code of the methods ``dataclasses`` writes and of the annotations ``typing`` reads,
kept between runs.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and the like and compiles it with ``exec``: the ninety-odd
dataclasses of the engine and the toolkit cost some 430 compilations, 60 to 180 ms of a small
check. ``typing`` compiles each annotation written as a string (every module here says ``from
__future__ import annotations``) when pydantic reads it: some 420 more. The code each source
compiles to is kept in one file of the user cache folder (``$XDG_CACHE_HOME/newscheck``, else
``~/.cache/newscheck``), named by the Python that made it; while kept, ``dataclasses`` and
``typing`` are given an ``exec`` and a ``compile`` that give the kept code of a source seen
before and compile any other as the built-ins would (with the future features of the module
itself), so every class and annotation is made as before. A file that is missing, damaged (a
SHA-1 of its content is in its header) or of another Python is left aside, and a folder that
cannot be written is too; the file is written beside its final name and moved there in one step.
"""
from __future__ import annotations

import __future__
import builtins
import hashlib
import logging
import marshal
import sys
from pathlib import Path
from types import CodeType

from checker.user_cache import cache_folder as user_cache_folder, read_checked, write_checked

log = logging.getLogger(__name__)

MAGIC = b"NCCODE1\n"
LIMIT = 4000  # sources kept at most
# The future features a module's code passes on to what it compiles with exec (not the old ones
# that are always on, whose flags mean other things in a code object's flags).
FUTURE = 0
for _feature in __future__.all_feature_names:
    if _feature not in ("nested_scopes", "generators"):
        FUTURE |= getattr(__future__, _feature).compiler_flag


def module_flags(module) -> int:
    """The future features a module's code passes on to what it compiles (those of its
    functions)."""
    function = next((f for f in vars(module).values()
                     if getattr(f, "__module__", None) == module.__name__ and hasattr(f, "__code__")), None)
    return function.__code__.co_flags & FUTURE if function else 0


def cache_file() -> Path:
    digest = hashlib.sha1(sys.version.encode()).hexdigest()[:12]
    return user_cache_folder() / f"code-{sys.implementation.cache_tag}-{digest}.marshal"


class KeptCode:
    """The code of the sources ``dataclasses`` and ``typing`` compile: ``install`` reads the kept
    file and hands each module an ``exec`` or ``compile`` that uses it, ``keep`` writes the
    sources compiled since. A source is kept under (mode, future flags, source)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.code: dict[tuple[str, int, str], CodeType] = {}
        self.used: set[tuple[str, int, str]] = set()
        self.new = 0
        self.modules: list = []

    def install(self, *modules) -> int:
        """Hand the modules (``dataclasses`` and ``typing``) the kept code; how many sources are
        kept."""
        if not modules:
            import dataclasses
            import typing

            modules = (dataclasses, typing)
        self.path = self.path or cache_file()
        try:
            self.code = self.read()
        except Exception as e:  # noqa: BLE001 - whatever it is, the sources are compiled as usual
            log.debug("kept code not read: %r", e)
        for module in modules:
            if "exec" in vars(module) or "compile" in vars(module):  # another hand put one there: left as it is
                continue
            flags = module_flags(module)
            module.exec = self.exec_with(flags)
            module.compile = self.compile_with(flags)
            self.modules.append(module)
        return len(self.code)

    def compiled(self, source: str, mode: str, flags: int) -> CodeType:
        """The code of a source, kept or compiled now (as the module with these future features
        would compile it)."""
        key = (mode, flags, source)
        code = self.code.get(key)
        if code is None:
            code = compile(source, "<string>", mode, flags, True)
            self.code[key] = code
            self.new += 1
        self.used.add(key)
        return code

    def exec_with(self, flags: int):
        def kept_exec(source, globals=None, locals=None, /):
            """``exec``, with the kept code of a source seen before."""
            if type(source) is str:
                source = self.compiled(source, "exec", flags)
            if globals is None:  # exec's own default: the caller's namespaces
                caller = sys._getframe(1)
                globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
            return builtins.exec(source, globals, locals)
        return kept_exec

    def compile_with(self, flags: int):
        def kept_compile(source, filename, mode, *more, **named):
            """``compile``, with the kept code of a source seen before."""
            if type(source) is str and filename == "<string>" and mode in ("exec", "eval") and not more and not named:
                return self.compiled(source, mode, flags)
            if not more and "dont_inherit" not in named:  # the future features of the module it stands for
                more = (flags, True)
            return builtins.compile(source, filename, mode, *more, **named)
        return kept_compile

    def read(self) -> dict[str, CodeType]:
        body = read_checked(self.path, MAGIC, "kept code")
        version, code = marshal.loads(body)
        if version != sys.version or not isinstance(code, dict) or not all(
                type(k) is tuple and len(k) == 3 and type(k[2]) is str and type(v) is CodeType for k, v in code.items()):
            raise ValueError(f"{self.path}: code of another Python")
        return code

    def keep(self) -> int:
        """Write the kept code when sources were compiled since (past ``LIMIT``, only the ones
        this run used); how many were new."""
        if not self.modules or not self.new:
            return 0
        code = self.code if len(self.code) <= LIMIT else {k: c for k, c in self.code.items() if k in self.used}
        try:
            body = marshal.dumps((sys.version, code))
            write_checked(self.path, MAGIC, body)
        except Exception as e:  # noqa: BLE001 - a cache: the run's result stands whatever happens here
            log.debug("kept code not written: %r", e)
            return 0
        new, self.new = self.new, 0
        return new

