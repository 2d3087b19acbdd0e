"""What a figure counts, in any news domain: the noun a count noun names, the noun a figure
counts, whose and where the counted things are, and what happened to them."""
from __future__ import annotations

from checker.runner import extract_document

from conftest import make_doc


def keys(registry, text: str, language: str = "nl", date: str = "2026-05-04") -> dict[str, str | None]:
    doc = make_doc(text, date=date, language=language)
    return {c.text: c.key for c in extract_document(doc, [registry.get("quantities")()], registry.schema()).claims}


def test_a_count_noun_names_what_its_figure_counts(registry):
    """ "The number of X ... 64" counts X, as "64 X" does; never "number"."""
    en = keys(registry, "The number of measles cases in Rotterdam has risen to 64, the health service said.", "en")
    assert en["64"] == keys(registry, "There are now 64 measles cases in Rotterdam.", "en")["64"]
    assert "number" not in en["64"]
    power = keys(registry, "The number of households without power in Leeds fell to 3,000 on Monday.", "en")
    assert power["3,000"] == keys(registry, "In Leeds 3,000 households are without power.", "en")["3,000"] == \
        "quantity:household/affected/in-leeds"  # what happened to them is said after the noun, as after a figure
    nl = keys(registry, "Het aantal huishoudens zonder stroom in Luik is gedaald tot 3000.")
    assert nl["3000"] == "quantity:household/affected/in-liege"  # the noun's class, as "3000 huishoudens" and in English
    # a tally and a concept of the vocabulary keep their own reading
    assert keys(registry, "The number of dead in Leeds rose to 12.", "en")["12"] == "quantity:people/died/in-leeds"
