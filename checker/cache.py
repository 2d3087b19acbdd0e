"""The claim cache: a repeated ``check`` of unchanged articles reads their claims instead of
extracting them again.

Like ruff's ``.ruff_cache``, the cache is a folder (``.newscheck_cache/`` in the current
directory; ``--no-cache`` skips it) holding one SQLite file in WAL mode, so that runs side by
side read and write it safely; each run writes its new entries in one transaction. An entry is
keyed by what extraction reads: the article's text and metadata (its date, year and language,
not its id or path) and the rules' signature (codes, versions, options, vocabulary additions
and a hash of the source and data files of the engine and the rules), so that a changed rule
or word list never serves an old claim. Articles whose extraction reported a problem, or
with an inline marker, are not cached. A cache that cannot be opened or written is left aside with a warning: never an error.

An entry holds the article's claims as MessagePack that one typed msgspec decode turns into
claims again, with no conversion after it (see :class:`Entry`); ``CACHE_VERSION`` names that
format, and a cache of another version is read as empty.
Beside the claims it keeps the findings of each key of a folder's comparison, by a digest of
what they depend on (see checker.compare_memo).
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import msgspec

from checker.articles import Document
from checker.models import Claim, DateValue, Problem, QuantityValue, TextValue
from checker.sources import sources_digest

log = logging.getLogger(__name__)

DEFAULT_CACHE = ".newscheck_cache"
CACHE_VERSION = "2"  # the format of an entry: 2, an Entry as MessagePack (1 was JSON of dicts)
SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, claims BLOB NOT NULL)"
# The findings of one key of a folder's comparison, by the digest of what they depend on (see
# checker.compare_memo).
COMPARISONS = "CREATE TABLE IF NOT EXISTS comparisons (digest TEXT PRIMARY KEY, findings TEXT NOT NULL)"


def source_hash(rules: Sequence) -> str:
    """A hash of the source and data files of the engine and of every rule's package (kept while
    no file changed: see checker.sources)."""
    folders = {Path(__file__).resolve().parent}
    for rule in rules:
        module = sys.modules.get(type(rule).__module__)
        if module is not None and getattr(module, "__file__", None):
            folders.add(Path(module.__file__).resolve().parent)
    return sources_digest(folders)


def signature_of(rules: Sequence, vocabulary: dict) -> str:
    """What besides an article decides its claims."""
    named = ";".join(f"{r.code}={r.version}:{r.options.model_dump_json()}" for r in sorted(rules, key=lambda r: r.code))
    return hashlib.sha256("\n".join([CACHE_VERSION, named, json.dumps(vocabulary, sort_keys=True, default=str),
                                     source_hash(rules)]).encode()).hexdigest()


def entry_key(doc: Document, signature: str) -> str:
    """The cache key of one article: its text, its metadata but for id and path, the signature."""
    meta = msgspec.json.encode(msgspec.structs.replace(doc.article, id="", path=""))
    return hashlib.sha256(signature.encode() + b"\n" + meta + b"\n" + doc.text.encode()).hexdigest()


class ClaimCache:
    """An open cache folder; ``get`` and ``put`` never raise."""

    def __init__(self, folder: str | Path, signature: str) -> None:
        self.folder = Path(folder)
        self.signature = signature
        self.db: sqlite3.Connection | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# written by check: the claim cache\n*\n", encoding="utf-8")
            self.db = sqlite3.connect(self.folder / "claims.sqlite", timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(SCHEMA)
            self.db.execute(COMPARISONS)
        except (sqlite3.Error, OSError) as e:
            self._fail("open", e)

    def _fail(self, doing: str, error: Exception) -> None:
        log.warning("%s: cannot %s the claim cache (%s); going on without it", self.folder, doing, error)
        if self.db is not None:
            self.db.close()
        self.db = None

    def get(self, docs: Sequence[Document]) -> dict[str, list[Claim]]:
        """The cached claims of these articles, by article id (articles not cached are left out).

        One query reads every entry, and one typed decode an entry's claims: nothing is
        validated or converted one claim at a time (the cache wrote them from valid claims)."""
        if self.db is None or not docs:
            return {}
        keys = {entry_key(d, self.signature): d.article.id for d in docs}
        found: dict[str, list[Claim]] = {}
        try:
            rows = self.db.execute("SELECT key, claims FROM entries WHERE key IN (SELECT value FROM json_each(?))",
                                   (json.dumps(sorted(keys)),)).fetchall()
            for key, data in rows:
                found[keys[key]] = claims_of(_ENTRY.decode(data), keys[key])
        except (sqlite3.Error, OSError, ValueError, TypeError) as e:  # msgspec's errors are ValueErrors
            self._fail("read", e)
            return {}
        return found

    def put(self, docs: Sequence[Document], claims: Sequence[Claim], problems: Sequence[Problem]) -> None:
        """Keep the claims of these freshly read articles (but of those with a problem)."""
        if self.db is None or not docs:
            return
        troubled = {p.file for p in problems}
        # An article with an inline marker (<!-- check: ... -->) is read again each time: what
        # its markers silence is counted in the report.
        by_article: dict[str, list[Claim]] = {d.article.id: [] for d in docs
                                              if d.article.path not in troubled and "<!--" not in d.text}
        for c in claims:
            if c.article in by_article:
                by_article[c.article].append(c)
        rows = [(entry_key(d, self.signature), data) for d in docs if d.article.id in by_article
                if (data := encoded(by_article[d.article.id])) is not None]
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", rows)
        except (sqlite3.Error, OSError) as e:
            self._fail("write", e)

    def comparisons(self, digests: Sequence[str]) -> dict[str, str]:
        """The kept findings (JSON) of these digests of comparisons, those kept; one query."""
        if self.db is None or not digests:
            return {}
        try:
            return dict(self.db.execute("SELECT digest, findings FROM comparisons WHERE digest IN "
                                        "(SELECT value FROM json_each(?))", (json.dumps(sorted(digests)),)))
        except (sqlite3.Error, OSError) as e:
            self._fail("read", e)
            return {}

    def keep_comparisons(self, rows: Sequence[tuple[str, str]]) -> None:
        """Keep the findings (JSON) of comparisons by their digests, in one transaction."""
        if self.db is None or not rows:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO comparisons VALUES (?, ?)", rows)
        except (sqlite3.Error, OSError) as e:
            self._fail("write", e)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


# --- an entry ---------------------------------------------------------------------------------
# msgspec decodes a union of several structs only when they are tagged, and a tag would be
# written into the report too; a claim's value is one of three untagged structs or None. So an
# entry keeps the claims grouped by the type of their value, each group typed as a Claim whose
# value is of that one type, with the order to merge them back in: one typed decode makes
# claims with their values and periods, the same fields in the same order as Claim (the JSON
# written of them is the same), and only the merge is done in Python.


class QuantityClaim(Claim, kw_only=True):
    """A cached claim whose value is a quantity."""

    value: QuantityValue


class DateClaim(Claim, kw_only=True):
    """A cached claim whose value is a date."""

    value: DateValue


class TextClaim(Claim, kw_only=True):
    """A cached claim whose value is text."""

    value: TextValue


class BareClaim(Claim, kw_only=True):
    """A cached claim without a value."""

    value: None


class Entry(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    """The claims of one article as the cache keeps them: by the type of their value, and in
    ``order`` the group of each claim in turn (``q``, ``d``, ``t``, ``n``)."""

    order: bytes
    quantities: list[QuantityClaim]
    dates: list[DateClaim]
    texts: list[TextClaim]
    bare: list[BareClaim]


_GROUP_OF = {QuantityValue: b"q", DateValue: b"d", TextValue: b"t", type(None): b"n"}
_ENTRY = msgspec.msgpack.Decoder(Entry)
_ENCODER = msgspec.msgpack.Encoder()


def encoded(claims: Sequence[Claim]) -> bytes | None:
    """An article's claims as an entry, or None when one of them is not a Claim or its value
    not one of the types an entry keeps (a plugin's own type): such an article is not cached."""
    groups: dict[bytes, list[Claim]] = {b"q": [], b"d": [], b"t": [], b"n": []}
    order = []
    for claim in claims:
        group = _GROUP_OF.get(type(claim.value))
        if group is None or type(claim) is not Claim:
            return None
        groups[group].append(claim)
        order.append(group)
    return _ENCODER.encode((b"".join(order), groups[b"q"], groups[b"d"], groups[b"t"], groups[b"n"]))


def claims_of(entry: Entry, article: str) -> list[Claim]:
    """The claims of an entry in their order, as claims of the article of this id (an entry
    serves every article of its text and metadata, whatever its id)."""
    if len(entry.order) != len(entry.quantities) + len(entry.dates) + len(entry.texts) + len(entry.bare):
        raise ValueError("an entry whose order does not count its claims")
    if not (entry.dates or entry.texts or entry.bare):
        claims: list[Claim] = list(entry.quantities)
    else:
        groups = {ord(k): iter(g) for k, g in ((b"q", entry.quantities), (b"d", entry.dates),
                                                (b"t", entry.texts), (b"n", entry.bare))}
        claims = [next(groups[k]) for k in entry.order]
    if claims and claims[0].article != article:
        claims = [msgspec.structs.replace(c, id=article + c.id[len(c.article):], article=article) for c in claims]
    return claims
