"""Which event of a kind a figure is of: the kind (``[causes]`` of frames.toml) and, for the kinds
that recur with several of a kind at once (``keying_events``: elections, matches), the word that
says which ("the European elections", "de Provinciale Statenverkiezingen"): the seats a party won
in the European elections are never those it won in the national ones.
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.frames import FigureContext, FrameVocabulary
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.lexicon import Hit, data_cache, load_data
from checker.rules.toolkit.vocabulary import Language

WORD_BEFORE = regex.compile(r"(?<![\p{L}\-'’])([\p{L}\-]+)\s+\Z", regex.REVERSE)


@data_cache
def cause_forms(language: Language) -> dict[str, list[str]]:
    """The forms of each kind of event of ``[causes]``, lower case, longest first."""
    causes = (load_data(language, "frames") or {}).get("causes", {})
    return {label: sorted((f.lower() for f in forms), key=len, reverse=True) for label, forms in causes.items()}


def cause_name(ctx: FigureContext, cause: Hit, fv: FrameVocabulary, function_words: frozenset[str]) -> str:
    """The kind of event, with the word that says which for a kind of ``keying_events``: the
    first part of a compound ("statenverkiezingen": election:staat, by its lemma) or the word right before
    the kind's words that is no function word, weekday's possessive or number ("European
    elections": election:european); the kind alone when neither is there."""
    if cause.label not in fv.keying_events:
        return cause.label
    words = cause.words.lower()
    head = next((f for f in cause_forms(fv.source).get(cause.label, []) if words.endswith(f)), words)
    which = words[:len(words) - len(head)].strip(" -")
    if not which:
        before = WORD_BEFORE.search(ctx.doc.scan_text, max(0, cause.start - 40), cause.start)
        word = before.group(1).lower() if before else ""
        if word and word not in function_words and not fv.participle.fullmatch(word):
            which = word
    return f"{cause.label}:{lemma(which, fv.language)}" if which else cause.label


__all__ = ["cause_name"]
