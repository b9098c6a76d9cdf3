"""Baselines: fingerprints survive moved paragraphs; new findings still fail."""

from __future__ import annotations

import einfach
from einfach.baseline import Baseline, fingerprints

A = "Ihr Antrag wurde abgelehnt."
B = "Die Unterlagen sind binnen zwei Wochen vorzulegen."


def result_for(text, path):
    result = einfach.check(text)
    result.path = str(path)
    return result


def test_fingerprints_do_not_depend_on_position(tmp_path):
    first = fingerprints(result_for(f"{A}\n\n{B}", tmp_path / "x.txt"))
    moved = fingerprints(result_for(f"{B}\n\nEin neuer Absatz.\n\n{A}", tmp_path / "x.txt"))
    assert sorted(first) == sorted(moved)


def test_repeated_sentence_counts_occurrences(tmp_path):
    prints = fingerprints(result_for(f"{A}\n\n{A}", tmp_path / "x.txt"))
    assert len(prints) == 2 and prints[0] != prints[1]


def test_filter_hides_known_and_reports_fixed(tmp_path):
    path = tmp_path / "x.txt"
    baseline = Baseline.from_results(tmp_path / "baseline.json", [result_for(f"{A}\n\n{B}", path)])
    reloaded_path = tmp_path / "baseline.json"
    reloaded_path.write_text(baseline.to_json(), encoding="utf-8")
    baseline = Baseline.load(reloaded_path)

    now = result_for(f"{A}\n\nSie werden gebeten, pünktlich zu sein.", path)
    before = len(now.findings)
    hidden, fixed, pruned = baseline.filter([now])
    assert hidden == 1  # the passive in A
    assert fixed >= 2  # B's findings are gone
    assert [f.text for f in now.findings] == ["werden gebeten"]
    assert before == hidden + len(now.findings)
    assert sum(pruned.entries[next(iter(pruned.entries))].values()) == 1


def test_baseline_holds_no_letter_text(tmp_path):
    baseline = Baseline.from_results(tmp_path / "b.json", [result_for(A, tmp_path / "x.txt")])
    assert "Antrag" not in baseline.to_json()
