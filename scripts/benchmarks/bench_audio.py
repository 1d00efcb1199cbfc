"""Benchmarks for the audio engine: every figure in issue 3's "Numbers", with its target.

    python scripts/benchmarks/bench_audio.py            # about 7 minutes
    python scripts/benchmarks/bench_audio.py --quick    # 30 s of live playback instead of 5 min
    python scripts/benchmarks/bench_audio.py --only live --jack no-realtime   # as the tests run it

Needs espeak-ng and PortAudio; plays through a JACK dummy server it starts itself (jackd2), so no
sound card is needed. Each figure is printed with its target and PASS/FAIL, and a same-run baseline
where one makes sense. Exit status 1 if any target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from live_rig import burn_cpu, clock_reading, jack_server, rss_mb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

RESULTS: list[bool] = []


def report(name: str, value: str, target: str, ok: bool | None, baseline: str = "") -> None:
    verdict = "info" if ok is None else ("PASS" if ok else "FAIL")
    if ok is not None:
        RESULTS.append(ok)
    line = f"{verdict:4}  {name}: {value}  (target {target})"
    if baseline:
        line += f"\n      baseline: {baseline}"
    print(line, flush=True)


# --- figures ------------------------------------------------------------------------------------
def first_frame(runs: int) -> None:
    from audio.player import open_player
    from audio.session_setup import build_session
    from audio.voice import VoiceEngine, VoiceSettings
    from audio.workers import AudioWorkers

    for name in ("box", "pmr16"):
        cold, warm = [], []
        for _ in range(runs):
            cache = Path(tempfile.mkdtemp(prefix="bench-speech-"))
            engine = VoiceEngine(cache)
            engine.start()  # what AudioWorkers.prewarm() does when the Relax screen opens
            workers = AudioWorkers()
            while engine.info is None and engine.failure is None:
                time.sleep(0.01)
            for bucket in (cold, warm):
                workers.prewarm_sink(None, 22050)
                time.sleep(0.3)
                t0 = time.monotonic()
                session = build_session(name, cache_dir=cache, engine=engine)
                player = open_player(session, require_device=True, workers=workers)
                while player.first_sound_at is None and time.monotonic() - t0 < 5:
                    time.sleep(0.001)
                bucket.append((player.first_sound_at or float("inf")) - t0)
                latency = player.latency
                time.sleep(0.5)  # let the rest of the speech be made before the next round
                session.resolve_all()
                player.stop()
            engine.close()
            shutil.rmtree(cache, ignore_errors=True)
        first_line = session.plan.texts()[0]
        t0 = time.perf_counter()
        subprocess.run(
            ["espeak-ng", "-v", "en-us", "-s", "120", "-w", os.devnull, first_line], check=True
        )
        raw = time.perf_counter() - t0
        engine = VoiceEngine(Path(tempfile.mkdtemp(prefix="bench-speech-")))
        engine.synthesize("warm up", VoiceSettings())
        t0 = time.perf_counter()
        engine.synthesize(first_line, VoiceSettings())
        worker_line = time.perf_counter() - t0
        engine.close()
        med_c, med_w = statistics.median(cold), statistics.median(warm)
        report(
            f"{name}: session start → first frame to the device, empty speech cache",
            f"median {med_c * 1000:.0f} ms, max {max(cold) * 1000:.0f} ms over {runs}",
            "≤ 150 ms",
            max(cold) <= 0.150,
            f"espeak-ng CLI for the first line {raw * 1000:.0f} ms; our worker, clip prepared and cached "
            f"{worker_line * 1000:.0f} ms; "
            f"heard one device latency later (+{latency * 1000:.0f} ms)",
        )
        report(
            f"{name}: session start → first frame to the device, warm speech cache",
            f"median {med_w * 1000:.0f} ms, max {max(warm) * 1000:.0f} ms over {runs}",
            "≤ 50 ms",
            max(warm) <= 0.050,
        )


def fully_cold() -> None:
    """Informational: a fresh process, nothing prewarmed (worker and sink start on demand)."""
    code = (
        "import time, tempfile\nt0 = time.monotonic()\n"
        "from audio.session_setup import build_session\nfrom audio.player import open_player\n"
        "s = build_session('box', cache_dir=tempfile.mkdtemp())\np = open_player(s, require_device=True)\n"
        "while p.first_sound_at is None and time.monotonic() - t0 < 10: time.sleep(0.001)\n"
        "print(p.first_sound_at - t0)\np.stop()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    value = float(done.stdout.strip() or "nan")
    report(
        "box: fresh process, nothing prewarmed (imports, speech worker and sound sink start on demand)",
        f"{value * 1000:.0f} ms",
        "none: the app prewarms when the Relax screen opens",
        None,
    )


def render_pmr() -> None:
    from audio.session_setup import build_session

    cache = Path(tempfile.mkdtemp(prefix="bench-speech-"))
    out = Path(tempfile.mkdtemp()) / "pmr16.wav"
    t0 = time.perf_counter()
    session = build_session("pmr16", minutes=20, cache_dir=cache)
    timeline = session.write_wav(out)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_session("pmr16", minutes=20, cache_dir=cache).write_wav(out)
    warm = time.perf_counter() - t0
    text = Path(tempfile.mkdtemp()) / "pmr16.txt"
    text.write_text("\n".join(session.plan.texts()))
    t0 = time.perf_counter()
    subprocess.run(
        ["espeak-ng", "-v", "en-us", "-s", "120", "-w", os.devnull, "-f", str(text)], check=True
    )
    raw = time.perf_counter() - t0
    report(
        f"render pmr16 ({timeline.seconds / 60:.1f} min) to WAV, empty speech cache",
        f"{cold:.2f} s",
        "≤ 3 s",
        cold <= 3.0,
        f"espeak-ng CLI reading all {len(session.plan.texts())} lines at once: {raw:.2f} s; "
        f"same render with a warm cache: {warm:.2f} s",
    )
    shutil.rmtree(cache, ignore_errors=True)


def exact_onsets() -> None:
    import numpy as np

    from audio.session_setup import build_session
    from audio.synth import tone
    from audio.wav import read_wav, to_int16

    session = build_session(
        "box",
        minutes=20,
        tones=True,
        spoken_cues=False,
        cache_dir=tempfile.mkdtemp(prefix="bench-speech-"),
    )
    out = Path(tempfile.mkdtemp()) / "box.wav"
    timeline = session.write_wav(out)
    rate, samples = read_wav(out)
    onsets = timeline.onsets("inhale")
    gaps = {b - a for a, b in zip(onsets, onsets[1:])}
    cue = to_int16(tone("inhale", rate))
    in_wav = sum(
        1 for o in onsets if samples[o - 1] == 0 and np.array_equal(samples[o : o + len(cue)], cue)
    )
    ok = gaps == {16 * rate} and in_wav == len(onsets)
    report(
        f"box over {timeline.seconds / 60:.1f} min: inhale onsets in timeline and WAV",
        f"{len(onsets)} onsets, gaps {sorted(gaps)} frames (16.000 s = {16 * rate}), "
        f"{in_wav}/{len(onsets)} cues start on their exact sample in the WAV",
        "every 16.000 s, exact to the sample",
        ok,
    )
    out.unlink()


def inprocess_callback_baseline(seconds: float) -> str:
    """Why the callback lives in a sink process: the same trivial callback in this process, with a
    busy thread holding the GIL."""
    import numpy as np
    import sounddevice as sd

    late = np.zeros(20000)
    count = [0, 0]

    def callback(outdata, frames, when, status):  # noqa: ANN001
        outdata.fill(0)
        if status.output_underflow:
            count[1] += 1
        if count[0] < len(late):
            late[count[0]] = stream.time - when.currentTime
        count[0] += 1

    stream = sd.OutputStream(samplerate=22050, channels=1, callback=callback)
    stop = threading.Event()
    busy = threading.Thread(target=burn_cpu, args=(stop,), daemon=True)
    stream.start()
    busy.start()
    time.sleep(seconds)
    stop.set()
    stream.stop()
    stream.close()
    sd._terminate()
    n = min(count[0], len(late))
    return (
        f"the same kind of callback inside the busy process: {count[1]} underflows in "
        f"{seconds:.0f} s, GIL wait p99 {np.percentile(late[:n], 99) * 1000:.1f} ms, "
        f"max {late[:n].max() * 1000:.1f} ms (a JACK period is 23.2 ms)"
    )


def live_child(seconds: float) -> dict[str, float]:
    """(in a fresh process) Play a 20-minute pmr16 with a busy thread; measure drift and memory."""
    from audio.player import open_player
    from audio.session_setup import build_session
    from audio.workers import AudioWorkers

    cache = tempfile.mkdtemp(prefix="bench-speech-")
    workers = AudioWorkers()
    session = build_session("pmr16", minutes=20, cache_dir=cache, workers=workers)
    player = open_player(session, require_device=True, workers=workers)
    stop = threading.Event()
    busy = threading.Thread(target=burn_cpu, args=(stop,), daemon=True)
    busy.start()
    time.sleep(1.0)
    f0, t0 = clock_reading(player)
    worst = peak_app = peak_all = 0.0
    voice_pid = (workers.engine(cache).info or {}).get("pid")
    sink_pid = player.sink.worker.proc.pid
    while time.monotonic() - t0 < seconds:
        time.sleep(1.0)
        frames, now = clock_reading(player)
        worst = max(worst, abs((frames - f0) / player.sample_rate - (now - t0)))
        pids = ["self", sink_pid] + ([voice_pid] if voice_pid else [])
        peak_app = max(peak_app, rss_mb())
        peak_all = max(peak_all, sum(rss_mb(p) for p in pids))
    stop.set()
    stats = player.stats
    result = {
        "drift": worst,
        "underflows": stats.underflows,
        "starved": stats.starved,
        "callback_ms": stats.callback_max_ms,
        "callback_cpu_ms": stats.callback_cpu_max_ms,
        "played": player.seconds,
        "app": peak_app,
        "all": peak_all,
        "timeline_complete": float(player.timeline.complete),
    }
    player.stop()
    shutil.rmtree(cache, ignore_errors=True)
    return result


def live(seconds: float, jack_log: Path) -> None:
    import json

    done = subprocess.run(
        [sys.executable, __file__, "--live-child", str(seconds)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=seconds + 120,
    )
    if done.returncode != 0:
        report(
            "live playback",
            "the playing process failed: " + done.stderr.strip()[-300:],
            "≤ 20 ms drift, no underflow",
            False,
        )
        return
    r = json.loads(done.stdout.strip().splitlines()[-1])
    lines = [x for x in jack_log.read_text(errors="replace").splitlines() if "xrun" in x.lower()]
    server = sum("JackTimedDriver" in x for x in lines)
    xruns = (
        f"{len(lines)} ({server} the server's own timer late, {len(lines) - server} a client late)"
    )
    report(
        f"live playback {seconds / 60:.1f} min (pmr16 through JACK, a busy thread burning CPU)",
        f"clock drift max {r['drift'] * 1000:.1f} ms; {r['underflows']} underflows, "
        f"{r['starved']} starved blocks; played to {r['played']:.0f} s; the callback took at "
        f"most {r['callback_cpu_ms']:.2f} ms of CPU ({r['callback_ms']:.2f} ms wall) a block",
        "≤ 20 ms drift, no underflow",
        r["drift"] <= 0.020 and r["underflows"] == 0 and r["starved"] == 0,
        f"JACK server xruns in its log: {xruns}; " + inprocess_callback_baseline(15),
    )
    bare = subprocess.run(
        [
            sys.executable,
            "-c",
            "import numpy, time; time.sleep(0.2); "
            "print(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])",
        ],
        capture_output=True,
        text=True,
    )
    report(
        "memory while a 20-minute pmr16 plays (peak RSS of app + sound sink + speech worker)",
        f"{r['all']:.0f} MB (the app process alone {r['app']:.0f} MB)",
        "≤ 120 MB",
        r["all"] <= 120,
        f"a bare Python with numpy: {int(bare.stdout.strip() or 0) / 1024:.0f} MB; JACK's own "
        "shared segment (~100 MB in every JACK client) is left out",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="30 s of live playback, 3 start-up runs"
    )
    parser.add_argument(
        "--only",
        choices=["render", "onsets", "start", "live"],
        action="append",
        help="run only these figures (repeatable)",
    )
    parser.add_argument(
        "--jack",
        choices=["realtime", "no-realtime"],
        default="realtime",
        help="how jackd runs: real-time (-R, as JACK is normally run; it falls back "
        "by itself where not permitted) or --no-realtime as in the tests",
    )
    parser.add_argument("--live-child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.live_child:
        import json

        print(json.dumps(live_child(args.live_child)))
        return 0
    print(f"audio benchmarks on {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", flush=True)
    only = set(args.only or ["render", "onsets", "start", "live"])
    if "render" in only:
        render_pmr()
    if "onsets" in only:
        exact_onsets()
    if only & {"start", "live"}:
        with jack_server(realtime=args.jack == "realtime") as log:
            text = log.read_text(errors="replace")
            mode = (
                "real-time"
                if args.jack == "realtime" and "cannot use real-time" not in text.lower()
                else "not real-time"
            )
            print(f"JACK dummy server at 22050 Hz, 512-frame periods, {mode}", flush=True)
            if "start" in only:
                first_frame(3 if args.quick else 7)
                fully_cold()
            if "live" in only:
                live(30 if args.quick else 300, log)
    print(f"{sum(RESULTS)}/{len(RESULTS)} targets met; load now {os.getloadavg()[0]:.1f}")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
