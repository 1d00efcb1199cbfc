"""Fixtures for the UI tests: the audio tests' JACK dummy server, for Relax sessions played through
the real player (`test_relax_jack.py`)."""

from tests.audio.conftest import jack_server  # noqa: F401
