"""Rules and the registry that finds them.

A rule is a subclass of :class:`Rule` that declares its metadata and yields claims for one
article at a time. Built-in rules and third-party rules are found by the same code path: the
entry-point group ``checker.rules`` (the built-ins are declared there by this distribution) and
local folders of rule modules. A rule that fails to load is recorded as a problem of that rule.
"""
from __future__ import annotations

import importlib.util
import logging
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Callable, ClassVar

from checker.articles import Document
from checker.installed import entry_points
from checker.keys import KeyPart, KeySchema, KindSpec, SchemaError
from checker.models import ClaimDraft, Problem
from checker.records import Frozen, is_validation_error

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "checker.rules"
LOCAL_PACKAGE = "checker_local_rules"  # the package the modules of --rules-dir folders are loaded into


class Options(Frozen, kw_only=True):
    """Base of a rule's options: a record whose pydantic twin validates what a config gives and
    makes their JSON Schema (``docs/rules.md``); a rule may also declare a pydantic model."""


class NoOptions(Options, kw_only=True):
    pass


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``extract``.

    ``key_parts`` and ``kind_specs`` say what the parts of its keys and its kinds mean (see
    checker.keys); a kind without a spec is compared as a fact, a part without a declaration
    goes after the declared ones in a key and is never filled in by matching."""

    code: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    languages: ClassVar[tuple[str, ...]] = ("nl", "en")
    version: ClassVar[str] = "1"
    Options: ClassVar[type] = NoOptions
    key_parts: ClassVar[tuple[KeyPart, ...]] = ()
    kind_specs: ClassVar[tuple[KindSpec, ...]] = ()
    # What ``extract`` is handed: None for the article's Document, else a callable that makes
    # from the Document what the rule reads (such as the toolkit's Analysis). The engine calls
    # it once per article and hands the result to every rule that names the same callable.
    reads: ClassVar[Callable[[Document], Any] | None] = None

    def __init__(self, options: Any = None, vocabulary: dict | None = None) -> None:
        self.options = options if options is not None else self.Options()
        # The config's vocabulary extensions, {language: {table: {label: [forms]}}}: a rule that
        # reads vocabulary data adds them to it. A rule is picklable: worker processes receive it
        # as built here, extensions included.
        self.vocabulary = vocabulary or {}

    def extract(self, doc: Document) -> Iterable[ClaimDraft]:  # pragma: no cover - abstract
        """Yield the claims of one article (its Document, or what ``reads`` makes of it). A rule
        never sees other articles."""
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        return cls.description.strip().split("\n\n")[0].replace("\n", " ")


class RegistryError(ValueError):
    pass


class Registry:
    """The rules known to one run. Create a fresh one per run (and per test)."""

    def __init__(self) -> None:
        self._rules: dict[str, type[Rule]] = {}
        self.problems: list[Problem] = []

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, code_or_name: str) -> type[Rule] | None:
        for rule in self._rules.values():
            if code_or_name in (rule.code, rule.name):
                return rule
        return None

    def register(self, rule: type[Rule]) -> type[Rule]:
        """Add a rule class; duplicate codes or names, missing metadata and key parts or kinds
        declared otherwise than by the rules already held are rejected."""
        missing = [a for a in ("code", "name", "description", "kinds") if not getattr(rule, a, None)]
        if missing:
            raise RegistryError(f"rule {rule.__qualname__} lacks {', '.join(missing)}")
        strange = [k.name for k in rule.kind_specs if k.name not in rule.kinds]
        if strange:
            raise RegistryError(f"rule {rule.code} ({rule.name}) declares kinds it does not make: {', '.join(strange)}")
        for other in self._rules.values():
            if other is rule:
                return rule
            if other.code == rule.code or other.name == rule.name:
                raise RegistryError(
                    f"rule {rule.code} ({rule.name}) clashes with {other.code} ({other.name}) from {other.__module__}")
        try:
            schema_of([*self._rules.values(), rule])
        except SchemaError as e:
            raise RegistryError(str(e)) from None
        self._rules[rule.code] = rule
        return rule

    def schema(self) -> KeySchema:
        """The key schema of the rules held (what their key parts and kinds mean)."""
        return schema_of(self)

    def _register_from(self, obj: object, origin: str) -> int:
        """Register a rule class, or every rule class defined in a module."""
        if isinstance(obj, type) and issubclass(obj, Rule):
            classes = [obj]
        elif isinstance(obj, types.ModuleType):
            classes = [c for c in vars(obj).values()
                       if isinstance(c, type) and issubclass(c, Rule) and c is not Rule
                       and c.__module__ == obj.__name__ and getattr(c, "code", None)]
        else:
            raise RegistryError(f"{origin} is neither a rule class nor a module of rules")
        for c in classes:
            self.register(c)
        return len(classes)

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> None:
        """Load the rules of installed distributions, the built-in ones among them."""
        for ep in sorted(entry_points(group=group), key=lambda e: e.name):
            try:
                self._register_from(ep.load(), f"entry point {ep.name} ({ep.value})")
            except KeyboardInterrupt:
                raise
            except BaseException as e:  # noqa: BLE001 - a broken plugin (even one calling sys.exit) must not stop the run
                self.problems.append(Problem(rule=ep.name, message=f"rule failed to load from {ep.value}: {e!r}"))

    def load_folder(self, folder: str | Path) -> None:
        """Load every ``*.py`` module of a local folder and register the rules it defines."""
        folder = Path(folder)
        if not folder.is_dir():
            self.problems.append(Problem(file=str(folder), message="rules folder does not exist"))
            return
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            module_name = f"{LOCAL_PACKAGE}.{path.stem}"
            try:
                module = import_local_module(module_name, path)
                self._register_from(module, str(path))
            except KeyboardInterrupt:
                raise
            except BaseException as e:  # noqa: BLE001 - a plugin that fails to load, even by sys.exit, is its own error
                sys.modules.pop(module_name, None)
                self.problems.append(Problem(file=str(path), rule=path.stem, message=f"rule failed to load: {e!r}"))

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Rule]]:
        """The rules chosen by code or name; unknown codes or names are an error."""
        select, ignore = list(select), list(ignore)
        for word in select + ignore:
            if self.get(word) is None:
                raise RegistryError(f"unknown rule {word!r} (see --list-rules)")
        chosen = [r for r in self if not select or r.code in select or r.name in select]
        return [r for r in chosen if r.code not in ignore and r.name not in ignore]

    def instantiate(self, rule: type[Rule], options: dict | None, vocabulary: dict | None = None) -> Rule:
        """Build a rule with validated options and the config's vocabulary extensions; raises
        RegistryError naming the rule and key of a bad option, ValueError naming a vocabulary
        table the rule's data lacks."""
        try:  # validated by pydantic only when the config gives options
            validated = rule.Options.model_validate(options) if options else rule.Options()
        except ValueError as e:
            if not is_validation_error(e):
                raise
            details = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors())
            raise RegistryError(f"options of rule {rule.code} ({rule.name}): {details}") from None
        return rule(validated, vocabulary)


