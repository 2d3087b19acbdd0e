"""Indexing an archive: extract what changed, store it (checker.index), remove what is gone.

``check index ARCHIVE... --db PATH`` reads every article below the paths, hashes it, and
extracts only the articles whose bytes or rule versions differ from what the index holds; each
batch of articles is one transaction of the store.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence

from checker.articles import DEFAULT_SUFFIXES, IdBook, article_id, discover, document_of, read_bytes, shown
from checker.conflicts import claim_periods
from checker.index import BATCH, ClaimIndex, IndexStats, StoredRows, failures_named, rows_of
from checker.keys import KeySchema
from checker.models import Problem
from checker.registry import Rule
from checker.runner import DEFAULT_TIME_LIMIT, extract_document
from checker.workers import Setup, Workers

MAX_REMOVED_SHARE = 0.5  # removing more of the index in one run needs --prune: a typo must not empty it


def rules_signature(rules: Sequence[Rule]) -> str:
    """Which rules, in which versions and with which options, made an article's claims."""
    return ";".join(f"{r.code}={r.version}:{r.options.model_dump_json()}" for r in sorted(rules, key=lambda r: r.code))


@failures_named("update")
def update_index(index: ClaimIndex, paths: list[str], rules: Sequence[Rule], schema: KeySchema,
                 language: str | None = None, progress: Callable[[int, int], None] | None = None,
                 prune: bool = False, jobs: int = 1, start_method: str | None = None,
                 limit: float | None = DEFAULT_TIME_LIMIT) -> IndexStats:
    """Make the index hold the articles below ``paths``, extracting only what changed (in
    ``jobs`` processes); ``schema`` (the rules' key schema) writes the claims' keys and cores.
    A rule may spend ``limit`` seconds on one article.

    Articles that are gone are removed only from below ``paths`` and only where those could
    be read; more than MAX_REMOVED_SHARE of the index only with ``prune`` (see ``remove_gone``).
    """
    stats = IndexStats()
    files, stats.problems = discover(paths, DEFAULT_SUFFIXES)
    signature = rules_signature(rules)
    # Known by the real path, so that ./archive, archive/, its absolute path or a symlink to
    # it find the same rows: nothing is extracted again and article ids stay.
    stored = {real_path(path): (aid, sha, sig, path) for path, (aid, sha, sig) in index.stored().items()}
    seen: set[str] = set()
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(files))

    def changed() -> Iterator[tuple]:
        """The articles to extract, as (path, name, bytes, id, sha256); the others are counted."""
        used = IdBook(aid for aid, _, _, _ in stored.values())
        for path in files:
            name = real_path(path)
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
            yield path, name, data, old[0] if old else article_id(path, used), sha, old[3] if old else name

    pending: list[StoredRows] = []
    index.building(True)
    for rows, problems, extracted in extracted_rows(changed(), Setup(rules, schema, limit, language), jobs,
                                                    start_method):
        pending.append(rows)
        stats.problems.extend(problems)
        stats.claims += extracted
        step()
        if len(pending) >= BATCH:
            stats.problems.extend(id_taken(index.put_rows(pending, signature), stored, stats))
            pending = []
    stats.problems.extend(id_taken(index.put_rows(pending, signature), stored, stats))
    if not stats.added + stats.changed + stats.unchanged:
        stats.problems.append(Problem(message="no article was read: nothing was indexed"))
    remove_gone(index, {p: row[3] for p, row in stored.items() if p not in seen}, len(stored), paths, stats, prune)
    index.building(False)
    return stats


def id_taken(lost: list[tuple[str, str, str]], stored: dict, stats: IndexStats) -> list[Problem]:
    """A problem for each article not stored because another run took its id meanwhile (see
    ClaimIndex.put_rows), no longer counted as added or changed."""
    for path, _, _ in lost:
        stats.changed -= path in stored
        stats.added -= path not in stored
    return [Problem(file=path, message=(f"not indexed: its id {aid!r} was taken meanwhile by {holder}, which another "
                                        f"check index wrote at the same time; the next run indexes it"))
            for path, aid, holder in lost]


def real_path(path: str | os.PathLike) -> str:
    """A path as the index keeps it: absolute, symlinks resolved, shown as text (see shown)."""
    return shown(os.path.realpath(path))


def remove_gone(index: ClaimIndex, missing: dict[str, str], held: int, paths: list[str], stats: IndexStats,
                prune: bool) -> None:
    """Remove the articles not found again (``missing``: real path to path as stored), where that
    cannot be a typo or a lost disk.

    Only articles below the paths given are candidates (indexing one file keeps the rest),
    and none below a path that is missing or could not be read. A share over
    MAX_REMOVED_SHARE of the index (an empty or unmounted archive folder) needs ``prune``.
    """
    roots = [real_path(p) for p in paths]
    unread = [real_path(p.file) for p in stats.problems if p.severity == "error" and p.file]
    gone = [stored for p, stored in missing.items() if is_under(p, roots) and not is_under(p, unread)]
    if len(gone) > MAX_REMOVED_SHARE * held and not prune:
        stats.problems.append(Problem(file=index.path, message=(
            f"{len(gone)} of its {held} articles were not found again; none removed "
            f"(an empty or unmounted archive folder?). If they are gone, run again with --prune")))
        return
    index.remove(gone)
    stats.removed = len(gone)


def is_under(path: str, roots: list[str]) -> bool:
    """Whether a path is one of ``roots`` (absolute paths) or lies below one."""
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def extracted_rows(work: Iterator[tuple], setup: Setup, jobs: int,
                   start_method: str | None) -> Iterator[tuple[StoredRows, list[Problem], int]]:
    """Each article of ``work`` extracted, in order: here, or in ``jobs`` worker processes that
    are given ``setup`` once, when they start, and send back compact rows (see checker.workers)."""
    with Workers(jobs, setup, start_method) as workers:
        yield from workers.map(index_job, work)


def index_job(job: tuple, setup: Setup) -> tuple[StoredRows, list[Problem], int]:
    return index_one(*job, setup)


def index_one(path, name: str, data: bytes, aid: str, sha: str, before: str,
              setup: Setup) -> tuple[StoredRows, list[Problem], int]:
    """One article read and extracted: its rows for the index (stored under ``name``, in place of
    the row under ``before``), its problems, its number of claims."""
    problems: list[Problem] = []
    doc = document_of(path, data, aid, setup.language, problems)
    if doc is None:
        return (name, sha, None, [], before), problems, 0
    extraction = extract_document(doc, setup.rules, setup.schema, setup.limit, setup.spare)
    problems.extend(extraction.problems)
    periods = claim_periods(extraction.claims, {doc.article.id: doc.article}, setup.schema)
    claims = [c if c.period is not None or periods.get(c.id) is None else c.model_copy(update={"period": periods[c.id]})
              for c in extraction.claims]
    # A rule that failed on it: extracted again next run (no file hash), not kept as unchanged.
    return ((name, sha if not extraction.problems else "", *rows_of(doc.article, claims, setup.schema), before),
            problems, len(extraction.claims))
