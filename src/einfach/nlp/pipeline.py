"""Where the spaCy pipeline is built.

Default: ``spacy.blank("de")`` with einfach's components (tokens, segmenter,
HanTa tagger, rules).  With ``model``: any installed spaCy German pipeline
(e.g. ``de_core_news_md``, or a path) supplies tags, lemmas and morphology,
and einfach adds its token, segmentation and rule components.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelError
from ..gc_pause import paused

# Importing the modules registers the factories with spaCy.
from . import segmenter, tagger, tokens  # noqa: F401
from ..rules import component  # noqa: F401

MAX_LENGTH = 10_000_000


@lru_cache(maxsize=8)
def build_pipeline(model: str | None = None, profile: str = "einfach", rules_config: str = "{}"):
    """Build (once per process and arguments) the pipeline that checks text.

    ``rules_config`` is a JSON string of extra rule settings, so that the
    arguments stay hashable for the cache.
    """
    with paused():
        return _build(model, profile, rules_config)


def _build(model: str | None, profile: str, rules_config: str):
    import json

    import spacy

    if model is None:
        nlp = spacy.blank("de")
        tokens.customise_tokenizer(nlp)
        nlp.add_pipe("einfach_tokens")
        nlp.add_pipe("einfach_segmenter")
        nlp.add_pipe("einfach_tagger").fast  # load HanTa's model now, while the collector is paused
        nlp.add_pipe("einfach_clause_segmenter")
    else:
        nlp = _load_model(model)
        tokens.customise_tokenizer(nlp)
        nlp.add_pipe("einfach_tokens", first=True)
        parser = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
        if parser:
            # the model's tagger runs before its parser, which keeps the boundaries set here
            nlp.add_pipe("einfach_segmenter", before=parser)
            nlp.add_pipe("einfach_clause_segmenter", before=parser)
        else:
            nlp.add_pipe("einfach_segmenter", after="einfach_tokens")
            nlp.add_pipe("einfach_clause_segmenter")
    nlp.add_pipe("einfach_rules", config={"profile": profile, "settings": json.loads(rules_config)})
    nlp.max_length = MAX_LENGTH
    return nlp


def _load_model(model: str):
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise ModelError(f"spaCy-Modell '{model}' konnte nicht geladen werden ({reason[:200]})") from None
    if nlp.lang != "de":
        raise ModelError(f"spaCy-Modell '{model}' ist nicht deutsch (Sprache: {nlp.lang})")
    return nlp
