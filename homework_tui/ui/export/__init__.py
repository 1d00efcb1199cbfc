"""The export section."""
