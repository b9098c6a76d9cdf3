"""spaCy users can add einfach's components by name.

pyproject.toml registers the factories under the ``spacy_factories`` entry
point group, so spaCy finds them without ``import einfach``.  The check runs
in a fresh interpreter, where nothing of einfach has been imported yet.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points

FACTORIES = ("einfach_tokens", "einfach_segmenter", "einfach_tagger", "einfach_rules")

SCRIPT = textwrap.dedent(
    """
    import json
    import sys

    import spacy

    assert not any(name == "einfach" or name.startswith("einfach.") for name in sys.modules)
    nlp = spacy.blank("de")
    nlp.add_pipe("einfach_tokens")
    nlp.add_pipe("einfach_segmenter")
    nlp.add_pipe("einfach_tagger")
    nlp.add_pipe("einfach_rules")
    doc = nlp("Ihr Antrag wurde abgelehnt.")
    print(json.dumps({
        "pipe_names": nlp.pipe_names,
        "labels": [span.label_ for span in doc.spans["einfach"]],
        "severity": doc.spans["einfach"][0]._.einfach["severity"],
        "message": doc.spans["einfach"][0]._.einfach["message"],
    }))
    """
)


def test_factories_are_registered_as_entry_points():
    registered = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    for name in FACTORIES:
        assert name in registered, sorted(registered)
        assert registered[name].startswith("einfach.")


def test_spacy_resolves_einfach_components_by_name(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, f"stdout:\n{run.stdout}\nstderr:\n{run.stderr}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["pipe_names"] == list(FACTORIES)
    assert "passiv" in result["labels"]
    assert result["severity"] in ("info", "warning", "error")
    assert result["message"].strip()
