"""Vocabulary of the built-in rules, read from the TOML data files beside them.

Each language has its data folder (``data/nl``, ``data/en``). The files are read and their
patterns compiled once per language and config (see checker.rules.toolkit.vocabulary); a
newsroom extends the vocabulary by editing the data or in its config.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property

import regex

# calendar_names, month_names and load_data are read from here by the rules.
from checker.rules.toolkit.vocabulary import Language, calendar_names, load_data, month_names

WHOLE_TEXT_SCAN = 200  # characters: texts this long are scanned whole once, then looked up
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")


def data_cache(fn):
    """``functools.cache`` for what is built from the vocabulary data. Such a function takes a
    :class:`~checker.rules.toolkit.vocabulary.Language`, so its entries are per language and
    per config's additions, and the process builds each once."""
    return cache(fn)


def longest_first(forms: list[str]) -> list[str]:
    """The forms in lower case, each once, longest first and alphabetical among equals: the same
    pattern in every process, so that its compiled form can be kept (see checker.kept_patterns)."""
    return sorted({f.lower() for f in forms}, key=lambda f: (-len(f), f))


def literal_pattern(forms: list[str]) -> str:
    """Like ``phrase_pattern``, for the standard library's re."""
    alts = longest_first(forms)
    return "|".join(r"\s+".join(re.escape(part) for part in f.split()) for f in alts)


@functools.lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (the article being read is remembered: every
    lexicon looks it up)."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: keep such letters as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def phrase_pattern(forms: list[str]) -> str:
    """An alternation of phrases, longest first, with flexible white space."""
    alts = longest_first(forms)
    return "|".join(r"\s+".join(regex.escape(part) for part in f.split()) for f in alts)


def words_pattern(forms: list[str], after: str = r"(?![\p{L}])") -> regex.Pattern:
    """A pattern of whole words or phrases from ``forms`` (none: never matches), then ``after``:
    by default the end of a word; white space and the end of the text for words that must end
    just before a position ("de dertig": ``\\s+\\Z``)."""
    return ending_at(rf"(?<![\p{{L}}])(?:{phrase_pattern(forms) or '(?!)'}){after}", regex.I)


def ending_at(pattern: str, flags: int = 0) -> regex.Pattern:
    """A compiled pattern; one that must end where the searched span ends (``\\Z``) is searched
    from that end (regex's REVERSE flag), so a long look-behind window costs no more than a short
    one. The words just before a figure are asked about many times per article."""
    return regex.compile(pattern, flags | (regex.REVERSE if pattern.endswith(r"\Z") else 0))


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str
    words: str


class Lexicon:
    """Finds the labelled words of one vocabulary table in a text.

    ``compounds="head"`` lets a form match the end of a compound ("jachtvliegtuigen" ->
    "vliegtuigen"); ``compounds="modifier"`` lets it match the start of a hyphenated compound
    ("NAVO-troepen" -> "navo"). A form written as ``=form`` matches whole words only.
    """

    def __init__(self, table: dict[str, list[str]], compounds: str = "none") -> None:
        self.label_of: dict[str, str] = {}
        exact, loose = [], []
        for label, forms in table.items():
            for form in forms:
                bare = form.lstrip("=").lower()
                self.label_of[" ".join(bare.split())] = label
                (exact if form.startswith("=") else loose).append(bare)
        self._source = (exact, loose, compounds)
        self._scanned: tuple[str, list[Hit], list[int], list[int]] | None = None
        self._heads = HeadIndex(exact, loose) if compounds == "head" else None
        self._words = WordIndex.of(exact, loose, compounds) if compounds != "head" else None

    @cached_property
    def pattern(self) -> re.Pattern:
        """One pattern of all the forms: what the lookups of ``HeadIndex`` and ``WordIndex`` give
        the matches of, and what scans for forms that begin with no letter or digit."""
        return re.compile(lexicon_pattern(*self._source))

    def completing(self, prefix: str) -> str | None:
        """The label of every one-word form that ``prefix`` begins, if they share one: the word a
        text cut off in the middle meant ("milit.." -> troops); none when it could be several."""
        prefix = prefix.lower()
        labels = {label for form, label in self.label_of.items() if form.startswith(prefix) and " " not in form}
        return labels.pop() if len(labels) == 1 else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``, offsets relative to ``text``.

        A long text is scanned once and its hits kept, so that the many lookups a rule makes
        in one article (a clause here, a sentence there) cost a bisection each; a hit that
        reaches into the span counts ("snelle reactiemacht" for the span "reactiemacht").
        """
        end = len(text) if end is None else min(end, len(text))
        if len(text) < WHOLE_TEXT_SCAN:
            return self._scan(text, start, end)
        if self._scanned is None or self._scanned[0] is not text:
            hits = self._scan(text, 0, len(text))
            self._scanned = (text, hits, [h.start for h in hits], [h.end for h in hits])
        _, hits, starts, ends = self._scanned
        return hits[bisect_right(ends, start):bisect_left(starts, end)]

    def _scan(self, text: str, start: int, end: int) -> list[Hit]:
        if self._heads is not None:
            return [Hit(a, b, self.label_of[form], text[a:b]) for a, b, form in self._heads.scan(lowered(text), start, end)]
        found = self._words.scan(lowered(text), start, end) if self._words else \
            ((m.start(), m.end(), " ".join(m.group(m.lastgroup).split()))
             for m in self.pattern.finditer(lowered(text), start, end))
        return [Hit(a, b, label, text[a:b]) for a, b, form in found if (label := self.label_of.get(form))]


ALNUM_RUN = re.compile(r"[^\W_]+")


class Runs:
    """The runs of letters and digits of a lower-cased text: where each starts and ends, and
    its letters; the lookups of every lexicon go through them."""

    def __init__(self, low: str, start: int, end: int) -> None:
        found = ALNUM_RUN.finditer(low, start, end)
        spans = [m.span() for m in found]
        self.low, self.start = low, start
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.words = [low[a:b] for a, b in spans]
        self._endings: dict[int, list[str]] = {}

    def endings(self, k: int) -> list[str]:
        """The last ``k`` characters of the text up to each run's end ("-top" for "navo-top")."""
        column = self._endings.get(k)
        if column is None:
            low, start = self.low, self.start
            column = self._endings[k] = [low[e - k:e] if e - k >= start else low[start:e] for e in self.ends]
        return column


