"""The journal section."""
