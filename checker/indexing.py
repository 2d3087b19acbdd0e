"""Indexing an archive: extract what changed, store it (checker.index), remove what is gone.

``check index ARCHIVE... --db PATH`` reads every article below the paths, hashes it, and
extracts only the articles whose bytes or rule versions differ from what the index holds; each
batch of articles is one transaction of the store.
"""
from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence

from checker.articles import DEFAULT_SUFFIXES, IdBook, article_id, discover, document_of, read_bytes, shown
from checker.conflicts import claim_periods
from checker.index import BATCH, REBUILT_FROM, SCHEMA_VERSION, ClaimIndex, IndexStats, StoredRows, failures_named, rows_of
from checker.keys import KeySchema
from checker.models import Problem
from checker.registry import Rule
from checker.runner import DEFAULT_TIME_LIMIT, extract_document
from checker.workers import Setup, Workers

log = logging.getLogger(__name__)

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
    files, problems = discover(paths, DEFAULT_SUFFIXES)
    # Known by the real path, so that ./archive, archive/, its absolute path or a symlink to
    # it find the same rows: nothing is extracted again and article ids stay.
    stored = {real_path(path): (aid, sha, sig, path) for path, (aid, sha, sig) in index.stored().items()}
    run = Update(index, files, stored, rules_signature(rules), progress)
    stats = run.stats
    stats.problems = problems
    if index.rebuilt:
        stats.problems.append(Problem(severity="warning", file=index.path, message=(
            f"an index of schema version {index.rebuilt}, built again in version {SCHEMA_VERSION} "
            f"({REBUILT_FROM[index.rebuilt]}): every article is extracted again")))
    index.building(True)
    with Workers(jobs, Setup(rules, schema, limit, language), start_method) as workers:
        for rows, problems, extracted in workers.map(index_job, run.changed(), expected=len(files)):
            run.extracted(rows, problems, extracted)
    run.write()
    if not stats.added + stats.changed + stats.unchanged:
        stats.problems.append(Problem(message="no article was read: nothing was indexed"))
    remove_gone(index, {p: row[3] for p, row in stored.items() if p not in run.seen}, len(stored), paths, stats, prune)
    index.building(False)
    log.debug("%d articles extracted: %s; this process %.2f s reading articles, %.2f s writing the index",
              stats.added + stats.changed, workers.spent(), run.reading, run.writing)
    return stats


class Update:
    """One run of update_index: which articles it found and read, the rows it has yet to write."""

    def __init__(self, index: ClaimIndex, files: list, stored: dict[str, tuple[str, str, str, str]], signature: str,
                 progress: Callable[[int, int], None] | None) -> None:
        self.index, self.files, self.stored, self.signature, self.progress = index, files, stored, signature, progress
        self.stats = IndexStats()
        self.seen: set[str] = set()
        self.pending: list[StoredRows] = []
        self.done = 0
        self.reading = self.writing = 0.0  # seconds

    def step(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, len(self.files))

    def changed(self) -> Iterator[tuple]:
        """The articles to extract, as (path, name, bytes, id, sha256, path stored); the others
        are counted."""
        stats, stored = self.stats, self.stored
        used = IdBook(aid for aid, _, _, _ in stored.values())
        for path in self.files:
            started = time.perf_counter()
            name = real_path(path)
            self.seen.add(name)
            data = read_bytes(path, stats.problems)
            sha = hashlib.sha256(data).hexdigest() if data is not None else ""
            self.reading += time.perf_counter() - started
            old = stored.get(name)
            if data is None or old and old[1] == sha and old[2] == self.signature:
                stats.unchanged += data is not None
                self.step()
                continue
            stats.changed += bool(old)
            stats.added += not old
            yield path, name, data, old[0] if old else article_id(path, used), sha, old[3] if old else name

    def extracted(self, rows: StoredRows, problems: list[Problem], claims: int) -> None:
        """An article extracted: its rows are written with the batch they fill."""
        self.pending.append(rows)
        self.stats.problems.extend(problems)
        self.stats.claims += claims
        self.step()
        if len(self.pending) >= BATCH:
            self.write()

    def write(self) -> None:
        """The rows pending, in one transaction."""
        started = time.perf_counter()
        lost = self.index.put_rows(self.pending, self.signature)
        self.stats.problems.extend(id_taken(lost, self.stored, self.stats))
        self.pending = []
        self.writing += time.perf_counter() - started


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
