"""Project configuration: ``[tool.einfach]`` in pyproject.toml or an ``einfach.toml``.

The file is found by walking up from the checked file (``einfach.toml`` wins
over ``pyproject.toml`` in the same folder; a pyproject.toml without
``[tool.einfach]`` is passed over); ``--config FILE`` overrides the search.
Unknown keys and bad values raise :class:`ConfigError` naming the file and
the key.

Precedence, lowest first: the rule's own defaults, the profile, this file,
its per-path overrides, command-line flags.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import EinfachError

LEVELS = ("info", "warning", "error")
CONFIG_NAMES = ("einfach.toml", "pyproject.toml")
# Text the writer must not change: the legal notice and data-protection notices however headed
# ("Datenschutzhinweise", "Hinweis zum Datenschutz").  Not "Rechtsgrundlage*": in a Bescheid that
# heading may open the reasoning, which is letter text (corpus/original/gebuehrenbescheid).
DEFAULT_EXCLUDE_HEADINGS = ("Rechtsbehelfsbelehrung*", "Rechtsmittelbelehrung*", "*Datenschutz*")


class ConfigError(EinfachError):
    code = "E400"

    def __init__(self, path: str, key: str, problem: str):
        super().__init__(f"{path}: Einstellung '{key}': {problem}")
        self.path = path
        self.key = key


@dataclass(frozen=True)
class Settings:
    """Everything that decides what a check reports for one file."""

    profile: str = "einfach"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()
    parameters: tuple[tuple[str, Any], ...] = ()
    lexicons: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    fail_on: str = "warning"
    min_index: float | None = None
    exclude_styles: tuple[str, ...] = ()
    exclude_headings: tuple[str, ...] = DEFAULT_EXCLUDE_HEADINGS
    rewrite: bool = True  # attach rewrites (finding.fix, einfach.rewrite); not a configuration key

    def rule_settings(self) -> dict:
        """The part the rule component needs (JSON-serialisable)."""
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "levels": dict(self.levels),
            "parameters": {rule: dict(values) for rule, values in self.parameters},
            "lexicons": list(self.lexicons),
            "allow": list(self.allow),
        }


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    values: dict[str, Any]


@dataclass(frozen=True)
class Config:
    base: Settings = field(default_factory=Settings)
    overrides: tuple[Override, ...] = ()
    path: str | None = None
    root: Path | None = None

    def settings_for(self, file: str) -> Settings:
        """The settings for one checked file, with matching per-path overrides applied."""
        settings = self.base
        if not self.root or file == "-":
            return settings
        try:
            relative = Path(file).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return settings
        for override in self.overrides:
            if any(fnmatch.fnmatch(relative, pattern) for pattern in override.paths):
                settings = _apply(settings, override.values)
        return settings


SCALAR_KEYS = {
    "profile": str,
    "fail-on": str,
    "min-index": (int, float),
}
LIST_KEYS = {"select", "ignore", "lexicons", "allow", "exclude-styles", "exclude-headings"}
TABLE_KEYS = {"levels", "parameters"}
TOP_KEYS = set(SCALAR_KEYS) | LIST_KEYS | TABLE_KEYS | {"overrides"}


def find_config(start: Path) -> Path | None:
    """The nearest einfach.toml, or pyproject.toml with [tool.einfach], above ``start``."""
    folder = start if start.is_dir() else start.parent
    for candidate_folder in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name == "einfach.toml" or _has_tool_section(candidate)):
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "einfach" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return False


def load_config(path: Path) -> Config:
    """Read and validate a configuration file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "Datei", f"kein gültiges TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), "Datei", f"kann nicht gelesen werden ({exc})") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("einfach", {})
        prefix = "tool.einfach."
    else:
        section = data.get("tool", {}).get("einfach", data)
        prefix = ""
    if not isinstance(section, dict):
        raise ConfigError(str(path), prefix.rstrip(".") or "Datei", "muss eine Tabelle sein")
    base = _apply(Settings(), _validated(section, path, prefix, allow_overrides=True))
    overrides = []
    for number, entry in enumerate(section.get("overrides", []), start=1):
        key = f"{prefix}overrides[{number}]"
        if not isinstance(entry, dict) or "paths" not in entry:
            raise ConfigError(str(path), key, "braucht 'paths' (Liste von Mustern)")
        paths = entry["paths"]
        if isinstance(paths, str):
            paths = [paths]
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ConfigError(str(path), f"{key}.paths", "muss eine Liste von Mustern sein")
        values = {k: v for k, v in entry.items() if k != "paths"}
        overrides.append(Override(paths=tuple(paths), values=_validated(values, path, f"{key}.", allow_overrides=False)))
    return Config(base=base, overrides=tuple(overrides), path=str(path), root=path.parent.resolve())


