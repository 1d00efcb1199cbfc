"""Start-up to the first painted frame of Today, against a bare Textual app (Header, Footer,
DataTable) started the same way in the same run. Target (issue 2): at most 1.25x the bare app.

Both run in a pseudo-terminal at 100x30; the clock stops when the frame's marker text has been
written to the terminal. Runs alternate so that machine noise hits both alike; medians compared."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import ROOT, median, python, time_to_marker, verdict  # noqa: E402

RUNS = 9


def main() -> int:
    bare_cmd = [python(), str(ROOT / "scripts/benchmarks/bare_app.py")]
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        app_cmd = [python(), "-m", "homework_tui", "--data-dir", str(Path(tmp) / "data")]
        time_to_marker(app_cmd, b"Your homework")  # first run creates the data folder
        time_to_marker(bare_cmd, b"Bare baseline")  # and warms the file cache for both
        for _ in range(RUNS):
            bare.append(time_to_marker(bare_cmd, b"Bare baseline"))
            ours.append(time_to_marker(app_cmd, b"Your homework"))
    ratio = median(ours) / median(bare)
    print(
        f"  first frame: Today median {median(ours) * 1000:.0f} ms, bare Textual app median "
        f"{median(bare) * 1000:.0f} ms ({RUNS} runs each, alternating)"
    )
    ok = verdict("start-up ratio Today / bare app", ratio, 1.25, "x")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
