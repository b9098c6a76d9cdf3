"""eval/agreement.py: two annotations of the same texts matched per label by overlap."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# the script puts eval/ and eval/annotation/ on sys.path itself (as when run as python eval/agreement.py)
_spec = importlib.util.spec_from_file_location("agreement", ROOT / "eval" / "agreement.py")
agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(agreement)


def span(start: int, end: int, label: str = "amtsdeutsch", file: str = "a.txt") -> dict:
    return {"file": file, "start": start, "end": end, "label": label}


def test_spans_match_when_they_share_a_character_of_the_same_label_and_text():
    first = [span(0, 10), span(20, 30), span(40, 50), span(60, 70, "passiv")]
    second = [
        span(9, 12),                 # shares character 9 with 0-10
        span(30, 35),                # touches 20-30 without sharing a character
        span(40, 50, "passiv"),      # same place, other label
        span(40, 50, file="b.txt"),  # same place, other text
        span(55, 75, "passiv"),      # covers 60-70
    ]
    result = agreement.agree(first, second)
    amts = result["amtsdeutsch"]
    assert (amts.a, amts.b, amts.a_in_b, amts.b_in_a) == (3, 3, 1, 1)
    passiv = result["passiv"]
    assert (passiv.a, passiv.b, passiv.a_in_b, passiv.b_in_a) == (1, 2, 1, 1)
    assert amts.same == passiv.same == 0
    assert agreement.agree([span(4, 9)], [span(4, 9), span(4, 9, "passiv")])["amtsdeutsch"].same == 1
    assert result["satzlaenge"].a == result["satzlaenge"].b == 0


def test_one_long_span_can_find_several_short_ones_and_f1_is_the_harmonic_mean():
    result = agreement.agree([span(0, 5), span(10, 15), span(30, 35)], [span(0, 20)])
    counts = result["amtsdeutsch"]
    assert (counts.a_in_b, counts.b_in_a) == (2, 1)  # two of A's spans lie in B's one
    assert counts.f1() == pytest.approx(2 * (2 / 3) * 1.0 / (2 / 3 + 1.0))
    assert agreement.agree([span(0, 5)], [])["amtsdeutsch"].f1() == 0.0


def test_the_table_counts_all_labels_and_the_script_needs_only_the_two_files(tmp_path, capsys):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps(r) + "\n" for r in [span(0, 5), span(0, 30, "satzlaenge")]), encoding="utf-8")
    b.write_text(json.dumps(span(3, 8)) + "\n" + json.dumps(span(0, 4, file="c.txt")) + "\n", encoding="utf-8")
    assert agreement.main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "annotated only in B: c.txt" in out
    assert "| amtsdeutsch | 1 | 2 | 1 | 1 |" in out
    assert "| all | 2 | 2 | 1 | 1 |" in out
    assert agreement.main([str(a), str(tmp_path / "missing.jsonl")]) == 1
