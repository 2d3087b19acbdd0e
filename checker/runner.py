"""Running rules over articles: documents in, claims (and the problems of rules) out."""
from __future__ import annotations

import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from checker.articles import Document
from checker.keys import KeySchema
from checker.models import Claim, ClaimDraft, DateValue, Period, Problem, QuantityValue, TextValue
from checker.registry import Rule
from checker.suppress import apply_markers
from checker.workers import Setup, Workers, no_cycle_collection, pack_model, unpack_model

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 5.0  # seconds a rule may spend on one article; an article of 100 KB takes well under one
# Times the limit a rule may run past it once in a process, spent on whichever articles need
# it: its data (word lists, a language's lemmas, the gazetteer built on a first run) loads when
# an article first asks for it, and would otherwise stop the rule on that article. (Default:
# 30 s; the lemmas of a language take about a second, the gazetteer's first build some more.)
WARM_UP = 6


class RuleTimeout(BaseException):
    """A rule ran past its time limit on one article. A BaseException, so that a rule's own
    ``except Exception`` cannot swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise RuleTimeout in the block once ``seconds`` have passed (None or 0: no limit).

    A real-time alarm of the main thread (SIGALRM): it stops Python loops and a search of the
    ``regex`` module in the middle (it looks for signals while it matches); a call into other C
    code is stopped when it returns. Where there is no alarm (another thread, a platform without
    SIGALRM) the block runs unlimited. A caller's own alarm rings after the block at the latest."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def expired(signum, frame):
        if armed:
            raise RuleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)  # a caller's own alarm, if it set one
    started = time.monotonic()
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # the caller's alarm goes on, as late as it would have rung (or at once, if due)
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-6))


def to_claim(doc: Document, rule: Rule, draft: ClaimDraft, schema: KeySchema, sentences: dict | None = None) -> Claim:
    """Give a rule's draft its id, line, sentence and key (written by ``schema``); refuse spans
    outside the text.

    ``sentences`` keeps one copy of each sentence for the claims that share it."""
    check_draft(draft)
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


def check_draft(draft: ClaimDraft) -> None:
    """Refuse a draft whose parts are not of their types (ValueError, the rule's error): a
    ClaimDraft is not validated when made (see checker.records), and a value of another type
    would fail later, in comparing, for the whole run."""
    if not isinstance(draft, ClaimDraft):
        raise ValueError(f"yielded {type(draft).__name__}, not a ClaimDraft")
    if not (draft.value is None or isinstance(draft.value, (QuantityValue, DateValue, TextValue))):
        raise ValueError(f"claim value {draft.value!r}: not a QuantityValue, DateValue, TextValue or None")
    if not (draft.period is None or isinstance(draft.period, Period)):
        raise ValueError(f"claim period {draft.period!r}: not a Period or None")
    if type(draft.start) is not int or type(draft.end) is not int or type(draft.kind) is not str:
        raise ValueError(f"claim kind {draft.kind!r} at {draft.start!r}..{draft.end!r}: a kind is text, a span ints")
    for what in (draft.key_parts, draft.evidence, draft.context):
        if type(what) is not dict or not all(type(k) is str and type(v) is str for k, v in what.items()):
            raise ValueError(f"claim {draft.kind} at {draft.start}: key parts, evidence and context map text to text")


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


def extract_document(doc: Document, rules: Sequence[Rule], schema: KeySchema,
                     limit: float | None = DEFAULT_TIME_LIMIT, spare: dict[str, float] | None = None) -> Extraction:
    """All claims of one article. A rule that raises (``sys.exit`` included), or runs past
    ``limit`` seconds, becomes a problem of that rule and article, and the other rules go on.

    ``spare`` keeps, per rule code, the seconds of its warm-up allowance (WARM_UP times
    ``limit``) not yet spent in this process (a rule not in it has all); without it there is
    no allowance."""
    out = Extraction()
    seen: set[str] = set()
    sentences: dict[str, str] = {}
    for part in doc.by_language():
        views: dict = {}  # what the rules read of this part, each made once (see Rule.reads)
        for rule in rules:
            if part.article.language not in rule.languages:
                continue
            try:
                with allowance(rule, limit, spare) as seconds, time_limit(seconds):
                    drafts = list(rule.extract(view_of(part, rule, views)))
                claims = [to_claim(doc, rule, d, schema, sentences) for d in drafts]
            except KeyboardInterrupt:
                raise
            except BaseException as e:  # noqa: BLE001 - a plugin's failure, even SystemExit, is its own
                log.debug("rule %s failed on %s", rule.code, doc.article.path, exc_info=True)
                out.problems.append(Problem(file=doc.article.path, rule=rule.code, message=rule_failure(rule, e, limit)))
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


@contextmanager
def allowance(rule: Rule, limit: float | None, spare: dict[str, float] | None) -> Iterator[float | None]:
    """The seconds a rule may take on an article: ``limit`` and what is left of its warm-up
    allowance, which loses what the rule takes beyond ``limit``."""
    if not limit or spare is None:
        yield limit
        return
    extra = spare.setdefault(rule.code, WARM_UP * limit)
    started = time.monotonic()
    try:
        yield limit + extra
    finally:
        spare[rule.code] = max(0.0, extra - max(0.0, time.monotonic() - started - limit))


def rule_failure(rule: Rule, error: BaseException, limit: float | None = None) -> str:
    """What a rule's failure on one article is called in the report."""
    if isinstance(error, RuleTimeout):
        given = error.args[0]
        extra = f" (and {given - limit:.3g} s allowed once for loading its data)" if limit and given > limit else ""
        return f"rule {rule.name} stopped: it ran past the time limit of {limit or given:g} s on this article{extra}"
    if isinstance(error, SystemExit):
        return f"rule {rule.name} called sys.exit({error.code!r})"
    return f"rule {rule.name} raised {error!r}"


def extract_all(docs: Iterable[Document], rules: Sequence[Rule], schema: KeySchema, jobs: int = 1,
                start_method: str | None = None, limit: float | None = DEFAULT_TIME_LIMIT) -> Extraction:
    """Claims of all articles, in article order (the same with any ``jobs``); with ``jobs`` > 1
    in that many worker processes, started by ``start_method`` ("fork", "spawn", "forkserver";
    None: the platform's default). A rule may spend ``limit`` seconds on one article (see
    extract_document).

    The workers receive the rules as built (options and vocabulary included) and the schema
    once, when they start, then the articles in chunks (see checker.workers)."""
    docs = list(docs)
    total = Extraction()
    with no_cycle_collection(), Workers(jobs if len(docs) > 1 else 1, Setup(rules, schema, limit),
                                        start_method) as workers:
        for part in workers.map(extract_one, docs, pack=pack_extraction, unpack=unpack_extraction, expected=len(docs)):
            total.add(part)
    log.debug("extract: %d articles, %s", len(docs), workers.spent())
    return total


def extract_one(doc: Document, setup: Setup) -> Extraction:
    """One article's claims, with a process's rules, schema, limit and warm-up allowance."""
    return extract_document(doc, setup.rules, setup.schema, setup.limit, setup.spare)


def pack_extraction(part: Extraction) -> tuple:
    """An article's extraction as a worker sends it: its claims as tuples (see checker.workers)."""
    return [pack_model(c) for c in part.claims], part.problems, part.suppressed


def unpack_extraction(packed: tuple) -> Extraction:
    claims, problems, suppressed = packed
    return Extraction([unpack_model(c) for c in claims], problems, suppressed)
