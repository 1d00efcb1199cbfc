"""The Textual interface: shared screens and dialogs here, one folder per section."""
