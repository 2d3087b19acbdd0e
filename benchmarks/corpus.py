"""Generated news articles for benchmarks: realistic Dutch text with varied figures and dates.

Every article draws its figures, actors, places, weekdays and dates at random (from a seeded
generator), so that no cache of the checker sees the same sentence twice.
"""
from __future__ import annotations

import random
from pathlib import Path

ACTORS = ["de NAVO", "Rusland", "de Verenigde Staten", "Duitsland", "Polen", "het Verenigd Koninkrijk",
          "Frankrijk", "Nederland", "Canada", "Spanje"]
PLACES = ["Litouwen", "Polen", "Roemenië", "Wit-Rusland", "Estland", "Letland", "Slowakije", "Bulgarije",
          "de Oostzee", "de Zwarte Zee"]
THINGS = ["militairen", "soldaten", "troepen", "straaljagers", "schepen", "tanks", "raketten", "helikopters",
          "pantservoertuigen", "vluchtelingen"]
BOUNDS = ["", "", "", "meer dan ", "bijna ", "zo'n ", "ruim ", "ongeveer ", "minstens "]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
EVENTS = ["de NAVO-top", "de vergadering van de ministers van Buitenlandse Zaken", "de oefeningen",
          "de persconferentie", "de ontmoeting", "de topontmoeting"]
WORDS = {3: "drie", 4: "vier", 5: "vijf", 8: "acht", 12: "twaalf", 20: "twintig", 30: "dertig",
         40: "veertig", 100: "honderd", 1000: "duizend", 40000: "veertigduizend", 100000: "honderdduizend"}
FILLER = [
    "Dat meldden ingewijden aan persbureau Reuters.",
    "De spanningen in de regio lopen al weken op.",
    "Diplomaten spreken van een ernstige situatie die snel kan escaleren.",
    "Het kabinet wil daarover nog geen uitspraken doen, zei een woordvoerder.",
    "Volgens analisten is het de grootste troepenopbouw sinds het einde van de Koude Oorlog.",
    "De oppositie vraagt om opheldering en wil een debat in de Tweede Kamer.",
]


def upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


def figure(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return WORDS[rng.choice(list(WORDS))]
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 300) * 100, rng.randint(1, 200) * 1000])
    text = f"{n:,}".replace(",", ".")
    return rng.choice(BOUNDS) + text


def sentence(rng: random.Random, year: int, month: int) -> str:
    kind = rng.random()
    actor, place, thing = rng.choice(ACTORS), rng.choice(PLACES), rng.choice(THINGS)
    if kind < 0.45:
        verb = rng.choice(["heeft", "stuurt", "stationeert", "legert", "houdt"])
        return f"{upper_first(actor)} {verb} {figure(rng)} {thing} in {place}."
    if kind < 0.6:
        return (f"Volgens {rng.choice(ACTORS)} gaat het om {figure(rng)} {thing}, "
                f"maar {rng.choice(ACTORS)} spreekt van {figure(rng)}.")
    if kind < 0.75:
        day = rng.randint(1, 26)
        span = f"{day}-{day + 1} {MONTHS[month - 1]}" if rng.random() < 0.4 else f"{day} {MONTHS[month - 1]}"
        return f"{upper_first(rng.choice(EVENTS))} vindt plaats op {span} {year} in {rng.choice(PLACES)}."
    if kind < 0.85:
        return f"{upper_first(rng.choice(WEEKDAYS))} maakte {actor} bekend dat er {figure(rng)} extra {thing} komen."
    return rng.choice(FILLER)


def article(rng: random.Random, sentences: int = 12) -> str:
    year, month = rng.choice([2021, 2022, 2023]), rng.randint(1, 12)
    lines = [f" date {year}-{month:02d} {sentence(rng, year, month)}"]
    paragraph = []
    for _ in range(sentences):
        paragraph.append(sentence(rng, year, month))
        if len(paragraph) == 3:
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 1) -> Path:
    """Write ``n`` articles into ``folder`` (created) and return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:06d}.txt").write_text(article(rng), encoding="utf-8")
    return folder
