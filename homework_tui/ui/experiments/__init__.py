"""The experiments section."""
