"""The rules of one run: which rules a profile and the settings turn on, at which level.

Kept apart from the spaCy component (:mod:`einfach.rules.component`) so that
``einfach rules`` can show the effective levels without importing spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .loader import Rule, load_lexicon, load_profile, load_rules


@dataclass
class ActiveRule:
    """A rule as configured for one run: its level and merged parameters.

    ``configured`` is true when the level comes from the configuration or the
    command line: it then applies to every finding of the rule, replacing the
    levels a kind grades by a measured value (satzlaenge's levels by length,
    abkuerzung's ``acronym_level``).  A level from the profile or the rule file
    keeps the grading.
    """

    rule: Rule
    level: str
    parameters: dict[str, Any]
    configured: bool = False


def active_rules(profile: str, settings: dict | None = None) -> list[ActiveRule]:
    """The rules a profile turns on, after ``select``/``ignore`` from settings.

    Precedence, lowest first: the rule file's defaults, the profile, settings.
    """
    settings = settings or {}
    rules = load_rules()
    extra_lexicons = [load_lexicon(path) for path in settings.get("lexicons") or []]
    chosen = load_profile(profile).rules
    select = settings.get("select") or []
    ignore = set(settings.get("ignore") or [])
    result = []
    for rule_id, rule in rules.items():
        if select:
            if rule_id not in select:
                continue
        elif rule_id not in chosen:
            continue
        if rule_id in ignore:
            continue
        profile_settings = chosen.get(rule_id) or {}
        parameters = {
            **rule.parameters,
            **(profile_settings.get("parameters") or {}),
            **((settings.get("parameters") or {}).get(rule_id) or {}),
        }
        if rule.kind == "lexicon":
            own = [lexicon.path for lexicon in extra_lexicons if lexicon.name == parameters.get("lexicon")]
            if own:
                parameters["extra_lexicons"] = own
        configured = (settings.get("levels") or {}).get(rule_id)
        level = configured or profile_settings.get("level") or rule.level
        result.append(ActiveRule(rule=rule, level=level, parameters=parameters, configured=bool(configured)))
    return result
