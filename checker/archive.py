"""A draft against an archive: the archive's claims about what the drafts are about, compared.

The archive is a claim index (checker.index), or folders and files indexed into a private
in-memory index first, so that a folder and an index of it give the same findings. Only the
claims that could be about what the drafts are about are read (by key and by the core of a key,
through the index's SQL indexes), and only pairs with a draft claim in them are compared: the
archive's own disagreements are a run of their own.
"""
from __future__ import annotations

from pathlib import Path

from checker.articles import DEFAULT_SUFFIXES, shown
from checker.conflicts import find_conflicts
from checker.index import ClaimIndex, IndexFileError, claim_core, is_database_url, is_index_file
from checker.indexing import update_index
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
        index = ClaimIndex(":memory:")
        stats = update_index(index, archive_sources(sources, problems), rules, schema, language, limit=limit)
        problems.extend(stats.problems)
    with index:
        held = index.articles_held()
        if held == 0:
            problems.append(Problem(file=", ".join(shown(p) for p in sources),
                                    message="the archive holds no article: the drafts were checked against nothing"))
        elif index.being_built():
            problems.append(Problem(severity="warning", file=index.path, message=(
                f"check index is building this index (or was stopped before it ended): the drafts were checked "
                f"against the {held} articles it holds so far")))
        try:
            archive, archive_claims, known = candidates(index, drafts, draft_claims, schema)
        except ValueError as e:  # msgspec's and pydantic's errors of a damaged row are ValueErrors
            raise IndexFileError(f"{index.path}: a stored claim or article is damaged ({e}); "
                                 f"rebuild the index with check index ... --db {index.path}") from None
    claims = complete_keys([*draft_claims, *archive_claims], schema, known)
    draft_ids = {c.id for c in draft_claims}
    wanted = {c.key for c in claims if c.id in draft_ids and c.key}
    wanted |= {d for c in claims if c.id in draft_ids and c.key and (d := schema.duration_key(c.kind, c.key))}
    # Every draft claim (their dates date their sentences); of the archive, what a draft is about
    # (an archive claim carries the period its article gives it).
    compared = [c for c in claims if c.id in draft_ids or c.key in wanted
                or c.key and schema.duration_key(c.kind, c.key) in wanted]
    findings = find_conflicts(compared, {a.id: a for a in [*drafts, *archive]}, schema, focus=draft_ids)
    findings = [f for f in findings if draft_ids & set(f.claims)]
    involved = {cid for f in findings for cid in f.claims}
    claims = [c for c in claims if c.id in draft_ids or c.id in involved]
    used = {c.article for c in claims}
    return [*drafts, *(as_article(a) for a in archive if a.id in used)], [as_claim(c) for c in claims], findings


def candidates(index: ClaimIndex, drafts: list[Article], draft_claims: list[Claim],
               schema: KeySchema) -> tuple[list[LeanArticle], list[LeanClaim], list[Group]]:
    """The archive's articles and claims that could be about what the drafts are about, decoded
    leanly (checker.lean), and the archive's groups of the drafts' cores that matching needs."""
    cores = {claim_core(c, schema) for c in draft_claims if c.key}
    counts = index.groups_of(cores)
    same = index.ids_of_texts({a.sha256 for a in drafts})  # a draft already in the archive
    taken = {a.id for a in drafts}
    decoder = Decoder()
    keys = keys_about(draft_claims, groups_at_hand(index, counts, cores, taken), schema)
    found = sorted((decoder.claim(data) for data in index.claim_data_about(keys)),
                   key=lambda c: (c.article, c.start, c.kind))

    def own(aid: str) -> str:  # an archive id a draft already uses gets a prefix
        return f"archive:{aid}" if aid in taken else aid

    read, stating = [], {}
    for data, held in index.article_rows_of({c.article for c in found}):
        read.append(decoder.article(data))
        stating[read[-1].id] = decoder.keys(held)
    read.sort(key=lambda a: a.id)
    archive = [a if a.id not in taken else a.model_copy(update={"id": own(a.id)}) for a in read if a.id not in same]
    archive_claims = [renamed(c, own(c.article)) for c in found if c.article not in same]
    members = members_at_hand(index, cores, stating, (same | taken) - stating.keys())
    known = [Group(key, parts, {own(a) for a in members.get(key, ()) if a not in same}, n - len(members.get(key, ())))
             for key, parts, n in counts]
    return archive, archive_claims, known


def groups_at_hand(index: ClaimIndex, counts: list[tuple[str, dict[str, str], int]], cores: set[str],
                   at_hand: set[str]) -> list[Group]:
    """The archive's groups of these cores, naming only the articles at hand among those that
    state each key and counting the others: matching asks only of articles whose claims it has."""
    members: dict[str, set[str]] = {}
    for key, aid in index.keys_of_articles(cores, at_hand):
        members.setdefault(key, set()).add(aid)
    return [Group(key, parts, members.get(key, set()), n - len(members.get(key, ()))) for key, parts, n in counts]


def members_at_hand(index: ClaimIndex, cores: set[str], stating: dict[str, dict[str, list[str]]],
                    others: set[str]) -> dict[str, set[str]]:
    """Per key of these cores, the articles at hand that state it: of the articles read, from the
    keys stored with them (``stating``: per article, its keys by core), of ``others`` asked of
    the index."""
    members: dict[str, set[str]] = {}
    for aid, held in stating.items():
        for core in cores.intersection(held):
            for key in held[core]:
                members.setdefault(key, set()).add(aid)
    for key, aid in index.keys_of_articles(cores, others) if others else ():
        members.setdefault(key, set()).add(aid)
    return members


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


def renamed(claim: LeanClaim, article: str) -> LeanClaim:
    """A claim under another article id (an archive article whose id a draft already uses)."""
    if article == claim.article:
        return claim
    return claim.model_copy(update={"article": article, "id": article + claim.id[len(claim.article):]})
