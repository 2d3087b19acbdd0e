"""The key parts of the built-in rules, declared once: rules that share a part declare it alike.

A plugin that keys its claims by the same things (where, whose, at what event) may use these
parts too; its keys then complete and compare with those of the built-in rules.
"""
from __future__ import annotations

from checker.keys import KeyPart, KindSpec  # KindSpec: how a kind compares, for rules to declare

EVENT = KeyPart("event", order=10, specific=True)  # a summit, an exercise: "de top in Madrid"
CONCEPT = KeyPart("concept", order=20, tells=False)  # what is counted: troops, aircraft, people
PREDICATE = KeyPart("predicate", order=30)  # what happened to the people counted: died, fled
ACTOR = KeyPart("actor", order=40, open=True)  # whose: Russia, NATO
# Where. Marked, for "troops/russia" is Russia's troops and "troops/in-russia" troops in Russia.
PLACE = KeyPart("place", order=50, mark="in-", open=True, specific=True, article_place=True, tells=False)
QUALIFIER = KeyPart("qualifier", order=60, specific=True)  # "extra", "per dag": changes what is counted
UNIT = KeyPart("unit", order=70)  # euro, day
YEAR = KeyPart("year", order=80)
PERSON = KeyPart("person", order=90)  # a surname's skeleton
OFFICE = KeyPart("office", order=100)
ORGANISATION = KeyPart("organisation", order=110)

__all__ = ["ACTOR", "CONCEPT", "EVENT", "OFFICE", "ORGANISATION", "PERSON", "PLACE", "PREDICATE", "QUALIFIER",
           "UNIT", "YEAR", "KeyPart", "KindSpec"]
