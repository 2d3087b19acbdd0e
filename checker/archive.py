"""A draft against an archive: the archive's claims about what the drafts are about, compared.

The archive is a claim index (checker.index), or folders and files indexed into a private
in-memory index first, so that a folder and an index of it give the same findings. Only the
claims that could be about what the drafts are about are read (by key and by the core of a key,
through the index's SQL indexes), and only pairs with a draft claim in them are compared: the
archive's own disagreements are a run of their own. The identical copies of one report share a
claim set in the index: each set is read and compared once, through its first article, and a
report shows that article once, with the paths of its copies (``Article.copies``): each of its
claims stands for theirs, and a finding's id is the one their claims spelled out would give.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from checker.articles import DEFAULT_SUFFIXES, shown
from checker.conflicts import find_conflicts
from checker.index import ClaimIndex, IndexFileError, claim_core, is_database_url, is_index_file
from checker.keys import KeySchema
from checker.lean import Decoder, LeanArticle, LeanClaim, as_article, as_claim
from checker.matching import Group, complete_keys, filler_key, may_be_completed, shorter_keys
from checker.models import Article, Claim, Finding, Problem
from checker.runner import DEFAULT_TIME_LIMIT


def against_archive(drafts: list[Article], draft_claims: list[Claim], sources: list[str], rules, schema: KeySchema,
                    problems: list[Problem], language: str | None = None,
                    limit: float | None = DEFAULT_TIME_LIMIT) -> tuple[list[Article], list[Claim], list[Finding]]:
    """Drafts against an archive: the archive's claims about what the drafts are about, compared.

    A folder archive is indexed into a private in-memory index first, so that a folder and an
    index of it give the same findings.
    """
    if len(sources) == 1 and (is_index_file(sources[0]) or is_database_url(sources[0])):
        index = ClaimIndex(sources[0])
    else:
        from checker.indexing import update_index  # imported here: only an archive of folders is indexed

        index = ClaimIndex(":memory:")
        stats = update_index(index, archive_sources(sources, problems), rules, schema, language, limit=limit)
        problems.extend(stats.problems)
    with index:
        if not index.holds_articles():
            problems.append(Problem(file=", ".join(shown(p) for p in sources),
                                    message="the archive holds no article: the drafts were checked against nothing"))
        elif index.being_built():
            problems.append(Problem(severity="warning", file=index.path, message=(
                f"check index is building this index (or was stopped before it ended): the drafts were checked "
                f"against the {index.articles_held()} articles it holds so far")))
        try:
            found = candidates(index, drafts, draft_claims, schema)
            claims, findings = compared_with(found, drafts, draft_claims, schema)
            archive = found.articles_of({c.article for c in claims})
        except ValueError as e:  # msgspec's and pydantic's errors of a damaged row are ValueErrors
            raise IndexFileError(f"{index.path}: a stored claim or article is damaged ({e}); "
                                 f"rebuild the index with check index ... --db {index.path}") from None
    return [*drafts, *(as_article(a) for a in archive)], [as_claim(c) for c in claims], findings


def compared_with(found: Candidates, drafts: list[Article], draft_claims: list[Claim],
                  schema: KeySchema) -> tuple[list[Claim | LeanClaim], list[Finding]]:
    """The claims a report shows (the drafts' and those of the archive in its findings) and the
    findings that involve a draft: each distinct claim set of the archive is compared once,
    through its first article, which stands for its copies."""
    claims = complete_keys([*draft_claims, *found.claims], schema, found.known)
    draft_ids = {c.id for c in draft_claims}
    wanted = {c.key for c in claims if c.id in draft_ids and c.key}
    wanted |= {d for c in claims if c.id in draft_ids and c.key and (d := schema.duration_key(c.kind, c.key))}
    # Every draft claim (their dates date their sentences); of the archive, what a draft is about
    # (an archive claim carries the period its article gives it).
    compared = [c for c in claims if c.id in draft_ids or c.key in wanted
                or c.key and schema.duration_key(c.kind, c.key) in wanted]
    findings = find_conflicts(compared, {a.id: a for a in [*drafts, *found.archive]}, schema, focus=draft_ids,
                              copies_of=found.copies.of_articles)
    findings = [f for f in findings if draft_ids & set(f.claims)]
    involved = {cid for f in findings for cid in f.claims}
    return [c for c in claims if c.id in draft_ids or c.id in involved], findings


class SetsRead(Mapping[str, list[str]]):
    """The archive's claim sets a draft's check reads: of each, its first article (the least id
    not of a draft's text, renamed where a draft holds it: ``first``), how many of its articles
    are kept and how many are of a draft's text. Counted in SQL: a set's other articles are read
    only when asked for, a finding's. As a mapping: a first article's id -> the ids of its copies."""

    def __init__(self, index: ClaimIndex, sets: set[str], same: set[str], taken: set[str]) -> None:
        self.index = index
        self.paths: dict[str, str] = {}  # of the articles read, by stored id
        self.stored_id: dict[str, str] = {}  # an archive id a draft holds: as stored
        self._copies: dict[str, list[str]] = {}
        least = index.sets_of(sets)
        odd = {aid: set_id for aid, set_id in index.sets_of_articles(same | taken).items() if set_id in least}
        self.others = (same | taken) - odd.keys()  # a draft's ids and texts outside the sets read
        members: dict[str, list[str]] = defaultdict(list)  # of the sets that hold a draft's id or text
        for aid, set_id, path in index.paths_of_sets(set(odd.values())):
            members[set_id].append(aid)
            self.paths[aid] = path
        self.first: dict[str, str] = {}
        self.kept: dict[str, int] = {}
        self.dropped: dict[str, int] = {}
        self.keys = {set_id: keys for set_id, (_, _, keys) in least.items()}  # by core, as JSON
        for set_id, (n, first, _) in least.items():
            ids = [first]
            if set_id in members:
                ids = [a if a not in taken else own_id(a) for a in sorted(members[set_id]) if a not in same]
                self.stored_id.update((own_id(a), a) for a in members[set_id] if a in taken)
                if ids:
                    self._copies[ids[0]] = ids[1:]
            self.kept[set_id] = len(ids) if set_id in members else n
            self.dropped[set_id] = n - self.kept[set_id]
            if ids:
                self.first[set_id] = ids[0]
        self.set_of = {aid: set_id for set_id, aid in self.first.items()}
        self._copied = [first for set_id, first in self.first.items() if self.kept[set_id] > 1]

    def __getitem__(self, first: str) -> list[str]:
        found = self.of_articles([first]).get(first)
        if found is None:
            raise KeyError(first)
        return found

    def of_articles(self, articles: list[str]) -> dict[str, list[str]]:
        """The copies of those of these articles that have any (of a finding: read at once)."""
        unread = {self.set_of[a] for a in articles if a not in self._copies and a in self.set_of
                  and self.kept[self.set_of[a]] > 1}
        for aid, set_id, path in sorted(self.index.paths_of_sets(unread) if unread else ()):
            self.paths[aid] = path
            if aid != self.first[set_id]:
                self._copies.setdefault(self.first[set_id], []).append(aid)
        return {a: self._copies[a] for a in articles if self._copies.get(a)}

    def __iter__(self) -> Iterator[str]:
        return iter(self._copied)

    def __len__(self) -> int:
        return len(self._copied)


@dataclass
class Candidates:
    """What a draft's check reads of an archive: the first article of each claim set about what
    the drafts are about (``archive``, renamed where a draft holds its id) with its claims, the
    sets read (``copies``: the other articles of each, by the first's id), and the archive's
    groups of the drafts' cores that matching needs."""

    archive: list[LeanArticle]
    claims: list[LeanClaim]
    known: list[Group]
    copies: SetsRead

    def articles_of(self, used: set[str]) -> list[LeanArticle]:
        """The archive's articles of these ids (the first ones of their sets), each with the
        paths of its copies, in their stored order."""
        sets = self.copies
        return [a.model_copy(update={"copies": [sets.paths[sets.stored_id.get(aid, aid)] for aid in sets[a.id]]})
                if a.id in sets else a for a in self.archive if a.id in used]


def own_id(aid: str) -> str:
    """The id of an archive article whose id a draft already uses."""
    return f"archive:{aid}"


def candidates(index: ClaimIndex, drafts: list[Article], draft_claims: list[Claim], schema: KeySchema) -> Candidates:
    """The archive's claim sets that could be about what the drafts are about, each read once
    through its first article and decoded leanly (checker.lean), with the other articles of each
    set, and the archive's groups of the drafts' cores that matching needs."""
    cores = {claim_core(c, schema) for c in draft_claims if c.key}
    counts = index.groups_of(cores)
    same = index.ids_of_texts({a.sha256 for a in drafts})  # a draft already in the archive
    taken = {a.id for a in drafts}
    decoder = Decoder()
    rows = index.claim_data_about(keys_about(draft_claims, groups_at_hand(index, counts, cores, taken), schema))
    sets = SetsRead(index, {set_id for set_id, _ in rows}, same, taken)
    stored = sets.stored_id
    found = Candidates([], [], [], sets)
    found.claims = sorted((decoder.claim_of(data, sets.first[set_id]) for set_id, data in rows if set_id in sets.first),
                          key=lambda c: (stored.get(c.article, c.article), c.start, c.kind))
    read = [decoder.article(data) for data in index.article_rows_of(stored.get(a, a) for a in sets.first.values())]
    found.archive = sorted((a if a.id not in taken else a.model_copy(update={"id": own_id(a.id)}) for a in read),
                           key=lambda a: stored.get(a.id, a.id))
    stating = {set_id: decoder.keys(held) for set_id, held in sets.keys.items()}
    found.known = groups_read(index, counts, cores, sets, stating, same)
    found.known += copies_of_other_keys({key for key, _, _ in counts}, found.claims, sets)
    return found


def groups_read(index: ClaimIndex, counts: list[tuple[str, dict[str, str], int]], cores: set[str], sets: SetsRead,
                stating: dict[str, dict[str, list[str]]], same: set[str]) -> list[Group]:
    """The archive's groups of the drafts' cores, naming the first article of each claim set read
    and counting the other articles; an article of a draft's text (``same``) is left out."""
    firsts: dict[str, set[str]] = defaultdict(set)  # per key, the first articles of the sets read that state it
    left_out: dict[str, int] = defaultdict(int)  # per key, the articles of a draft's text that state it
    for set_id, held in stating.items():
        for core in cores.intersection(held):
            for key in held[core]:
                left_out[key] += sets.dropped[set_id]
                if set_id in sets.first:
                    firsts[key].add(sets.first[set_id])
    for key, aid in index.keys_of_articles(cores, sets.others) if sets.others else ():
        left_out[key] += aid in same
    return [Group(key, parts, firsts.get(key, set()), n - left_out[key] - len(firsts.get(key, ())))
            for key, parts, n in counts]


def copies_of_other_keys(counted: set[str], claims: list[LeanClaim], sets: SetsRead) -> list[Group]:
    """For the keys of the claims read that are not of the drafts' cores (durations, events),
    the copies of the sets read that state them, counted: matching counts the articles of a
    key it has claims of."""
    held_by: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, dict[str, str]] = {}
    for c in claims:
        if c.key is not None and c.key not in counted:
            held_by[c.key].add(sets.set_of[c.article])
            parts.setdefault(c.key, dict(c.key_parts))
    return [Group(key, parts[key], set(), sum(sets.kept[s] - 1 for s in held)) for key, held in sorted(held_by.items())]


def groups_at_hand(index: ClaimIndex, counts: list[tuple[str, dict[str, str], int]], cores: set[str],
                   at_hand: set[str]) -> list[Group]:
    """The archive's groups of these cores, naming only the articles at hand among those that
    state each key and counting the others: matching asks only of articles whose claims it has."""
    members: dict[str, set[str]] = {}
    for key, aid in index.keys_of_articles(cores, at_hand):
        members.setdefault(key, set()).add(aid)
    return [Group(key, parts, members.get(key, set()), n - len(members.get(key, ()))) for key, parts, n in counts]


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
