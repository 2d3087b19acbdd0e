"""The claim index: an archive's articles and claims in SQLite, kept up to date incrementally.

A newsroom's archive is tens of thousands of articles; extracting them on every check is waste.
``check index ARCHIVE... --db PATH`` stores each article's claims once; a later run extracts
only the articles whose content or rule versions changed, and removes the ones that are gone.
``check DRAFT... --against PATH`` then looks the archive's claims up by key.

This module only stores: what is extracted, and how, is checker.indexing's; how a draft is
checked against an archive is checker.archive's; the connections are checker.stores'. It
imports only the models and the key schema.

Identical copies of one report (a wire report in many papers) share one stored claim set, so
that a draft's check reads and compares each once. The store is the standard library's sqlite3
in WAL mode (or PostgreSQL): readers never block the writer, and every batch of articles is one
transaction, so a run killed half-way leaves the index as the last finished batch left it.
Writers take turns per batch (SQLite's write lock taken at the start of the transaction, an
advisory lock on PostgreSQL), so two runs writing the same articles at once store each once. An
index of another schema version is refused with a message; ``check index`` builds one of the
version before again.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.keys import KeySchema
from checker.models import Article, Claim, Problem
from checker.stores import (IndexFileError, PostgresConnection, SqliteConnection, database_errors,
                            is_database_url, without_password)

SCHEMA_VERSION = "5"
# Older versions that `check index` empties and builds again, and why, said when it does.
REBUILT_FROM = {"3": "copies of one report now share their claims",
                "4": "copies share their claims only when their titles, sources and links are the same too: "
                     "a report names a copy by its path alone"}
BATCH = 200  # articles per transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_sets (
    id TEXT PRIMARY KEY,
    articles INTEGER NOT NULL,
    keys TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    rules TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    article TEXT NOT NULL,
    claims TEXT NOT NULL REFERENCES claim_sets(id)
);
CREATE INDEX IF NOT EXISTS articles_text ON articles(text_sha256);
CREATE INDEX IF NOT EXISTS articles_claims ON articles(claims, id, path);
CREATE TABLE IF NOT EXISTS claims (
    claim_set TEXT NOT NULL REFERENCES claim_sets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    key TEXT,
    core TEXT,
    parts TEXT,
    claim TEXT NOT NULL,
    PRIMARY KEY (claim_set, id)
);
CREATE INDEX IF NOT EXISTS claims_key ON claims(key);
CREATE INDEX IF NOT EXISTS claims_core ON claims(core, key, claim_set, parts);
CREATE TABLE IF NOT EXISTS key_counts (
    key TEXT PRIMARY KEY,
    core TEXT NOT NULL,
    parts TEXT NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS key_counts_core ON key_counts(core);
"""
# claim_sets: the claims of identical copies of one report (a wire report in many papers) are
# stored once: an article points at its claim set, a set named by the hash of all that a
# comparison reads of its claims and of all that a report shows of its article but its id and
# path (see claim_set_of), and counting the articles that point at it. A set's claims are stored without their article, their ids
# relative to it (an article's id and a claim's id in a set make the claim's id), so that a
# draft's check reads and compares each distinct set once and names every copy only in its
# report. claim_sets.keys: the keys a set states, by their core ({core: [key, ...]}), so that a
# draft's check learns which of the groups of its cores each set it reads belongs to without
# asking the claims table again. key_counts: how many articles state each key, kept with every
# write, so that a draft's check learns it without counting the archive's claims.


@dataclass
class IndexStats:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, "
                f"{self.removed} removed; {self.claims} claims extracted")


# An article as stored: (path, file sha256, (id, text sha256, article JSON, claim set id, keys by
# core JSON) or None for an article that could not be read, [(claim id relative to the article,
# key, core, key parts JSON, claim JSON), ...]).
StoredRows = tuple[str, str, "tuple[str, str, str, str, str] | None", "list[tuple[str, str | None, str | None, str, str]]"]


def rows_of(article: Article | None, claims: list[Claim], schema: KeySchema) -> tuple:
    """An article and its claims as the index stores them: compact to send from a worker process."""
    if article is None:
        return None, []
    rows = [(relative_id(c, article.id), c.key, claim_core(c, schema), json.dumps(c.key_parts, sort_keys=True),
             c.model_copy(update={"id": relative_id(c, article.id), "article": ""}).model_dump_json())
            for c in claims]
    keys = keys_by_core(rows)
    return (article.id, article.sha256, article.model_dump_json(), claim_set_of(article, rows), keys), rows


