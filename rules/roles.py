"""R001 roles: who holds which office.

Offices are read where they name a person: a title before a name ("NAVO-secretaris-generaal
Jens Stoltenberg", "de Britse minister van Buitenlandse Zaken Liz Truss", "Russian Foreign
Minister Sergei Lavrov"), an apposition after one ("Lavrov, the Russian foreign minister"), or
a counterpart ("haar Russische ambtgenoot Sergej Lavrov" holds Truss's office for Russia).
Each mention gives two claims: kind `role`, keyed by the person (the surname's skeleton, as
the names rule makes it), whose value is the office; and kind `holder`, keyed by the office and
its organisation, whose value is the person. Two offices for one person, or two holders of one
office, at one time are a conflict; another holder later is a change.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.toolkit.key_parts import KindSpec
from checker.models import ClaimDraft, TextValue
from checker.rules.toolkit.context import vocabulary
from checker.rules.toolkit.lexicon import Hit, Lexicon, data_cache, load_data, phrase_pattern
from checker.rules.toolkit.persons import NAME_REACH, Skeleton, name_grammar
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.vocabulary import Language, VocabularyRule

MODIFIER_BEFORE = regex.compile(r"([\p{L}\-]+)[ \t]+\Z")


@dataclass(frozen=True)
class RoleGrammar:
    offices: Lexicon
    counterparts: Lexicon
    heads: dict[str, str]
    vague: frozenset[str]
    organisation_after: regex.Pattern
    apposition_before: regex.Pattern
    former_before: regex.Pattern
    name_after: regex.Pattern  # a person's name after a title (see toolkit.persons)


@data_cache
def grammar(language: Language) -> RoleGrammar:
    data = load_data(language, "offices") or load_data(language.other("nl"), "offices")
    g = data.get("grammar", {})
    names = name_grammar(language)
    name = names.name
    return RoleGrammar(
        name_after=names.name_after,
        offices=Lexicon(data.get("offices", {}), compounds="head"),
        counterparts=Lexicon({"counterpart": g.get("counterpart", [])}, compounds="head"),
        heads=dict(data.get("heads", {})),
        vague=frozenset(g.get("vague", [])),
        organisation_after=regex.compile(rf"[ \t]+(?:{words(g, 'of')})[ \t]+(?:(?:{words(g, 'articles')})[ \t]+)?"
                                         r"([\p{L}\-]+)", regex.I),
        apposition_before=regex.compile(rf"{name},[ \t]+(?:(?i:{words(g, 'articles')})[ \t]+)?(?:[\p{{L}}\-]+[ \t]+)?\Z"),
        former_before=regex.compile(rf"(?<![\p{{L}}])(?:{words(g, 'former')})(?![\p{{L}}])[^.!?]{{0,30}}\Z"
                                    rf"|(?<![\p{{L}}])(?:{words(g, 'former_prefixes')})", regex.I),
    )


def words(grammar: dict, name: str) -> str:
    """An alternation of a grammar list of the offices data (never matching when it is empty)."""
    return phrase_pattern(grammar.get(name, [])) or "(?!)"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    person: str  # the name as written
    office: str
    organisation: str | None
    office_words: str


class RoleRule(VocabularyRule):
    code = "R001"
    name = "roles"
    description = """Offices of people: who is secretary-general, foreign minister, president.

    Reads titles before names ("NAVO-topman Jens Stoltenberg", "de Britse premier Boris
    Johnson"), appositions ("Lavrov, the Russian foreign minister") and counterparts ("haar
    Russische ambtgenoot Sergej Lavrov"). Office words normalise to one office
    (rules/data/<language>/offices.toml: NAVO-topman, NAVO-baas and secretaris-generaal van de
    NAVO are the secretary-general of NATO). Claims of kind `role` (person -> office) and
    `holder` (office of an organisation -> person); a surname alone takes the full name the
    article gives earlier."""
    kinds = ("role", "holder")
    key_parts = (part.PERSON, part.OFFICE, part.ORGANISATION)
    kind_specs = (KindSpec("role", mark="r"), KindSpec("holder", mark="h"))
    languages = ("nl", "en")
    version = "1"

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        lang = self.language(doc)
        g, names, vocab = grammar(lang), name_grammar(lang), vocabulary(lang)
        skeleton = Skeleton(names.transliteration)
        full_names = {m.group("last"): " ".join(m.group().split()) for m in names.full_name.finditer(doc.scan_text)
                      if self.is_person(m.group(), names.not_names) and not g.offices.find(m.group().split()[0])}
        last: Mention | None = None
        for m in self.mentions(doc, g, names.not_names, vocab):
            if m.office == "counterpart":
                if last is None or doc.sentence_at(last.start)[0] < doc.sentence_at(m.start)[0] - 400:
                    continue
                m = Mention(m.start, m.end, m.person, last.office, m.organisation, m.office_words)
            last = m
            if m.office in g.vague:
                continue
            surname = m.person.split()[-1]
            person = m.person if len(m.person.split()) > 1 else full_names.get(surname, m.person)
            skel = skeleton(surname)
            office = f"{m.office} of {m.organisation}" if m.organisation else m.office
            evidence = {"person": person, "office": m.office_words}
            earlier = self.earlier(doc, m, g, vocab)
            yield ClaimDraft(kind="role", start=m.start, end=m.end,
                             value=TextValue(text=m.office, parts={"person": person, "office": office}),
                             key_parts={"person": skel}, evidence=evidence, earlier=earlier)
            if m.organisation:
                yield ClaimDraft(kind="holder", start=m.start, end=m.end,
                                 value=TextValue(text=person, parts={"id": skel}),
                                 key_parts={"office": m.office, "organisation": m.organisation}, evidence=evidence,
                                 earlier=earlier)

    @staticmethod
    def earlier(doc: Document, m: Mention, g: RoleGrammar, vocab) -> str | None:
        """Words that put the office in the past: "toenmalig", "oud-premier", "twaalf jaar geleden"."""
        before = g.former_before.search(doc.scan_text, max(0, m.start - 40), m.start + 12)
        if before:
            return before.group().strip()
        found = vocab.earlier.search(doc.scan_text, *doc.sentence_at(m.start))
        return found.group() if found else None

    def mentions(self, doc: Document, g: RoleGrammar, not_names: frozenset[str], vocab) -> Iterator[Mention]:
        text = doc.scan_text
        hits = sorted(g.offices.find(text) + g.counterparts.find(text), key=lambda h: h.start)
        for hit in hits:
            office = hit.label
            org, after = self.organisation(doc, hit, g, vocab)
            if office == "leader" and org in g.heads:
                office = g.heads[org]
            name = g.name_after.match(text, after, after + NAME_REACH)
            if name and self.is_person(name.group("name"), not_names):
                yield Mention(hit.start, name.end("name"), name.group("name"), office, org, hit.words)
                continue
            before = g.apposition_before.search(text, max(0, hit.start - 80), hit.start)
            if before and office != "counterpart" and self.is_person(before.group("name"), not_names):
                yield Mention(before.start("name"), after, before.group("name"), office, org, hit.words)

    @staticmethod
    def organisation(doc: Document, hit: Hit, g: RoleGrammar, vocab) -> tuple[str | None, int]:
        """The organisation or country of an office, and where the office phrase ends.

        In the office word ("NAVO-topman"), just before it ("de Britse premier"), or after it
        ("secretaris-generaal van de NAVO")."""
        text = doc.scan_text
        modifier = text[hit.start:hit.end].split("-")[0].lower() if "-" in text[hit.start:hit.end] else None
        if modifier in vocab.actors.label_of:  # "NAVO-topman"; not "minister van Defensie"
            return vocab.actors.label_of[modifier], hit.end
        word = MODIFIER_BEFORE.search(text, max(0, hit.start - 30), hit.start)
        if word:
            before = vocab.actors.find(text, word.start(1), word.end(1))
            if before:
                return before[0].label, hit.end
        m = g.organisation_after.match(text, hit.end, hit.end + NAME_REACH)  # "van de NAVO"
        if m:
            after = vocab.actors.find(text, m.start(1), m.end(1))
            if after:
                return after[0].label, m.end()
        return None, hit.end

    @staticmethod
    def is_person(name: str, not_names: frozenset[str]) -> bool:
        return not any(w.lower() in not_names for w in name.split())


__all__ = ["RoleRule"]
