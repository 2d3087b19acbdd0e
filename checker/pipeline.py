"""The whole check as one call: load, extract, compare, report."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from checker.articles import Document, load
from checker.cache import ClaimCache, signature_of
from checker.confidence import DEFAULT_MIN_CONFIDENCE
from checker.conflicts import find_conflicts
from checker.matching import complete_keys
from checker.models import Article, Claim, Finding, Problem, Report
from checker.registry import Registry, RegistryError, default_registry
from checker.report import build_report
from checker.runner import DEFAULT_TIME_LIMIT, Extraction, extract_all, no_cycle_collection

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
    start_method: str | None = None  # of the worker processes (see extract_all); None: the platform's default
    baseline: str | None = None
    against: list[str] = field(default_factory=list)
    vocabulary: dict = field(default_factory=dict)
    min_confidence: float = DEFAULT_MIN_CONFIDENCE  # findings less sure than this are left out
    time_limit: float | None = DEFAULT_TIME_LIMIT  # seconds a rule may spend on one article (0 or None: no limit)
    config_file: str | None = None  # where rule_options and vocabulary come from, named in their errors
    cache: str | None = None  # the claim cache's folder (see checker.cache); None: extract every article


def build_rules(registry: Registry, options: RunOptions):
    """The selected rules, built with their options and the config's vocabulary extensions
    (RegistryError on bad options or a vocabulary table no data file has, naming the config file)."""
    chosen = registry.select(options.select, options.ignore)
    where = f"{options.config_file}: " if options.config_file else ""
    for word in options.rule_options:
        if registry.get(word) is None:
            raise RegistryError(f"{where}options given for unknown rule {word!r}")
    rules = []
    for rule in chosen:
        opts = options.rule_options.get(rule.code) or options.rule_options.get(rule.name)
        try:
            rules.append(registry.instantiate(rule, opts, options.vocabulary))
        except ValueError as e:  # RegistryError too: a [rules.*] or [vocabulary.*] table of the config
            raise RegistryError(f"{where}{e}") from None
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


def run_check(options: RunOptions, registry: Registry | None = None, timings: dict[str, float] | None = None) -> Report:
    """Run the whole check; problems of input and rules are in the report, never raised.

    With ``options.against`` the articles of ``options.paths`` are drafts checked against an
    archive (folders and files, or a claim index): only findings that involve a draft are kept.
    ``timings``, if given, receives the seconds each stage took (they are also logged).
    """
    registry = registry or default_registry(options.rules_dir)
    rules = build_rules(registry, options)
    cache = ClaimCache(options.cache, signature_of(rules, options.vocabulary)) if options.cache else None
    try:
        with no_cycle_collection():
            return _run_check(options, registry, rules, cache, Stopwatch(timings if timings is not None else {}))
    finally:
        if cache is not None:
            cache.close()


def _run_check(options: RunOptions, registry: Registry, rules, cache: ClaimCache | None, clock: Stopwatch) -> Report:
    schema = registry.schema()
    clock.lap("rules")
    loaded = load(options.paths, language=options.language, kept=cache)  # languages kept by the cache
    if not loaded.documents:  # "no findings" would read as "all agree"
        loaded.problems.append(Problem(message="no article was read: nothing was checked"))
    clock.lap("load")
    extraction = extract_cached(loaded.documents, rules, schema, options, cache)
    clock.lap("extract")
    articles = [d.article for d in loaded.documents]
    loaded.documents.clear()  # the texts are no longer needed: claims carry their sentences
    problems: list[Problem] = [*registry.problems, *loaded.problems, *extraction.problems,
                               *unread_languages(articles, rules)]
    if options.against:
        from checker.archive import against_archive  # imported here: only a draft check needs it

        articles, claims, findings = against_archive(articles, extraction.claims, options.against, rules, schema,
                                                     problems, options.language, options.time_limit)
    else:
        claims = complete_keys(extraction.claims, schema)
        clock.lap("match")
        memo = None
        if cache is not None:
            from checker.compare_memo import ComparisonMemo  # imported here: a run without the cache needs none of it

            memo = ComparisonMemo(cache, cache.signature, schema)
        findings = find_conflicts(claims, {a.id: a for a in articles}, schema, memo=memo)
    clock.lap("compare")
    sure = [f for f in findings if f.confidence >= options.min_confidence]
    unsure, findings = len(findings) - len(sure), sure
    hidden = 0
    if options.baseline:
        accepted = read_baseline(options.baseline)
        kept = [f for f in findings if f.id not in accepted]
        hidden = len(findings) - len(kept)
        findings = kept
    report = build_report(articles, claims, findings, problems, hidden, unsure, extraction.suppressed)
    clock.lap("report")
    log.debug("seconds per stage for %d articles: %s", len(articles),
              ", ".join(f"{stage} {seconds:.3f}" for stage, seconds in clock.laps.items()))
    return report


def extract_cached(documents: list[Document], rules, schema, options: RunOptions,
                   cache: ClaimCache | None) -> Extraction:
    """The claims of the documents, in article order: from the claim cache where an article and
    the rules are unchanged, else extracted (and cached)."""
    if cache is None:
        return extract_all(documents, rules, schema, jobs=options.jobs, start_method=options.start_method,
                           limit=options.time_limit)
    cached = cache.get(documents)
    fresh = [d for d in documents if d.article.id not in cached]
    extraction = extract_all(fresh, rules, schema, jobs=options.jobs, start_method=options.start_method,
                             limit=options.time_limit)
    cache.put(fresh, extraction.claims, extraction.problems)
    by_article: dict[str, list[Claim]] = {aid: list(claims) for aid, claims in cached.items()}
    for c in extraction.claims:
        by_article.setdefault(c.article, []).append(c)
    return Extraction([c for d in documents for c in by_article.get(d.article.id, ())], extraction.problems,
                      extraction.suppressed)


def unread_languages(articles: list[Article], rules) -> list[Problem]:
    """A problem for each article in a language no selected rule reads (front matter may name
    any language): it would pass unchecked."""
    read = {language for rule in rules for language in rule.languages}
    return [Problem(severity="warning", file=a.path,
                    message=f"language {a.language!r}: no selected rule reads it, not checked")
            for a in articles if a.language not in read]


class Stopwatch:
    """Seconds per stage of a run, each stage timed from the end of the one before."""

    def __init__(self, laps: dict[str, float]) -> None:
        self.laps = laps
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now