def alnum_runs(low: str, start: int, end: int) -> Runs:
    """The runs of ``low[start:end]``; those of a whole text are kept for the next lexicon."""
    if start or end != len(low):
        return Runs(low, start, end)
    return whole_runs(low)


@functools.lru_cache(maxsize=2)
def whole_runs(low: str) -> Runs:
    return Runs(low, 0, len(low))


PREFIX = 4  # letters: at most this many of a word are compared with the words of a Starts


@dataclass(frozen=True)
class Starts:
    """What the words that may begin a pattern's match begin with: a digit, or their first
    ``length`` letters are one of ``prefixes`` (``length`` is that of the shortest such word, so
    "een" lets "eenentwintig" through)."""

    length: int
    prefixes: frozenset[str]

    @classmethod
    def of(cls, words) -> "Starts | None":
        """The starts of these words or phrases (their first words count); None if one of them
        begins with no letter or digit."""
        firsts = [m.group() if (m := ALNUM_RUN.match(w.lower())) else "" for w in words]
        if not all(firsts):
            return None
        length = min(PREFIX, *map(len, firsts))
        return cls(length, frozenset(w[:length] for w in firsts))


def matches_at_words(pattern: regex.Pattern, text: str, first: Starts) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match begins a word
    (a run of letters and digits not joined to the one before by a hyphen) that starts with a
    digit or with one of ``first``: tried at those words only, not at every character."""
    low = lowered(text)
    runs = alnum_runs(low, 0, len(low))
    n, prefixes = first.length, first.prefixes
    starts = [s for s, word in zip(runs.starts, runs.words)
              if (word[0].isdigit() or word[:n] in prefixes) and (not s or low[s - 1] != "-")]
    return _matches_at(pattern, text, starts)


def matches_at_capitals(pattern: regex.Pattern, text: str) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern whose every match begins a word
    with a capital letter (a name): tried at those words only."""
    low = lowered(text)
    runs = alnum_runs(low, 0, len(low))
    return _matches_at(pattern, text, [s for s in runs.starts if text[s].isupper() and (not s or low[s - 1] != "-")])


def _matches_at(pattern: regex.Pattern, text: str, starts: list[int]) -> Iterator[regex.Match]:
    after = 0
    for s in starts:
        if s >= after and (m := pattern.match(text, s)):
            yield m
            after = m.end()


# The standard library's re scans a lower-cased text for long literal alternations several
# times faster than regex does with IGNORECASE; these patterns need nothing more.
L, LETTER = r"[^\W_]", r"(?:[^\W\d_]|-)"
WORD_START = rf"(?<!{L})(?<!-)"


