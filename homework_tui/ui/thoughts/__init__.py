"""The thoughts section."""