def relative_id(claim: Claim, article: str) -> str:
    """A claim's id without its article's id before it (as a claim set keeps it)."""
    if claim.article != article or not claim.id.startswith(article):
        raise ValueError(f"claim {claim.id!r} is not of article {article!r}")
    return claim.id[len(article):]


def claim_set_of(article: Article, rows: list[tuple]) -> str:
    """The id of an article's claim set: a hash of all that a comparison reads of its claims (as
    stored, relative to the article) and of all that a report shows of the article but its id
    and path (its date, language, title, source, link), so that identical copies of one report
    share one set and nothing else does: a report names a set's other articles by their paths."""
    h = hashlib.sha256()
    h.update(article.model_dump_json(exclude={"id", "path", "sha256", "copies"}).encode())
    for row in rows:
        h.update(b"\x00" + json.dumps(row).encode())
    return h.hexdigest()


def keys_by_core(rows: list[tuple]) -> str:
    """The keys of an article's claim rows by their core, as JSON: {core: [key, ...]}."""
    keys: dict[str, set[str]] = {}
    for _, key, core, _, _ in rows:
        if key is not None and core is not None:
            keys.setdefault(core, set()).add(key)
    return json.dumps({core: sorted(held) for core, held in sorted(keys.items())})


def claim_core(claim: Claim, schema: KeySchema) -> str | None:
    """The part of a key that matching never fills in (see checker.matching)."""
    return schema.core_text(claim.kind, claim.key_parts) if claim.key else None


