"""Check one document and reduce the result to a small summary.

Runs in the worker processes of ``einfach report`` (or in the parent with
``--jobs 1``).  :func:`initialise` builds the pipeline once per process;
:func:`summarise` returns a plain dict of counts — never a spaCy Doc, and no
letter text unless snippets were asked for.  The parent stores the summaries
as they arrive.
"""

from __future__ import annotations

import signal
from collections import Counter

from ..errors import EinfachError, InputError
from ..gc_pause import own_process
from . import reuse

BUCKET_WIDTH = 5  # sentence-length histogram: 1–5, 6–10, ... words
LAST_BUCKET = 61  # ... and one bucket for 61 words and more

_state: dict = {}

WARM_UP = (
    "Sehr geehrte Damen und Herren,\n\n"
    "hiermit wird Ihnen gemäß § 5 AufenthG mitgeteilt, dass die Aufenthaltserlaubnisverlängerung "
    "nicht erteilt werden kann, sofern die Unterlagen nicht z. B. bis zum 1. Mai vorgelegt worden sind.\n"
)


def bucket(words: int) -> str:
    """The histogram bucket of a sentence: its lower bound as text ("1", "6", ..., "61")."""
    lower = min((max(words, 1) - 1) // BUCKET_WIDTH * BUCKET_WIDTH + 1, LAST_BUCKET)
    return str(lower)


def bucket_label(lower: str | int) -> str:
    lower = int(lower)
    if lower >= LAST_BUCKET:
        return f"ab {LAST_BUCKET}"
    return f"{lower}–{lower + BUCKET_WIDTH - 1}"


def all_buckets() -> list[str]:
    return [str(lower) for lower in range(1, LAST_BUCKET + 1, BUCKET_WIDTH)]


def initialise(options: dict) -> None:
    """Remember the options and build the pipeline of the base settings once.

    ``options``: ``flags`` (command-line settings, as for ``check``),
    ``model``, ``config_file``, ``root`` (the scanned folder),
    ``store_snippets``, ``pseudonymise`` (keep paths out of error messages).
    """
    from ..checker import make_pipeline
    from ..config import config_for, with_cli

    from ..checker import check_document
    from ..readers.text import document_from_text

    _state.clear()
    _state.update(options)
    settings = _without_rewrites(with_cli(config_for(options["root"], options.get("config_file")).base, **options.get("flags", {})))
    nlp = make_pipeline(settings.profile, options.get("model"), settings.rule_settings())
    # Load what the pipeline and the metrics load on first use (tagger model, word tables, lexicons),
    # so that it happens here once, not inside the first document.
    check_document(document_from_text("<warm-up>", WARM_UP), nlp, settings)


def initialise_child(options: dict) -> None:
    """Initializer of a worker process: Ctrl-C is the parent's business."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # the parent blocked it while starting us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    own_process()
    try:
        initialise(options)
    except EinfachError as error:  # reported by the first summarise(), with its message
        _state["init_error"] = str(error)
    except Exception as exc:  # pragma: no cover - a broken installation
        _state["init_error"] = f"Prüfprozess konnte nicht starten ({type(exc).__name__}: {exc})"


def document_settings(path: str, options: dict):
    """The settings of one document: its configuration file, per-path overrides, then the flags."""
    from ..config import config_for, with_cli

    return _without_rewrites(with_cli(config_for(path, options.get("config_file")).settings_for(path), **options.get("flags", {})))


def _without_rewrites(settings):
    """A corpus report counts findings and never shows a rewritten sentence: rewrites (about
    three times the CPU of a check, docs/performance.md) are not computed for it."""
    from dataclasses import replace

    return replace(settings, rewrite=False)


def check_key_of(settings, options: dict) -> str:
    """The key under which this document's summary can be reused (see :mod:`einfach.report.reuse`)."""
    return reuse.check_key(settings, options.get("model"), bool(options.get("store_snippets")))


def summarise(task) -> dict:
    """Check ``task`` (a :class:`~einfach.report.scan.Task`) and return its summary.

    Unreadable documents give ``status: "error"`` and a German message; a
    problem that concerns the whole run (a broken configuration file) gives
    ``fatal``.
    """
    from ..checker import check_document, make_pipeline
    from ..readers import read_document

    if "init_error" in _state:
        return {"key": task.key, "fatal": _state["init_error"]}
    summary = {"key": task.key, "group": task.group, "status": "ok", "error": None, "content_hash": None}
    try:
        summary["content_hash"] = reuse.content_hash(task.path)
    except OSError as exc:
        return _failed(summary, f"kann nicht gelesen werden: {exc.strerror or type(exc).__name__}", task)
    try:
        settings = document_settings(task.path, _state)
        document = read_document(task.path)
    except InputError as error:
        return _failed(summary, error.problem, task)
    except EinfachError as error:
        return {"key": task.key, "fatal": str(error)}
    try:
        nlp = make_pipeline(settings.profile, _state.get("model"), settings.rule_settings())
        result = check_document(document, nlp, settings)
        metrics = result.metrics
    except EinfachError as error:
        return {"key": task.key, "fatal": str(error)}
    except Exception as exc:  # a bug must not cost a 10,000-document run: record it, go on
        return _failed(summary, f"konnte nicht geprüft werden (interner Fehler {type(exc).__name__}: {exc})", task)
    index = metrics.get("index") if isinstance(metrics.get("index"), dict) else None
    terms = Counter(
        str(f.data["term"]) for f in result.findings if f.rule == "amtsdeutsch" and f.data.get("term")
    )
    lengths = Counter(bucket(s.words) for s in result.segments if not s.fragment)
    summary.update(
        words=int(metrics.get("words", 0)),
        sentences=int(metrics.get("sentences", 0)),
        index=None if index is None else index.get("value"),
        band=None if index is None else index.get("band"),
        index_version=None if index is None else index.get("index_version"),
        metrics=metrics,
        sentence_lengths=dict(lengths),
        findings=dict(Counter(f.rule for f in result.findings)),
        terms=dict(terms),
        snippets=[[f.rule, f.text] for f in result.findings] if _state.get("store_snippets") else None,
        settings_hash=reuse.settings_hash(settings),
        check_key=check_key_of(settings, _state),
        profile=settings.profile,
    )
    return summary


def summarise_batch(tasks: list) -> list[dict]:
    """Several neighbouring documents in one call: fewer round trips, and neighbours (a letter as
    .docx and .txt, letters of one folder) share the worker's word caches."""
    return [summarise(task) for task in tasks]


def _failed(summary: dict, message: str, task) -> dict:
    """Record an unreadable document; with pseudonymised paths its path never enters the message."""
    if _state.get("pseudonymise"):
        import os

        for secret in (task.path, os.path.basename(task.path), os.path.splitext(os.path.basename(task.path))[0]):
            if secret:
                message = message.replace(secret, "…")
    summary.update(status="error", error=message)
    return summary
