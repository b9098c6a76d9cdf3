"""A cached pipeline is shared: checks side by side must not change each other's results.

Pipelines are cached per profile and settings (``nlp/pipeline.py``) and used by
interleaved streams (the web server, the API) and by threads.  A rule that kept
per-document state on itself ("words already reported") made the first
document of two interleaved streams report its rare words once per paragraph.
Per-document state lives in ``doc._.einfach_document``
(:class:`einfach.rules.kinds.base.DocumentState`).
"""

from __future__ import annotations

import threading

import pytest

from einfach.checker import check_document, check_stream, make_pipeline
from einfach.findings import Chunk
from einfach.readers.text import document_from_text
from einfach.rules.loader import load_rules

RARE = "Die Fiktionsbescheinigung und die Obliegenheit betreffen auch Ihre Wohnsitzauflage."


@pytest.fixture(scope="module")
def pipeline():
    return make_pipeline("einfach", settings={"select": sorted(load_rules())})


@pytest.fixture(scope="module")
def documents(every_rule_text):
    """Two letters in which every rule finds something, and rare words recur in every paragraph."""
    first = "\n\n".join([every_rule_text] + [RARE] * 70)
    second = "\n\n".join([RARE.replace("Obliegenheit", "Ablichtung")] * 70 + [every_rule_text])
    return document_from_text("a.txt", first), document_from_text("b.txt", second)


def as_dict(document, summary, segments, findings) -> dict:
    return summary.result(document.text, segments, findings).to_dict()


def separate(documents, pipeline) -> list[dict]:
    return [check_document(document, pipeline).to_dict() for document in documents]


def test_rare_words_are_reported_once_per_document(documents, pipeline):
    found = check_document(documents[0], pipeline).findings
    texts = [f.text for f in found if f.rule == "seltenes-wort"]
    assert len(texts) == len(set(texts)) and {"Fiktionsbescheinigung", "Wohnsitzauflage"} <= set(texts)


def test_two_interleaved_streams_give_the_separate_results(documents, pipeline):
    expected = separate(documents, pipeline)
    streams = [check_stream(document, pipeline) for document in documents]
    parts = [([], []) for _ in documents]
    results: list[dict | None] = [None, None]
    while any(result is None for result in results):
        for number, stream in enumerate(streams):
            if results[number] is not None:
                continue
            item = next(stream)  # one chunk of each in turn
            if isinstance(item, Chunk):
                parts[number][0].extend(item.segments)
                parts[number][1].extend(item.findings)
            else:
                results[number] = as_dict(documents[number], item, *parts[number])
    assert results == expected


def test_two_threads_give_the_separate_results(documents, pipeline):
    expected = separate(documents, pipeline)
    results: list[dict | None] = [None, None]
    errors: list[BaseException] = []

    def run(number: int) -> None:
        try:
            for _ in range(3):  # a few rounds, so the threads overlap
                results[number] = check_document(documents[number], pipeline).to_dict()
                assert results[number] == expected[number]
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert results == expected
