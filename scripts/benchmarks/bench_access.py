"""Accessibility figures (issue 17): the plain mode's bytes on a thin link, and what the cursor
that follows the focus costs.

    .venv/bin/python scripts/benchmarks/bench_access.py [--seconds 20]

1. Plain box breathing: `homework-tui --plain breathe --pattern box --minutes 2` in a pty, the
   before-rating answered at 2 s, bytes counted over `--seconds` from 6 s after start.
   Target < 50 bytes/s. Same-run baseline: the full-screen `breathe` with reduced motion
   (TEXTUAL_ANIMATIONS=none), the same session, counted the same way.
2. The cursor following the focus: Today in a 100x30 pty, six Down keys, bytes from 4 s after
   start for 4 s, with the setting on and off (same run). Target: on/off ≤ 1.05; and 0 bytes in
   3 s of idling with it on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_relax import SCRIPT, count_bytes  # noqa: E402
from benchlib import verdict  # noqa: E402


def private_dirs(prefix: str) -> dict[str, str]:
    root = Path(tempfile.mkdtemp(prefix=prefix))
    return {
        "HOMEWORK_TUI_DATA_DIR": str(root / "data"),
        "HOMEWORK_TUI_CONFIG_DIR": str(root / "config"),
        "HOMEWORK_TUI_CACHE_DIR": str(root / "cache"),
    }


def with_cursor_setting(on: bool) -> dict[str, str]:
    from homework_tui.model.settings import Settings
    from homework_tui.store import Singleton, Store

    env = private_dirs("bench-access-")
    with Store.open(Path(env["HOMEWORK_TUI_DATA_DIR"])) as store:
        Singleton(store, "settings", Settings, Settings).save(Settings(cursor_on_focus=on))
    return env


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    ok = True

    session = ["breathe", "--pattern", "box", "--minutes", "2"]
    plain = count_bytes(
        [str(SCRIPT), "--plain", *session],
        warmup=6.0,
        seconds=args.seconds,
        keys=[(2.0, b"50\r")],
        env=private_dirs("bench-plain-"),
    )
    full = count_bytes(
        [str(SCRIPT), *session],
        warmup=8.0,
        seconds=args.seconds,
        keys=[(3.0, b"\x1b")],
        env={**private_dirs("bench-full-"), "TEXTUAL_ANIMATIONS": "none"},
    )
    plain_rate, full_rate = plain / args.seconds, full / args.seconds
    print(
        f"  plain box breathing: {plain_rate:.1f} bytes/s; full screen, reduced motion: "
        f"{full_rate:.1f} bytes/s (plain/full {plain_rate / max(full_rate, 1e-9):.2f})"
    )
    ok &= verdict("plain box breathing", plain_rate, 50, "bytes/s")

    downs = [(4.0 + 0.3 * n, b"\x1b[B") for n in range(6)]
    today = [str(SCRIPT)]
    on = count_bytes(today, warmup=4.0, seconds=4.0, keys=downs, env=with_cursor_setting(True))
    off = count_bytes(today, warmup=4.0, seconds=4.0, keys=downs, env=with_cursor_setting(False))
    print(f"  six Down keys on Today: {on} bytes with the cursor following, {off} without")
    ok &= verdict("cursor following the focus, on/off", on / max(off, 1), 1.05, "x")
    idle = count_bytes(today, warmup=5.0, seconds=3.0, env=with_cursor_setting(True))
    ok &= verdict("idle on Today with the cursor following", idle / 3.0, 0, "bytes/s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
