"""Rewrites (issue 14): coverage per rule, the blind-review file, and ``einfach fix --all`` on the corpus.

Run from the project root:

    python eval/rewrites.py [--pages 30] [--seed 14] [--review eval/review/rewrites.jsonl] [--only-new EARLIER ...]

1. **Coverage**: over the letters of ``corpus/original`` (the .txt versions) and
   ``--pages`` Amt24 pages from ``../shared/data/amt24/docs`` sampled with a fixed seed, the
   share of findings of the rewriting rules that carry a rewrite (``fix``), and of those the
   share marked ``sure``.  The Amt24 part is skipped when the data folder is absent.
2. **Review file** (``--review``): every distinct rewrite, shuffled with the seed, as JSON
   lines ``{"id", "source", "rule", "applicability", ...}`` for a blind reviewer.  Corpus
   rewrites carry ``original`` and ``rewrite`` (the project's own texts); Amt24 rewrites only
   ``file``, ``start``, ``end`` (the sentence in the page) and ``edit_span`` (where the edits
   lie), never text: ``python eval/rewrites.py --show FILE`` prints the pairs of a review file
   for the reviewer, checking the Amt24 pages locally again to rebuild their rewrites.
3. **Passing review**: per rule, the findings in the letters whose rewrite a blind reviewer
   passed in any review round (``eval/review/rewrites*.jsonl`` with their ``-verdicts``
   files; a rewrite counts only when the reviewed pair is exactly the one offered now).  This is
   the issue's "coverage times pass rate", counted per finding.
4. **fix --all**: each corpus letter checked, all rewrites applied (sure and review), the
   result checked again with the same profile: findings at warning level or above and the
   Einfach-Index, before and after (also before clipping to 0..100, so that a letter at the
   floor shows whether it got plainer).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from _common import AMT24, DATA, REVIEW, ROOT, amt24_texts, check_text, corpus_texts, load_jsonl, sentence_of

RULES = ("passiv", "amtsdeutsch", "funktionsverbgefuege", "abkuerzung", "konjunktiv", "verneinung", "satzlaenge")
SERIOUS = ("warning", "error")


def reviewed_verdicts() -> dict[tuple, bool]:
    """Pass/fail of every reviewed rewrite of every round, by its review key (later rounds win)."""
    from review_rewrites import passes

    verdicts: dict[tuple, bool] = {}
    for pairs_path in sorted(REVIEW.glob("rewrites*.jsonl")):
        if pairs_path.stem.endswith("-verdicts"):
            continue
        verdict_path = pairs_path.with_name(f"{pairs_path.stem}-verdicts.jsonl")
        if not verdict_path.exists():
            continue
        pairs, judged = load_jsonl(pairs_path), load_jsonl(verdict_path)
        for pair_id, pair in pairs.items():
            if pair_id in judged:
                verdicts[_review_key(pair)] = passes(judged[pair_id])
    return verdicts


def coverage(nlp, sources, verdicts=None):
    """(findings per rule, with fix, sure, passed review; review items)."""
    found, fixed, sure, passed = Counter(), Counter(), Counter(), Counter()
    items: list[dict] = []
    seen: set[tuple] = set()
    for source, name, text in sources:
        result = check_text(nlp, name, text)
        for finding in result.findings:
            if finding.rule not in RULES:
                continue
            found[finding.rule] += 1
            fix = finding.fix
            if not fix:
                continue
            fixed[finding.rule] += 1
            sure[finding.rule] += fix["applicability"] == "sure"
            start, end = sentence_of(result, finding)
            item = {"source": source, "rule": finding.rule, "applicability": fix["applicability"]}
            if source == "corpus":
                item.update(file=name, original=text[start:end], rewrite=fix["sentence"])
            else:  # no text of the page, not even the edits' words: --show recomputes them
                item.update(file=name, start=start, end=end,
                            edit_span=[min(e["start"] for e in fix["edits"]), max(e["end"] for e in fix["edits"])])
            passed[finding.rule] += bool(verdicts and verdicts.get(_review_key(item)))
            key = (name, tuple((e["start"], e["end"], e["text"]) for e in fix["edits"]))
            if key in seen:
                continue
            seen.add(key)
            items.append(item)
    return found, fixed, sure, passed, items


def fix_all(nlp):
    """Per corpus letter: (name, serious findings before, after, index before, after)."""
    from einfach.edits import apply_edits
    from einfach.rewrite import compose

    rows = []
    for _source, name, text in corpus_texts():
        before = check_text(nlp, name, text)
        edits, _count = compose(before.findings, include_review=True, text=before.text)
        after = check_text(nlp, name, apply_edits(text, edits))
        serious = [sum(f.severity in SERIOUS for f in r.findings) for r in (before, after)]
        index = [r.metrics["index"]["value"] for r in (before, after)]
        rows.append((name, *serious, *index, *map(unclipped_index, (before, after))))
    return rows


def unclipped_index(result) -> float:
    """The Einfach-Index of a check result before clipping to 0..100 (a change shows below the floor too)."""
    from einfach.metrics import MetricsAccumulator

    accumulator = MetricsAccumulator()
    accumulator.add(result.segments, result.findings)
    return accumulator.unclipped_index()


def _review_key(item: dict) -> tuple:
    """What makes two review items the same rewrite: the sentence and the rewritten text (corpus),
    the sentence's offsets and where the edits lie (Amt24, whose text is not stored)."""
    if item["source"] == "corpus":
        return item["source"], item["file"], item["original"], item["rewrite"]
    return item["source"], item["file"], item["start"], item["end"], tuple(item["edit_span"])


