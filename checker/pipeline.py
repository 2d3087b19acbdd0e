"""The whole check as one call: load, extract, compare, report."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from checker.articles import load
from checker.conflicts import find_conflicts
from checker.matching import complete_keys
from checker.models import Finding, Problem, Report
from checker.registry import Registry, RegistryError, default_registry
from checker.report import build_report
from checker.runner import extract_all

log = logging.getLogger(__name__)


@dataclass
class RunOptions:
    paths: list[str]
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules_dir: list[str] = field(default_factory=list)
    rule_options: dict[str, dict] = field(default_factory=dict)
    language: str | None = None
    jobs: int = 1
    baseline: str | None = None


def build_rules(registry: Registry, options: RunOptions):
    """The selected rules, instantiated with their options (RegistryError on bad options)."""
    chosen = registry.select(options.select, options.ignore)
    for word in options.rule_options:
        if registry.get(word) is None:
            raise RegistryError(f"options given for unknown rule {word!r}")
    rules = []
    for rule in chosen:
        opts = options.rule_options.get(rule.code) or options.rule_options.get(rule.name)
        rules.append(registry.instantiate(rule, opts))
    return rules


def read_baseline(path: str) -> set[str]:
    """The finding ids recorded by --write-baseline."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {f["id"] for f in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise RegistryError(f"{path}: not a baseline file written by --write-baseline ({e})") from None


def baseline_json(findings: list[Finding]) -> str:
    rows = [{"id": f.id, "status": f.status, "key": f.key, "reason": f.reason} for f in findings]
    return json.dumps({"findings": rows}, ensure_ascii=False, indent=2) + "\n"


def run_check(options: RunOptions, registry: Registry | None = None) -> Report:
    """Run the whole check; problems of input and rules are in the report, never raised."""
    registry = registry or default_registry(options.rules_dir)
    rules = build_rules(registry, options)
    loaded = load(options.paths, language=options.language)
    extraction = extract_all(loaded.documents, rules, jobs=options.jobs)
    articles = [d.article for d in loaded.documents]
    loaded.documents.clear()  # the texts are no longer needed: claims carry their sentences
    claims = complete_keys(extraction.claims)
    findings = find_conflicts(claims, {a.id: a for a in articles})
    hidden = 0
    if options.baseline:
        accepted = read_baseline(options.baseline)
        kept = [f for f in findings if f.id not in accepted]
        hidden = len(findings) - len(kept)
        findings = kept
    problems: list[Problem] = [*registry.problems, *loaded.problems, *extraction.problems]
    return build_report(articles, claims, findings, problems, hidden)
