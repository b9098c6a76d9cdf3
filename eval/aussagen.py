"""Calibration of the ``aussagen`` estimate on StaGE (Hurraki, Leichte Sprache).

Run from the project root:  python eval/aussagen.py

Reads ../shared/data/stage_hurraki/{trial,train,eval,test}.csv (GermEval 2024
StaGE: Leichte Sprache sentences with the number of statements annotated,
CC BY-SA 3.0) and skips cleanly when that folder is absent.  Sentences
annotated with 0 statements are incomplete or erroneous (see the data page)
and are left out.

For both settings of ``count_coordinated_nouns`` it reports the exact
accuracy of the estimated number of statements, the mean absolute error,
Pearson and Spearman correlation with the labels, and precision/recall of
the rule's decision "more than one statement".
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "stage_hurraki"
FILES = ("trial", "train", "eval", "test")


def read_rows() -> list[tuple[str, int]]:
    rows = []
    for name in FILES:
        path = DATA / f"{name}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                label = (row.get("num_statements") or "").strip()
                if not label.isdigit() or int(label) == 0:
                    continue
                text = row["phrase"].replace("\\newline", " ").replace("•", " ")
                rows.append((" ".join(text.split()), int(label)))
    return rows


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else 0.0


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    position = 0
    while position < len(order):
        end = position
        while end + 1 < len(order) and values[order[end + 1]] == values[order[position]]:
            end += 1
        for k in range(position, end + 1):
            result[order[k]] = (position + end) / 2 + 1
        position = end + 1
    return result


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    rows = read_rows()
    if not rows:
        print("skipped: no labelled sentences")
        return 0
    from einfach.checker import make_pipeline
    from einfach.rules.kinds.statements import count_statements

    nlp = make_pipeline("einfach", settings={"select": ["aussagen"]})
    docs = list(nlp.pipe([text for text, _ in rows], batch_size=64))
    labels = [label for _, label in rows]
    print(f"StaGE (Hurraki) sentences with 1+ statements: {len(rows)}")
    print(f"label distribution: " + ", ".join(f"{k}: {labels.count(k)}" for k in sorted(set(labels))))
    for nouns in (False, True):
        estimates = [max(1, sum(count_statements(s, nouns) for s in doc.sents)) for doc in docs]
        exact = sum(e == g for e, g in zip(estimates, labels)) / len(labels)
        mae = sum(abs(e - g) for e, g in zip(estimates, labels)) / len(labels)
        r = pearson(estimates, labels)
        rho = pearson(ranks(estimates), ranks(labels))
        tp = sum(e > 1 and g > 1 for e, g in zip(estimates, labels))
        fp = sum(e > 1 and g == 1 for e, g in zip(estimates, labels))
        fn = sum(e == 1 and g > 1 for e, g in zip(estimates, labels))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(
            f"count_coordinated_nouns={str(nouns).lower()}: exact {exact:.3f}, MAE {mae:.3f}, "
            f"Pearson {r:.3f}, Spearman {rho:.3f}; '>1 statement': precision {precision:.3f} "
            f"({tp}/{tp + fp}), recall {recall:.3f} ({tp}/{tp + fn})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
