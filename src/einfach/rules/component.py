"""The ``einfach_rules`` spaCy component: runs the active rules of a profile.

Findings go to ``doc.spans["einfach"]``; each span's label is the rule id and
``span._.einfach`` holds the finding's data (severity, message, suggestions,
measured values).  The data lives in a Doc-level dict keyed by span, because
spaCy keys span extension values by character offsets only and two rules may
cover the same words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .active import ActiveRule, active_rules
from .kinds import kind_class
from .kinds.base import SPANS_ONLY
from ..errors import RuleFileError
from ..nlp.view import VIEW_KEY, release

SPAN_KEY = "einfach"

if not Doc.has_extension("einfach_data"):
    Doc.set_extension("einfach_data", default=None)
# Set by the checker on every paragraph Doc of one document (a kinds.base.DocumentState), so a
# rule can remember across paragraphs what it has already said in this document.
if not Doc.has_extension("einfach_document"):
    Doc.set_extension("einfach_document", default=None)
if not Span.has_extension("einfach"):
    Span.set_extension(
        "einfach",
        getter=lambda span: (span.doc._.einfach_data or {}).get((span.start, span.end, span.label_)),
    )


@Language.factory(
    "einfach_rules",
    assigns=["doc.spans"],
    requires=["token.tag", "token.lemma", "token.is_sent_start"],
    default_config={"profile": "einfach", "settings": {}},
)
def make_rules(nlp: Language, name: str, profile: str, settings: dict) -> "RuleRunner":
    return RuleRunner(active_rules(profile, settings), allow=settings.get("allow") or [])


class RuleRunner:
    def __init__(self, rules: list[ActiveRule], allow: list[str] | tuple[str, ...] = ()):
        self.rules = rules
        self.allow = {term.lower() for term in allow}
        self.kinds = [_build_kind(active) for active in rules]
        # rule id -> the rules its findings yield to (a kind's ``yields_to``), in rule order
        self.yields_to = {
            active.rule.id: set(kind.yields_to)
            for active, kind in zip(rules, self.kinds)
            if getattr(kind, "yields_to", ())
        }

    def __call__(self, doc: Doc, only: set[str] | frozenset[str] | None = None, spans_only: bool = False,
                 keep_view: bool = False) -> Doc:
        """Run the rules (only those whose id is in ``only`` if given: the rewrites' safety
        check asks about a few rules, ``nlp(text, component_cfg={"einfach_rules": {"only": ...}})``).

        ``spans_only``: the caller reads the findings' spans (rule id, tokens) and nothing else
        (the safety check); ``span._.einfach`` then holds only the ``values``, which the rules
        that yield to others need (:func:`_drop_yielding`), and the kinds may leave out values
        that only fill the texts (:func:`einfach.rules.kinds.base.spans_only`).  The spans are
        the same as without it.

        ``keep_view``: the caller reads the Doc's token view (:mod:`einfach.nlp.view`) after the
        run and releases it itself (the safety check reads its words from it, instead of
        reading every token of the Doc again).
        """
        spans: list[Span] = []
        data: dict = {}
        doc.user_data.pop(VIEW_KEY, None)  # the kinds read the tokens afresh, once for all (see view.py)
        if spans_only:
            doc.user_data[SPANS_ONLY] = True
        for active, kind in zip(self.rules, self.kinds):
            rule = active.rule
            if only is not None and rule.id not in only:
                continue
            for hit in kind.find(doc):
                key = (hit.start, hit.end, rule.id)
                if key in data or self._allowed(hit.values):
                    continue
                spans.append(Span(doc, hit.start, hit.end, label=rule.id))
                if spans_only:
                    data[key] = {"values": hit.values}
                    continue
                graded = hit.level is not None and not active.configured
                texts = {**hit.values, "grade": hit.grade if graded else ""}
                suggestion = rule.suggestion_for(texts)
                data[key] = {
                    "severity": hit.level if graded else active.level,
                    "message": rule.message_for(texts),
                    # a kind that has nothing concrete to say fills the template with "": no suggestion
                    "suggestions": [suggestion] if hit.suggest and suggestion.strip() else [],
                    "values": hit.values,
                }
        doc.user_data.pop(SPANS_ONLY, None)
        spans = _drop_yielding(spans, data, self.yields_to)
        if doc._.einfach_document is None and not keep_view:
            release(doc)  # the view and the caches of nlp/syntax.py: tokens do not serialise
        # else the checker's Doc: it keeps them for its readability counts (the passive share asks
        # for the same clauses) and releases them itself (checker.check_stream)
        spans.sort(key=lambda span: (span.start, span.end))
        doc.spans[SPAN_KEY] = spans
        doc._.einfach_data = data
        return doc

    def closure(self, ids) -> frozenset[str]:
        """``ids`` and the rules their findings yield to (``yields_to``): running only these
        gives the same findings of ``ids`` as running all rules."""
        result = set(ids)
        for rule_id, targets in self.yields_to.items():
            if rule_id in result:
                result.update(targets)
        return frozenset(result)

    def _allowed(self, values: dict) -> bool:
        """Terms the configuration allows are never flagged (``allow = [...]``)."""
        if not self.allow:
            return False
        return any(str(values.get(key, "")).lower() in self.allow for key in ("text", "term"))


def _build_kind(active: ActiveRule):
    """The rule's kind with its parameters; a value the kind rejects becomes a RuleFileError, not a traceback."""
    try:
        return kind_class(active.rule.kind)(active.parameters)
    except ValueError as exc:
        raise RuleFileError(active.rule.path, "parameters", f"ungültiger Wert ({exc})") from None


def _drop_yielding(spans: list[Span], data: dict, yielding: dict[str, set[str]]) -> list[Span]:
    """Drop findings of a kind with ``yields_to`` that lie inside a finding of one of those rules.

    ``seltenes-wort`` yields to ``amtsdeutsch`` and ``funktionsverbgefuege``:
    a word those rules report with an alternative is not reported again as rare.
    A finding of separate words ("Auskunft … ein") covers only its own words,
    not the words between them ("Auskunft aus dem Bundeszentralregister ein").
    """
    if not yielding:
        return spans
    covered: dict[str, list[Span]] = {}
    for span in spans:
        covered.setdefault(span.label_, []).append(span)
    return [
        span for span in spans
        if span.label_ not in yielding
        or not any(
            other.start <= span.start and span.end <= other.end and _among_words(span, other, data)
            for rule_id in yielding[span.label_] for other in covered.get(rule_id, ())
        )
    ]


def _among_words(span: Span, other: Span, data: dict) -> bool:
    """``span`` is one of the words ``other`` reports (its text, split at " … ")."""
    text = str(data[(other.start, other.end, other.label_)]["values"].get("text", ""))
    if " … " not in text:
        return True
    return span.text in text.replace(" … ", " ").split()
