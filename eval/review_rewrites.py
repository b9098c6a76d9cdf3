"""Figures of the blind review of rewrites (issue 14).

Joins the reviewer's verdicts (``eval/review/rewrites-verdicts.jsonl``, written
by a reviewer who saw only shuffled (original, rewrite) pairs and the rubric of
``docs/rewrites.md``) with the review file (``eval/review/rewrites.jsonl``: rule,
applicability and source of each pair) and prints, per rule, source and
applicability: pairs, grammatical, same meaning, simpler, and the pass rate.

A pair *passes* when it is grammatical, keeps the meaning and is not harder
to read (simpler "yes" or "same").  Run from the project root:

    python eval/review_rewrites.py                       # the first review
    python eval/review_rewrites.py --round 2             # eval/review/rewrites-2*.jsonl
"""

from __future__ import annotations

from collections import defaultdict

from _common import review_round


def passes(verdict: dict) -> bool:
    return verdict["grammatical"] == "yes" and verdict["same_meaning"] == "yes" and verdict["simpler"] != "no"


def table(groups: dict[str, list[dict]]) -> list[str]:
    lines = ["| group | pairs | grammatical | same meaning | simpler yes/same/no | pass |", "|---|---:|---:|---:|---:|---:|"]
    for name in sorted(groups):
        rows = groups[name]
        n = len(rows)
        grammatical = sum(r["grammatical"] == "yes" for r in rows)
        meaning = sum(r["same_meaning"] == "yes" for r in rows)
        simpler = "/".join(str(sum(r["simpler"] == s for r in rows)) for s in ("yes", "same", "no"))
        passed = sum(passes(r) for r in rows)
        lines.append(
            f"| {name} | {n} | {grammatical} ({grammatical / n:.1%}) | {meaning} ({meaning / n:.1%}) "
            f"| {simpler} | {passed} ({passed / n:.1%}) |"
        )
    return lines


def main() -> int:
    pairs, verdicts = review_round("rewrites", __doc__)
    joined = [{**pairs[i], **verdicts[i]} for i in sorted(set(pairs) & set(verdicts))]
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in joined:
        groups["all"].append(row)
        groups[f"rule {row['rule']}"].append(row)
        groups[f"source {row['source']}"].append(row)
        groups[f"{row['source']} / {row['rule']}"].append(row)
        groups[f"applicability {row['applicability']}"].append(row)
    print("\n".join(table(groups)))
    both = sum(r["grammatical"] == "yes" and r["same_meaning"] == "yes" for r in joined)
    print(f"\ngrammatical and same meaning: {both} of {len(joined)} ({both / len(joined):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
