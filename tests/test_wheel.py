"""An installed, non-editable wheel finds its rules and data files.

In a checkout ``rules/`` lies next to ``src/``; in a wheel it ships as
``einfach/_rules`` (force-include in pyproject.toml) and the tagger's tables
as package data.  This module builds a wheel, installs it into a folder of
its own and runs einfach from there in a fresh interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("hatchling", reason="hatchling (the build backend) is needed to build the wheel")

REPO = Path(__file__).resolve().parents[1]

REQUIRED_MEMBERS = [
    "einfach/__init__.py",
    "einfach/_rules/satzlaenge.yml",
    "einfach/_rules/passiv.yml",
    "einfach/_rules/amtsdeutsch.yml",
    "einfach/_rules/lexikon/amtsdeutsch.yml",
    "einfach/_rules/profiles/einfach.yml",
    "einfach/nlp/data/hanta_stts.tsv",
    "einfach/nlp/data/abbreviations.txt",
    # einfach serve: the API's description and the page
    "einfach/serve/openapi.yml",
    "einfach/serve/static/einfach.js",
    "einfach/serve/templates/index.html",
    "einfach/serve/templates/einfach.css",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, f"building the wheel failed:\n{build.stdout}\n{build.stderr}"
    wheels = list(out.glob("einfach-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("installed") / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check", "-q",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, f"installing the wheel failed:\n{install.stdout}\n{install.stderr}"
    return target


def test_wheel_contents(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = [member for member in REQUIRED_MEMBERS if member not in names]
    assert not missing, f"missing in the wheel: {missing}"
    for folder in ("tests/", "corpus/"):
        assert not any(name.startswith(folder) or f"/{folder}" in name for name in names), folder
    # the rules ship once, inside the package, not as a top-level folder
    assert not any(name.startswith("rules/") for name in names)
    # the licence texts: MIT for einfach, LGPL (and the GPL it builds on) for nlp/hanta_fast.py
    licences = {name.rsplit("/", 1)[-1] for name in names if ".dist-info/licenses/" in name}
    assert {"LICENSE", "LGPL-3.0-or-later.txt", "GPL-3.0-or-later.txt"} <= licences, licences


CHECK_INSTALLED = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    site = Path(sys.argv[1]).resolve()
    import einfach
    assert Path(einfach.__file__).resolve().is_relative_to(site), einfach.__file__

    from einfach.resources import rules_dir
    assert rules_dir() == site / "einfach" / "_rules", rules_dir()

    from einfach.rules.loader import load_lexicon, load_profile, load_rules
    rules = load_rules()
    for rule_id in ("satzlaenge", "passiv", "amtsdeutsch"):
        assert rule_id in rules, sorted(rules)
        assert Path(rules[rule_id].path).resolve().is_relative_to(site), rules[rule_id].path
    assert load_lexicon("amtsdeutsch").entries
    assert load_profile("einfach").rules

    from einfach.nlp.stts import hanta_table
    assert hanta_table()
    from einfach.nlp.tokens import abbreviations
    assert abbreviations()[0]

    result = einfach.check("Ihr Antrag wurde abgelehnt.")
    rules_found = [finding.rule for finding in result.findings]
    assert "passiv" in rules_found, rules_found
    print("OK", einfach.__file__)
    """
)


def test_installed_wheel_finds_rules_and_data(site, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", CHECK_INSTALLED, str(site)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}"
    assert run.stdout.startswith("OK "), run.stdout
