"""Errors the audio engine raises. Each carries a message meant for the person, not a traceback."""

from __future__ import annotations


class AudioError(Exception):
    """Base class: something the person can act on (a bad name, a missing voice, no device)."""


class ScriptError(AudioError, ValueError):
    """A session name, custom breathing pattern, option or wording file is not usable."""


class VoiceError(AudioError):
    """Speech could not be made: no engine, an unknown voice, or the engine failed."""


class DeviceError(AudioError):
    """No audio output could be opened."""
