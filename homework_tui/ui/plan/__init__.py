"""The plan section."""
