"""The today section."""
