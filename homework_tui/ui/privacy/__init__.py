"""The privacy section."""
