"""Comparing again only what changed: the findings of each key of a folder's comparison are kept
in the claim cache by a digest of exactly what they depend on.

The findings of one key (see :func:`checker.conflicts.find_conflicts`) are read from its claims
as compared (each claim whole, with its article, its interval, its period and how many days
ahead it lies) and, when one of them is weakly matched, from the claims of the sentences of all
of them (see :class:`checker.disagreement.Corroboration`), by the rules' key schema and the
engine's code. The digest of a key is a hash of all that: the claim cache's signature (the
rules, their options and vocabulary, the source of the engine and the rules), the key and those
claims. A re-run reuses a key's kept findings only when its digest is found, so a changed
article makes only the keys its claims fall in (or stand beside, for a weakly matched claim) be
compared again, and nothing else decides a kept result. A draft's comparison (``focus``) is
never kept.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence

import msgspec
from checker.cache import ClaimCache
from checker.disagreement import Corroboration
from checker.keys import KeySchema
from checker.models import Finding
from checker.pairs import Compared, sentence_of, weak

log = logging.getLogger(__name__)

MEMO_VERSION = "2"  # 2: records written by msgspec whole


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
        self._claims: dict[int, bytes] = {}
        self._periods: dict[int, bytes] = {}
        self.digests: dict[str, str] = {}
        self._found: dict[str, str] = {}
        self._new: list[tuple[str, str]] = []
        self.reused = 0

    def prepare(self, compared: Sequence[tuple[str, Sequence[Compared]]], support: Corroboration) -> None:
        """Digest each key's comparison and read the kept findings of those digests."""
        self.digests = {key: self.digest(key, members, support) for key, members in compared}
        self._found = self.cache.comparisons(list(self.digests.values()))

    def digest(self, key: str, members: Sequence[Compared], support: Corroboration) -> str:
        """A hash of everything the findings of ``key`` are read from."""
        # In the order of the claims (the articles' order, then the claims' in each): claims
        # in another order give another digest, so a key compared again, never a stale result.
        h = hashlib.sha256(f"{MEMO_VERSION}\n{self.signature}\n{key}\n".encode())
        for m in members:
            h.update(self._compared(m))
        if any(weak(m.claim, self.schema) for m in members):
            h.update(b"\nbeside\n")
            for sentence in dict.fromkeys(sentence_of(m) for m in members):
                for m in support.by_sentence.get(sentence, ()):
                    h.update(self._compared(m))
        return h.hexdigest()

    def _compared(self, m: Compared) -> bytes:
        # each claim and period encoded once (both live as long as the comparison)
        claim = self._claims.get(id(m.claim))
        if claim is None:
            claim = self._claims[id(m.claim)] = self._encode(m.claim)
        period = self._periods.get(id(m.period))
        if period is None:
            period = self._periods[id(m.period)] = self._encode(m.period)
        # repr, not JSON, for the interval: its infinite ends would both be written null
        return b"%s|%r|%r|%s|%d\n" % (claim, m.low, m.high, period, m.ahead)

    def kept(self, key: str) -> list[Finding] | None:
        """The kept findings of a key whose digest was found, else None."""
        data = self._found.get(self.digests.get(key, ""))
        if data is None:
            return None
        self.reused += 1
        return [Finding.model_validate(f) for f in json.loads(data)]

    def keep(self, key: str, findings: Sequence[Finding]) -> None:
        if key in self.digests:
            rows = json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False)
            self._new.append((self.digests[key], rows))

    def save(self) -> None:
        log.debug("comparison: %d keys reused, %d compared afresh", self.reused, len(self._new))
        self.cache.keep_comparisons(self._new)
        self._new = []
