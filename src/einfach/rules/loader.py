"""Load and validate rule, profile and lexicon files.

Every problem raises :class:`einfach.errors.RuleFileError` naming the file
and the key, so an authority editing its own lexicon sees what to fix.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader when PyYAML has it (about 10 times faster), else the pure-Python one
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..errors import RuleFileError
from ..resources import rules_dir
from .kinds import KINDS, kind_class

LEVELS = ("info", "warning", "error")
RULE_REQUIRED = ("id", "kind", "level", "title", "summary", "message", "suggestion", "why", "source", "examples")
RULE_OPTIONAL = ("parameters", "link", "rewrites", "message_single", "suggestion_single")  # *_single: count 1
APPLICABILITIES = ("sure", "review")
# optional keys of the rewrites (issue 14, docs/lexicons.md): what replaces the term in the
# sentence, how it is fitted in, and when it is not swapped
REWRITE_KEYS = {"rewrite", "rewrite_as", "rewrite_tags", "rewrite_not_before", "rewrite_before", "rewrite_after", "swap",
                "rewrite_if_words", "rewrite_preceded_by", "rewrite_not_near", "rewrite_if_after", "rewrite_sure",
                "rewrite_if_noun", "rewrite_genitive", "rewrite_object_of"}
REWRITE_MODES = ("word", "adjective", "possessive", "verb", "preposition", "noun", "dissolve", "name", "drop", "amount",
                 "conjunction", "duration", "clause", "article")
# optional: alternatives that depend on the sense in the sentence (issue #17, docs/lexicons.md)
SENSE_KEYS = {"alternatives", "if_words", "if_before", "if_inside", "if_next", "if_parallel", "if_bracket", "if_verb",
              "if_letter", "if_reflexive", "if_noun"}
LEXICON_ENTRY_KEYS = {
    "amtsdeutsch": ({"term", "alternatives", "reason"}, {"tags", "match", "source", "senses", "not_before", "only_before", "only_with"} | REWRITE_KEYS),
    "fachbegriffe": ({"term", "explanation"}, {"match"}),
}
DEFAULT_LEXICON_KEYS = ({"term", "alternatives", "reason"}, {"tags", "match", "source", "senses", "not_before", "only_before", "only_with"} | REWRITE_KEYS)


@dataclass(frozen=True)
class Sense:
    """One sense of a lexicon term: its alternatives and when it applies (einfach.rules.kinds.senses)."""

    alternatives: tuple[str, ...]
    if_words: frozenset[str] = frozenset()
    if_before: frozenset[str] = frozenset()
    if_inside: frozenset[str] = frozenset()
    if_next: frozenset[str] = frozenset()  # the word just after the matched words
    if_parallel: bool = False  # "A (x) bzw. B (y)": pairs read "respectively"
    if_bracket: bool = False  # the term opens a bracket: "Rechtsanwälte (beziehungsweise Mitglieder …)"
    if_verb: frozenset[str] = frozenset()  # the verb that ``{verb}`` names is one of these (infinitives)
    if_letter: bool = False  # only in a letter (the passiv rule's ``letter_markers``): "wir" is the writer
    if_reflexive: bool = False  # a reflexive pronoun in the term's clause: "hat sich … vollzogen" (= happened)
    if_noun: frozenset[str] = frozenset()  # the first noun after the term ("-ung": an ending): "aufgrund der Angaben"


@dataclass(frozen=True)
class Rule:
    """One rule file: texts for users, the kind that finds it, its defaults."""

    id: str
    kind: str
    level: str
    title: str
    summary: str
    message: str
    suggestion: str
    why: str
    source: str
    examples: dict[str, list[str]]
    parameters: dict[str, Any] = field(default_factory=dict)
    link: str | None = None
    path: str = ""
    # (input sentence, expected rewrite or None for "no rewrite", applicability or None): run as tests
    rewrites: tuple[tuple[str, str | None, str | None, str], ...] = ()
    message_single: str | None = None  # used instead of ``message`` when the hit's ``count`` is 1
    suggestion_single: str | None = None  # the same for ``suggestion``

    def message_for(self, values: dict) -> str:
        """The message with ``values`` filled in ("Genitiv: …" for one, "Genitivkette mit 2 …" for more)."""
        single = values.get("count") == 1
        return (self.message_single if single and self.message_single else self.message).format(**values)

    def suggestion_for(self, values: dict) -> str:
        single = values.get("count") == 1
        return (self.suggestion_single if single and self.suggestion_single else self.suggestion).format(**values)


@dataclass(frozen=True)
class Profile:
    """A profile: which rules run, with which levels and parameters."""

    name: str
    description: str
    rules: dict[str, dict[str, Any]]
    path: str = ""
    target_band: str | None = None  # the Einfach-Index band the profile aims for (einfach.bands)


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    alternatives: tuple[str, ...] = ()
    reason: str = ""
    explanation: str = ""
    tags: tuple[str, ...] = ()
    match: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()  # no finding when the word just after the term is one of these
    only_before: tuple[str, ...] = ()  # the finding only when the word just after the term (its noun) is one of these
    only_with: tuple[str, ...] = ()  # the finding only when one of these words (or "-ending"s) stands in the sentence
    rewrite: str = ""  # the replacement einfach fix puts in ("" = no automatic swap)
    rewrite_as: str = ""  # word | adjective | possessive | verb | preposition | noun | dissolve | name | drop
    rewrite_tags: tuple[str, ...] = ()
    rewrite_not_before: tuple[str, ...] = ()
    rewrite_before: tuple[str, ...] = ()
    rewrite_after: tuple[str, ...] = ()
    rewrite_if_words: tuple[str, ...] = ()  # the swap only if one of these lemmas or forms is in the sentence
    rewrite_preceded_by: tuple[str, ...] = ()  # the swap only after one of these words (an article between)
    rewrite_not_near: tuple[str, ...] = ()  # no swap with one of these words nearby (NEAR words either side)
    rewrite_if_after: tuple[str, ...] = ()  # the word before the term ends in one of these
    rewrite_sure: bool = False  # the swap certainly keeps the meaning (applied by fix without --all)
    rewrite_if_noun: tuple[str, ...] = ()  # phrase modes: the noun after the term ends in one of these
    rewrite_genitive: str = ""  # word mode: replaces the term before a genitive noun phrase ("des", "eines")
    rewrite_object_of: tuple[str, ...] = ()  # dissolve: also as the object of these verbs' infinitive
    swap: bool = True  # False: the term is never swapped, only advice is given
    source: str = ""  # optional: where the entry is attested (issue #17)
    senses: tuple[Sense, ...] = ()  # optional: alternatives by sense (issue #17)


@dataclass(frozen=True)
class Lexicon:
    name: str
    source: str
    entries: tuple[LexiconEntry, ...]
    path: str = ""


def read_yaml(path: Path) -> dict:
    """A YAML mapping from ``path`` (libyaml's safe loader when present); errors name the file and line."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"Zeile {mark.line + 1}" if mark else "Datei"
        raise RuleFileError(str(path), where, f"kein gültiges YAML ({getattr(exc, 'problem', exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), "Datei", f"kann nicht gelesen werden ({exc})") from None
    if not isinstance(data, dict):
        raise RuleFileError(str(path), "Datei", "muss eine Zuordnung (Schlüssel: Wert) enthalten")
    return data


def _template_fields(template: str, path: Path, key: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        raise RuleFileError(str(path), key, f"fehlerhafte Vorlage ({exc})") from None


def parse_rule(data: dict, path: Path) -> Rule:
    """Validate one rule file's content."""
    for key in RULE_REQUIRED:
        if key not in data:
            raise RuleFileError(str(path), key, "fehlt")
    for key in data:
        if key not in RULE_REQUIRED and key not in RULE_OPTIONAL:
            raise RuleFileError(str(path), key, "unbekannter Schlüssel")
    if data["id"] != path.stem:
        raise RuleFileError(str(path), "id", f"muss dem Dateinamen entsprechen ('{path.stem}')")
    if data["kind"] not in KINDS:
        raise RuleFileError(str(path), "kind", f"unbekannte Regelart '{data['kind']}' (bekannt: {', '.join(KINDS)})")
    if data["level"] not in LEVELS:
        raise RuleFileError(str(path), "level", f"muss eine von {', '.join(LEVELS)} sein")
    kind = kind_class(data["kind"])
    allowed_parameters, fields = kind.parameters, kind.values
    for key in ("title", "summary", "message", "suggestion", "why", "source"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleFileError(str(path), key, "muss ein nicht leerer Text sein")
    for key in ("message_single", "suggestion_single"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            raise RuleFileError(str(path), key, "muss ein nicht leerer Text sein")
    for key in ("message", "suggestion", "message_single", "suggestion_single"):
        if key not in data:
            continue
        unknown = _template_fields(data[key], path, key) - fields
        if unknown:
            raise RuleFileError(str(path), key, f"unbekannte Platzhalter {sorted(unknown)} (erlaubt: {sorted(fields)})")
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise RuleFileError(str(path), "parameters", "muss eine Zuordnung sein")
    for key in parameters:
        if key not in allowed_parameters:
            raise RuleFileError(str(path), f"parameters.{key}", "unbekannter Parameter für diese Regelart")
    examples = data["examples"]
    if not isinstance(examples, dict) or set(examples) != {"bad", "good"}:
        raise RuleFileError(str(path), "examples", "braucht genau die Listen 'bad' und 'good'")
    for key in ("bad", "good"):
        items = examples[key]
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            raise RuleFileError(str(path), f"examples.{key}", "muss eine nicht leere Liste von Texten sein")
    rewrites = _parse_rewrites(data.get("rewrites"), path) if "rewrites" in data else ()
    return Rule(
        rewrites=rewrites,
        id=data["id"],
        kind=data["kind"],
        level=data["level"],
        title=data["title"].strip(),
        summary=data["summary"].strip(),
        message=data["message"].strip(),
        suggestion=data["suggestion"].strip(),
        why=data["why"].strip(),
        source=data["source"].strip(),
        examples={"bad": list(examples["bad"]), "good": list(examples["good"])},
        parameters=dict(parameters),
        link=data.get("link"),
        path=str(path),
        message_single=data["message_single"].strip() if "message_single" in data else None,
        suggestion_single=data["suggestion_single"].strip() if "suggestion_single" in data else None,
    )


def _parse_rewrites(items: Any, path: Path) -> tuple:
    """``rewrites``: a list of ``{text, rewrite[, applicability][, context]}``; ``rewrite: null`` = no rewrite
    offered; ``context``: a paragraph checked before ``text`` in the same document ("Sehr geehrte ...")."""
    if not isinstance(items, list) or not items:
        raise RuleFileError(str(path), "rewrites", "muss eine nicht leere Liste sein")
    result = []
    for number, item in enumerate(items, start=1):
        where = f"rewrites[{number}]"
        if not isinstance(item, dict) or set(item) - {"text", "rewrite", "applicability", "context"} \
                or "text" not in item or "rewrite" not in item:
            raise RuleFileError(str(path), where,
                                "braucht 'text' und 'rewrite' (und optional 'applicability' und 'context')")
        text, rewrite, applicability = item["text"], item["rewrite"], item.get("applicability")
        context = item.get("context") or ""
        if not isinstance(context, str):
            raise RuleFileError(str(path), f"{where}.context", "muss ein Text sein")
        if not isinstance(text, str) or not text.strip() or not (rewrite is None or isinstance(rewrite, str)):
            raise RuleFileError(str(path), where, "'text' ist ein Satz, 'rewrite' ein Satz oder null")
        if applicability is not None and applicability not in APPLICABILITIES:
            raise RuleFileError(str(path), f"{where}.applicability", f"muss eine von {', '.join(APPLICABILITIES)} sein")
        result.append((text, rewrite, applicability, context))
    return tuple(result)


@lru_cache(maxsize=4)
def load_rules(directory: str | None = None) -> dict[str, Rule]:
    """All rule files of ``directory`` (default: the shipped rules), by id."""
    folder = Path(directory) if directory else rules_dir()
    rules = {}
    for path in sorted(folder.glob("*.yml")):
        rule = parse_rule(read_yaml(path), path)
        rules[rule.id] = rule
    return rules


@lru_cache(maxsize=8)
def load_profile(name: str) -> Profile:
    """A profile from ``rules/profiles/NAME.yml``, checked against the rules."""
    path = rules_dir() / "profiles" / f"{name}.yml"
    if not path.exists():
        known = sorted(p.stem for p in (rules_dir() / "profiles").glob("*.yml"))
        raise RuleFileError(str(path), "profile", f"Profil '{name}' unbekannt (bekannt: {', '.join(known)})")
    data = read_yaml(path)
    for key in data:
        if key not in ("profile", "description", "rules", "target_band"):
            raise RuleFileError(str(path), key, "unbekannter Schlüssel")
    target_band = data.get("target_band")
    if target_band is not None:
        from ..bands import BAND_NAMES

        if target_band not in BAND_NAMES:
            raise RuleFileError(str(path), "target_band", f"muss eine von {', '.join(BAND_NAMES)} sein")
    rules = load_rules()
    configured = data.get("rules") or {}
    if not isinstance(configured, dict):
        raise RuleFileError(str(path), "rules", "muss eine Zuordnung Regel-ID -> Einstellungen sein")
    for rule_id, settings in configured.items():
        if rule_id not in rules:
            raise RuleFileError(str(path), f"rules.{rule_id}", "unbekannte Regel")
        settings = settings or {}
        for key in settings:
            if key not in ("level", "parameters"):
                raise RuleFileError(str(path), f"rules.{rule_id}.{key}", "unbekannter Schlüssel")
        if "level" in settings and settings["level"] not in LEVELS:
            raise RuleFileError(str(path), f"rules.{rule_id}.level", f"muss eine von {', '.join(LEVELS)} sein")
        allowed = kind_class(rules[rule_id].kind).parameters
        for key in settings.get("parameters") or {}:
            if key not in allowed:
                raise RuleFileError(str(path), f"rules.{rule_id}.parameters.{key}", "unbekannter Parameter")
        configured[rule_id] = settings
    return Profile(name=name, description=str(data.get("description", "")), rules=configured, path=str(path),
                   target_band=target_band)


def available_profiles() -> list[str]:
    return sorted(p.stem for p in (rules_dir() / "profiles").glob("*.yml"))


def _as_strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(str(path), key, "muss ein Text oder eine Liste von Texten sein")
    return tuple(v.strip() for v in value)


def parse_lexicon(data: dict, path: Path) -> Lexicon:
    for key in data:
        if key not in ("lexicon", "source", "entries"):
            raise RuleFileError(str(path), key, "unbekannter Schlüssel")
    name = data.get("lexicon")
    if not isinstance(name, str) or not name:
        raise RuleFileError(str(path), "lexicon", "fehlt")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(str(path), "entries", "muss eine nicht leere Liste sein")
    required, optional = LEXICON_ENTRY_KEYS.get(name, DEFAULT_LEXICON_KEYS)
    parsed = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"entries[{number}]"
        if not isinstance(entry, dict):
            raise RuleFileError(str(path), where, "muss eine Zuordnung sein")
        term = entry.get("term")
        label = f"{where} ({term})" if term else where
        for key in required:
            if key not in entry:
                raise RuleFileError(str(path), f"{label}.{key}", "fehlt")
        for key in entry:
            if key not in required and key not in optional:
                raise RuleFileError(str(path), f"{label}.{key}", "unbekannter Schlüssel")
        if not isinstance(term, str) or not term.strip():
            raise RuleFileError(str(path), f"{label}.term", "muss ein nicht leerer Text sein")
        if term.lower() in seen:
            raise RuleFileError(str(path), f"{label}.term", "doppelter Eintrag")
        seen.add(term.lower())
        parsed.append(
            LexiconEntry(
                term=term.strip(),
                alternatives=_as_strings(entry["alternatives"], path, f"{label}.alternatives")
                if "alternatives" in entry
                else (),
                reason=str(entry.get("reason", "")).strip(),
                explanation=str(entry.get("explanation", "")).strip(),
                tags=_as_strings(entry["tags"], path, f"{label}.tags") if "tags" in entry else (),
                match=_as_strings(entry["match"], path, f"{label}.match") if "match" in entry else (),
                not_before=tuple(w.lower() for w in _as_strings(entry["not_before"], path, f"{label}.not_before"))
                if "not_before" in entry
                else (),
                only_before=tuple(w.lower() for w in _as_strings(entry["only_before"], path, f"{label}.only_before"))
                if "only_before" in entry
                else (),
                only_with=tuple(w.lower() for w in _as_strings(entry["only_with"], path, f"{label}.only_with"))
                if "only_with" in entry
                else (),
                **_rewrite_keys(entry, path, label),
                source=str(entry.get("source", "")).strip(),
                senses=_senses(entry, path, label),
            )
        )
    return Lexicon(name=name, source=str(data.get("source", "")), entries=tuple(parsed), path=str(path))


def _senses(entry: dict, path: Path, label: str) -> tuple[Sense, ...]:
    """The optional ``senses`` of a lexicon entry, validated."""
    if "senses" not in entry:
        return ()
    senses = entry["senses"]
    if not isinstance(senses, list) or not senses:
        raise RuleFileError(str(path), f"{label}.senses", "muss eine nicht leere Liste sein")
    result = []
    for number, sense in enumerate(senses, start=1):
        where = f"{label}.senses[{number}]"
        if not isinstance(sense, dict) or "alternatives" not in sense:
            raise RuleFileError(str(path), f"{where}.alternatives", "fehlt")
        for key in sense:
            if key not in SENSE_KEYS:
                raise RuleFileError(str(path), f"{where}.{key}", "unbekannter Schlüssel")
        words = {key: frozenset(w.lower() for w in _as_strings(sense[key], path, f"{where}.{key}"))
                 for key in ("if_words", "if_before", "if_inside", "if_next", "if_verb", "if_noun") if key in sense}
        for key in ("if_parallel", "if_bracket", "if_letter", "if_reflexive"):
            if key in sense and not isinstance(sense[key], bool):
                raise RuleFileError(str(path), f"{where}.{key}", "muss true oder false sein")
        # an empty list: no alternative fits this sense, the finding gets no suggestion
        alternatives = () if sense["alternatives"] == [] else _as_strings(
            sense["alternatives"], path, f"{where}.alternatives")
        result.append(Sense(alternatives=alternatives, if_parallel=bool(sense.get("if_parallel", False)),
                            if_bracket=bool(sense.get("if_bracket", False)),
                            if_letter=bool(sense.get("if_letter", False)),
                            if_reflexive=bool(sense.get("if_reflexive", False)), **words))
    return tuple(result)


def _rewrite_keys(entry: dict, path: Path, label: str) -> dict:
    """The optional rewrite keys of a lexicon entry, validated."""
    result: dict = {}
    if "rewrite" in entry:
        if not isinstance(entry["rewrite"], str) or not entry["rewrite"].strip():
            raise RuleFileError(str(path), f"{label}.rewrite", "muss ein nicht leerer Text sein")
        result["rewrite"] = entry["rewrite"].strip()
    if "rewrite_genitive" in entry:
        if not isinstance(entry["rewrite_genitive"], str) or not entry["rewrite_genitive"].strip():
            raise RuleFileError(str(path), f"{label}.rewrite_genitive", "muss ein nicht leerer Text sein")
        result["rewrite_genitive"] = entry["rewrite_genitive"].strip()
    if "rewrite_as" in entry:
        if entry["rewrite_as"] not in REWRITE_MODES:
            raise RuleFileError(str(path), f"{label}.rewrite_as", f"muss eine von {', '.join(REWRITE_MODES)} sein")
        result["rewrite_as"] = entry["rewrite_as"]
    for key in ("rewrite_tags", "rewrite_not_before", "rewrite_before", "rewrite_after", "rewrite_if_words",
                "rewrite_preceded_by", "rewrite_not_near", "rewrite_if_after", "rewrite_if_noun", "rewrite_object_of"):
        if key in entry:
            result[key] = _as_strings(entry[key], path, f"{label}.{key}")
    if "rewrite_sure" in entry:
        if not isinstance(entry["rewrite_sure"], bool):
            raise RuleFileError(str(path), f"{label}.rewrite_sure", "muss true oder false sein")
        result["rewrite_sure"] = entry["rewrite_sure"]
    if "swap" in entry:
        if not isinstance(entry["swap"], bool):
            raise RuleFileError(str(path), f"{label}.swap", "muss true oder false sein")
        if entry["swap"] is False and "rewrite" in entry:
            raise RuleFileError(str(path), f"{label}.swap", "'swap: false' und 'rewrite' schließen sich aus")
        result["swap"] = entry["swap"]
    if set(result) - {"rewrite", "swap"} and "rewrite" not in result:
        raise RuleFileError(str(path), f"{label}.rewrite", "fehlt (die anderen rewrite-Schlüssel brauchen ihn)")
    return result


@lru_cache(maxsize=16)
def load_lexicon(name_or_path: str) -> Lexicon:
    """A shipped lexicon by name (``rules/lexikon/NAME.yml``) or any lexicon file by path."""
    path = Path(name_or_path)
    if path.suffix not in (".yml", ".yaml"):
        path = rules_dir() / "lexikon" / f"{name_or_path}.yml"
    if not path.exists():
        raise RuleFileError(str(path), "lexicon", "Lexikon nicht gefunden")
    return parse_lexicon(read_yaml(path), path)


def shipped_lexicons() -> list[str]:
    return sorted(p.stem for p in (rules_dir() / "lexikon").glob("*.yml"))
