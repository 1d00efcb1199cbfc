"""Long-lived, Textual-free services the App owns (relax engine, speech)."""
