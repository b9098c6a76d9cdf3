"""Precision and recall of the ``leicht`` profile (issue 18).

Run from the project root:  python eval/leicht.py [--sample 500] [--seed 18] [--show RULE]

1. False alarms on real Leichte Sprache: a fixed-seed sample of the StaGE
   Hurraki sentences (``../shared/data/stage_hurraki/*.csv``, CC BY-SA 3.0;
   skipped cleanly when that folder is absent).  For every rule of the
   profile it prints the share of sentences with at least one finding of
   that rule.  Hurraki is text that is already easy, so every finding counts
   as a false alarm; a new or widened check above 3 % is not ready.
   ``--show RULE`` prints the sentences a rule fires on.
2. Recall and false alarms on ``eval/leicht_cases.yml`` (the cases the checks
   were developed on) or ``--cases eval/leicht_cases_test.yml`` (held out,
   written after the checks and not tuned on): sentences written
   for this project in the kinds of cases that LanguageTool's Leichte-Sprache
   module reports (no sentence or word list taken from it), each kind with
   sentences that break the rule and correct sentences.  A bad sentence is
   found when the profile reports one of the kind's ``rules``; a correct
   sentence is a false alarm when the profile reports anything on it.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stage_hurraki"
CASES = ROOT / "eval" / "leicht_cases.yml"
PROFILE = "leicht"


def hurraki_sentences() -> list[str]:
    """All distinct Hurraki sentences, sorted (so a seed gives the same sample everywhere)."""
    texts: set[str] = set()
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = (row.get("phrase") or "").replace("\\newline", " ").replace("•", " ")
                text = " ".join(text.split())
                if text:
                    texts.add(text)
    return sorted(texts)


def rules_fired(nlp, text: str) -> list:
    from einfach.checker import check_document
    from einfach.readers.text import document_from_text

    return check_document(document_from_text("<eval>", text), nlp).findings


def hurraki(nlp, rules: list[str], size: int, seed: int, show: str | None) -> None:
    sentences = hurraki_sentences()
    sample = random.Random(seed).sample(sentences, min(size, len(sentences)))
    fired: Counter[str] = Counter()
    for text in sample:
        found = {f.rule for f in rules_fired(nlp, text)}
        fired.update(found)
        if show in found:
            print(f"  [{show}] {text}")
    print(f"Hurraki: {len(sample)} of {len(sentences)} sentences (seed {seed}), profile {PROFILE}")
    print("| rule | sentences with a finding | share |")
    print("|---|---:|---:|")
    for rule in rules:
        share = 100 * fired[rule] / len(sample)
        flag = " (over 3 %)" if share > 3 else ""
        print(f"| `{rule}` | {fired[rule]} | {share:.1f} %{flag} |")


def cases(nlp, path: Path) -> None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not data.get("kinds"):
        return
    found = total_bad = alarms = total_good = 0
    print(f"\nLabelled cases ({path.resolve().relative_to(ROOT)}), profile {PROFILE}")
    print("| kind | rules | found / bad | false alarms / correct |")
    print("|---|---|---:|---:|")
    for kind in data["kinds"]:
        expected = set(kind["rules"])
        hits = 0
        for text in kind["bad"]:
            rules = {f.rule for f in rules_fired(nlp, text)}
            if rules & expected:
                hits += 1
            else:
                print(f"    missed ({kind['name']}): {text}  -> {sorted(rules)}", file=sys.stderr)
        false = 0
        for text in kind.get("good") or []:
            findings = rules_fired(nlp, text)
            if findings:
                false += 1
                print(f"    false alarm ({kind['name']}): {text}  -> {[f.rule for f in findings]}", file=sys.stderr)
        found, total_bad = found + hits, total_bad + len(kind["bad"])
        alarms, total_good = alarms + false, total_good + len(kind.get("good") or [])
        print(f"| {kind['name']} | {', '.join(sorted(expected))} | {hits}/{len(kind['bad'])} | "
              f"{false}/{len(kind.get('good') or [])} |")
    print(f"| **all** | | **{found}/{total_bad} = recall {found / total_bad:.2f}** | "
          f"**{alarms}/{total_good} = {100 * alarms / total_good:.1f} %** |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--show", help="print the Hurraki sentences this rule fires on")
    parser.add_argument("--skip-hurraki", action="store_true")
    parser.add_argument("--cases", type=Path, default=CASES, help="labelled cases (default: eval/leicht_cases.yml)")
    args = parser.parse_args()
    from einfach.checker import make_pipeline
    from einfach.rules.loader import load_profile

    nlp = make_pipeline(PROFILE)
    rules = list(load_profile(PROFILE).rules)
    if args.skip_hurraki:
        pass
    elif DATA.is_dir():
        hurraki(nlp, rules, args.sample, args.seed, args.show)
    else:
        print(f"skipped: {DATA} not found")
    cases(nlp, args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
