"""The insights section."""
