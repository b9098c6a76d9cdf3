"""Rule documentation generated from the rule files (``docs/rules.md``).

Like ruff's rule pages, the documentation lives with the rule (its YAML file)
under fixed headings; this module only arranges it.  ``einfach rules
--markdown`` prints it, and a test fails when ``docs/rules.md`` is stale.
"""

from __future__ import annotations

from .loader import Profile, Rule

HEADER = """# Rules

Generated from `rules/*.yml` by `einfach rules --markdown > docs/rules.md`; do not edit by hand.
A test fails when this file is out of date.
"""


def profile_level(rule: Rule, profile: Profile) -> str:
    """The level a profile gives a rule, or "–" when the profile does not run it."""
    if rule.id not in profile.rules:
        return "–"
    return (profile.rules[rule.id] or {}).get("level", rule.level)


def render_markdown(rules: dict[str, Rule], profiles: dict[str, Profile]) -> str:
    lines = [HEADER, "| rule | " + " | ".join(profiles) + " | checks |", "|---" * (len(profiles) + 2) + "|"]
    for rule in rules.values():
        levels = " | ".join(profile_level(rule, profile) for profile in profiles.values())
        lines.append(f"| [`{rule.id}`](#{rule.id}) | {levels} | {rule.summary} |")
    for rule in rules.values():
        lines += ["", f"## {rule.id}", "", f"**{rule.title}** – {rule.summary}", ""]
        lines += ["### Was die Regel prüft", "", f"Meldung: `{rule.message}`", ""]
        if rule.message_single:
            lines += [f"Meldung bei nur einem (`count` 1): `{rule.message_single}`", ""]
        lines += [f"Vorschlag: `{rule.suggestion}`", ""]
        if rule.suggestion_single:
            lines += [f"Vorschlag bei nur einem: `{rule.suggestion_single}`", ""]
        lines += ["### Warum", "", rule.why, ""]
        lines += ["### Beispiele", "", "Schlecht:", ""]
        lines += [f"- {example}" for example in rule.examples["bad"]]
        lines += ["", "Gut:", ""]
        lines += [f"- {example}" for example in rule.examples["good"]]
        parameters = {name: profile.rules[rule.id].get("parameters") for name, profile in profiles.items()
                      if rule.id in profile.rules and (profile.rules[rule.id] or {}).get("parameters")}
        lines += ["", "### Parameter", "", f"Standard: `{rule.parameters}`" if rule.parameters else "Keine."]
        for name, values in parameters.items():
            lines.append(f"- Profil `{name}`: `{values}`")
        lines += ["", "### Quelle", "", rule.source, ""]
    return "\n".join(lines).rstrip() + "\n"
