"""homework-tui: a calm, private, offline terminal companion for therapy homework."""

__version__ = "0.1.0"
