"""Sub-groups: the part of a population a figure speaks of ("among voters under 25", "onder
jongeren"). The turnout among young voters is not the turnout, nor the turnout among women: the
words of the group become a qualifier of the figure's key.
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.analysis import Document
from checker.rules.toolkit.context import Clause, sentence_opening
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.lexicon import Hit, Vocabulary, data_cache, load_data, words_pattern
from checker.rules.toolkit.vocabulary import Language

GROUP_WORDS = 4  # the words of a group: "young voters under 25"
GROUP = regex.compile(r"\s+((?:[\p{L}\p{N}][\p{L}\p{N}\-]*(?:\s+|(?=[^\p{L}\p{N}]|\Z))){1,%d})" % GROUP_WORDS)


@data_cache
def group_openers(language: Language) -> tuple[regex.Pattern, regex.Pattern]:
    """The words of ``[grammar] among`` of vocabulary.toml that open a group ("among", "onder"), and
    the phrases of ``not_among`` that open none ("onder meer", "onder andere")."""
    grammar = (load_data(language, "vocabulary") or {}).get("grammar", {})
    return words_pattern(grammar.get("among", [])), words_pattern(grammar.get("not_among", []))


def sub_group(doc: Document, clause: Clause, figure: tuple[int, int], vocab: Vocabulary) -> Hit | None:
    """The group a figure is of, named in its clause or in a short phrase opening its sentence
    ("Among voters under 25, turnout was 61 percent": ``among-voter-under-25``); its words are
    those after the opener up to a function word, a mark or the figure, each as its lemma."""
    among, idiom = group_openers(vocab.source)
    text = doc.scan_text
    windows = [(clause.start, clause.end)]
    if (opening := sentence_opening(doc, figure[0], vocab)) is not None:
        windows.append(opening)
    for start, end in windows:
        for m in among.finditer(text, start, end):
            if idiom.match(text, m.start()) or m.start() <= figure[0] < m.end():
                continue
            words = group_words(text, m.end(), min(end, figure[0]) if m.end() <= figure[0] else end, vocab)
            if words:
                label = "-".join(["among", *(lemma(w, vocab.language) for w in words)])
                return Hit(m.start(), m.end() + len(" ".join(words)) + 1, label, f"{m.group()} {' '.join(words)}")
    return None


def group_words(text: str, start: int, end: int, vocab: Vocabulary) -> list[str]:
    """The words of a group after its opener, lower case, up to a function word or a mark."""
    m = GROUP.match(text, start, end)
    words = []
    for word in (m.group(1).lower().split() if m else []):
        if word in vocab.function_words:
            break
        words.append(word)
    return words


__all__ = ["sub_group"]
