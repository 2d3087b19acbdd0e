"""House rules of the engine: it imports and names no rule. The kinds and key parts of the
built-in rules are theirs to declare (see checker.keys); the engine reads them from the
registry's schema, and rules get the config's vocabulary when the registry builds them."""
from __future__ import annotations

import ast
from pathlib import Path

import checker

ENGINE = Path(checker.__file__).parent

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