def failures_named(doing: str) -> Callable:
    """A method of the index whose database and file errors (a damaged page, a full disk, a lost
    server) become an IndexFileError naming the index and what could not be done."""
    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def guarded(self: ClaimIndex, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except database_errors() as e:
                raise IndexFileError(f"{self.path}: cannot {doing} the claim index: {e}") from None
        return guarded
    return wrap


class ClaimIndex:
    """An open index: a SQLite file, ":memory:" for a private one of a single run, or a
    ``postgresql://`` URL."""

    def __init__(self, path: str | Path, create: bool = False) -> None:
        self.url = str(path) if is_database_url(str(path)) else None
        self.path = without_password(self.url) if self.url else str(path)
        self.rebuilt: str | None = None  # the schema version of an index emptied to be built again
        if not create and not self.url and self.path != ":memory:" and not Path(self.path).is_file():
            raise IndexFileError(f"{self.path}: no such index (build it with: check index ARCHIVE... --db {self.path})")
        self._open(create)

    @failures_named("open")
    def _open(self, create: bool) -> None:
        """Connect, and check the schema version (or write the schema into a new store)."""
        try:
            self.db = PostgresConnection(self.url) if self.url else SqliteConnection(self.path)
            tables = self.db.tables()
        except sqlite3.DatabaseError as e:
            raise IndexFileError(f"{self.path}: not a claim index ({e})") from None
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE name='schema_version'").fetchone()
            found = row[0] if row else "none"
            if found in REBUILT_FROM and create:
                self._rebuild(found)
            elif found != SCHEMA_VERSION:
                raise IndexFileError(f"{self.path}: index of schema version {found}, this check reads version "
                                     f"{SCHEMA_VERSION}; " + (f"rebuild it with check index ARCHIVE... --db {self.path}"
                                                              if found in REBUILT_FROM else "remove it and build it again"))
        elif tables:
            raise IndexFileError(f"{self.path}: not a claim index (tables {', '.join(sorted(tables))})")
        elif not create and self.path != ":memory:":
            raise IndexFileError(f"{self.path}: not a claim index (empty database)")
        else:
            self._create()
        self.db.opened()

    def _create(self) -> None:
        with self.db.writing():  # another run may be creating it too: the second one finds it made
            self.db.create(SCHEMA)
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (name) DO NOTHING",
                            (SCHEMA_VERSION,))

    def _rebuild(self, found: str) -> None:
        """Empty an index of an older schema version, to be built again in this one."""
        with self.db.writing():
            for table in ("claims", "articles", "key_counts", "claim_sets", "meta"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self._create()
        self.rebuilt = found

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ClaimIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @failures_named("read")
    def stored(self) -> dict[str, tuple[str, str, str]]:
        """Per path held: the article's id, the SHA-256 of its file and the rules that read it."""
        return {path: (aid, sha, sig) for aid, path, sha, sig in
                self.db.execute("SELECT id, path, sha256, rules FROM articles")}

    @failures_named("update")
    def remove(self, paths: list[str]) -> None:
        """Remove the articles of these paths (as stored) and their claims, in one transaction."""
        with self.db.writing():
            counts = KeyCounts()
            self._delete(paths, counts)
            counts.write(self.db)

    @failures_named("update")
    def building(self, started: bool) -> None:
        """Mark the index as being built (until the update ends), for checks that read it meanwhile."""
        with self.db.writing():
            self.db.execute("DELETE FROM meta WHERE name = 'building'")
            if started:
                self.db.execute("INSERT INTO meta VALUES ('building', ?)", (f"process {os.getpid()}",))

    @failures_named("read")
    def being_built(self) -> bool:
        """Whether a `check index` run is writing this index (or one was stopped before it ended)."""
        return self.db.execute("SELECT 1 FROM meta WHERE name = 'building'").fetchone() is not None

    def _delete(self, paths: Iterable[str], counts: KeyCounts) -> None:
        """Remove the articles of these paths and count their keys out; a claim set no article
        points at any more goes, its claims with it."""
        dropped: dict[str, int] = {}
        for chunk in chunks(sorted(set(paths))):
            for (key,) in self.db.execute(f"SELECT c.key FROM articles a JOIN claims c ON c.claim_set = a.claims "
                                          f"WHERE a.path IN ({marks(chunk)}) AND c.key IS NOT NULL GROUP BY a.id, c.key",
                                          chunk).fetchall():
                counts.add(key, -1)
            for set_id, n in self.db.execute(f"SELECT claims, COUNT(*) FROM articles WHERE path IN ({marks(chunk)}) "
                                             f"GROUP BY claims", chunk).fetchall():
                dropped[set_id] = dropped.get(set_id, 0) + n
            self.db.execute(f"DELETE FROM articles WHERE path IN ({marks(chunk)})", chunk)
        if dropped:
            self.db.executemany("UPDATE claim_sets SET articles = articles - ? WHERE id = ?",
                                [(n, set_id) for set_id, n in sorted(dropped.items())])
            self.db.execute("DELETE FROM claim_sets WHERE articles <= 0")

    @failures_named("update")
    def put(self, pending: list[tuple[str, Article | None, list[Claim], str]], signature: str,
            schema: KeySchema) -> list[tuple[str, str, str]]:
        """Store articles already extracted, (path, article, claims, sha256) each, in one
        transaction; what was not stored, as ``put_rows`` says."""
        return self._write([(path, sha, *rows_of(article, claims, schema)) for path, article, claims, sha in pending],
                           signature)

    @failures_named("update")
    def put_rows(self, pending: list[StoredRows], signature: str) -> list[tuple[str, str, str]]:
        """Store articles as rows_of made them (in a worker process), in one transaction. The
        articles not stored, as (path, id, path holding that id): their id was taken meanwhile
        by another article, written by another run (``check index`` of another folder at the
        same time); the next run gives them another."""
        return self._write(pending, signature)

    def _write(self, pending: list[StoredRows], signature: str) -> list[tuple[str, str, str]]:
        """One transaction: a changed article's old row and claims go, its new ones come."""
        if not pending:
            return []
        with self.db.writing():
            counts = KeyCounts()
            # Its row under this path and under an older spelling of its path, as this run or another left it.
            self._delete([p for path, _, _, _, *before in pending for p in (path, *before)], counts)
            new = {article[0]: path for path, _, article, _, *_ in pending if article is not None}
            taken = {aid: path for chunk in chunks(sorted(new)) for aid, path in
                     self.db.execute(f"SELECT id, path FROM articles WHERE id IN ({marks(chunk)})", chunk)}
            stored = [(path, sha, article, claims) for path, sha, article, claims, *_ in pending
                      if article is not None and article[0] not in taken]
            self._add_sets(stored)
            self.db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                                [(aid, path, sha, signature, text_sha, data, set_id)
                                 for path, sha, (aid, text_sha, data, set_id, _), _ in stored])
            for _, _, _, claims in stored:
                for key, core, parts in {(key, core, parts) for _, key, core, parts, _ in claims if key}:
                    counts.add(key, 1, core, parts)
            counts.write(self.db)
        return [(new[aid], aid, path) for aid, path in sorted(taken.items())]

    def _add_sets(self, stored: list[tuple]) -> None:
        """Count the articles about to be stored in their claim sets, storing the sets not held yet."""
        sets: dict[str, list] = {}
        for _, _, (_, _, _, set_id, keys), claims in stored:
            sets.setdefault(set_id, [0, keys, claims])[0] += 1
        held = {set_id for chunk in chunks(sorted(sets)) for (set_id,) in
                self.db.execute(f"SELECT id FROM claim_sets WHERE id IN ({marks(chunk)})", chunk)}
        self.db.executemany("UPDATE claim_sets SET articles = articles + ? WHERE id = ?",
                            [(sets[set_id][0], set_id) for set_id in sorted(held)])
        new = sorted(sets.keys() - held)
        self.db.executemany("INSERT INTO claim_sets VALUES (?, ?, ?)", [(set_id, *sets[set_id][:2]) for set_id in new])
        self.db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
                            [(set_id, *row) for set_id in new for row in sets[set_id][2]])

    @failures_named("read")
    def count(self) -> tuple[int, int]:
        """(articles, claims) held, each copy's claims counted."""
        return (self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                self.db.execute("SELECT COALESCE(SUM(s.articles * (SELECT COUNT(*) FROM claims c "
                                "WHERE c.claim_set = s.id)), 0) FROM claim_sets s").fetchone()[0])

    @failures_named("read")
    def articles_held(self) -> int:
        """How many articles the index holds (without counting its claims)."""
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    @failures_named("read")
    def holds_articles(self) -> bool:
        """Whether the index holds any article (without counting them all: that reads the whole table)."""
        return self.db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0] in (1, True)

    @failures_named("read")
    def claims_about(self, keys: Iterable[str]) -> list[Claim]:
        """The claims with one of ``keys``, of every article that states them."""
        by_set: dict[str, list[dict]] = {}
        for set_id, data in self.claim_data_about(keys):
            by_set.setdefault(set_id, []).append(json.loads(data))
        out = [Claim.model_validate({**claim, "id": aid + claim["id"], "article": aid})
               for aid, set_id in self.articles_of_sets(by_set) for claim in by_set[set_id]]
        return sorted(out, key=lambda c: (c.article, c.start, c.kind))

    @failures_named("read")
    def claim_data_about(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        """(claim set, stored JSON) of the claims with one of ``keys``, each set's once, to decode
        leanly (checker.lean): their ids are relative to the articles of the set."""
        return [row for chunk in chunks(sorted(set(keys))) for row in
                self.db.execute(f"SELECT claim_set, claim FROM claims WHERE key IN ({marks(chunk)})", chunk)]

    @failures_named("read")
    def articles_of_sets(self, sets: Iterable[str]) -> list[tuple[str, str]]:
        """(article id, claim set) of every article of these claim sets."""
        return [(aid, set_id) for aid, set_id, _ in self.paths_of_sets(sets)]

    @failures_named("read")
    def paths_of_sets(self, sets: Iterable[str]) -> list[tuple[str, str, str]]:
        """(article id, claim set, path) of every article of these claim sets (from the index
        articles_claims alone: the rows, with their articles' JSON, are not read)."""
        return [row for chunk in chunks(sorted(set(sets))) for row in
                self.db.execute(f"SELECT id, claims, path FROM articles WHERE claims IN ({marks(chunk)})", chunk)]

    @failures_named("read")
    def sets_of(self, sets: Iterable[str]) -> dict[str, tuple[int, str, str]]:
        """Per claim set: how many articles point at it, the least of their ids (in codepoint
        order, as Python sorts; found in the index articles_claims) and the keys it states by
        their core as JSON (see keys_by_core), without reading its articles."""
        least = f"(SELECT MIN(a.id{self.db.bytewise}) FROM articles a WHERE a.claims = s.id)"
        return {set_id: (n, first, keys) for chunk in chunks(sorted(set(sets))) for set_id, n, first, keys in
                self.db.execute(f"SELECT s.id, s.articles, {least}, s.keys FROM claim_sets s "
                                f"WHERE s.id IN ({marks(chunk)})", chunk)}

    @failures_named("read")
    def sets_of_articles(self, ids: Iterable[str]) -> dict[str, str]:
        """The claim set of each article of these ids."""
        return {aid: set_id for chunk in chunks(sorted(set(ids))) for aid, set_id in
                self.db.execute(f"SELECT id, claims FROM articles WHERE id IN ({marks(chunk)})", chunk)}

    @failures_named("read")
    def groups_of(self, cores: Iterable[str]) -> list[tuple[str, dict[str, str], int]]:
        """Every key of these cores with its parts and the number of articles that state it,
        without loading the claims: what matching needs to decide how a key is completed."""
        out = []
        for chunk in chunks(sorted(set(cores))):
            rows = self.db.execute(f"SELECT key, parts, articles FROM key_counts "
                                   f"WHERE core IN ({marks(chunk)}) ORDER BY key", chunk)
            out += [(key, json.loads(parts), n) for key, parts, n in rows]
        return out

    @failures_named("read")
    def keys_of_articles(self, cores: Iterable[str], articles: Iterable[str]) -> set[tuple[str, str]]:
        """(key, article) for the keys of these cores that these articles state."""
        wanted = sorted(set(cores))
        out: set[tuple[str, str]] = set()
        for chunk in chunks(sorted(set(articles)), 400):
            out |= {(key, aid) for part in chunks(wanted, 400) for key, aid in self.db.execute(
                f"SELECT DISTINCT c.key, a.id FROM articles a JOIN claims c ON c.claim_set = a.claims "
                f"WHERE a.id IN ({marks(chunk)}) AND c.core IN ({marks(part)})", [*chunk, *part])}
        return out

    @failures_named("read")
    def ids_of_texts(self, hashes: Iterable[str]) -> set[str]:
        """The ids of the articles whose text has one of these SHA-256 hashes."""
        return {aid for chunk in chunks(sorted(set(hashes))) for (aid,) in self.db.execute(
            f"SELECT id FROM articles WHERE text_sha256 IN ({marks(chunk)})", chunk)}

    @failures_named("read")
    def articles_of(self, ids: Iterable[str]) -> list[Article]:
        return sorted((Article.model_validate_json(a) for a in self.article_rows_of(ids)), key=lambda a: a.id)

    @failures_named("read")
    def article_rows_of(self, ids: Iterable[str]) -> list[str]:
        """The stored JSON of the articles of these ids, to decode leanly (checker.lean)."""
        return [data for chunk in chunks(sorted(set(ids)))
                for (data,) in self.db.execute(f"SELECT article FROM articles WHERE id IN ({marks(chunk)})", chunk)]


class KeyCounts:
    """The change a transaction makes to key_counts: per key, articles gained or lost."""

    def __init__(self) -> None:
        self.delta: dict[str, int] = {}
        self.known: dict[str, tuple[str, str]] = {}  # a gained key's core and parts

    def add(self, key: str, n: int, core: str | None = None, parts: str | None = None) -> None:
        self.delta[key] = self.delta.get(key, 0) + n
        if core is not None and parts is not None:
            self.known[key] = (core, parts)

    def write(self, db) -> None:
        """Apply the change, keys in order (two writers of one server never wait on each other in a circle)."""
        rows = sorted((key, n) for key, n in self.delta.items() if n)
        db.executemany("INSERT INTO key_counts VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE "
                       "SET articles = key_counts.articles + excluded.articles",
                       [(key, *self.known[key], n) for key, n in rows if key in self.known])
        db.executemany("UPDATE key_counts SET articles = articles + ? WHERE key = ?",
                       [(n, key) for key, n in rows if key not in self.known])
        if any(n < 0 for _, n in rows):
            db.execute("DELETE FROM key_counts WHERE articles <= 0")


def chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    """SQLite takes a bounded number of parameters per statement."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


def marks(chunk: list[str]) -> str:
    return ",".join("?" * len(chunk))


def is_index_file(path: str) -> bool:
    """True for an existing file that is an SQLite database (a claim index or another)."""
    p = Path(path)
    if not p.is_file():
        return False
    with p.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"
