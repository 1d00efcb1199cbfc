"""Run homework-tui with a guard that records (and refuses) any network socket.

`python netguard.py REPORT cli ARGS…` runs the console script's main with ARGS;
`python netguard.py REPORT app DATA_DIR` drives the real app under Textual's Pilot through every
section. Unix-domain sockets (asyncio's self-pipe, JACK) are local and allowed; any internet
socket or name lookup is written to REPORT and refused."""

from __future__ import annotations

import asyncio
import socket
import sys
from pathlib import Path

REPORT = Path(sys.argv[1])
NETWORK = {socket.AF_INET, socket.AF_INET6}


def guard(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    bad = (
        (event == "socket.__new__" and args[1] in NETWORK)
        or event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr")
        or (event == "socket.connect" and not isinstance(args[1], (str, bytes)))
    )
    if bad:
        with open(REPORT, "a") as handle:
            handle.write(f"{event} {args[1:]!r}\n")
        raise OSError("network use refused by the test guard")


sys.addaudithook(guard)


async def drive_app(folder: Path) -> None:
    from homework_tui.app import HomeworkApp
    from homework_tui.sections import SECTIONS

    app = HomeworkApp(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        for section in SECTIONS:
            await pilot.press(section.hotkey)
            await pilot.pause(0.3)
            await pilot.press("escape")
            await pilot.pause(0.2)
        await pilot.press("f2")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.press("s")
        await pilot.pause(0.3)
    app.close_store()


if __name__ == "__main__":
    mode = sys.argv[2]
    if mode == "selftest":  # proves the guard notices a real connection attempt
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except OSError:
            pass
        sys.exit(0)
    if mode == "cli":
        from homework_tui.cli import main

        sys.exit(main(sys.argv[3:]))
    asyncio.run(drive_app(Path(sys.argv[3])))
