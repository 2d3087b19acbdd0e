"""The rules/ folder is installed as checker.rules, in an editable install and in a wheel."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import checker.rules
from checker.rules import quantities

from conftest import ROOT


def test_editable_install_maps_rules_folder():
    assert Path(checker.rules.__file__).resolve().parent == ROOT / "rules"
    assert Path(quantities.__file__).resolve() == ROOT / "rules" / "quantities" / "__init__.py"


def test_wheel_holds_checker_rules_and_its_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True)
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "checker/rules/quantities/__init__.py" in names
    assert "checker/rules/quantities/amount.py" in names
    assert "checker/rules/data/nl/vocabulary.toml" in names
    assert not any(n.startswith("rules/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "checker.rules.quantities:QuantityRule" in zipfile.ZipFile(wheel).read(entry_points).decode()
