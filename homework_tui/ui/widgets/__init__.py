"""Widgets several sections share."""
