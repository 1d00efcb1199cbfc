"""The plain mode: homework-tui as lines of text, for screen readers, braille displays, `TERM=dumb`
and the thinnest links. No escape sequences, no colour, no cursor movement; every choice numbered
and also reachable by its name. It calls the same model and store as the full-screen app and never
re-implements a rule. Textual is never imported here."""
