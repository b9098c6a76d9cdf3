"""Configuration files: discovery, validation messages, precedence."""

from __future__ import annotations

import pytest

from einfach.config import ConfigError, Settings, config_for, find_config, load_config, with_cli


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_by_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.einfach]\nprofile = "leicht"\n')
    letter = write(tmp_path / "a" / "b" / "brief.txt", "Text.")
    assert find_config(letter) == tmp_path / "pyproject.toml"
    assert config_for(str(letter)).settings_for(str(letter)).profile == "leicht"


def test_pyproject_without_section_is_passed_over(tmp_path):
    write(tmp_path / "einfach.toml", 'profile = "buergernah"\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    letter = write(tmp_path / "sub" / "brief.txt", "Text.")
    assert find_config(letter) == tmp_path / "einfach.toml"


def test_einfach_toml_keys(tmp_path):
    lexicon = write(
        tmp_path / "eigene.yml",
        "lexicon: amtsdeutsch\nentries:\n  - term: Vorsprachetermin\n    alternatives: [Termin]\n    reason: Amtswort.\n",
    )
    config = load_config(
        write(
            tmp_path / "einfach.toml",
            'profile = "einfach"\nignore = ["satzlaenge"]\nfail-on = "error"\nmin-index = 40\n'
            f'lexicons = ["{lexicon.name}"]\nallow = ["Lichtbild"]\nexclude-styles = ["Rechtsbehelf"]\n'
            '[levels]\npassiv = "info"\n[parameters.satzlaenge]\nthresholds = {info = 18, warning = 25, error = 35}\n',
        )
    )
    settings = config.base
    assert settings.ignore == ("satzlaenge",) and settings.fail_on == "error" and settings.min_index == 40
    assert dict(settings.levels) == {"passiv": "info"}
    assert settings.lexicons == (str(lexicon.resolve()),)
    assert settings.rule_settings()["parameters"]["satzlaenge"]["thresholds"]["warning"] == 25


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('farbe = "rot"\n', "farbe"),
        ('profile = "unbekannt"\n', "profile"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('select = ["gibtsnicht"]\n', "select"),
        ('[levels]\npassiv = "laut"\n', "levels.passiv"),
        ('[parameters.satzlaenge]\nschwelle = 3\n', "parameters.satzlaenge.schwelle"),
        ('lexicons = ["fehlt.yml"]\n', "lexicons"),
        ('min-index = 400\n', "min-index"),
        ("[[overrides]]\nprofile = 'leicht'\n", "overrides[1]"),
        ("kaputt = \n", "Datei"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path, text, key):
    path = write(tmp_path / "einfach.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.key == key
    assert "einfach.toml" in str(error.value)


def test_pyproject_keys_are_prefixed(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.einfach]\nfarbe = 1\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.key == "tool.einfach.farbe"


def test_per_path_overrides(tmp_path):
    config = load_config(
        write(
            tmp_path / "einfach.toml",
            'ignore = ["passiv"]\n[[overrides]]\npaths = ["leicht/**"]\nprofile = "leicht"\nignore = []\n',
        )
    )
    plain = write(tmp_path / "leicht" / "x" / "brief.txt", "Text.")
    other = write(tmp_path / "brief.txt", "Text.")
    assert config.settings_for(str(plain)).profile == "leicht"
    assert config.settings_for(str(plain)).ignore == ()
    assert config.settings_for(str(other)).ignore == ("passiv",)


def test_cli_flags_win():
    settings = with_cli(Settings(profile="leicht", ignore=("passiv",)), profile="einfach", ignore=None, fail_on="error")
    assert settings.profile == "einfach" and settings.ignore == ("passiv",) and settings.fail_on == "error"
