"""The tagger alone: plain HanTa, the pre-issue-7 memoised HanTa, and einfach's fast path.

    python benchmarks/bench_tagger.py [--runs 3] [--corpus aufenthg|amt24|both]

The sentences are the tagger's input for the corpus (tokens and sentence
boundaries from einfach's pipeline, gender marks removed, spaces and
placeholders left out).  Each variant tags all of them in a fresh process
(median of ``--runs``; CPU seconds beside the wall time):

* ``plain``: ``HanoverTagger('morphmodel_ger.pgz').tag_sent(words, taglevel=1)``
  (AufenthG only: it needs minutes on the Amt24 pages);
* ``memoised``: the same with ``_tag_word`` and ``_analyze`` wrapped in
  ``lru_cache``, the tagger before issue 7;
* ``fast``: :class:`einfach.nlp.hanta_fast.FastHanta`, the tagger now.

Every variant's output is compared with the first one's (mismatches must be 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import AMT24, AUFENTHG, corpora, corpus_files, machine, median, require, table  # noqa: E402


def sentences_of(files: list[str]) -> list[list[str]]:
    from einfach.checker import make_pipeline
    from einfach.nlp.tagger import _hanta_form
    from einfach.readers.text import read_text_file

    nlp = make_pipeline()
    sentences = []
    with nlp.select_pipes(enable=["einfach_tokens", "einfach_segmenter"]):
        for path in files:
            document = read_text_file(path)
            for doc in nlp.pipe((p.text for p in document.paragraphs), batch_size=64):
                for sentence in doc.sents:
                    words = [_hanta_form(t.text) for t in sentence if not t.is_space and not t._.einfach_placeholder]
                    if words:
                        sentences.append(words)
    return sentences


def worker(variant: str, data: str) -> dict:
    from functools import lru_cache

    from HanTa import HanoverTagger

    sentences = pickle.loads(Path(data).read_bytes())
    start, cpu = time.perf_counter(), time.process_time()
    if variant == "fast":
        from einfach.nlp.hanta_fast import FastHanta, HanTaModel

        tagger = FastHanta(HanTaModel("morphmodel_ger.pgz"))
        load = time.perf_counter() - start
        tag = tagger.tag_sent
    else:
        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        if variant == "memoised":
            tagger._tag_word = lru_cache(maxsize=200_000)(tagger._tag_word)
            tagger._analyze = lru_cache(maxsize=200_000)(tagger._analyze)
        load = time.perf_counter() - start

        def tag(words):
            return tagger.tag_sent(words, taglevel=1)

    start, cpu = time.perf_counter(), time.process_time()
    output = [tag(words) for words in sentences]
    elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - cpu
    digest = hashlib.sha256(repr(output).encode("utf-8")).hexdigest()
    per_sentence = [hashlib.sha256(repr(o).encode("utf-8")).hexdigest()[:16] for o in output]
    return {"seconds": elapsed, "cpu": elapsed_cpu, "load": load, "digest": digest, "sentences": per_sentence}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", choices=["aufenthg", "amt24", "both"], default="both")
    parser.add_argument("--worker", nargs=2, metavar=("VARIANT", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    require(AUFENTHG, AMT24)
    print(machine())
    print(f"runs: median of {args.runs}, each a fresh process\n")
    for corpus in corpora(args.corpus):
        files = corpus_files(corpus)
        sentences = sentences_of(files)
        tokens = sum(len(s) for s in sentences)
        variants = ["plain", "memoised", "fast"] if corpus == "aufenthg" else ["memoised", "fast"]
        rows = []
        reference = None
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "sentences.pickle"
            data.write_bytes(pickle.dumps(sentences))
            for variant in variants:
                runs = []
                for _ in range(args.runs):
                    done = subprocess.run([sys.executable, __file__, "--worker", variant, str(data)],
                                          capture_output=True, text=True, check=True)
                    runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
                if reference is None:
                    reference = runs[0]["sentences"]
                mismatches = sum(a != b for a, b in zip(reference, runs[0]["sentences"]))
                seconds = median([r["seconds"] for r in runs])
                rows.append([variant, f"{median([r['load'] for r in runs]):.2f}", f"{seconds:.2f}",
                             f"{median([r['cpu'] for r in runs]):.2f}", f"{tokens / seconds:,.0f}", mismatches])
        label = "AufenthG" if corpus == "aufenthg" else f"Amt24 ({len(files)} pages)"
        print(f"### {label}: {len(sentences):,} sentences, {tokens:,} tokens\n")
        print(table(["variant", "model load s", "tagging s (median)", "CPU s", "tokens/s",
                     f"sentences differing from {variants[0]}"], rows))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
