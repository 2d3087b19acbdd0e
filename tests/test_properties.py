"""Properties with independent oracles: num2words writes numbers that the reader must read back;
any text gives no crash and claims whose spans lie inside the text."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from checker.rules.dates import grammar as date_grammar
from checker.rules.toolkit.lexicon import Language, Lexicon, lowered, matches_at_capitals, matches_at_words
from checker.rules.toolkit.persons import name_grammar
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from checker.registry import default_registry
from checker.rules.toolkit.numbers import NumberReader, word_value
from checker.runner import extract_document

from conftest import make_doc

RULES = [rule() for rule in default_registry() if rule.__module__.startswith("checker.rules.")]
SCHEMA = default_registry().schema()


UP_TO_A_TRILLION = st.integers(min_value=0, max_value=12).flatmap(lambda k: st.integers(min_value=0, max_value=10**k))


def english_form(words: str, hyphens: bool, and_joined: bool) -> str:
    """num2words' British cardinal, or the same with spaces for hyphens and without "and"."""
    words = words if hyphens else words.replace("-", " ")
    return words if and_joined else words.replace(" and ", " ")


@settings(max_examples=400, deadline=None)
@given(n=UP_TO_A_TRILLION, language=st.sampled_from(["nl", "en"]), hyphens=st.booleans(), and_joined=st.booleans())
def test_number_words_read_back(n, language, hyphens, and_joined):
    """Cardinals (no ordinals, no decimals) as num2words writes them, up to 10^12: the word
    reader gives the number, and the reader scanning a text reads the whole run of words."""
    words = num2words(n, lang=language).replace(",", "")  # in running text a comma separates items
    if language == "en":
        words = english_form(words, hyphens, and_joined)
    assert word_value(words, language) == n
    if n == 1:
        return  # "een", "one" alone are an article or a pronoun
    reader = NumberReader(Language(language))
    text = f"xx {words} yy"
    amount = reader.read_one(text, reader.g.candidate.search(text))
    assert amount is not None and (amount.start, amount.end, amount.low, amount.high) == (3, 3 + len(words), n, n)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=2, max_value=999_999), language=st.sampled_from(["nl", "en"]))
def test_number_words_in_a_sentence(n, language):
    words = num2words(n, lang=language).replace(",", "")  # in running text a comma separates items
    text = f"De NAVO stuurt {words} militairen." if language == "nl" else f"NATO sends {words} troops."
    claims = extract_document(make_doc(text, language=language), RULES, SCHEMA).claims
    quantities = [c for c in claims if c.kind == "quantity"]
    assert len(quantities) == 1 and quantities[0].value.low == n, (text, quantities)


ALPHABET = st.sampled_from(list("0123456789.,- \n") + ["meer dan ", "miljoen ", "duizenden ", "april ",
                                                       "dinsdag ", "zo'n ", "tot ", "NAVO ", "é", "€", "%"])


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=300), st.lists(ALPHABET, max_size=80).map("".join)),
       language=st.sampled_from(["nl", "en"]))
def test_any_text_gives_claims_inside_the_text(text, language):
    doc = make_doc(text, language=language)
    result = extract_document(doc, RULES, SCHEMA)
    assert result.problems == []
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.text


HEAD_FORMS = {"troops": ["troepen", "militairen", "=man", "stuks munitie"], "ships": ["schepen", "commando's"],
              "office": ["secretaris-generaal", "minister van buitenlandse zaken", "g7-top"]}
HEAD_LEXICON = Lexicon(HEAD_FORMS, compounds="head")
PIECES = ["troepen", "militairen", "man", "stuks", "munitie", "schepen", "commando's", "secretaris-generaal",
          "minister", "van", "buitenlandse", "zaken", "g7-top", "NAVO-", "jacht", "Para", "-", "'", " ", ", ",
          "7", "en", "Troepen", "MAN", "oud-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_compound_heads_are_found_as_the_pattern_finds_them(pieces):
    """The word lookup of head compounds gives the matches of the lexicon's own pattern."""
    text = "".join(pieces)
    expected = [(m.start(), m.end()) for m in HEAD_LEXICON.pattern.finditer(lowered(text))
                if HEAD_LEXICON.label_of.get(" ".join(m.group(m.lastgroup).split()))]
    assert [(h.start, h.end) for h in HEAD_LEXICON._scan(text, 0, len(text))] == expected


WORD_FORMS = {"nato": ["navo", "=nato", "noord-atlantische verdragsorganisatie"], "russia": ["rusland", "russische"],
              "belarus": ["wit-rusland", "wit-russische"], "usa": ["verenigde staten", "=vs", "v.s."]}
WORD_LEXICONS = [Lexicon(WORD_FORMS, compounds=mode) for mode in ("none", "modifier")]
WORD_PIECES = ["navo", "nato", "noord-atlantische", "verdragsorganisatie", "rusland", "russische", "wit", "wit-",
               "verenigde", "staten", "vs", "v.s.", "NAVO-", "troepen", "-", "'", " ", "  ", ", ", ".", "7", "en", "s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=25), st.integers(min_value=0, max_value=30),
       st.sampled_from(WORD_LEXICONS))
def test_words_are_found_as_the_pattern_finds_them(pieces, start, lexicon):
    """The word lookup of plain and modifier lexicons gives the matches of the lexicon's own
    pattern, also in a span that begins inside a word."""
    text = "".join(pieces)
    start = min(start, len(text))
    expected = [(m.start(), m.end()) for m in lexicon.pattern.finditer(lowered(text), start)
                if lexicon.label_of.get(" ".join(m.group(m.lastgroup).split()))]
    assert [(h.start, h.end) for h in lexicon._scan(text, start, len(text))] == expected


DATE_PIECES = ["6", "7", "24", "2022", "1994", "april", "April", "maart", "March", "mei", "may", "Feb.", "sept.",
               "dinsdag", "donderdagochtend", "Thursday", "van", "from", "tot", "en", "and", "-", "–", "/", "mid-",
               "medio", "in", "sinds", "summer of", "het jaar", "e", "th", " ", "  ", ", ", ".", "x", "NAVO-",
               "van 10 tot 20 februari", "from 6 to 7 April", "in het jaar 1994", "woensdag 6 april", "March 24, 2022",
               "mid-March", "medio mei", "zaterdagavond", "negenentwintig", "twenty-ninth", "the", "13th", "of",
               "July", "22/04/2016", "22-04-2016", "2016-04-22", "op de", "15e", "on the", "nacht van", "night of",
               "zondag op maandag", "Sunday to Monday", "Tue.", "Mon", "in 2007 en 2009", "juni van 1992", "May I",
               "26 juni tot 28 juni 2020", "1391"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=25), st.sampled_from(["nl", "en"]))
