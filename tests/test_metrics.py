"""Readability figures and the Einfach-Index (src/einfach/metrics.py).

The formulas are checked on numbers computed by hand; the index on its
range, bands and direction; the CLI on its JSON fields, --sentences and
--min-index; and index and passive share on their independence from the
profile and the rule selection.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from einfach import metrics
from einfach.cli import cli

# Hand-computed: "Die(1) Ausländerbehörde(6) prüft(1) den(1) Antrag(2)." and "Wir(1) schreiben(2) Ihnen(2) bald(1)."
# 9 words, 2 sentences, 17 syllables, 5 one-syllable words, 1 word with 3+ syllables, 2 words with > 6 letters.
TINY = "Die Ausländerbehörde prüft den Antrag. Wir schreiben Ihnen bald."
PLAIN = "Wir haben Ihren Brief bekommen."
BUREAUCRATIC = (
    "Hiermit werden Sie davon in Kenntnis gesetzt, dass seitens der hiesigen Behörde beabsichtigt ist, "
    "Ihrem Antrag auf Verlängerung der Aufenthaltserlaubnis nicht zu entsprechen, da nach Aktenlage die "
    "Voraussetzungen für die Erteilung, deren Vorliegen von Ihnen nachzuweisen gewesen wäre, nicht gegeben sind."
)
MIXED = "Sehr geehrte Frau Yilmaz,\n\n" + BUREAUCRATIC + " " + PLAIN + "\n"
README_METRICS = {
    "words", "sentences", "segments", "avg_sentence_words", "syllables_per_word", "flesch_amstad",
    "wiener_sachtextformel", "lix", "passive_share", "nominal_density", "rare_word_share",
    "findings_per_100_words", "index",
}


@pytest.fixture()
def runner():
    return CliRunner()


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- formulas ----------------------------------------------------------------
def test_flesch_amstad_formula():
    assert metrics.flesch_amstad(10, 1.5) == pytest.approx(180 - 10 - 58.5 * 1.5)


def test_wiener_sachtextformel_formula():
    # 0.1935*20 + 0.1672*10 + 0.1297*30 - 0.0327*50 - 0.875
    assert metrics.wiener_sachtextformel(ms=20, sl=10, iw=30, es=50) == pytest.approx(6.923)


def test_lix_formula():
    assert metrics.lix(10, 30) == 40


def test_figures_of_a_tiny_text(check_text):
    result = check_text(TINY)
    m = result.metrics
    assert (m["words"], m["sentences"]) == (9, 2)
    assert m["syllables_per_word"] == round(17 / 9, 2)
    assert m["flesch_amstad"] == 65.0  # 180 - 4.5 - 58.5 * 17/9
    assert m["lix"] == 26.7  # 4.5 + 100 * 2/9
    # 0.1935*100/9 + 0.1672*4.5 + 0.1297*200/9 - 0.0327*500/9 - 0.875 = 3.09
    assert m["wiener_sachtextformel"] == 3.1
    assert m["passive_share"] == 0.0
    assert m["nominal_density"] == 0.0
    assert m["rare_word_share"] == 0.0


def test_numbers_and_abbreviations_have_no_syllables(check_text):
    (segment,) = [s for s in check_text("Nach § 82 Abs. 1 AufenthG müssen Sie kommen.").segments if not s.fragment]
    counts = segment.counts
    assert counts["words"] == 8  # Nach 82 Abs. 1 AufenthG müssen Sie kommen
    assert counts["lexical_words"] == 4  # Nach müssen Sie kommen
    assert counts["syllables"] == 1 + 2 + 1 + 2
    assert counts["frequency_words"] == 6  # abbreviations count for word frequency, numbers do not


def test_passive_share_and_nominal_density(check_text):
    m = check_text("Ihr Antrag wurde abgelehnt. Die Prüfung der Bescheinigung dauert lange. Wir rufen Sie an.").metrics
    assert m["passive_share"] == round(1 / 3, 3)
    assert m["nominal_density"] == round(100 * 2 / 14, 1)  # Prüfung, Bescheinigung among 14 words


def test_rare_words(check_text):
    m = check_text("Die Fiktionsbescheinigung gilt weiter.").metrics
    assert m["rare_word_share"] == 0.25  # Fiktionsbescheinigung: Zipf < 3


def test_findings_per_100_words(check_text):
    m = check_text("Ihr Antrag wurde abgelehnt.").metrics
    assert m["findings_per_100_words"]["passiv"] == 25.0


def test_no_complete_sentence(check_text):
    m = check_text("Sehr geehrte Frau Yilmaz,").metrics
    assert m["sentences"] == 0
    assert m["flesch_amstad"] is None
    assert m["index"]["value"] is None and m["index"]["band"] is None


# -- the index -----------------------------------------------------------------
def test_model_file_is_complete():
    model = metrics.index_model()
    assert isinstance(model["index_version"], str) and model["index_version"].startswith(f"{metrics.FEATURE_VERSION}.")
    assert model["feature_version"] == metrics.FEATURE_VERSION
    counts = metrics.add_counts([])
    known = {"sentence": set(metrics.features(counts)), "document": set(metrics.document_features(counts, 3.0))}
    for part in ("sentence", "document"):
        names = model[part]["features"]
        assert names and len(names) == len(model[part]["means"]) == len(model[part]["scales"]) == len(model[part]["coefficients"])
        assert set(names) <= known[part]
    assert model["document"]["features"][0] == "rating"  # the sentences' mean rating carries into the document


def test_bands_come_from_the_model_file():
    from einfach.bands import BAND_NAMES

    bands = metrics.bands()
    assert [name for _, name in bands] == list(reversed(BAND_NAMES))
    lowers = [lower for lower, _ in bands]
    assert lowers[-1] == 0 and lowers == sorted(lowers, reverse=True)
    widths = [upper - lower for upper, lower in zip([100] + lowers, lowers)]
    assert min(widths) >= 10, widths  # the rule of eval/fit_index.py
    for (lower, name), (_, harder) in zip(bands, bands[1:]):  # each cut: its band from it, the harder one below
        assert metrics.band(lower) == name
        assert metrics.band(lower - 0.1) == harder
    assert metrics.band(100) == BAND_NAMES[-1] and metrics.band(0) == BAND_NAMES[0]
    assert metrics.band(None) is None


def test_sentence_mapping_is_monotone_and_clipped():
    ratings = [-50, 1, 2, 3, 4, 5, 6, 7, 50]
    values = [metrics.rating_to_index(r) for r in ratings]
    assert values == sorted(values, reverse=True)
    assert values[0] == 100 and values[-1] == 0


def test_long_bureaucratic_sentence_is_harder(check_text):
    hard = check_text(BUREAUCRATIC).metrics["index"]["value"]
    easy = check_text(PLAIN).metrics["index"]["value"]
    assert 0 <= hard < easy <= 100
    assert easy - hard > 30


def test_index_grows_with_load():
    counts = metrics.add_counts([])
    counts.update(words=10, lexical_words=10, syllables=15, frequency_words=10, word_load=5.0, sentences=1)
    heavier = {**counts, "word_load": 20.0}
    longer = {**counts, "words": 30, "word_load": 15.0}
    nominal = {**counts, "nominal": 3}
    for harder in (heavier, longer, nominal):
        assert metrics.sentence_index(harder) < metrics.sentence_index(counts)


def test_document_index_from_summed_counts_and_mean_rating(check_text):
    result = check_text(MIXED)
    rated = [s for s in result.segments if not s.fragment]
    assert all(s.index is not None for s in rated)
    assert all(s.index is None for s in result.segments if s.fragment)
    rating = sum(s.words * metrics.predict_rating(s.counts) for s in rated) / sum(s.words for s in rated)
    expected = metrics.document_index(metrics.add_counts(s.counts for s in rated), rating)
    assert result.metrics["index"]["value"] == round(expected, 1)
    assert result.metrics["index"]["band"] == metrics.band(round(expected, 1))


def test_document_index_falls_with_harder_features():
    counts = metrics.add_counts([])
    counts.update(words=60, lexical_words=60, syllables=90, frequency_words=60, word_load=30.0, sentences=6)
    base = metrics.document_index(counts, 2.5)
    assert metrics.document_index(counts, 4.0) < base  # harder sentences
    assert metrics.document_index({**counts, "sentences": 2}, 2.5) < base  # longer sentences
    assert metrics.document_index({**counts, "passive": 4}, 2.5) < base
    assert metrics.document_index({**counts, "commas": 12}, 2.5) < base
    assert metrics.document_index({**counts, "compounds": 10}, 2.5) < base


# -- CLI and JSON -----------------------------------------------------------------
def test_json_fields(runner, tmp_path):
    result = runner.invoke(cli, ["check", "--format", "json", write(tmp_path / "brief.txt", MIXED)])
    (file,) = json.loads(result.output)["files"]
    assert README_METRICS <= set(file["metrics"])
    index = file["metrics"]["index"]
    assert set(index) == {"value", "band", "index_version"}
    assert 0 <= index["value"] <= 100 and index["band"] in {"sehr verständlich", "verständlich", "mittel", "schwer", "sehr schwer"}
    assert index["index_version"] == metrics.index_model()["index_version"]
    fragments = [s for s in file["sentences"] if s["fragment"]]
    sentences = [s for s in file["sentences"] if not s["fragment"]]
    assert fragments and all(s["index"] is None and s["metrics"] is None for s in fragments)
    assert sentences and all(isinstance(s["index"], float) for s in sentences)
    assert set(sentences[0]["metrics"]) >= {
        "syllables_per_word", "flesch_amstad", "wiener_sachtextformel", "lix", "passive", "nominal_density",
        "rare_word_share", "findings_per_100_words",
    }


def test_summary_line_shows_index(runner, tmp_path):
    result = runner.invoke(cli, ["check", write(tmp_path / "brief.txt", MIXED)])
    summary = [line for line in result.output.splitlines() if line.startswith(str(tmp_path)) and "Wörter," in line]
    assert summary and "Einfach-Index " in summary[0]


def test_sentences_option_lists_hardest_first(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", MIXED)
    result = runner.invoke(cli, ["check", "--sentences", brief])
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if "schwersten Sätze" in line)
    listed = lines[start + 1 : start + 3]
    assert int(listed[0].split()[0]) < int(listed[1].split()[0])
    assert "Hiermit werden Sie" in listed[0] and listed[0].rstrip().endswith("…")  # long sentence shortened
    assert "Wir haben Ihren Brief bekommen." in listed[1]
    assert "3:1" in listed[0]  # line:column of the sentence
    without = runner.invoke(cli, ["check", brief])
    assert "schwersten Sätze" not in without.output


def test_min_index_exit_codes(runner, tmp_path):
    brief = write(tmp_path / "gut.txt", "Wir haben Ihren Brief bekommen. Danke!\n")
    assert runner.invoke(cli, ["check", brief]).exit_code == 0
    assert runner.invoke(cli, ["check", "--min-index", "50", brief]).exit_code == 0
    hard = write(tmp_path / "schwer.txt", BUREAUCRATIC + "\n")
    value = json.loads(runner.invoke(cli, ["check", "--format", "json", hard]).output)["files"][0]["metrics"]["index"]["value"]
    no_rules = ["--select", "amtsdeutsch", "--ignore", "amtsdeutsch"]  # no findings: the exit code is the index's
    low = runner.invoke(cli, ["check", *no_rules, "--min-index", f"{value + 1}", hard])
    assert low.exit_code == 1
    assert f"unter dem Mindestwert {value + 1:g}" in low.output
    high = runner.invoke(cli, ["check", *no_rules, "--min-index", f"{max(value - 1, 0)}", hard])
    assert high.exit_code == 0, high.output
    assert "Mindestwert" not in high.output
    wrong = runner.invoke(cli, ["check", "--min-index", "120", brief])
    assert wrong.exit_code == 2


def test_index_independent_of_profile_and_selection(runner, tmp_path):
    brief = write(tmp_path / "brief.txt", MIXED)

    def figures(*options):
        output = runner.invoke(cli, ["check", "--format", "json", *options, brief]).output
        file = json.loads(output)["files"][0]
        metrics_ = {k: v for k, v in file["metrics"].items() if k != "findings_per_100_words"}
        return metrics_, [(s["index"], {k: v for k, v in (s["metrics"] or {}).items() if k != "findings_per_100_words"})
                          for s in file["sentences"]]

    default = figures()
    assert default[0]["passive_share"] > 0
    for options in (["--profile", "leicht"], ["--profile", "buergernah"], ["--select", "satzlaenge"], ["--ignore", "passiv"]):
        assert figures(*options) == default, options


def test_importing_metrics_does_not_load_wordfreq():
    code = "import sys, einfach.metrics; print('wordfreq' in sys.modules, 'spacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "False"]


def test_unclipped_index_goes_below_the_floor_where_the_index_stops_at_0(check_text):
    result = check_text(BUREAUCRATIC * 3)
    accumulator = metrics.MetricsAccumulator()
    accumulator.add(result.segments, result.findings)
    raw = accumulator.unclipped_index()
    assert raw < 0 and result.metrics["index"]["value"] == 0.0
    plain = check_text(PLAIN)
    accumulator = metrics.MetricsAccumulator()
    accumulator.add(plain.segments, plain.findings)
    assert accumulator.unclipped_index() > raw
    assert plain.metrics["index"]["value"] == round(min(100.0, max(0.0, accumulator.unclipped_index())), 1)


def test_unclipped_index_is_none_without_indexed_words():
    assert metrics.MetricsAccumulator().unclipped_index() is None
