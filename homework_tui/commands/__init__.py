"""Subcommands of the `homework-tui` console script, one module each."""
