"""Output formats: each module turns a CheckResult into text."""