def _validated(section: dict, path: Path, prefix: str, allow_overrides: bool) -> dict[str, Any]:
    """Check keys and values; resolve lexicon paths relative to the file."""
    from .rules.kinds import kind_class
    from .rules.loader import available_profiles, load_lexicon, load_rules

    rules = load_rules()
    values: dict[str, Any] = {}
    for key, value in section.items():
        name = f"{prefix}{key}"
        if key == "overrides" and allow_overrides:
            continue
        if key not in TOP_KEYS or (key == "overrides"):
            raise ConfigError(str(path), name, "unbekannte Einstellung")
        if key in SCALAR_KEYS and not isinstance(value, SCALAR_KEYS[key]):
            raise ConfigError(str(path), name, "falscher Typ")
        if key in LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ConfigError(str(path), name, "muss eine Liste von Texten sein")
        if key == "profile" and isinstance(value, str):
            value = value.lower()  # profile names are case-insensitive ("Leicht")
        if key == "profile" and value not in available_profiles():
            raise ConfigError(str(path), name, f"unbekanntes Profil '{value}' (bekannt: {', '.join(available_profiles())})")
        if key == "fail-on" and value not in LEVELS:
            raise ConfigError(str(path), name, f"muss eine von {', '.join(LEVELS)} sein")
        if key == "min-index" and not 0 <= value <= 100:
            raise ConfigError(str(path), name, "muss zwischen 0 und 100 liegen")
        if key in ("select", "ignore"):
            for rule_id in value:
                if rule_id not in rules:
                    raise ConfigError(str(path), name, f"unbekannte Regel '{rule_id}'")
        if key == "levels":
            if not isinstance(value, dict):
                raise ConfigError(str(path), name, "muss eine Tabelle Regel = Stufe sein")
            for rule_id, level in value.items():
                if rule_id not in rules:
                    raise ConfigError(str(path), f"{name}.{rule_id}", "unbekannte Regel")
                if level not in LEVELS:
                    raise ConfigError(str(path), f"{name}.{rule_id}", f"muss eine von {', '.join(LEVELS)} sein")
        if key == "parameters":
            if not isinstance(value, dict):
                raise ConfigError(str(path), name, "muss eine Tabelle je Regel sein")
            for rule_id, parameters in value.items():
                if rule_id not in rules:
                    raise ConfigError(str(path), f"{name}.{rule_id}", "unbekannte Regel")
                if not isinstance(parameters, dict):
                    raise ConfigError(str(path), f"{name}.{rule_id}", "muss eine Tabelle sein")
                allowed = kind_class(rules[rule_id].kind).parameters
                for parameter in parameters:
                    if parameter not in allowed:
                        raise ConfigError(str(path), f"{name}.{rule_id}.{parameter}", "unbekannter Parameter")
        if key == "lexicons":
            resolved = []
            for item in value:
                lexicon_path = (path.parent / item).resolve()
                if not lexicon_path.is_file():
                    raise ConfigError(str(path), name, f"Lexikon '{item}' nicht gefunden")
                load_lexicon(str(lexicon_path))  # validates; errors name the lexicon file and key
                resolved.append(str(lexicon_path))
            value = resolved
        values[key] = value
    return values


def _apply(settings: Settings, values: dict[str, Any]) -> Settings:
    """A copy of ``settings`` with validated values from a file or the command line."""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        attribute = key.replace("-", "_")
        if key in ("levels",):
            changes["levels"] = tuple(sorted({**dict(settings.levels), **value}.items()))
        elif key == "parameters":
            merged = {rule: dict(params) for rule, params in settings.parameters}
            for rule, params in value.items():
                merged[rule] = {**merged.get(rule, {}), **params}
            changes["parameters"] = tuple(sorted((rule, _freeze(p)) for rule, p in merged.items()))
        elif key in LIST_KEYS:
            changes[attribute] = tuple(value)
        else:
            changes[attribute] = value
    return replace(settings, **changes)


def _freeze(parameters: dict) -> tuple:
    return tuple(sorted(parameters.items(), key=lambda item: item[0]))


def with_cli(settings: Settings, **flags: Any) -> Settings:
    """Command-line flags override the file (None means "not given")."""
    values = {key.replace("_", "-"): value for key, value in flags.items() if value not in (None, (), [])}
    return _apply(settings, values)


def config_for(file: str, explicit: str | None = None) -> Config:
    """The configuration for one checked file: ``--config FILE`` or the nearest file above it."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(explicit, "--config", "Datei nicht gefunden")
        return _load_cached(str(path.resolve()))
    start = Path(file) if file != "-" else Path.cwd()
    found = find_config(start)
    return _load_cached(str(found)) if found else Config()


@lru_cache(maxsize=32)
def _load_cached(path: str) -> Config:
    return load_config(Path(path))
