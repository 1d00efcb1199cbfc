"""Self-monitoring diaries: mood (`mood`), sleep (`sleep`, the Consensus Sleep Diary core) and
panic (`panic`, after Craske & Barlow); `clock` reads the times people type, `charts` draws the
text charts the app and the report share."""
