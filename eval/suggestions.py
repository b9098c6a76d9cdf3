"""Sample of einfach's suggestions for a blind review (issue 17): concrete and fitting / generic / wrong.

Run from the project root:

    python eval/suggestions.py [--pages 30] [--seed 17] [--size 150] [--out eval/review/suggestions.jsonl]
    python eval/suggestions.py --show eval/review/suggestions.jsonl [--now]
    python eval/suggestions.py --counts [--pages 30] [--seed 17]

Checks the letters of ``corpus/original`` and ``--pages`` Amt24 pages of
``../shared/data/amt24/docs`` (sampled with the seed; skipped when the folder is
absent) with the default profile, collects every finding that carries a
suggestion, samples ``--size`` of them with the seed and writes them shuffled,
one JSON object per line, with ids S001, S002, ...  The rubric is in
``docs/quality.md`` ("Blind review of suggestions").

A corpus item carries its sentence, the finding's words, message and suggestion.
An Amt24 item carries only the file and the offsets of its sentence and finding:
the pages are not ours to copy (``../shared/data/README.md``); ``--show``
recomputes their text, message and suggestion from the local data.  ``--show
--now`` recomputes the corpus items as well (the same rule, words and sentence in
the letter today), to see what a reviewed item looks like on the current code.
``--counts`` prints, per rule, how many findings of these texts carry a
suggestion and how many carry none (a suggestion is concrete or absent).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from _common import DATA, ROOT, amt24_texts, check_text, corpus_texts, sentence_of


def sources(pages: int, seed: int):
    yield from corpus_texts()
    yield from amt24_texts(pages, seed)


def collect(nlp, pages: int, seed: int) -> list[dict]:
    items = []
    for source, name, text in sources(pages, seed):
        result = check_text(nlp, name, text)
        for finding in result.findings:
            if not finding.suggestions:
                continue
            start, end = sentence_of(result, finding)
            item = {"source": source, "rule": finding.rule, "file": name}
            if source == "corpus":
                item.update(sentence=result.text[start:end], text=finding.text, message=finding.message,
                            suggestion=finding.suggestions[0])
            else:  # offsets only: --show recomputes the text from ../shared/data
                item.update(start=start, end=end, finding_start=finding.start, finding_end=finding.end)
            items.append(item)
    return items


def counts(nlp, pages: int, seed: int) -> None:
    """Per rule: findings with a suggestion, findings without one."""
    from collections import Counter

    found: Counter = Counter()
    for _, name, text in sources(pages, seed):
        for finding in check_text(nlp, name, text).findings:
            found[(finding.rule, bool(finding.suggestions))] += 1
    print("| rule | with suggestion | without |\n|---|---:|---:|")
    for rule in sorted({rule for rule, _ in found}):
        print(f"| {rule} | {found[(rule, True)]} | {found[(rule, False)]} |")


def _now(nlp, results: dict, item: dict) -> tuple[str, str, str]:
    """A corpus item's words, message and suggestion on the current code ("" if no longer produced)."""
    name = item["file"]
    if name not in results:
        results[name] = check_text(nlp, name, (ROOT / name).read_text(encoding="utf-8"))
    result = results[name]
    for finding in result.findings:
        start, end = sentence_of(result, finding)
        if finding.rule == item["rule"] and finding.text == item["text"] and result.text[start:end] == item["sentence"]:
            if finding.suggestions:
                return finding.text, finding.message, finding.suggestions[0]
    return "", "(nicht mehr erzeugt)", ""


def show(path: str, profile: str = "einfach", now: bool = False) -> None:
    """Print the items of a review file; the Amt24 ones (with ``now`` all) recomputed from the local data."""
    from einfach.checker import make_pipeline

    nlp = make_pipeline(profile)
    results: dict[str, object] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["source"] == "corpus" and now:
            sentence = item["sentence"]
            text, message, suggestion = _now(nlp, results, item)
        elif item["source"] == "amt24":
            page = DATA / item["file"]
            if not page.is_file():
                print(f"{item['id']}: {item['file']} fehlt (../shared/data nicht vorhanden)\n")
                continue
            if item["file"] not in results:
                results[item["file"]] = check_text(nlp, item["file"], page.read_text(encoding="utf-8"))
            result = results[item["file"]]
            finding = next((f for f in result.findings if f.rule == item["rule"] and f.start == item["finding_start"]
                            and f.end == item["finding_end"] and f.suggestions), None)
            sentence = result.text[item["start"]:item["end"]]
            text, message, suggestion = (
                (finding.text, finding.message, finding.suggestions[0]) if finding else ("", "(nicht mehr erzeugt)", "")
            )
        else:
            sentence, text, message, suggestion = item["sentence"], item["text"], item["message"], item["suggestion"]
        print(f"{item['id']} [{item['rule']}]\n  Satz:      {sentence}\n  Befund:    {message}\n"
              f"  Stelle:    {text}\n  Vorschlag: {suggestion}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--profile", default="einfach")
    parser.add_argument("--out", default=str(ROOT / "eval" / "review" / "suggestions.jsonl"))
    parser.add_argument("--show", default=None, help="print the items of a review file and stop")
    parser.add_argument("--now", action="store_true", help="with --show: recompute the corpus items too")
    parser.add_argument("--counts", action="store_true", help="findings with and without a suggestion per rule")
    args = parser.parse_args()
    if args.show:
        show(args.show, args.profile, args.now)
        return 0
    from einfach.atomic import write_atomic
    from einfach.checker import make_pipeline

    if args.counts:
        counts(make_pipeline(args.profile), args.pages, args.seed)
        return 0

    items = collect(make_pipeline(args.profile), args.pages, args.seed)
    rng = random.Random(args.seed)
    sample = rng.sample(items, min(args.size, len(items)))
    rng.shuffle(sample)
    lines = [json.dumps({"id": f"S{number:03d}", **item}, ensure_ascii=False) for number, item in enumerate(sample, 1)]
    write_atomic(args.out, "\n".join(lines) + "\n")
    by_source = {s: sum(i["source"] == s for i in sample) for s in ("corpus", "amt24")}
    print(f"{len(items)} findings with a suggestion; {len(sample)} sampled (seed {args.seed}): {by_source}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
