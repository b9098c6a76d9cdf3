"""The bands of the Einfach-Index for readers (src/einfach/bands.py): profile targets, the German
sentence in the human, HTML and report outputs, and history rows of two index versions (issue 19)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from einfach import bands, metrics
from einfach.cli import cli
from einfach.errors import RuleFileError
from einfach.rules import loader

PLAIN = "Wir haben Ihren Brief bekommen. Danke! Wir rufen Sie morgen an.\n"
HARD = (
    "Hiermit werden Sie davon in Kenntnis gesetzt, dass seitens der hiesigen Behörde beabsichtigt ist, Ihren "
    "Antrag auf Verlängerung der Aufenthaltserlaubnis gemäß § 5 Abs. 1 Nr. 1 AufenthG mangels hinreichender "
    "Sicherung des Lebensunterhalts abzulehnen, sofern nicht innerhalb der gesetzten Frist eine Stellungnahme "
    "unter Beifügung geeigneter Nachweise erfolgt.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- profiles ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "profile,target", [("einfach", "verständlich"), ("leicht", "sehr verständlich"), ("buergernah", "mittel")]
)
def test_shipped_profiles_name_their_target_band(profile, target):
    assert loader.load_profile(profile).target_band == target
    assert bands.profile_target(profile) == target


def test_a_wrong_target_band_is_refused_with_file_and_key(tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "rules"
    shutil.copytree(loader.rules_dir(), copy)
    (copy / "profiles" / "kaputt.yml").write_text(
        "profile: kaputt\ndescription: Test.\ntarget_band: leicht\nrules:\n  satzlaenge: {}\n", encoding="utf-8"
    )
    monkeypatch.setattr(loader, "rules_dir", lambda: copy)
    with pytest.raises(RuleFileError) as error:
        loader.load_profile.__wrapped__("kaputt")
    assert "kaputt.yml" in str(error.value) and "target_band" in str(error.value)
    assert "sehr verständlich" in str(error.value)  # the message names the allowed bands


def test_unknown_profile_has_no_target():
    assert bands.profile_target("gibt-es-nicht") is None and bands.profile_target(None) is None


# -- the sentence ---------------------------------------------------------------------
def test_sentence_reached_and_not_reached():
    for band in bands.BAND_NAMES:
        for target in bands.BAND_NAMES:
            sentence = bands.reader_sentence(band, "p", target)
            assert sentence.startswith(f"Stufe „{band}“: {bands.MEANINGS[band]}")
            assert sentence.count(".") == 1 and sentence.endswith(".")  # one sentence
            expected = "ist erreicht." if bands.rank(band) >= bands.rank(target) else "ist nicht erreicht."
            assert sentence.endswith(expected), (band, target)
            assert f"„{target}“" in sentence and "„p“" in sentence


def test_sentence_without_band_or_target():
    assert bands.reader_sentence(None, "einfach", "verständlich") is None
    assert bands.reader_sentence("leicht", "einfach", "verständlich") is None  # a band name of index version 1
    without = bands.reader_sentence("mittel", "eigenes", None)
    assert without == f"Stufe „mittel“: {bands.MEANINGS['mittel']}."


def _band_of(runner, path, *options) -> str:
    output = runner.invoke(cli, ["check", "--format", "json", *options, path]).output
    return json.loads(output)["files"][0]["metrics"]["index"]["band"]


@pytest.mark.parametrize("text", [PLAIN, HARD])
@pytest.mark.parametrize("profile", ["einfach", "leicht", "buergernah"])
def test_human_output_says_what_the_band_means(runner, tmp_path, text, profile):
    path = write(tmp_path / "brief.txt", text)
    band = _band_of(runner, path, "--profile", profile)
    output = runner.invoke(cli, ["check", "--profile", profile, path]).output
    expected = bands.reader_sentence(band, profile, loader.load_profile(profile).target_band)
    assert f"  {expected}" in output.splitlines()
    state = "erreicht" if bands.reached(band, loader.load_profile(profile).target_band) else "nicht erreicht"
    assert expected.endswith(f"ist {state}.")


def test_plain_and_hard_text_differ_in_reaching_the_target(runner, tmp_path):
    """The index orders the two texts; where the target lies between them, one reaches it and one does not."""
    plain = _band_of(runner, write(tmp_path / "a.txt", PLAIN))
    hard = _band_of(runner, write(tmp_path / "b.txt", HARD))
    assert bands.rank(plain) > bands.rank(hard)
    assert bands.reached(plain, plain) and not bands.reached(hard, plain)


def test_no_sentence_without_an_index(runner, tmp_path):
    output = runner.invoke(cli, ["check", write(tmp_path / "a.txt", "Sehr geehrte Frau Yilmaz,\n")]).output
    assert "Stufe „" not in output


# -- HTML ---------------------------------------------------------------------------------
def test_html_moves_technical_figures_behind_details(runner, tmp_path):
    from einfach.output.html import DETAIL_EXPLANATIONS, METRIC_LABELS

    path = write(tmp_path / "brief.txt", HARD)
    page = runner.invoke(cli, ["check", "--format", "html", path]).output
    band = _band_of(runner, path)
    overview = page[page.index('class="metrics"'):page.index('class="legend"')]
    main_list, details = overview.split('<details class="figures">')
    assert "<summary>Details</summary>" in details
    for key in ("lix", "wiener_sachtextformel", "nominal_density", "passive_share"):
        label = METRIC_LABELS[key]
        assert f"<dt>{label}</dt>" in details and f"<dt>{label}</dt>" not in main_list
        assert DETAIL_EXPLANATIONS[key] in details.replace("&#34;", '"')
    assert re.search(r"<dt>Stufe</dt><dd>" + re.escape(band), main_list)
    sentence = bands.reader_sentence(band, "einfach", "verständlich")
    assert f'<p class="index-meaning">{sentence}</p>' in main_list


# -- report and history ------------------------------------------------------------------------
def _summary(key: str, index: float, band: str, version: str) -> dict:
    return {
        "key": key, "group": None, "status": "ok", "error": None, "content_hash": "h-" + key, "words": 100,
        "sentences": 5, "index": index, "band": band, "index_version": version, "metrics": {"words": 100},
        "sentence_lengths": {"16": 5}, "findings": {"passiv": 1}, "terms": {}, "snippets": None,
        "settings_hash": "s", "profile": "einfach",
    }


META = {"started_at": "2026-01-01T00:00:00Z", "einfach_version": "test", "settings_hash": "x", "settings": {}}


def test_history_keeps_bands_and_versions_and_the_report_says_when_they_differ(tmp_path):
    from einfach.report.history import History
    from einfach.report.render import build_report, render_markdown

    current = metrics.index_model()["index_version"]
    value = metrics.bands()[2][0]  # a lower bound of the model's bands: its band is known exactly
    with History(tmp_path / "history.sqlite") as history:
        old = history.recorder()
        old.add(_summary("a.txt", 61.0, "leicht", "1.16e6bb69"))  # as index version 1 named it
        first = old.commit({**META, "label": "alt"})
        new = history.recorder()
        new.add(_summary("a.txt", value, metrics.band(value), current))
        second = new.commit({**META, "label": "neu"})
        runs = {run["label"]: run for run in history.runs()}
        assert runs["alt"]["index_version"] == "1.16e6bb69" and runs["alt"]["corpus_band"] is None
        assert runs["neu"]["index_version"] == current and runs["neu"]["corpus_band"] == metrics.band(value)
        stored = {run: {d["key"]: (d["index_band"], d["index_version"]) for d in history.documents(run)}
                  for run in (first, second)}
        assert stored[first] == {"a.txt": ("leicht", "1.16e6bb69")}  # never re-labelled
        assert stored[second] == {"a.txt": (metrics.band(value), current)}
        report = build_report(history, history.run(second))
    assert any("verschiedenen Modellversionen" in w and "1.16e6bb69" in w and current in w for w in report["warnings"])
    assert report["headline"]["band"] == metrics.band(value)
    assert report["headline"]["meaning"] == bands.sentence_for_profile(metrics.band(value), "einfach")
    markdown = render_markdown(report)
    assert report["headline"]["meaning"] in markdown and "Modellversionen" in markdown


def test_report_without_version_change_has_no_version_warning(tmp_path):
    from einfach.report.history import History
    from einfach.report.render import build_report

    current = metrics.index_model()["index_version"]
    with History(tmp_path / "history.sqlite") as history:
        for label, value in (("eins", 30.0), ("zwei", 40.0)):
            recorder = history.recorder()
            recorder.add(_summary("a.txt", value, metrics.band(value), current))
            run = recorder.commit({**META, "label": label})
        report = build_report(history, history.run(run))
    assert not any("Modellversionen" in w for w in report["warnings"])
