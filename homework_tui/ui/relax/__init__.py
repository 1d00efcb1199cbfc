"""The relax section."""