def test_dates_are_found_where_the_pattern_finds_them(pieces, language):
    """Trying the date pattern only at the words that may begin a date finds what a scan of
    every character finds."""
    g = date_grammar(Language(language))
    text = "".join(pieces)
    assert [m.span() for m in matches_at_words(g.pattern, text, g.first_words)] == \
        [m.span() for m in g.pattern.finditer(text)]


NAME_PIECES = ["Jens", "Stoltenberg", "Ursula", "von der", "Leyen", "zei", "said", "Zei", "NAVO-", "Van", "de",
               "O'Brien", "Zelensky", "-", " ", ", ", ". ", "x", "7", "Ñeco", "Éric", "Jens Stoltenberg zei",
               "Stoltenberg said", "Ursula von der Leyen, zei", "Éric Zemmour said"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=25), st.sampled_from(["nl", "en"]))
def test_names_are_found_where_the_pattern_finds_them(pieces, language):
    """Trying the pattern of a name before a verb of speech only at capitalised words finds what
    a scan of every character finds."""
    pattern = name_grammar(Language(language)).said_after
    text = "".join(pieces)
    assert [m.span() for m in matches_at_capitals(pattern, text)] == [m.span() for m in pattern.finditer(text)]


def test_a_form_marked_whole_word_matches_whole_words_only():
    from checker.rules.toolkit.lexicon import Lexicon

    lexicon = Lexicon({"troops": ["=man", "militairen"]}, compounds="head")
    text = "De Oekraïneman zag 15.000 man en 300 beroepsmilitairen."
    assert [(h.label, h.words) for h in lexicon.find(text)] == [("troops", "man"), ("troops", "beroepsmilitairen")]
    assert [text[h.start:h.end] for h in lexicon.find(text)] == ["man", "beroepsmilitairen"]


MONTHS = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                 "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]}
DATE_RULE = next(r for r in RULES if r.name == "dates")


def english_ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def date_forms(d, later, language: str) -> list[tuple[str, tuple]]:
    """Every written form of a day (and of the span from ``d`` to ``later``, a day of the same
    month or of a later one) the dates rule reads, with the value each must give."""
    month, next_month = MONTHS[language][d.month - 1], MONTHS[language][later.month - 1]
    day, span = (d, d), (d, later)
    whole_month = (d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1]))
    numeric = [(f"{d:%d-%m-%Y}", day), (f"{d:%d/%m/%Y}", day), (d.isoformat(), day)]
    if language == "nl":
        return numeric + [
            (f"{d.day} {month} {d.year}", day), (f"{num2words(d.day, lang='nl')} {month} {d.year}", day),
            (f"{d.day}e {month} {d.year}", day), (f"{d.day} {month} tot {later.day} {next_month} {later.year}", span),
            (f"{month} {d.year}", whole_month), (f"{month} van {d.year}", whole_month)]
    numeric = numeric if d.day > 12 or d.day == d.month else [(d.isoformat(), day)]
    return numeric + [
        (f"{month} {d.day}, {d.year}", day), (f"{d.day} {month} {d.year}", day),
        (f"the {num2words(d.day, lang='en', to='ordinal')} of {month} {d.year}", day),
        (f"the {english_ordinal(d.day)} of {month} {d.year}", day), (f"{month} {d.year}", whole_month),
        (f"from the {english_ordinal(d.day)} to the {english_ordinal(later.day)} of {month} {d.year}",
         span if (later.year, later.month) == (d.year, d.month) else None)]


@settings(max_examples=150, deadline=None)
@given(d=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 11, 30)), days=st.integers(min_value=0, max_value=40),
       language=st.sampled_from(["nl", "en"]))
def test_dates_read_back(d, days, language):
    """A random day written in every form the dates rule documents is read back as that day
    (or span, or month), as one claim covering the whole form."""
    for form, value in date_forms(d, d + timedelta(days=days), language):
        if value is None or value[1].year > 2099:
            continue
        text = f"De ministers komen bijeen op {form}." if language == "nl" else f"The ministers meet on {form}."
        claims = extract_document(make_doc(text, language=language), [DATE_RULE], SCHEMA).claims
        assert [(c.text.removeprefix("the "), c.value.start, c.value.end) for c in claims] == \
            [(form.removeprefix("the "), *value)], text