def show(path: str, profile: str = "einfach") -> None:
    """Print the (original, rewrite) pairs of a review file; the Amt24 ones are recomputed from
    ../shared/data (the same check finds the same rewrite of the sentence)."""
    from einfach.checker import make_pipeline

    nlp = make_pipeline(profile)
    pages: dict[str, object] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["source"] == "corpus":
            original, rewrite = item["original"], item["rewrite"]
        else:
            if item["file"] not in pages:
                pages[item["file"]] = check_text(nlp, item["file"], (DATA / item["file"]).read_text(encoding="utf-8"))
            result = pages[item["file"]]
            original = result.text[item["start"]:item["end"]]
            low, high = item["edit_span"]
            rewrite = next((f.fix["sentence"] for f in result.findings if f.fix and f.rule == item["rule"]
                            and min(e["start"] for e in f.fix["edits"]) == low
                            and max(e["end"] for e in f.fix["edits"]) == high), "(nicht mehr erzeugt)")
        print(f"{item['id']}\n  vorher:  {original}\n  nachher: {rewrite}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30, help="Amt24 pages sampled (default 30)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--profile", default="einfach")
    parser.add_argument("--review", default=None, help="write the shuffled review file here (JSON lines)")
    parser.add_argument("--show", default=None, help="print the pairs of a review file and stop")
    parser.add_argument("--only-new", nargs="+", default=None, metavar="REVIEWED",
                        help="write to --review only the rewrites not in these earlier review files")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.show:
        show(args.show, args.profile)
        return 0
    from einfach.checker import make_pipeline

    nlp = make_pipeline(args.profile)
    if not AMT24.is_dir():
        print(f"(no {AMT24}: Amt24 part skipped)")
    verdicts = reviewed_verdicts()
    all_items = []
    for label, sources in (("corpus/original", corpus_texts()), (f"Amt24 ({args.pages} pages, seed {args.seed})",
                                                                amt24_texts(args.pages, args.seed))):
        found, fixed, sure, passed, items = coverage(nlp, sources, verdicts)
        all_items += items
        print(f"\n{label}: findings with a rewrite (of them sure), and with a rewrite a reviewer passed")
        print("| rule | findings | with rewrite | share | sure | passed review | share |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for rule in RULES:
            if found[rule]:
                print(f"| {rule} | {found[rule]} | {fixed[rule]} | {fixed[rule] / found[rule]:.0%} | {sure[rule]} "
                      f"| {passed[rule]} | {passed[rule] / found[rule]:.0%} |")
    if args.only_new:
        earlier = {_review_key(item) for path in args.only_new for item in load_jsonl(Path(path)).values()}
        all_items = [item for item in all_items if _review_key(item) not in earlier]
    random.Random(args.seed).shuffle(all_items)
    for number, item in enumerate(all_items, start=1):
        item["id"] = f"R{number:03d}"
    if args.review:
        Path(args.review).parent.mkdir(parents=True, exist_ok=True)
        with open(args.review, "w", encoding="utf-8") as out:
            for item in all_items:
                out.write(json.dumps({"id": item.pop("id"), **item}, ensure_ascii=False) + "\n")
        print(f"\n{len(all_items)} distinct rewrites written to {args.review} (shuffled, seed {args.seed})")
    print("\neinfach fix --all on corpus/original (findings at warning or above; Einfach-Index)")
    print("| letter | findings before | after | change | index before | after | unclipped before | after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = fix_all(nlp)
    for name, before, after, index_before, index_after, raw_before, raw_after in rows:
        change = f"{(after - before) / before:+.0%}" if before else "–"
        print(f"| {Path(name).stem} | {before} | {after} | {change} | {index_before:.1f} | {index_after:.1f} "
              f"| {raw_before:.1f} | {raw_after:.1f} |")
    total_before = sum(r[1] for r in rows)
    total_after = sum(r[2] for r in rows)
    print(f"| all | {total_before} | {total_after} | {(total_after - total_before) / total_before:+.0%} | | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
