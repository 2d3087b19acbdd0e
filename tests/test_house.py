"""House rules: the engine imports and names no rule; rules import only the models, the Rule
base and the toolkit; no module over 500 lines, no function over 60. The kinds and key parts of
the built-in rules are theirs to declare (see checker.keys); the engine reads them from the
registry's schema, and rules get the config's vocabulary when the registry builds them."""
from __future__ import annotations

import ast
from pathlib import Path

import checker

from conftest import ROOT

ENGINE = Path(checker.__file__).parent
RULES = ROOT / "rules"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

# Functions allowed over MAX_FUNCTION_LINES, each with the reason; (path from the repository
# root, qualified name). Each is another piece of work's to shorten, not a licence to grow.
LONG_FUNCTIONS: set[tuple[str, str]] = set()

# Words that are also a kind or key part of a built-in rule, where the engine means something
# else by them. Each is (module, word) with the reason.
ALLOWED = {
    ("articles.py", "date"),  # the front-matter field "date:" of an article file
    ("articles.py", "year"),  # the field Article.year, not the key part
    ("registry.py", "name"),  # the metadata attribute Rule.name
    ("cli.py", "name"),  # the column of --list-rules that shows Rule.name
    ("formatters/tables.py", "date"),  # the column of an article's date in the table report
}


def engine_modules() -> list[Path]:
    return sorted(ENGINE.rglob("*.py"))


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the constants that are docstrings (prose, not logic)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def test_the_engine_imports_no_rule_module():
    """Only the registry loads rules, through entry points and folders, never by import."""
    found = []
    for path in engine_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                names = [base, *(f"{base}.{a.name}" for a in node.names)]
            else:
                continue
            if any(n == "checker.rules" or n.startswith(("checker.rules.", ".rules")) for n in names):
                found.append(f"checker/{path.relative_to(ENGINE).as_posix()}:{node.lineno}")
    assert not found, "the engine imports rule modules:\n" + "\n".join(found)


def test_the_engine_names_no_kind_or_part_of_a_built_in_rule(registry):
    builtin = [r for r in registry if r.__module__.startswith("checker.rules.")]
    names = {k for r in builtin for k in r.kinds} | {p.name for r in builtin for p in r.key_parts}
    assert {"quantity", "date", "name", "place", "actor", "concept", "event", "qualifier"} <= names
    found = []
    for path in engine_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose \
                    and node.value in names:
                where = path.relative_to(ENGINE).as_posix()
                if (where, node.value) not in ALLOWED:
                    found.append(f"checker/{where}:{node.lineno}: {node.value!r}")
    assert not found, "the engine names kinds or key parts of built-in rules:\n" + "\n".join(found)


def house_modules() -> list[Path]:
    """The modules of the engine and of the rules with their toolkit."""
    return sorted([*ENGINE.rglob("*.py"), *RULES.rglob("*.py")])


def functions_of(tree: ast.AST, prefix: str = "") -> list[tuple[str, ast.AST]]:
    """(qualified name, node) of every function and method, nested ones included."""
    out = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append((prefix + node.name, node))
            out += functions_of(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            out += functions_of(node, f"{prefix}{node.name}.")
        else:
            out += functions_of(node, prefix)
    return out


def test_no_module_over_500_lines_and_no_function_over_60():
    found = []
    for path in house_modules():
        where = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{where}: {lines} lines")
        for name, node in functions_of(ast.parse(source)):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES and (where, name) not in LONG_FUNCTIONS:
                found.append(f"{where}:{node.lineno} {name}: {length} lines")
    assert not found, "too long (modules at most 500 lines, functions 60):\n" + "\n".join(found)


def test_the_size_check_sees_methods_and_nested_functions():
    tree = ast.parse("class A:\n    def f(self):\n        def g():\n            pass\n")
    assert [name for name, _ in functions_of(tree)] == ["A.f", "A.f.g"]


# What a rule module may import of this distribution: the models, the Rule base and the
# toolkit; a rule package also its own modules.
RULE_IMPORTS = ("checker.models", "checker.registry", "checker.rules.toolkit")


def rule_modules() -> list[Path]:
    return sorted(p for p in RULES.rglob("*.py") if "toolkit" not in p.relative_to(RULES).parts)


def imported(node: ast.AST, package: str) -> list[str]:
    """The modules an import statement names, relative ones resolved against ``package``."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = package.rsplit(".", node.level - 1)[0] if node.level else ""
    module = ".".join(p for p in (base, node.module or "") if p)
    return [module]


def test_rules_import_only_the_models_the_rule_base_and_the_toolkit():
    """A rule never imports another rule, nor the engine beyond the models and the registry:
    what rules share is the toolkit's (roles and names share the names of people through it)."""
    found = []
    for path in rule_modules():
        parts = path.relative_to(RULES).with_suffix("").parts
        own = "checker.rules." + parts[0] if len(parts) > 1 else None  # a rule package: its own modules
        package = "checker.rules" + (f".{parts[0]}" if len(parts) > 1 else "")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in imported(node, package):
                if not name.startswith("checker") or own and (name == own or name.startswith(own + ".")):
                    continue
                if not any(name == a or name.startswith(a + ".") for a in RULE_IMPORTS):
                    found.append(f"rules/{path.relative_to(RULES).as_posix()}:{node.lineno}: {name}")
    assert not found, "rules import beyond the models, the Rule base and the toolkit:\n" + "\n".join(found)


def test_the_import_check_reads_relative_imports():
    tree = ast.parse("from . import names\nfrom .toolkit import lexicon\nfrom .. import articles\n")
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert [imported(n, "checker.rules")[0] for n in nodes] == ["checker.rules", "checker.rules.toolkit", "checker"]
