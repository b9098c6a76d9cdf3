"""Rule and profile files: validation errors name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from einfach.errors import RuleFileError
from einfach.rules.loader import load_profile, load_rules, parse_rule

VALID = {
    "id": "probe",
    "kind": "sentence_length",
    "level": "warning",
    "title": "Probe",
    "summary": "Probe.",
    "message": "Satz mit {words} Wörtern",
    "suggestion": "Teilen Sie {split_points}.",
    "why": "Weil.",
    "source": "Quelle.",
    "examples": {"bad": ["a"], "good": ["b"]},
}


def test_valid_rule_parses():
    rule = parse_rule(dict(VALID), Path("probe.yml"))
    assert rule.id == "probe" and rule.kind == "sentence_length"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"kind": "regex"}, "kind"),
        ({"level": "fatal"}, "level"),
        ({"message": "Satz mit {wörter}"}, "message"),
        ({"suggestion": "{"}, "suggestion"),
        ({"examples": {"bad": ["a"]}}, "examples"),
        ({"examples": {"bad": [], "good": ["b"]}}, "examples.bad"),
        ({"farbe": "rot"}, "farbe"),
        ({"parameters": {"schwelle": 3}}, "parameters.schwelle"),
        ({"id": "anders"}, "id"),
    ],
)
def test_invalid_rule_names_key(change, key):
    data = {**VALID, **change}
    with pytest.raises(RuleFileError) as error:
        parse_rule(data, Path("rules/probe.yml"))
    assert error.value.key == key
    assert "rules/probe.yml" in str(error.value)


def test_missing_key_named():
    data = dict(VALID)
    del data["why"]
    with pytest.raises(RuleFileError) as error:
        parse_rule(data, Path("probe.yml"))
    assert error.value.key == "why"


def test_broken_yaml_names_file(tmp_path):
    (tmp_path / "kaputt.yml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rules(str(tmp_path))
    assert "kaputt.yml" in str(error.value)


def test_shipped_rules_and_profiles_load():
    rules = load_rules()
    assert {"satzlaenge", "passiv", "amtsdeutsch"} <= set(rules)
    for name in ("einfach", "leicht", "buergernah"):
        profile = load_profile(name)
        assert set(profile.rules) <= set(rules)


def test_unknown_profile_is_clear():
    with pytest.raises(RuleFileError) as error:
        load_profile("gibtsnicht")
    assert "gibtsnicht" in str(error.value)


def test_every_shipped_yaml_is_valid_yaml():
    from einfach.resources import rules_dir

    for path in rules_dir().rglob("*.yml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path
