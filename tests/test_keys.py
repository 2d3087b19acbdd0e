"""The key schema: read from what the rules declare, and refused when they declare one thing twice."""
from __future__ import annotations

import pytest

from checker.keys import KeyPart, KeySchema, KindSpec, SchemaError
from checker.registry import Registry, RegistryError, Rule, default_registry

WHERE = KeyPart("where", order=20, mark="at-", open=True, specific=True, article_place=True)
WHAT = KeyPart("what", order=10)
WHOSE = KeyPart("whose", order=30, open=True)


def rule(code: str, parts: tuple = (), specs: tuple = (), kinds: tuple = ("count",)) -> type[Rule]:
    return type(f"Rule{code}", (Rule,), {"code": code, "name": code.lower(), "description": "A rule.",
                                         "kinds": kinds, "key_parts": parts, "kind_specs": specs})


def test_the_built_in_rules_declare_the_key_order_and_meanings(registry):
    schema = registry.schema()
    assert schema.make_key("quantity", {"unit": "euro", "place": "ukraine", "concept": "aid", "actor": "eu",
                                        "zz": "last", "event": "summit"}) == "quantity:summit/aid/eu/in-ukraine/euro/last"
    assert schema.open_parts == {"actor", "place"}
    assert schema.specific_parts == {"place", "qualifier", "event"}
    assert schema.kind("quantity").mark == "q" and schema.kind("date").dates
    assert schema.kind("name").compared_as == "spelling" and schema.kind("place").compared_as == "recurring"
    assert schema.duration_key("date", "date:exercise/russia") == "quantity:exercise/russia/day"
    assert schema.event_keys("quantity:exercise/russia/day") == {"date:exercise/russia"}
    assert schema.duration_key("quantity", "quantity:troops/russia") is None


def test_a_plugin_declares_its_own_parts_and_kinds():
    registry = Registry()
    registry.register(rule("Z001", (WHAT, WHERE, WHOSE), (KindSpec("count", mark="c", compared_as="recurring"),)))
    schema = registry.schema()
    assert schema.make_key("count", {"whose": "x", "where": "y", "what": "z", "other": "w"}) == "count:z/at-y/x/w"
    assert schema.open_parts == {"where", "whose"} and schema.article_place_part == "where"
    assert schema.fills({"what": "z", "where": "y"}, {"what": "z"})
    assert not schema.fills({"what": "z", "other": "w"}, {"what": "z"})
    assert schema.core({"what": "z", "where": "y"}) == (("what", "z"),)
    assert schema.kind("count").mark == "c" and schema.kind("unknown").mark == "u"


def test_a_part_declared_alike_by_two_rules_is_one_part():
    registry = Registry()
    registry.register(rule("Z001", (WHAT, WHERE)))
    registry.register(rule("Z002", (WHERE,), kinds=("other",)))
    assert registry.schema().parts["where"] == WHERE


def test_a_part_declared_differently_is_refused_naming_both_rules():
    registry = Registry()
    registry.register(rule("Z001", (WHERE,)))
    with pytest.raises(RegistryError, match=r"rule Z002 \(z002\) declares the key part 'where'.*rule Z001 \(z001\)"):
        registry.register(rule("Z002", (KeyPart("where", order=20),), kinds=("other",)))
    assert [r.code for r in registry] == ["Z001"]


def test_a_kind_declared_differently_is_refused():
    registry = Registry()
    registry.register(rule("Z001", specs=(KindSpec("count", mark="c"),)))
    with pytest.raises(RegistryError, match="declares the kind 'count'"):
        registry.register(rule("Z002", specs=(KindSpec("count", mark="k"),)))


def test_a_spec_of_a_kind_the_rule_does_not_make_is_refused():
    with pytest.raises(RegistryError, match="declares kinds it does not make: other"):
        Registry().register(rule("Z001", specs=(KindSpec("other", mark="o"),)))


def test_two_parts_may_not_both_take_the_articles_place():
    with pytest.raises(SchemaError, match="one may"):
        KeySchema.of([("a", (WHERE, KeyPart("there", order=5, article_place=True)), ())])


def test_a_plugin_that_clashes_is_a_problem_of_that_plugin_and_the_run_goes_on(tmp_path):
    (tmp_path / "clash.py").write_text(
        "from checker.keys import KeyPart\nfrom checker.registry import Rule\n\n"
        "class Clash(Rule):\n    code, name, description, kinds = 'Z009', 'clash', 'A clash.', ('count',)\n"
        "    key_parts = (KeyPart('place', order=1),)\n\n    def extract(self, doc):\n        return []\n",
        encoding="utf-8")
    registry = default_registry([tmp_path])
    assert registry.get("clash") is None and registry.get("quantities") is not None
    assert any("declares the key part 'place'" in p.message for p in registry.problems)
