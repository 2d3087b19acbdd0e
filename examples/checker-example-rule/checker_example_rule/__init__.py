"""X001 member-states: an example third-party rule.

It finds "<number> lidstaten" / "<number> member states" and keys every such claim to the one
fact "how many members NATO has", so that articles giving different counts make a finding.
Installed as a distribution, it is found through the ``checker.rules`` entry-point group; its
formatter ``count`` through ``checker.formatters``.
"""
from __future__ import annotations

import regex
from pydantic import BaseModel, ConfigDict

from checker.formatters import Formatter
from checker.keys import KindSpec
from checker.models import ClaimDraft, QuantityValue
from checker.registry import Rule
from checker.rules.toolkit.numbers import word_value
from checker.rules.toolkit import key_parts as part

PATTERN = regex.compile(r"(?<![\p{L}\p{N}])(\d+|\p{L}+)\s+(?:NAVO-|Navo-|NATO\s+)?(?:lidstaten|member\s+states|bondgenoten)\b")


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    organisation: str = "nato"


class MemberStatesRule(Rule):
    code = "X001"
    name = "member-states"
    description = """How many member states an alliance has.

    "onze dertig lidstaten" -> member-states/nato = 30."""
    kinds = ("members",)
    # What its keys are made of, declared as the built-in rules declare these parts; a figure
    # compared as a fact of one moment.
    key_parts = (part.CONCEPT, part.ORGANISATION)
    kind_specs = (KindSpec("members", mark="m"),)
    Options = Options

    def extract(self, doc):
        for m in PATTERN.finditer(doc.scan_text):
            token = m.group(1)
            value = float(token) if token.isdigit() else word_value(token, doc.article.language)
            if value is None:
                continue
            yield ClaimDraft(kind="members", start=m.start(1), end=m.end(1),
                             value=QuantityValue(low=value, high=value),
                             key_parts={"concept": "member-states", "organisation": self.options.organisation})


class CountFormatter(Formatter):
    """An example third-party formatter: the number of findings of each status, one a line."""

    name = "count"

    def render(self, report):
        counts = {}
        for finding in report.conflicts:
            counts[finding.status] = counts.get(finding.status, 0) + 1
        return "".join(f"{status} {n}\n" for status, n in sorted(counts.items()))
