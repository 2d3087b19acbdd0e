"""Running rules over articles: documents in, claims (and the problems of rules) out."""
from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from checker.articles import Document
from checker.keys import KeySchema
from checker.models import Claim, ClaimDraft, Problem
from checker.registry import Rule
from checker.suppress import apply_markers

log = logging.getLogger(__name__)


def to_claim(doc: Document, rule: Rule, draft: ClaimDraft, schema: KeySchema, sentences: dict | None = None) -> Claim:
    """Give a rule's draft its id, line, sentence and key (written by ``schema``); refuse spans
    outside the text.

    ``sentences`` keeps one copy of each sentence for the claims that share it."""
    if not 0 <= draft.start < draft.end <= len(doc.text):
        raise ValueError(f"span {draft.start}..{draft.end} outside the text of {len(doc.text)} characters")
    s_start, s_end = doc.sentence_at(draft.start)
    s_end = max(s_end, draft.end)
    scanned = doc.scan_text[s_start:s_end]
    s_start += len(scanned) - len(scanned.lstrip())  # not the blanked header token
    key = None if draft.partial else schema.make_key(draft.kind, draft.key_parts)
    line = doc.line_of(draft.start)
    return Claim(
        id=f"{doc.article.id}@{draft.start}{schema.kind(draft.kind).mark}",
        article=doc.article.id,
        rule=rule.code,
        kind=draft.kind,
        start=draft.start,
        end=draft.end,
        line=line,
        column=draft.start - doc.line_starts[line - 1] + 1,
        text=doc.text[draft.start:draft.end],
        value=draft.value,
        key=key,
        key_parts=draft.key_parts,
        evidence=draft.evidence,
        attribution=draft.attribution,
        period=draft.period,
        earlier=draft.earlier,
        inferred=draft.inferred,
        article_place=draft.article_place,
        partial=draft.partial,
        running=draft.running,
        context=draft.context,
        unkeyed=(draft.unkeyed or "nothing its rule could key") if key is None else None,
        sentence=shared(sentences, doc.text[s_start:s_end].rstrip()),
        sentence_start=s_start,
    )


def shared(pool: dict | None, text: str) -> str:
    return text if pool is None else pool.setdefault(text, text)


@dataclass
class Extraction:
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    suppressed: Counter = field(default_factory=Counter)  # claims silenced by markers, by reason

    def add(self, part: "Extraction") -> None:
        self.claims.extend(part.claims)
        self.problems.extend(part.problems)
        self.suppressed.update(part.suppressed)


def extract_document(doc: Document, rules: Sequence[Rule], schema: KeySchema) -> Extraction:
    """All claims of one article. A rule that raises becomes a problem of that rule and article."""
    out = Extraction()
    seen: set[str] = set()
    sentences: dict[str, str] = {}
    for part in doc.by_language():
        views: dict = {}  # what the rules read of this part, each made once (see Rule.reads)
        for rule in rules:
            if part.article.language not in rule.languages:
                continue
            try:
                drafts = list(rule.extract(view_of(part, rule, views)))
                claims = [to_claim(doc, rule, d, schema, sentences) for d in drafts]
            except Exception as e:
                log.debug("rule %s failed on %s", rule.code, doc.article.path, exc_info=True)
                out.problems.append(Problem(file=doc.article.path, rule=rule.code, message=f"rule {rule.name} raised {e!r}"))
                continue
            for claim in claims:
                # Two rules (or one rule twice) claiming the same span: the first one stands.
                if claim.id not in seen:
                    seen.add(claim.id)
                    out.claims.append(claim)
    out.claims, out.suppressed = apply_markers(doc, out.claims, out.problems)
    return out


def view_of(doc: Document, rule: Rule, views: dict):
    """What a rule reads of an article: the Document, or what its ``reads`` makes of it, made
    once per article and shared by the rules that name the same maker."""
    make = rule.reads
    if make is None:
        return doc
    if make not in views:
        views[make] = make(doc)
    return views[make]


def _extract_many(args: tuple[list[Document], Sequence[Rule], KeySchema]) -> Extraction:
    docs, rules, schema = args
    total = Extraction()
    with no_cycle_collection():
        for doc in docs:
            total.add(extract_document(doc, rules, schema))
    return total


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the collector of reference cycles while claims pile up: a check makes next to no
    cycles, and the collector's passes over the growing heap of claims cost some 6% of a run of
    1,000 articles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_all(docs: Iterable[Document], rules: Sequence[Rule], schema: KeySchema, jobs: int = 1,
                start_method: str | None = None) -> Extraction:
    """Claims of all articles, in article order; with ``jobs`` > 1 in that many processes,
    started by ``start_method`` ("fork", "spawn", "forkserver"; None: the platform's default).

    The processes receive the rules as built (options and vocabulary included) and the schema
    with their articles: nothing of the parent's module state is needed."""
    docs = list(docs)
    if jobs <= 1 or len(docs) < 2:
        return _extract_many((docs, rules, schema))
    chunks = [docs[i::jobs] for i in range(jobs)]
    total = Extraction()
    context = multiprocessing.get_context(start_method) if start_method else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        parts = list(pool.map(_extract_many, [(c, rules, schema) for c in chunks]))
    order = {d.article.id: i for i, d in enumerate(docs)}
    for part in parts:
        total.add(part)
    total.claims.sort(key=lambda c: (order[c.article], c.start))
    total.problems.sort(key=lambda p: (p.file or "", p.rule or "", p.message))
    return total