def lexicon_pattern(exact: list[str], loose: list[str], compounds: str, word_start: str = WORD_START) -> str:
    """The pattern of a lexicon's forms (see ``Lexicon``): whole-word forms in group ``w0``, the
    others in ``w1``, each at a word's start (``word_start``)."""
    parts = []
    if exact:
        parts.append(rf"{word_start}(?P<w0>{literal_pattern(exact)})(?!{L}|-{L})")
    if loose:
        if compounds == "head":
            parts.append(rf"{word_start}{LETTER}*?(?P<w1>{literal_pattern(loose)})(?!{L})")
        elif compounds == "modifier":
            parts.append(rf"{word_start}(?P<w1>{literal_pattern(loose)})(?:-{LETTER}+)?(?!{L})")
        else:
            parts.append(rf"{word_start}(?P<w1>{literal_pattern(loose)})(?!{L}|-{L})")
    return "|".join(f"(?:{p})" for p in parts) or r"(?!)"


class WordIndex:
    """The forms of a lexicon without head compounds, tried only where a word starts that begins
    one of them: the matches of the lexicon's pattern, with one dictionary lookup for most words."""

    def __init__(self, by_first: dict[str, str]) -> None:
        self.by_first = by_first  # the pattern of the forms that begin with a word
        self._compiled: dict[str, re.Pattern] = {}  # compiled when the word is first met

    def _pattern(self, word: str) -> re.Pattern:
        pattern = self._compiled.get(word)
        if pattern is None:
            pattern = self._compiled[word] = re.compile(self.by_first[word])
        return pattern

    @classmethod
    def of(cls, exact: list[str], loose: list[str], compounds: str) -> "WordIndex | None":
        """The index of these forms; None if a form starts with no letter or digit (the pattern
        does for such forms)."""
        groups: dict[str, tuple[list[str], list[str]]] = {}
        for forms, which in ((exact, 0), (loose, 1)):
            for form in forms:
                first = ALNUM_RUN.match(form)
                if first is None:
                    return None
                groups.setdefault(first.group(), ([], []))[which].append(form)
        return cls({first: lexicon_pattern(e, f, compounds, word_start="") for first, (e, f) in groups.items()})

    def scan(self, low: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, form) of every match in ``low[start:end]``, left to right, not overlapping."""
        found, after, by_first = [], start, self.by_first
        runs = alnum_runs(low, start, end)
        for i in [i for i, word in enumerate(runs.words) if word in by_first]:
            s = runs.starts[i]
            if s < after:
                continue
            if s and (low[s - 1] == "-" or low[s - 1].isalnum()):
                continue  # inside a word: the span began within it
            m = self._pattern(runs.words[i]).match(low, s, end)
            if m:
                found.append((s, m.end(), " ".join(m.group(m.lastgroup).split())))
                after = m.end()
        return found


TOKEN = re.compile(r"(?<![^\W_])(?<!-)(?:[^\W\d_]|-)(?:[^\W_]|-)*(?:['’][^\W\d_]+(?![^\W_]))?")
TAIL = 4  # letters: words are looked at when they end like a form (its last four letters)
SHORT = 3  # letters: a shorter form heads no compound
WORD_INNER = "-'’"


class HeadIndex:
    """Forms found as heads of compounds, by looking words up rather than by a pattern.

    The same matches as the pattern ``prefix*? form`` of ``Lexicon`` ("jachtvliegtuigen" ->
    "vliegtuigen", "NAVO-secretaris-generaal" -> "secretaris-generaal"; the longest form at the
    shortest prefix), found with a few dictionary lookups per word: most words are ruled out by
    their last letters alone.
    """

    def __init__(self, exact: list[str], loose: list[str]) -> None:
        norm = [(" ".join(f.split()), True) for f in exact] + [(" ".join(f.split()), False) for f in loose]
        self.exact = {f for f, is_exact in norm if is_exact and " " not in f}
        self.loose = {f for f, is_exact in norm if not is_exact and " " not in f}
        multi = [(f, is_exact) for f, is_exact in norm if " " in f]
        self.multi_exact = self._pattern([f for f, e in multi if e])
        self.multi_loose = self._pattern([f for f, e in multi if not e])
        self.first_words = {f.split()[0] for f, _ in multi}
        self.tails = {f[-TAIL:] for f in self.loose | self.exact} | {f.split()[0][-TAIL:] for f, _ in multi}
        self.tail_lengths = sorted({len(t) for t in self.tails}, reverse=True)

    @staticmethod
    def _pattern(forms: list[str]) -> re.Pattern | None:
        return re.compile(rf"(?:{literal_pattern(forms)})(?![^\W_])") if forms else None

    def scan(self, low: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, form) of every hit in ``low[start:end]``, left to right, not overlapping."""
        found, after, done = [], start, set()
        runs, tails = alnum_runs(low, start, end), self.tails
        ending_like_a_form: set[int] = set()
        for k in self.tail_lengths:
            column = runs.endings(k)
            if not tails.isdisjoint(column):
                ending_like_a_form.update(i for i, ending in enumerate(column) if ending in tails)
        for i in sorted(ending_like_a_form):
            e = runs.ends[i]
            w = word_start(low, e, start)
            if w in done:
                continue
            done.add(w)
            # A match starts at the word's start or after an apostrophe in it ("commando'stroepen").
            we = e
            while we < end and (low[we].isalnum() or low[we] in WORD_INNER):
                we += 1
            starts = [w] + [i + 1 for i in range(w, we) if low[i] in "'’"]
            for s in starts:
                token = TOKEN.match(low, s, end) if s >= after else None
                hit = self._match(low, s, token.end(), end) if token else None
                if hit:
                    found.append(hit)
                    after = hit[1]
        return found

    def _match(self, low: str, s: int, e: int, limit: int) -> tuple[int, int, str] | None:
        tok = low[s:e]
        ends = [e] + [s + i for i in range(len(tok) - 1, 0, -1) if tok[i] in WORD_INNER]
        for x in ends:  # a whole-word form: not followed by a letter or "-letter" ("man'", not "man-")
            if low[s:x] in self.exact and not (low[x:x + 1] == "-" and low[x + 1:x + 2].isalnum()):
                return s, x, low[s:x]
        if self.multi_exact and tok in self.first_words:
            m = self.multi_exact.match(low, s, limit)
            if m:
                return s, m.end(), " ".join(m.group().split())
        stop = next((i for i, c in enumerate(tok) if c in "'’" or c.isdigit()), len(tok))  # prefixes: letters, hyphens
        for i in range(stop + 1):
            if self.multi_loose and tok[i:] in self.first_words:
                m = self.multi_loose.match(low, s + i, limit)
                if m:
                    return s, m.end(), " ".join(m.group().split())
            for x in ends:
                if x > s + i and low[s + i:x] in self.loose and (x - s - i >= SHORT or i == 0 or tok[i - 1] == "-"):
                    return s, x, low[s + i:x]
        return None


