"""The spaCy side of einfach: pipeline construction and its components.

Importing this package imports spaCy; the CLI imports it only for commands
that analyse text.
"""
