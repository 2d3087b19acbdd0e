"""Indexing an archive: extract what changed, store it (checker.index), remove what is gone.

``check index ARCHIVE... --db PATH`` reads every article below the paths, hashes it, and
extracts only the articles whose bytes or rule versions differ from what the index holds; each
batch of articles is one transaction of the store.
"""
from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from checker.articles import DEFAULT_SUFFIXES, IdBook, article_id, discover, document_of, read_bytes, shown
from checker.conflicts import claim_periods
from checker.index import BATCH, ClaimIndex, IndexStats, StoredRows, failures_named, rows_of
from checker.keys import KeySchema
from checker.models import Problem
from checker.registry import Rule
from checker.runner import extract_document


def rules_signature(rules: Sequence[Rule]) -> str:
    """Which rules, in which versions and with which options, made an article's claims."""
    return ";".join(f"{r.code}={r.version}:{r.options.model_dump_json()}" for r in sorted(rules, key=lambda r: r.code))


@failures_named("update")
def update_index(index: ClaimIndex, paths: list[str], rules: Sequence[Rule], schema: KeySchema,
                 language: str | None = None, progress: Callable[[int, int], None] | None = None,
                 prune: bool = False, jobs: int = 1, start_method: str | None = None) -> IndexStats:
    """Make the index hold the articles below ``paths``, extracting only what changed (in
    ``jobs`` processes); ``schema`` (the rules' key schema) writes the claims' keys and cores.

    Articles that are gone are removed only from below ``paths`` and only where those could
    be read; more than MAX_REMOVED_SHARE of the index only with ``prune`` (see ``remove_gone``).
    """
    stats = IndexStats()
    files, stats.problems = discover(paths, DEFAULT_SUFFIXES)
    signature = rules_signature(rules)
    stored = index.stored()
    seen: set[str] = set()
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(files))

    def changed() -> Iterator[tuple]:
        """The articles to extract, as (path, name, bytes, id, sha256); the others are counted."""
        used = IdBook(aid for aid, _, _ in stored.values())
        for path in files:
            name = shown(path)
            seen.add(name)
            data = read_bytes(path, stats.problems)
            sha = hashlib.sha256(data).hexdigest() if data is not None else ""
            old = stored.get(name)
            if data is None or old and old[1] == sha and old[2] == signature:
                stats.unchanged += data is not None
                step()
                continue
            stats.changed += bool(old)
            stats.added += not old
            yield path, name, data, old[0] if old else article_id(path, used), sha

    pending: list[StoredRows] = []
    for rows, problems, extracted in extracted_rows(changed(), rules, schema, language, jobs, start_method):
        pending.append(rows)
        stats.problems.extend(problems)
        stats.claims += extracted
        step()
        if len(pending) >= BATCH:
            index.put_rows(pending, signature)
            pending = []
    index.put_rows(pending, signature)
    if not stats.added + stats.changed + stats.unchanged:
        stats.problems.append(Problem(message="no article was read: nothing was indexed"))
    index.remove_gone([p for p in stored if p not in seen], len(stored), paths, stats, prune)
    return stats


def extracted_rows(work: Iterator[tuple], rules: Sequence[Rule], schema: KeySchema, language: str | None,
                   jobs: int, start_method: str | None) -> Iterator[tuple[StoredRows, list[Problem], int]]:
    """Each article of ``work`` extracted, in order: here, or in ``jobs`` worker processes that
    are given the rules and the schema once, when they start, and send back compact rows."""
    if jobs <= 1:
        for job in work:
            yield index_one(*job, rules, schema, language)
        return
    context = multiprocessing.get_context(start_method) if start_method else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=start_worker,
                             initargs=(rules, schema, language)) as pool:
        yield from pool.map(index_in_worker, work, chunksize=16)


_worker: tuple | None = None  # a worker process's rules, schema and language, set once by start_worker


def start_worker(rules: Sequence[Rule], schema: KeySchema, language: str | None) -> None:
    global _worker
    _worker = (rules, schema, language)


def index_in_worker(job: tuple) -> tuple[StoredRows, list[Problem], int]:
    return index_one(*job, *_worker)


def index_one(path, name: str, data: bytes, aid: str, sha: str, rules: Sequence[Rule], schema: KeySchema,
              language: str | None) -> tuple[StoredRows, list[Problem], int]:
    """One article read and extracted: its rows for the index, its problems, its number of claims."""
    problems: list[Problem] = []
    doc = document_of(path, data, aid, language, problems)
    if doc is None:
        return (name, sha, None, []), problems, 0
    extraction = extract_document(doc, rules, schema)
    problems.extend(extraction.problems)
    periods = claim_periods(extraction.claims, {doc.article.id: doc.article}, schema)
    claims = [c if c.period is not None or periods.get(c.id) is None else c.model_copy(update={"period": periods[c.id]})
              for c in extraction.claims]
    return (name, sha, *rows_of(doc.article, claims, schema)), problems, len(extraction.claims)
