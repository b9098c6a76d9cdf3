"""CPU time of the lexicon rules alone on the paragraphs of the letters ``bench_serve.py`` sends (issue 15).

    python benchmarks/bench_lexicon.py [--rounds 9]

Runs the pipeline once on the paragraphs of the 24 bench letters, then per
round and paragraph reads the Doc's shared lists (``DocView``) and particle
verbs afresh (the first rule to read them pays for them, not the lexicon
kinds) and measures ``find`` of every rule of the kinds ``lexicon`` and
``light_verb`` (``time.process_time``).  Prints the CPU ms per letter of
each round and their median.  Needs only the repository.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import letter  # noqa: E402

VIEW_LISTS = ("tokens", "text", "lower", "tag", "lemma", "key", "space", "placeholder", "sents", "sent_start",
              "protected", "_sentence_at")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    from einfach.checker import make_pipeline
    from einfach.nlp.syntax import particle_verbs
    from einfach.nlp.view import doc_view, release
    from einfach.rules.kinds import kind_class
    from einfach.rules.loader import load_rules

    nlp = make_pipeline("einfach")
    rules = [rule for rule in load_rules().values() if rule.kind in {"lexicon", "light_verb"}]
    kinds = [kind_class(rule.kind)(rule.parameters) for rule in rules]
    letters = 24
    paragraphs = [p for n in range(1, letters + 1) for p in letter(n).split("\n\n") if p.strip()]
    docs = list(nlp.pipe(paragraphs))
    per_letter = []
    for round_ in range(1, args.rounds + 1):
        seconds = 0.0
        hits = 0
        for doc in docs:
            release(doc)
            view = doc_view(doc)
            for name in VIEW_LISTS:
                getattr(view, name)
            for sentence in view.sents:
                particle_verbs(sentence)
            start = time.process_time()
            for kind in kinds:
                hits += sum(1 for _ in kind.find(doc))
            seconds += time.process_time() - start
        per_letter.append(seconds * 1000 / letters)
        print(f"round {round_}: {per_letter[-1]:.2f} ms CPU per letter ({len(docs)} paragraphs, {hits} hits)")
    print(f"median: {statistics.median(per_letter):.2f} ms CPU per letter, minimum {min(per_letter):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
