"""Error types and exit codes, defined in one place.

User-facing messages are German (caseworkers read them); each error class
carries a stable code so that users can search the documentation for it.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class EinfachError(Exception):
    """Base class: an expected failure that is shown as one clear line."""

    code = "E000"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"{self.args[0]}"


class InputError(EinfachError):
    """An input file could not be read; names the file and the problem."""

    code = "E100"

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RuleFileError(EinfachError):
    """A rule, lexicon or profile file is invalid; names the file and the key."""

    code = "E200"

    def __init__(self, path: str, key: str, problem: str):
        super().__init__(f"{path}: Schlüssel '{key}': {problem}")
        self.path = path
        self.key = key
        self.problem = problem


class ModelError(EinfachError):
    """A spaCy pipeline given with --model could not be loaded."""

    code = "E300"
