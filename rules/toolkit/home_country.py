"""The country an article calls its own: "in ons land", "in our country".

Such words name a country without its name: the country of the newsroom that wrote the article.
The text tells which one only through the places it names: when every place the article names
(after a preposition of place, or a region or country named in a sentence) lies in one country,
that is the country it calls its own ("Het noodweer heeft in ons land aan 37 mensen het leven
gekost ... de overstromingen die vooral Wallonië troffen": Belgium). When its places lie in
several countries ("in ons land ... In Duitsland"), the words say no place the check can name,
and a figure of them is not placed by inference either: the article's leading place is another
country's as often as its own.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import regex

from checker.rules.toolkit.analysis import Analysis, Document
from checker.rules.toolkit.frames import JOINT, open_places
from checker.rules.toolkit.gazetteer import Place, gazetteer

if TYPE_CHECKING:
    from checker.rules.toolkit.frames import FrameVocabulary

# A capitalised word inside a sentence, not the first of a longer name ("To the north, in North
# Rhine-Westphalia": not the North region of Cameroon)
INNER_PLACE = regex.compile(r"[\p{Ll},;]\s+(\p{Lu}[\p{L}\-]+)(?![\p{L}\-]|\s+\p{Lu})")


def speaks_of_home(doc: Document, start: int, end: int, fv: FrameVocabulary) -> str | None:
    """The words of ``start..end`` that name the article's own country ("ons land"), if any."""
    m = fv.home_country.search(doc.scan_text, start, end)
    return m.group() if m else None


def home_place(doc: Document, words: str, vocab, fv: FrameVocabulary) -> tuple[str, str] | None:
    """The place of a figure whose sentence names the article's own country in ``words``: that
    country and its evidence, when the article's places tell which it is."""
    country = home_country(doc, vocab, fv)
    return (country, f"{words} (the country of the article's places)") if country else None


def home_in_headline(doc: Document, fv: FrameVocabulary) -> str | None:
    """The words of the article's first line (its headline, or its lead when it has none) that
    name its own country: "Hoeveel doden zijn er in ons land gevallen?" speaks for the figures
    below it that name no place."""
    analysis = Analysis.of(doc)

    def work() -> str | None:
        text = analysis.scan_text
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        return speaks_of_home(analysis, start, end if end >= 0 else len(text), fv)
    return analysis.remember(("home in headline", fv.language), work)


def home_country(doc: Document, vocab, fv: FrameVocabulary) -> str | None:
    """The id of the country the places the article names lie in: three in four of them at
    least (a town's other name may be a town abroad: "Philippeville" is also Skikda); None when
    the article names a country by its name (it may be its own or another's: "in ons land ...
    In Duitsland") or no place the gazetteer puts in a country."""
    analysis = Analysis.of(doc)

    def work() -> str | None:
        places = [place for place in article_places(analysis, vocab, fv) if place.country]
        if not places or any(place.kind == "country" for place in places):
            return None
        (code, n), = Counter(place.country for place in places).most_common(1)
        country = gazetteer(fv.source).country(code) if n * 4 >= len(places) * 3 else None
        return country.id if country else None
    return analysis.remember(("home country", fv.language), work)


def article_places(doc: Document, vocab, fv: FrameVocabulary) -> list[Place]:
    """The places an article names that the gazetteer knows: after a preposition of place (each
    place of a list, not a place inside a place, "kelders in Keulen"), and regions and countries
    named by a capitalised word inside a sentence ("de overstromingen die vooral Wallonië
    troffen"); not a name after a kind of place that the gazetteer knows as a country ("de
    provincie Luxemburg")."""
    places, text = gazetteer(fv.source), doc.scan_text
    found: list[tuple[int, Place | None]] = []
    for hit in open_places(doc, 0, len(text), vocab.places, fv):
        found += [(hit.start, places.lookup(label)) for label in hit.label.split(JOINT) if "-in-" not in label]
    for m in INNER_PLACE.finditer(text):
        word = m.group(1).lower()  # "Van Gogh": a word of the language is no region
        place = places.lookup(word) if word not in fv.not_places and word not in vocab.function_words else None
        if place is not None and place.kind in ("region", "country"):
            found.append((m.start(1), place))
    return [place for start, place in found if place is not None
            and not (place.kind == "country" and fv.kind_before.search(text, max(0, start - 40), start + 1))]


__all__ = ["article_places", "home_country", "home_in_headline", "home_place", "speaks_of_home"]