def word_start(low: str, end: int, limit: int) -> int:
    """The start of the word that ends at ``end``: back over letters, digits, hyphens and
    apostrophes inside it ("commando's"), not over an opening quote ("'Doden")."""
    s = end
    while s > limit:
        c = low[s - 1]
        if c.isalnum() or c == "-" or c in "'’" and s - 2 >= limit and low[s - 2].isalpha():
            s -= 1
        else:
            break
    return s


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary of one language."""

    language: str
    source: Language  # the language and additions it was built from, for the data built beside it
    concepts: Lexicon
    qualifiers: Lexicon
    actors: Lexicon
    claimants: Lexicon  # who may state a figure without owning it: "volgens de politie", "organisers said"
    places: Lexicon
    place_prepositions: frozenset[str]
    opponent_prepositions: frozenset[str]
    countries: frozenset[str]
    attribution: regex.Pattern
    claimant_before: frozenset[str]
    subject_after_verb: bool
    clause_break: regex.Pattern
    generic: regex.Pattern
    count_noun: regex.Pattern
    count_after: regex.Pattern
    earlier: regex.Pattern
    before_event: regex.Pattern
    relative_to_event: regex.Pattern
    border_with: regex.Pattern
    across_border: regex.Pattern
    baseline: regex.Pattern
    planned: regex.Pattern
    function_words: frozenset[str]
    own_qualifiers: frozenset[str]
    sentence_qualifiers: frozenset[str]  # qualifiers of every figure of their sentence: "in the poll"
    implied_qualifiers: dict[str, frozenset[str]]
    owner_before: regex.Pattern
    owners: dict[str, frozenset[str]]
    definite_before: regex.Pattern
    size_compound: regex.Pattern
    size_labels: dict[str, str]

    def size_of(self, text: str, end: int) -> Hit | None:
        """The concept of a compound that gives a whole's size, right after a figure: "the
        30-nation alliance" counts the alliance's members."""
        m = self.size_compound.match(text, end)
        return Hit(m.start(1), m.end(1), self.size_labels[m.group(1).lower()], m.group(1)) if m else None

    def may_own(self, concept: str | None, actor: str) -> bool:
        """True unless the concept belongs only to other actors (a country has no member states)."""
        allowed = self.owners.get(concept or "")
        return allowed is None or actor in allowed


