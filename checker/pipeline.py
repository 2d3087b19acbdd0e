"""The whole check as one call: load, extract, compare, report."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from checker.articles import DEFAULT_SUFFIXES, load, shown
from checker.confidence import DEFAULT_MIN_CONFIDENCE
from checker.conflicts import find_conflicts
from checker.index import ClaimIndex, claim_core, is_index_file
from checker.keys import KeySchema
from checker.matching import (
    Group,
    complete_keys,
    filler_key,
    may_be_completed,
    shorter_keys,
)
from checker.models import Article, Claim, Finding, Problem, Report
from checker.registry import Registry, RegistryError, default_registry
from checker.report import build_report
from checker.runner import DEFAULT_TIME_LIMIT, extract_all, no_cycle_collection

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
    with no_cycle_collection():
        return _run_check(options, registry, timings)


def _run_check(options: RunOptions, registry: Registry | None, timings: dict[str, float] | None) -> Report:
    clock = Stopwatch(timings if timings is not None else {})
    registry = registry or default_registry(options.rules_dir)
    rules = build_rules(registry, options)
    schema = registry.schema()
    clock.lap("rules")
    loaded = load(options.paths, language=options.language)
    if not loaded.documents:  # "no findings" would read as "all agree"
        loaded.problems.append(Problem(message="no article was read: nothing was checked"))
    clock.lap("load")
    extraction = extract_all(loaded.documents, rules, schema, jobs=options.jobs,
                             start_method=options.start_method, limit=options.time_limit)
    clock.lap("extract")
    articles = [d.article for d in loaded.documents]
    loaded.documents.clear()  # the texts are no longer needed: claims carry their sentences
    problems: list[Problem] = [*registry.problems, *loaded.problems, *extraction.problems,
                               *unread_languages(articles, rules)]
    if options.against:
        articles, claims, findings = against_archive(articles, extraction.claims, options, rules, schema, problems)
    else:
        claims = complete_keys(extraction.claims, schema)
        clock.lap("match")
        findings = find_conflicts(claims, {a.id: a for a in articles}, schema)
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


def against_archive(drafts: list[Article], draft_claims: list[Claim], options: RunOptions, rules, schema: KeySchema,
                    problems: list[Problem]) -> tuple[list[Article], list[Claim], list[Finding]]:
    """Drafts against an archive: the archive's claims about what the drafts are about, compared.

    A folder archive is indexed into a private in-memory index first, so that a folder and an
    index of it give the same findings.
    """
    if len(options.against) == 1 and is_index_file(options.against[0]):
        index = ClaimIndex(options.against[0])
    else:
        index = ClaimIndex(":memory:")
        stats = index.update(archive_sources(options.against, problems), rules, schema, options.language,
                             limit=options.time_limit)
        problems.extend(stats.problems)
    with index:
        if index.count()[0] == 0:
            problems.append(Problem(file=", ".join(shown(p) for p in options.against),
                                    message="the archive holds no article: the drafts were checked against nothing"))
        elif index.being_built():
            problems.append(Problem(severity="warning", file=index.path, message=(
                f"check index is building this index (or was stopped before it ended): the drafts were checked "
                f"against the {index.count()[0]} articles it holds so far")))
        known = index.groups_of({claim_core(c, schema) for c in draft_claims if c.key})
        found = index.claims_about(keys_about(draft_claims, known, schema))
        same = index.ids_of_texts({a.sha256 for a in drafts})  # a draft already in the archive
        taken = {a.id for a in drafts}

        def own(aid: str) -> str:  # an archive id a draft already uses gets a prefix
            return f"archive:{aid}" if aid in taken else aid

        archive = [a.model_copy(update={"id": own(a.id)}) for a in index.articles_of(c.article for c in found)
                   if a.id not in same]
        archive_claims = [renamed(c, own(c.article)) for c in found if c.article not in same]
        known = [Group(g.key, g.parts, {own(a) for a in g.articles if a not in same}) for g in known]
    claims = complete_keys([*draft_claims, *archive_claims], schema, known)
    draft_ids = {c.id for c in draft_claims}
    wanted = {c.key for c in claims if c.id in draft_ids and c.key}
    wanted |= {d for c in claims if c.id in draft_ids and c.key and (d := schema.duration_key(c.kind, c.key))}
    # Every draft claim (their dates date their sentences); of the archive, what a draft is about
    # (an archive claim carries the period its article gives it).
    compared = [c for c in claims if c.id in draft_ids or c.key in wanted
                or c.key and schema.duration_key(c.kind, c.key) in wanted]
    findings = find_conflicts(compared, {a.id: a for a in [*drafts, *archive]}, schema)
    findings = [f for f in findings if draft_ids & set(f.claims)]
    involved = {cid for f in findings for cid in f.claims}
    claims = [c for c in claims if c.id in draft_ids or c.id in involved]
    used = {c.article for c in claims}
    return [*drafts, *(a for a in archive if a.id in used)], claims, findings


def keys_about(draft_claims: list[Claim], known: list[Group], schema: KeySchema) -> set[str]:
    """What drafts are about, to look up in an archive: their keys, the shorter keys that could be
    completed into them, the durations of their dated events and the events whose durations they
    state, and the keys their claims would be completed to among ``known`` (the archive's groups
    of the drafts' cores)."""
    keyed = [c for c in draft_claims if c.key]
    keys = {k for c in keyed for k in shorter_keys(c, schema)}
    keys |= {d for c in keyed if (d := schema.duration_key(c.kind, c.key))}
    keys |= {e for c in keyed for e in schema.event_keys(c.key)}
    everyone = [*known, *(Group(c.key, dict(c.key_parts), {c.article}) for c in keyed)]
    keys |= {k for c in keyed if may_be_completed(c, schema) and (k := filler_key(c, everyone, schema))}
    return keys


def archive_sources(paths: list[str], problems: list[Problem]) -> list[str]:
    """The folders and article files of an archive named with --against; a file that is neither
    an article nor a claim index (a mistyped index name, a CSV) is a problem, not an article."""
    kept = []
    for path in paths:
        if Path(path).is_file() and not path.lower().endswith(DEFAULT_SUFFIXES):
            problems.append(Problem(file=shown(path), message="neither a claim index (built by check index) nor "
                                    f"an article ({', '.join('*' + s for s in DEFAULT_SUFFIXES)}); not read"))
        else:
            kept.append(path)
    return kept


def renamed(claim: Claim, article: str) -> Claim:
    """A claim under another article id (an archive article whose id a draft already uses)."""
    if article == claim.article:
        return claim
    return claim.model_copy(update={"article": article, "id": article + claim.id[len(claim.article):]})
