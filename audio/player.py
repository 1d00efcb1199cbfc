"""Playing a session: `open_player` gives sound through PortAudio (`SoundPlayer`) or, where that is
impossible, a `SilentPlayer` on the wall clock with the same interface, so a pacer and captions work
the same with or without sound."""

from __future__ import annotations

import time

from audio.clock import Clock, Moment, PlayerBase, PlayerStats, SilentPlayer
from audio.errors import DeviceError
from audio.session import Session
from audio.sound_player import SoundPlayer, output_devices
from audio.workers import AudioWorkers


def open_player(
    session: Session,
    *,
    prefer_device: bool = True,
    device: int | str | None = None,
    require_device: bool = False,
    start: bool = True,
    workers: AudioWorkers | None = None,
    clock: Clock = time.monotonic,
) -> SoundPlayer | SilentPlayer:
    """A player for `session`: sound through PortAudio when possible, else a SilentPlayer whose
    `reason` says why. With `require_device` (or an explicit `device`) a missing device is a
    DeviceError instead. The session may be re-laid out at the device's sample rate: always follow
    `player.timeline`, not the session you passed. With `workers`, the sink it prewarmed is used
    when it suits. `clock` is the wall clock a SilentPlayer keeps time by (a SoundPlayer keeps the
    device's frame clock)."""
    player: SoundPlayer | SilentPlayer
    if not prefer_device and not require_device and device is None:
        player = SilentPlayer(session, "sound is turned off", clock)
    else:
        try:
            player = SoundPlayer(session, device, workers)
        except DeviceError as exc:
            if require_device or device is not None:
                raise
            player = SilentPlayer(session, str(exc), clock)
    if start:
        player.start()
    return player


__all__ = [
    "Clock",
    "Moment",
    "PlayerBase",
    "PlayerStats",
    "SilentPlayer",
    "SoundPlayer",
    "open_player",
    "output_devices",
]
