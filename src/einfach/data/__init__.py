"""Data files of einfach's metrics (syllable exceptions, the Einfach-Index model).

A package so that ``importlib.resources.files("einfach.data")`` finds them in a
wheel as in a checkout.
"""
