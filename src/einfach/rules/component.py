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
        self.kinds = [kind_class(active.rule.kind)(active.parameters) for active in rules]

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        data: dict = {}
        doc.user_data.pop(VIEW_KEY, None)  # the kinds read the tokens afresh, once for all (see view.py)
        for active, kind in zip(self.rules, self.kinds):
            rule = active.rule
            for hit in kind.find(doc):
                key = (hit.start, hit.end, rule.id)
                if key in data or self._allowed(hit.values):
                    continue
                spans.append(Span(doc, hit.start, hit.end, label=rule.id))
                graded = hit.level is not None and not active.configured
                texts = {**hit.values, "grade": hit.grade if graded else ""}
                data[key] = {
                    "severity": hit.level if graded else active.level,
                    "message": rule.message.format(**texts),
                    "suggestions": [rule.suggestion.format(**texts)],
                    "values": hit.values,
                }
        if doc._.einfach_document is None:
            release(doc)  # the view and the caches of nlp/syntax.py: tokens do not serialise
        # else the checker's Doc: it keeps them for its readability counts (the passive share asks
        # for the same clauses) and releases them itself (checker.check_stream)
        spans.sort(key=lambda span: (span.start, span.end))
        doc.spans[SPAN_KEY] = spans
        doc._.einfach_data = data
        return doc

    def _allowed(self, values: dict) -> bool:
        """Terms the configuration allows are never flagged (``allow = [...]``)."""
        if not self.allow:
            return False
        return any(str(values.get(key, "")).lower() in self.allow for key in ("text", "term"))
