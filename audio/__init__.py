"""The offline voice engine: session scripts, timeline, speech, mixing and playback.

Stands alone: no Textual, no TinyDB, no homework_tui import."""
