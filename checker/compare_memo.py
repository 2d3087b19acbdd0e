"""Comparing again only what changed: the findings of each key of a folder's comparison are kept
in the claim cache by a digest of exactly what they depend on.

The findings of one key (see :func:`checker.conflicts.find_conflicts`) are read from its claims
as compared (each claim whole, with its article, its interval, its period and how many days
ahead it lies) and, when one of them is weakly matched, from the claims of the sentences of all
of them (see :class:`checker.disagreement.Corroboration`), by the rules' key schema and the
engine's code. The digest of a key is a hash of what all that is made of: the claim cache's
signature (the rules, their options and vocabulary, the source of the engine and the rules), the
tolerances of the intervals, the key, and its claims whole with their periods (an interval is
read from the claim and the key's other claims of its sentence, how far ahead a date lies from
the claim and its period), and for a weakly matched claim the claims of the sentences beside. A
re-run reuses a key's kept findings only when its digest is found, so a changed article makes
only the keys its claims fall in (or stand beside, for a weakly matched claim) be compared again,
and nothing else decides a kept result; a key whose claims all agree is kept too, with no
findings. A draft's comparison (``focus``) is never kept.

Each list of a key (its claims, their periods) is written in one call, in the order of the
claims (the articles' order, then the claims' in each): claims in another order give another
digest, so a key compared again, never a stale result.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

import msgspec
from checker.cache import ClaimCache
from checker.conflicts import KeyedClaims, tolerances
from checker.keys import KeySchema
from checker.models import Finding
from checker.pairs import weak

log = logging.getLogger(__name__)

MEMO_VERSION = "3"  # 3: a key's claims and periods as lists, its claims' intervals by the tolerances; all-agree keys kept


class ComparisonMemo:
    """The kept findings of the keys of one comparison: ``prepare`` digests each key and reads
    those kept in one query; ``kept`` gives a key's, ``keep`` records a key compared afresh and
    ``save`` writes those in one transaction."""

    def __init__(self, cache: ClaimCache, signature: str, schema: KeySchema) -> None:
        self.cache = cache
        self.signature = signature
        self.schema = schema
        # Records are written whole, every field in its declared order (a value's fields name
        # its kind): a claim spelled in another order gives another digest, so a key compared
        # again, never a result read for other claims.
        self._encode = msgspec.json.Encoder().encode
        self._decode = msgspec.json.Decoder(list[Finding]).decode
        self.digests: dict[str, str] = {}
        self._found: dict[str, str] = {}
        self._new: list[tuple[str, str]] = []
        self.reused = 0

    def prepare(self, keys: Sequence[str], keyed: KeyedClaims) -> None:
        """Digest the comparison of each of the keys and read the kept findings of those digests."""
        head = f"{MEMO_VERSION}\n{self.signature}\n{tolerances()}\n".encode()
        hashes = {key: self.hashed(head, key, keyed) for key in keys}
        # a key with a weakly matched claim: the claims of the sentences of its claims, looked up
        # for all such keys in one pass
        sentences_of = {key: list(dict.fromkeys((c.article, c.sentence_start) for c in keyed.all_of(key)))
                        for key in keys if self.weakly_matched(key, keyed)}
        found = keyed.in_sentences({s for sentences in sentences_of.values() for s in sentences})
        for key, sentences in sentences_of.items():
            hashes[key].update(b"\nbeside\n")
            hashes[key].update(self._encode([found.get(s, []) for s in sentences]))
        self.digests = {key: h.hexdigest() for key, h in hashes.items()}
        self._found = self.cache.comparisons(list(self.digests.values()))

    def hashed(self, head: bytes, key: str, keyed: KeyedClaims):
        """A hash of the claims of ``key`` and of what their periods are read from (for a key with a
        weakly matched claim, ``prepare`` adds the claims beside)."""
        h = hashlib.sha256(head + key.encode())
        for claims in (keyed.claims[key], [c for c, _ in keyed.lengths.get(key, ())]):
            h.update(b"\n")
            h.update(self._encode(claims))
        # the periods: each claim's is read from the claim and from its article's dates
        h.update(b"\n")
        h.update(keyed.dates_of(keyed.articles_of(key)))
        return h

    def weakly_matched(self, key: str, keyed: KeyedClaims) -> bool:
        """Whether a claim compared under the key is weakly matched (see Corroboration)."""
        schema = self.schema
        return any(weak(c, schema) for c in keyed.all_of(key) if c.inferred)

    def kept(self, key: str) -> list[Finding] | None:
        """The kept findings of a key whose digest was found, else None (also when what was kept
        cannot be read: the key is compared again)."""
        data = self._found.get(self.digests.get(key, ""))
        if data is None:
            return None
        try:
            findings = self._decode(data)
        except msgspec.DecodeError as e:
            log.warning("comparison of %s: kept findings unreadable (%s); compared again", key, e)
            return None
        self.reused += 1
        return findings

    def keep(self, key: str, findings: Sequence[Finding]) -> None:
        if key in self.digests:
            self._new.append((self.digests[key], self._encode(findings).decode("utf-8")))

    def save(self) -> None:
        log.debug("comparison: %d keys reused, %d compared afresh", self.reused, len(self._new))
        self.cache.keep_comparisons(self._new)
        self._new = []
