"""The diaries section: mood, sleep and panic diaries, and their charts."""
