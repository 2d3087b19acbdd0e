"""N001 names: how articles spell the people they name.

A transliteration that differs between pieces of one newsroom (Zelensky, Zelenski, Zelenskyy)
is a classic correction. The rule claims each person's surname where the text says it names a person:
after a title ("president Zelensky", "NAVO-topman Jens Stoltenberg") or before a verb of
speech ("Lavrov zei", "Stoltenberg said"). The key is the surname's skeleton (lower case, accents and doubled letters dropped,
letter groups that transliterations write differently read alike) and the article's language,
so that spellings of one surname in one language meet and differ only as variants: "Poetin" in
Dutch and "Putin" in English are each their language's own form and never meet.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.models import ClaimDraft, TextValue
from checker.rules.toolkit import key_parts as part
from checker.rules.toolkit.analysis import Document
from checker.rules.toolkit.frames import names_within_sentences
from checker.rules.toolkit.key_parts import KindSpec
from checker.rules.toolkit.lexicon import matches_at_capitals
from checker.rules.toolkit.persons import NAME_REACH, Skeleton, known_word, name_grammar
from checker.rules.toolkit.vocabulary import VocabularyRule

class NameRule(VocabularyRule):
    code = "N001"
    name = "names"
    description = """Spellings of people's names: Zelensky, Zelenski and Zelenskyy are one person.

    Claims the surname of each person named after a title ("president Zelensky", "NAVO-topman
    Jens Stoltenberg") or before a verb of speech ("Lavrov zei"), keyed by the surname's transliteration-insensitive skeleton and the
    article's language. Different spellings of one surname in one language are a `variant`
    finding that names the house style's spelling (rules/data/<language>/names.toml); a
    language's own exonym (Poetin in Dutch, Putin in English) is no variant."""
    kinds = ("name",)
    key_parts = (part.PERSON,)  # and the article's language, undeclared: it goes last
    kind_specs = (KindSpec("name", mark="n", compared_as="spelling"),)
    languages = ("nl", "en")
    version = "1"

    @staticmethod
    def a_word_opening_a_sentence(doc: Document, start: int, word: str) -> bool:
        """True when a capitalised word opens its sentence, the language knows it as a word and the
        article never writes it capitalised inside a sentence ("Officials said"; not "Trump said"
        in an article that names Trump again)."""
        opens = not doc.scan_text[doc.sentence_at(start)[0]:start].strip(" \t\n\"'“„‘")
        return opens and known_word(word, doc.article.language) and word not in names_within_sentences(doc)

    def extract(self, doc: Document) -> Iterator[ClaimDraft]:
        g = name_grammar(self.language(doc))
        skeleton = Skeleton(g.transliteration)
        text = doc.scan_text
        found: dict[int, regex.Match] = {}
        for hit in g.titles.find(text):  # "president Zelensky", "NAVO-topman Jens Stoltenberg"
            m = g.name_after.match(text, hit.end, hit.end + NAME_REACH)
            if m:
                found.setdefault(m.start("name"), m)
        for m in matches_at_capitals(g.said_after, text):  # "Jens Stoltenberg zei", "Stoltenberg said"
            found.setdefault(m.start("name"), m)
        for start in sorted(found):
            name = found[start].group("name")
            words = name.split()
            if any(w.lower() in g.not_names for w in words):
                continue
            if len(words) == 1 and self.a_word_opening_a_sentence(doc, start, name):
                continue  # "Officials said", "Police say": a word, not a name
            surname = words[-1]
            end = found[start].end("name")
            skel = skeleton(surname)
            if len(skel) < 3:
                continue
            parts = {"full": " ".join(words)}
            if skel in g.preferred:
                parts["preferred"] = g.preferred[skel]
            yield ClaimDraft(kind="name", start=end - len(surname), end=end, value=TextValue(text=surname, parts=parts),
                             key_parts={"person": skel, "language": doc.article.language},
                             evidence={"person": parts["full"]})


__all__ = ["NameRule"]
