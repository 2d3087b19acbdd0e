"""Which event of a kind a figure is of: the kind (``[causes]`` of frames.toml) and, for the kinds
that recur with several of a kind at once (``keying_events``: elections, matches), the word that
says which ("the European elections", "de Provinciale Statenverkiezingen"): the seats a party won
in the European elections are never those it won in the national ones.
"""
from __future__ import annotations

import regex

from checker.rules.toolkit.frames import FigureContext, FrameVocabulary
from checker.rules.toolkit.lemmas import lemma
from checker.rules.toolkit.lexicon import Hit, data_cache, load_data, words_pattern
from checker.rules.toolkit.vocabulary import Language

WORD_BEFORE = regex.compile(r"(?<![\p{L}\-'’])([\p{L}\-]+)\s+\Z", regex.REVERSE)
WORD_AT = regex.compile(r"\s+([\p{L}][\p{L}\-]*)")


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


@data_cache
def agent_words(language: Language) -> tuple[regex.Pattern, dict[str, str], frozenset[str]]:
    """Words of `[grammar] agent_prepositions` of frames.toml ("died of", "vaccinated against",
    "aan"), the names of `[agents]` the two languages share ("mazelen", "measles": measles), and
    the definite words of vocabulary.toml that open no agent ("died of their injuries")."""
    data = load_data(language, "frames") or {}
    definite = (load_data(language, "vocabulary") or {}).get("grammar", {}).get("definite", [])
    return (words_pattern(data.get("grammar", {}).get("agent_prepositions", [])),
            {k.lower(): v for k, v in data.get("agents", {}).items()}, frozenset(w.lower() for w in definite))


def agent_of(ctx: FigureContext, fv: FrameVocabulary, function_words: frozenset[str]) -> str | None:
    """What people died of, were vaccinated against or infected with, named by the word after a
    preposition of `agent_prepositions` next to a predicate ("died of measles", "aan mazelen
    overleden", "vaccinated against flu"): the dead of measles are never the dead of cholera."""
    text = ctx.doc.scan_text
    prepositions, names, definite = agent_words(fv.source)
    for m in prepositions.finditer(text, *ctx.clause):
        word = WORD_AT.match(text, m.end(), ctx.clause[1])
        if word is None or word.group(1).lower() in function_words | definite:
            continue
        before = WORD_BEFORE.search(text, max(ctx.clause[0], m.start() - 30), m.start())
        after = WORD_AT.match(text, word.end(), ctx.clause[1])
        if any(w is not None and fv.predicate(w.group(1)) for w in (before, after)):
            low = word.group(1).lower()
            return names.get(low) or names.get(lemma(low, fv.language)) or lemma(low, fv.language)
    return None


def circumstances(ctx: FigureContext, cause: Hit | None, fv: FrameVocabulary,
                  function_words: frozenset[str]) -> dict[str, str]:
    """The circumstances a figure's clause states: the event it is of and the agent."""
    out = {"cause": cause_name(ctx, cause, fv, function_words)} if cause else {}
    if agent := agent_of(ctx, fv, function_words):
        out["agent"] = agent
    return out


__all__ = ["cause_name", "circumstances"]
