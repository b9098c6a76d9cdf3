"""Figures of the blind review of suggestions (issue 17).

Joins the reviewer's verdicts (``eval/review/suggestions-verdicts.jsonl``: fitting /
generic / wrong, written by a reviewer who saw only the items and the rubric in
``docs/quality.md``) with the sampled items (``eval/review/suggestions.jsonl``,
written by ``eval/suggestions.py``) and prints the shares overall, per rule and per
source.  Targets of issue 17: at most 20 % generic and at most 2 % wrong.

    python eval/review_suggestions.py             # the first review
    python eval/review_suggestions.py --round 2   # eval/review/suggestions-2*.jsonl (a new sample)
"""

from __future__ import annotations

from collections import defaultdict

from _common import review_round

VERDICT_NAMES = ("fitting", "generic", "wrong")


def main() -> int:
    items, verdicts = review_round("suggestions", __doc__)
    groups: dict[str, list[str]] = defaultdict(list)
    for item_id in sorted(set(items) & set(verdicts)):
        item, verdict = items[item_id], verdicts[item_id]["verdict"]
        groups["all"].append(verdict)
        groups[f"rule {item.get('rule', '?')}"].append(verdict)
        groups[f"source {item.get('source', '?')}"].append(verdict)
    print("| group | items | fitting | generic | wrong |")
    print("|---|---:|---:|---:|---:|")
    for name in sorted(groups, key=lambda g: (g != "all", g)):
        values = groups[name]
        cells = [f"{values.count(v)} ({values.count(v) / len(values):.0%})" for v in VERDICT_NAMES]
        print(f"| {name} | {len(values)} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
