"""Reuse the summary of a document that has not changed since an earlier run.

An authority reports on its letters month after month, and most of them do
not change in between.  A document's summary depends only on its bytes, the
settings that apply to it and the checking engine, so the history keeps each
summary under its content hash and a *check key*: a hash of the engine
(einfach's version and code files including the Einfach-Index model, every
rule, lexicon and profile file, the versions of spaCy, HanTa and the word
lists, the ``--model``) and of the document's settings.  When both match, ``einfach report`` takes the
stored summary instead of checking again; ``--recheck`` checks everything.

The stored summary is what the history keeps anyway (counts, figures,
Amtsdeutsch terms; letter text only with ``--store-snippets``, which is part
of the key), without the document's path.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache

from .. import __version__

_DEPENDENCIES = ("spacy", "HanTa", "wordfreq", "split-words", "marisa-trie")


def rules_fingerprint() -> str:
    """A hash of every rule, lexicon and profile file: a rule change changes the settings hash."""
    from ..resources import rules_dir

    return _files_fingerprint(rules_dir(), (".yml", ".yaml", ".txt", ".tsv"))


def code_fingerprint() -> str:
    """A hash of einfach's own code and data files, so that an installation from a newer
    checkout without a new version number does not reuse summaries of the old code."""
    from pathlib import Path

    return _files_fingerprint(Path(__file__).resolve().parents[1], (".py", ".json", ".tsv", ".yml", ".html", ".css"))


def _files_fingerprint(base, suffixes: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=8)
def engine_fingerprint(model: str | None) -> str:
    """Everything besides the settings that decides a summary (once per process)."""
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in _DEPENDENCIES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    data = {
        "einfach": __version__,
        "code": code_fingerprint(),  # includes the Einfach-Index model (data/index_model.json)
        "rules": rules_fingerprint(),
        "packages": versions,
        "model": model,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def settings_hash(settings) -> str:
    data = json.dumps(asdict(settings), sort_keys=True, default=list, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def check_key(settings, model: str | None, store_snippets: bool) -> str:
    """The key under which a summary of these settings may be reused."""
    parts = [engine_fingerprint(model), settings_hash(settings), "snippets" if store_snippets else "counts"]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def content_hash(path: str) -> str:
    """SHA-256 of a file's bytes, read in blocks (raises OSError)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
