"""Identity of einfach's fast HanTa path with plain HanTa on all UD German GSD sentences.

    python benchmarks/identity_gsd.py

For every sentence of ``../shared/data/ud_german/*.conllu`` the gold tokens
(as the tagger component sees them) are tagged by plain HanTa
(``HanoverTagger('morphmodel_ger.pgz').tag_sent(words, taglevel=1)``, a
fresh instance einfach never touches) and by
:class:`einfach.nlp.hanta_fast.FastHanta`; every differing (lemma, tag) is
counted (must be 0).  The STTS accuracy of the pipeline's tagger component
on the gold tokens is computed as in ``eval/evaluate.py`` (must stay
0.9492 dev / 0.9585 test, ``docs/quality.md``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import GSD, machine, table  # noqa: E402


def read_conllu(path: Path) -> list[list[tuple[str, str, bool]]]:
    """Sentences as lists of (form, xpos, space_after); multiword ranges and empty nodes skipped."""
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(tokens)
            tokens = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            tokens.append((cols[1], cols[4], "SpaceAfter=No" not in cols[9]))
    if tokens:
        sentences.append(tokens)
    return sentences


def main() -> int:
    files = sorted(GSD.glob("*.conllu")) if GSD.is_dir() else []
    if not files:
        print(f"skipped: no .conllu files in {GSD} (evaluation data is not part of the repository)")
        return 0
    from HanTa import HanoverTagger
    from spacy.tokens import Doc

    from einfach.checker import make_pipeline
    from einfach.nlp.hanta_fast import FastHanta
    from einfach.nlp.tagger import _hanta_form

    plain = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    fast = FastHanta(HanoverTagger.HanoverTagger("morphmodel_ger.pgz"))
    nlp = make_pipeline("einfach")
    component = nlp.get_pipe("einfach_tagger")

    rows = []
    total_mismatches = 0
    for path in files:
        sentences = read_conllu(path)
        mismatched_tokens = mismatched_sentences = tokens = correct = 0
        plain_time = fast_time = 0.0
        for sentence in sentences:
            forms = [_hanta_form(form) for form, _, _ in sentence]
            start = time.perf_counter()
            expected = plain.tag_sent(forms, taglevel=1)
            plain_time += time.perf_counter() - start
            start = time.perf_counter()
            got = fast.tag_sent(forms)
            fast_time += time.perf_counter() - start
            differing = sum(a != b for a, b in zip(expected, got)) + abs(len(expected) - len(got))
            mismatched_tokens += differing
            mismatched_sentences += differing > 0
            # STTS accuracy exactly as eval/evaluate.py measures it (the spaCy component)
            words = [form for form, _, _ in sentence]
            spaces = [space for _, _, space in sentence]
            doc = component(Doc(nlp.vocab, words=words, spaces=spaces,
                                sent_starts=[True] + [False] * (len(words) - 1)))
            for token, (_, xpos, _) in zip(doc, sentence):
                tokens += 1
                correct += token.tag_ == xpos
        total_mismatches += mismatched_tokens
        rows.append([path.name, len(sentences), tokens, mismatched_sentences, mismatched_tokens,
                     f"{correct / tokens:.4f}", f"{plain_time:.1f}", f"{fast_time:.1f}"])
    print(machine())
    print()
    print(table(["file", "sentences", "tokens", "sentences differing", "tokens differing",
                 "STTS accuracy", "plain HanTa s", "fast path s (cold)"], rows))
    print(f"\nmismatches: {total_mismatches}")
    return 1 if total_mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
