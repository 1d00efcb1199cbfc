"""The settings section."""