@data_cache
def vocabulary(language: Language) -> Vocabulary:
    data = load_data(language, "vocabulary") or load_data(language.other("nl"), "vocabulary")
    grammar = data.get("grammar", {})
    breaks = grammar.get("clause_breaks", [","])
    sizes = {form.lower(): label for label, forms in data.get("size_compounds", {}).items() for form in forms}
    return Vocabulary(
        language=language.code,
        source=language,
        concepts=Lexicon(data.get("concepts", {}), compounds="head"),
        qualifiers=Lexicon(data.get("qualifiers", {})),
        actors=Lexicon(data.get("actors", {}), compounds="modifier"),
        claimants=Lexicon(data.get("claimants", {})),
        places=Lexicon(data.get("places", {}), compounds="modifier"),
        place_prepositions=frozenset(grammar.get("place_prepositions", [])),
        opponent_prepositions=frozenset(grammar.get("opponent_prepositions", [])),
        countries=frozenset(grammar.get("countries", [])),
        attribution=words_pattern(grammar.get("attribution", [])),
        claimant_before=frozenset(" ".join(w.lower().split()) for w in grammar.get("claimant_before", [])),
        subject_after_verb=bool(grammar.get("subject_after_verb", False)),
        # a break between digits is a separator of thousands or decimals ("3,000 of them"), no break
        clause_break=regex.compile(rf"(?!(?<=\d)[,.]\d)(?:{'|'.join(regex.escape(b) for b in breaks)})"),
        generic=words_pattern(grammar.get("generic", [])),
        earlier=words_pattern(grammar.get("earlier", [])),
        before_event=words_pattern(grammar.get("before_event", []), r"\s+"),
        relative_to_event=words_pattern(grammar.get("relative_to_event", []), r"(?:\s+[\p{L}\-]+){0,2}?\s+\Z"),
        border_with=regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('border_with', [])) or '(?!)'})(?![\p{{L}}])", regex.I),
        across_border=ending_at(rf"(?<![\p{{L}}])(?:{phrase_pattern(data.get('places', {}).get('border', [])) or '(?!)'})\s+"
                                rf"(?:{phrase_pattern(grammar.get('border_with', [])) or '(?!)'})\s+\Z", regex.I),
        planned=words_pattern(grammar.get("planned", [])),
        baseline=ending_at(rf"(?<![\p{{L}}])(?:{phrase_pattern(grammar.get('growth', [])) or '(?!)'})(?:\s+\S+){{0,3}}?"
                           rf"\s+(?:{phrase_pattern(grammar.get('compared', [])) or '(?!)'})(?:\s+\S+){{0,2}}?\s+\Z", regex.I),
        function_words=frozenset(w.lower() for w in grammar.get("function_words", [])),
        own_qualifiers=frozenset(grammar.get("own_qualifiers", [])),
        sentence_qualifiers=frozenset(grammar.get("sentence_qualifiers", [])),
        implied_qualifiers={concept: frozenset(labels) for concept, labels in grammar.get("implied_qualifiers", {}).items()},
        owner_before=ending_at(rf"(?<![\p{{L}}])([\p{{L}}\-]+)\s+"
                               rf"(?:{phrase_pattern(grammar.get('owner_before', [])) or '(?!)'})\s+\Z", regex.I),
        count_noun=words_pattern(grammar.get("count_nouns", []), r"\s+"),
        count_after=regex.compile(rf"\s+(?:{phrase_pattern(grammar.get('count_nouns_after', [])) or '(?!)'})(?![\p{{L}}])",
                                  regex.I),
        owners={concept: frozenset(actors) for concept, actors in data.get("owners", {}).items()},
        definite_before=words_pattern(grammar.get("definite", []), r"\s+\Z"),
        size_compound=regex.compile(rf"-({phrase_pattern(list(sizes)) or '(?!)'})(?![\p{{L}}])", regex.I),
        size_labels=sizes,
    )


@data_cache
def events(language: Language) -> Lexicon:
    """The events that dates and durations belong to ("NAVO-top", "oefeningen"), from events.toml."""
    data = load_data(language, "events") or load_data(language.other("nl"), "events")
    return Lexicon(data.get("events", {}), compounds="head")
