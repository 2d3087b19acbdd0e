"""Indexing an archive: extract what changed, store it (checker.index), remove what is gone.

``check index ARCHIVE... --db PATH`` reads every article below the paths, hashes it, and
extracts only the articles whose bytes or rule versions differ from what the index holds; each
batch of articles is one transaction of the store.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from checker.articles import DEFAULT_SUFFIXES, IdBook, article_id, discover, document_of, read_bytes, shown
from checker.conflicts import claim_periods
from checker.index import BATCH, ClaimIndex, IndexStats, failures_named
from checker.keys import KeySchema
from checker.models import Article, Claim, Problem
from checker.registry import Rule
from checker.runner import extract_document


def rules_signature(rules: Sequence[Rule]) -> str:
    """Which rules, in which versions and with which options, made an article's claims."""
    return ";".join(f"{r.code}={r.version}:{r.options.model_dump_json()}" for r in sorted(rules, key=lambda r: r.code))


@failures_named("update")
def update_index(index: ClaimIndex, paths: list[str], rules: Sequence[Rule], schema: KeySchema,
                 language: str | None = None, progress: Callable[[int, int], None] | None = None,
                 prune: bool = False) -> IndexStats:
    """Make the index hold the articles below ``paths``, extracting only what changed;
    ``schema`` (the rules' key schema) writes the claims' keys and cores.

    Articles that are gone are removed only from below ``paths`` and only where those could
    be read; more than MAX_REMOVED_SHARE of the index only with ``prune`` (see ``remove_gone``).
    """
    stats = IndexStats()
    files, stats.problems = discover(paths, DEFAULT_SUFFIXES)
    signature = rules_signature(rules)
    stored = index.stored()
    used = IdBook(aid for aid, _, _ in stored.values())
    seen: set[str] = set()
    pending: list[tuple[str, Article | None, list[Claim], str]] = []
    for n, path in enumerate(files, start=1):
        name = shown(path)
        seen.add(name)
        data = read_bytes(path, stats.problems)
        if data is not None:
            sha = hashlib.sha256(data).hexdigest()
            old = stored.get(name)
            if old and old[1] == sha and old[2] == signature:
                stats.unchanged += 1
            else:
                aid = old[0] if old else article_id(path, used)
                doc = document_of(path, data, aid, language, stats.problems)
                claims = claims_of(doc, rules, schema, stats) if doc else []
                pending.append((name, doc.article if doc else None, claims, sha))
                stats.changed += bool(old)
                stats.added += not old
        if len(pending) >= BATCH:
            index.put(pending, signature, schema)
            pending = []
        if progress:
            progress(n, len(files))
    index.put(pending, signature, schema)
    if not stats.added + stats.changed + stats.unchanged:
        stats.problems.append(Problem(message="no article was read: nothing was indexed"))
    index.remove_gone([p for p in stored if p not in seen], len(stored), paths, stats, prune)
    return stats


def claims_of(doc, rules: Sequence[Rule], schema: KeySchema, stats: IndexStats) -> list[Claim]:
    """An article's claims, each with the period its article gives it (which needs the whole article)."""
    extraction = extract_document(doc, rules, schema)
    stats.problems.extend(extraction.problems)
    stats.claims += len(extraction.claims)
    periods = claim_periods(extraction.claims, {doc.article.id: doc.article}, schema)
    return [c if c.period is not None or periods.get(c.id) is None else c.model_copy(update={"period": periods[c.id]})
            for c in extraction.claims]
