"""The exposure section."""
