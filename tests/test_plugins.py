"""Rule discovery: entry points (the example distribution), local folders, broken rules."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.cli import main
from checker.registry import Registry, RegistryError, Rule, default_registry

from conftest import ROOT, SEEDS

GOOD_RULE = '''
from checker.models import ClaimDraft, TextValue
from checker.registry import Rule

class Shout(Rule):
    code = "L001"
    name = "shout"
    description = "Words in capitals. Example: NAVO."
    kinds = ("shout",)

    def extract(self, doc):
        i = doc.scan_text.find("NAVO")
        if i >= 0:
            yield ClaimDraft(kind="shout", start=i, end=i + 4, value=TextValue(text="NAVO"))
'''

CRASHING_RULE = '''
from checker.registry import Rule

class Crash(Rule):
    code = "L002"
    name = "crash"
    description = "Always raises."
    kinds = ("nothing",)

    def extract(self, doc):
        raise RuntimeError("boom")
'''


def test_builtin_rules_come_from_entry_points():
    registry = default_registry()
    assert {r.code for r in registry} >= {"Q001", "D001"}
    assert registry.get("quantities").__module__ == "checker.rules.quantities"


def test_duplicate_codes_are_rejected():
    registry = Registry()

    class A(Rule):
        code, name, description, kinds = "Z001", "a", "A.", ("x",)

    class B(Rule):
        code, name, description, kinds = "Z001", "b", "B.", ("x",)

    registry.register(A)
    with pytest.raises(RegistryError, match="clashes"):
        registry.register(B)


def test_local_folder_rules_and_a_crashing_rule(tmp_path, capsys):
    (tmp_path / "shout.py").write_text(GOOD_RULE)
    (tmp_path / "crash.py").write_text(CRASHING_RULE)
    (tmp_path / "broken.py").write_text("this is not python(")
    code = main([str(SEEDS), "--rules-dir", str(tmp_path), "--format", "json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 2  # an error; the run went on: the ships conflict and the good rule's claims are there
    assert any(c["rule"] == "L001" for c in report["claims"])
    assert [f for f in report["conflicts"] if f["status"] == "conflict"]
    assert "rule crash raised RuntimeError('boom')" in err
    assert "broken.py" in err and "failed to load" in err


def test_strict_makes_a_warning_fatal(tmp_path, capsys):
    (tmp_path / "latin.txt").write_bytes("De Navo heeft 140 schepen in de Oostzee, caf\xe9.\n".encode("latin-1"))
    assert main([str(tmp_path), "--format", "json"]) == 0
    assert "read as cp1252" in capsys.readouterr().err
    assert main([str(tmp_path), "--strict", "--format", "json"]) == 2


def test_select_and_ignore(capsys):
    main([str(SEEDS), "--select", "dates", "--format", "json"])
    kinds = {c["kind"] for c in json.loads(capsys.readouterr().out)["claims"]}
    assert kinds == {"date"}
    main([str(SEEDS), "--ignore", "D001", "--format", "json"])
    kinds = {c["kind"] for c in json.loads(capsys.readouterr().out)["claims"]}
    assert kinds == {"quantity", "name", "role", "holder", "place"}


@pytest.fixture(scope="module")
def example_installed(tmp_path_factory):
    """The example distribution, installed with pip into a folder put on sys.path."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(ROOT / "examples" / "checker-example-rule")], check=True)
    sys.path.insert(0, str(target))
    yield target
    sys.path.remove(str(target))


def test_example_distribution_is_found_by_entry_point(example_installed, capsys):
    registry = default_registry()
    rule = registry.get("member-states")
    assert rule is not None and rule.code == "X001"
    main([str(SEEDS), "--select", "X001", "--format", "json"])
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [(c["text"], c["value"]["low"]) for c in claims] == [("dertig", 30.0)]


def test_a_formatter_of_an_installed_distribution_is_found_by_entry_point(example_installed, capsys):
    assert main([str(SEEDS), "--format", "count"]) == 1
    assert capsys.readouterr().out == "conflict 1\n"


def test_the_line_format_names_file_line_and_column_of_each_claim(capsys):
    assert main([str(SEEDS), "--format", "line"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{SEEDS / '002_1a0a6596d60781e4.txt'}:19:241",
                                                        f"{SEEDS / '003_d3539aa3f6ec2937.txt'}:13:478"]
    assert all("conflict quantity:ships/nato" in line for line in lines)


BAD_DRAFTS_RULE = '''
from checker.models import ClaimDraft, QuantityValue
from checker.registry import Rule

class Sloppy(Rule):
    code = "L003"
    name = "sloppy"
    description = "Yields a draft whose value is a bare number."
    kinds = ("sloppy",)

    def extract(self, doc):
        i = doc.scan_text.find("NAVO")
        if i >= 0:
            yield ClaimDraft(kind="sloppy", start=i, end=i + 4, value=4000, key_parts={"concept": "x"})


class Keyless(Rule):
    code = "L004"
    name = "keyless"
    description = "Yields a draft whose key part is a number."
    kinds = ("keyless",)

    def extract(self, doc):
        i = doc.scan_text.find("NAVO")
        if i >= 0:
            yield ClaimDraft(kind="keyless", start=i, end=i + 4, value=QuantityValue(low=1, high=1),
                             key_parts={"concept": 7})
'''


def test_a_draft_of_the_wrong_types_is_the_error_of_its_rule(tmp_path, capsys):
    # drafts are not validated when made: the engine checks what a rule yields before using it
    (tmp_path / "sloppy.py").write_text(BAD_DRAFTS_RULE)
    code = main([str(SEEDS), "--rules-dir", str(tmp_path), "--format", "json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 2 and not any(c["rule"] in ("L003", "L004") for c in report["claims"])
    assert "rule sloppy raised ValueError('claim value 4000: not a QuantityValue" in err
    assert "rule keyless raised ValueError('claim keyless at" in err
    assert [f for f in report["conflicts"] if f["status"] == "conflict"], "the run went on"
