"""The help now section."""