def import_local_module(module_name: str, path: str | Path):
    """Import a module of a --rules-dir folder as ``checker_local_rules.<name>``; the package is
    made first, so that pickle finds its rule classes again (--jobs)."""
    package = sys.modules.setdefault(LOCAL_PACKAGE, types.ModuleType(LOCAL_PACKAGE))
    package.__path__ = []
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    setattr(package, module_name.rsplit(".", 1)[1], module)
    return module


def local_modules(rules: Iterable[Rule]) -> list[tuple[str, str]]:
    """The (module, file) of the rules loaded from --rules-dir folders: what a worker process
    started afresh ("spawn") imports before it receives them."""
    names = sorted({type(r).__module__ for r in rules if type(r).__module__.startswith(LOCAL_PACKAGE + ".")})
    return [(name, sys.modules[name].__file__) for name in names]


def import_local_modules(modules: list[tuple[str, str]]) -> None:
    """In a worker process: the modules of local rules, unless it has them (forked) already."""
    for name, path in modules:
        if name not in sys.modules:
            import_local_module(name, path)


def schema_of(rules: Iterable[type[Rule]]) -> KeySchema:
    """The key schema the rules declare; SchemaError when two declare a part or kind differently."""
    return KeySchema.of((f"rule {r.code} ({r.name})", r.key_parts, r.kind_specs) for r in rules)


def default_registry(rule_dirs: Iterable[str | Path] = ()) -> Registry:
    """A registry with the installed rules and those of the given local folders."""
    registry = Registry()
    registry.load_entry_points()
    for folder in rule_dirs:
        registry.load_folder(folder)
    return registry
