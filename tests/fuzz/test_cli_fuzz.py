"""Every subcommand and option of `homework-tui` given hostile values, in-process through
`homework_tui.cli.main` (and a few through the installed console script in a subprocess).

For each call: an exit code of 0, or a clean 1 or 2 with a message starting `homework-tui:` (or
argparse's usage line); never a traceback; and nothing in stdout or stderr carries a raw control
character, even when the value given was full of them (a message shows them escaped, like
`\\x1b`). Commands that would open the app or play sound have those last steps replaced, so what
is fuzzed is the checking of the options; two real renders of a one-minute session run as well.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Store
from tests.fuzz.conftest import Runner
from tests.fuzz.strategies import NASTY, assert_terminal_safe, number_text, text
from tests.hypothesis_profiles import examples

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("homework-tui")

# argv cannot carry NUL (exec takes C strings), and a slash would leave the test's folder.
arg = text.map(lambda s: s.replace("\x00", "").replace("/", "_"))
arg_or_number = st.one_of(arg, number_text.map(lambda s: s.replace("\x00", "")))
# Strings that begin with "-" read as options to argparse; both kinds are wanted.


# -- the data folder itself ------------------------------------------------------------------------


@settings(max_examples=examples(8))
@given(
    name=arg,
    command=st.sampled_from(
        [["today"], ["doctor"], ["export"], ["plan", "show"], ["export", "--format", "markdown"]]
    ),
)
@example(name="\x1b]0;pwned\x07", command=["doctor"])
@example(name="\x1b[2J", command=["export", "--format", "markdown"])
def test_any_data_folder_name(run: Runner, name: str, command: list[str]) -> None:
    run(*command, data=run.root / "folders" / (name or "empty"))


# -- export and its report -------------------------------------------------------------------------


@settings(max_examples=examples(13))
@given(
    fmt=st.one_of(st.sampled_from(["json", "markdown", "csv"]), arg),
    since=st.one_of(
        st.none(),
        arg_or_number,
        st.sampled_from(["2025-03-10", "0001-01-01", "9999-12-31", "last-session"]),
    ),
    until=st.one_of(st.none(), arg_or_number, st.sampled_from(["2025-03-17", "9999-12-31"])),
    out=st.one_of(st.none(), arg),
    full=st.booleans(),
)
@example(fmt="markdown", since="\x1b]0;pwned\x07", until=None, out=None, full=False)
@example(fmt="markdown", since="0001-01-01", until="9999-12-31", out=None, full=True)
@example(fmt="csv", since="2025-03-10", until=None, out="\x1b[2J", full=False)
def test_export(
    run: Runner, fmt: str, since: str | None, until: str | None, out: str | None, full: bool
) -> None:
    argv = ["export", "--format", fmt]
    for option, value in (("--since", since), ("--until", until)):
        if value is not None:
            argv += [f"{option}={value}"]
    if out is not None:
        argv += [f"--out=out/{out or 'x'}"]
        (run.root / "out").mkdir(exist_ok=True)
    if full:
        argv.append("--full-text")
    run(*argv)


@settings(max_examples=examples(8))
@given(name=arg)
@example(name="\x1b]0;pwned\x07")
def test_import_a_missing_or_odd_path(run: Runner, name: str) -> None:
    code, _, _ = run("import", f"nowhere/{name}")
    assert code == 1


# -- plan ------------------------------------------------------------------------------------------


@settings(max_examples=examples(8))
@given(body=st.one_of(text, st.sampled_from(NASTY)), title=text, key=text, replace=st.booleans())
@example(body="", title="\x1b]0;pwned\x07", key="\x1b[2J", replace=False)
def test_plan_import(run: Runner, body: str, title: str, key: str, replace: bool) -> None:
    import orjson

    def toml(value: str) -> str:
        return orjson.dumps(value).decode()

    plan = run.root / "plan.toml"
    for source in (
        body,
        f'[plan]\ntitle = {toml(title)}\n[[homework]]\nkind = "journal"\n'
        f"note = {toml(body)}\n{toml(key)} = 1\n",
        f'[[homework]]\nkind = "other"\ntitle = {toml(title or "x")}\nnote = {toml(body)}\n',
    ):
        plan.write_text(source, encoding="utf-8")
        run("plan", "import", str(plan), *(["--replace"] if replace else []))
        run("plan", "show")
        run("today")
    plan.write_bytes(b"\xff\xfe[[homework]]\x00\x1b")
    assert run("plan", "import", str(plan))[0] == 1


# -- sessions from the command line ---------------------------------------------------------------


@settings(max_examples=examples(13))
@given(
    command=st.sampled_from(["render", "play"]),
    session=st.one_of(arg, st.sampled_from(["box", "resonance", "pmr4", "4-2-6-2", "cue"])),
    options=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "--minutes",
                    "--voice",
                    "--rate",
                    "--side",
                    "--bpm",
                    "--ratio",
                    "--tense",
                    "--release",
                    "--wording",
                    "--timeline",
                    "--device",
                ]
            ),
            arg_or_number,
        ),
        max_size=4,
    ),
    flags=st.lists(st.sampled_from(["--tones", "--tones-only"]), max_size=1),
)
@example(command="render", session="\x1b]0;pwned\x07", options=[], flags=[])
@example(command="render", session="box", options=[("--voice", "\x1b[2J")], flags=[])
@example(
    command="render",
    session="resonance",
    options=[("--bpm", "nan"), ("--ratio", "1e309:1")],
    flags=[],
)
@example(command="render", session="box", options=[("--minutes", "-0")], flags=[])
def test_render_and_play_options(
    run: Runner, command: str, session: str, options: list[tuple[str, str]], flags: list[str]
) -> None:
    argv = [command, "--", session] if session.startswith("-") else [command, session]
    for option, value in options:
        if option == "--device" and command != "play":
            continue
        if option in ("--timeline", "--wording"):
            value = f"files/{value}"
        argv.insert(1, f"{option}={value}")
    argv[1:1] = flags
    if command == "render":
        argv.insert(1, "--out=files/x.wav")
    (run.root / "files").mkdir(exist_ok=True)
    run(*argv)


@settings(max_examples=examples(5))
@given(language=arg_or_number)
@example(language="\x1b]0;pwned\x07")
def test_voices(run: Runner, language: str) -> None:
    run("voices", f"--language={language}")


@settings(max_examples=examples(13))
@given(
    command=st.sampled_from(["breathe", "relax"]),
    pattern=arg,
    minutes=arg_or_number,
    bpm=arg_or_number,
    ratio=arg_or_number,
    flags=st.lists(st.sampled_from(["--intro", "--no-voice", "--tones"]), max_size=3),
)
@example(command="breathe", pattern="\x1b]0;pwned\x07", minutes="5", bpm="6", ratio="1:1", flags=[])
@example(command="breathe", pattern="resonance", minutes="1e309", bpm="nan", ratio="٣:٣", flags=[])
def test_breathe_and_relax_options(
    run: Runner, command: str, pattern: str, minutes: str, bpm: str, ratio: str, flags: list[str]
) -> None:
    if command == "breathe":
        argv = [
            "breathe",
            f"--pattern={pattern}",
            f"--minutes={minutes}",
            f"--bpm={bpm}",
            f"--ratio={ratio}",
            *flags,
        ]
    else:
        argv = ["relax", f"--minutes={minutes}", *flags, "--", pattern]  # any session's name
    run(*argv)


@settings(max_examples=examples(8))
@given(
    junk=st.lists(arg, min_size=1, max_size=3),
    command=st.sampled_from(
        [
            "today",
            "doctor",
            "export",
            "import",
            "encrypt",
            "plan",
            "",
            "voices",
            "render",
            "breathe",
        ]
    ),
)
@example(junk=["\x1b]0;pwned\x07"], command="today")
@example(junk=["\x1b[2J"], command="")
def test_unknown_arguments(run: Runner, junk: list[str], command: str) -> None:
    run(*([command] if command else []), *junk)


# -- passphrases -----------------------------------------------------------------------------------


@settings(max_examples=examples(4))
@given(first=st.one_of(text, st.sampled_from(NASTY)), again=st.one_of(st.none(), text))
@example(first="\x1b]0;pwned\x07 long enough", again=None)
@example(first="short", again=None)
@example(first="", again=None)
def test_encrypt_then_decrypt(
    run: Runner, tmp_path_factory: pytest.TempPathFactory, first: str, again: str | None
) -> None:
    """Whatever the passphrases, the data is readable with the one that was accepted, and a
    refused passphrase changes nothing."""
    folder = tmp_path_factory.mktemp("crypt") / "data"
    with Store.open(folder) as store:
        Repository(store, "journal", JournalEntry).add(JournalEntry(title="kept"))
    first = first.replace("\n", " ").replace("\r", " ")
    second = first if again is None else again.replace("\n", " ").replace("\r", " ")
    before = (folder / "homework.json").read_bytes()
    code, _, _ = run("encrypt", stdin=f"{first}\n{second}\n" if first else "", data=folder)
    if code != 0:
        assert (folder / "homework.json").read_bytes() == before
        return
    with Store.open(folder, passphrase=first) as store:
        assert [e.title for e in Repository(store, "journal", JournalEntry).all()] == ["kept"]
    assert run("today", data=folder)[0] == 0
    assert run("export", stdin="wrong\n", data=folder)[0] == 1
    assert run("decrypt", stdin=f"{first}\n", data=folder)[0] == 0
    with Store.open(folder) as store:
        assert [e.title for e in Repository(store, "journal", JournalEntry).all()] == ["kept"]


# -- the installed console script, for real --------------------------------------------------------


def console(tmp_path: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    env |= {
        "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "HOMEWORK_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(tmp_path / "data"), *argv],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        input=stdin.encode(),
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["today", "\x1b]0;pwned\x07"],
        ["export", "--since", "\x1b[2J"],
        ["export", "--format", "\x9b31m"],
        ["import", "\x1b]0;pwned\x07.json"],
        ["plan", "import", "\x1b[2J.toml"],
        ["breathe", "--pattern", "\x1b]0;pwned\x07"],
        ["render", "\x1b]0;pwned\x07", "--out", "x.wav"],
        ["render", "box", "--minutes", "2", "--voice", "\x1b]0;pwned\x07", "--out", "x.wav"],
        ["render", "box", "--minutes", "2", "--tones-only", "--out", "\x1b]0;pwned\x07.wav"],
    ],
)
def test_console_script_never_echoes_an_escape(tmp_path: Path, argv: list[str]) -> None:
    run = console(tmp_path, *argv)
    assert run.returncode in (0, 1, 2), run.stderr
    assert b"Traceback" not in run.stderr
    for stream in (run.stdout, run.stderr):
        assert_terminal_safe(stream.decode("utf-8", "replace"), f"for {argv!r}")


@settings(max_examples=examples(3))
@given(
    command=st.sampled_from(
        [
            ["import", "x.json"],
            ["encrypt"],
            ["decrypt"],
            ["plan", "import", "p.toml"],
            ["today"],
            ["export"],
            ["doctor"],
            ["plan", "show"],
        ]
    ),
    passphrase=st.one_of(st.just(""), text),
)
def test_read_only(run: Runner, command: list[str], passphrase: str) -> None:
    """--read-only with every command: what would write is refused in one line, the rest runs."""
    (run.root / "x.json").write_text(
        '{"format": "homework-tui-backup", "schema_version": 1, '
        '"tables": {"notes": [{"id": "a-new-one"}]}}'
    )
    (run.root / "p.toml").write_text('[[homework]]\nkind = "journal"\n')
    line = passphrase.replace("\n", " ").replace("\r", " ")
    code, _, err = run("--read-only", *command, stdin=f"{line}\n{line}\n")
    if command[0] in ("import", "encrypt") or command[:2] == ["plan", "import"]:
        assert code == 1 and err.startswith("homework-tui: "), (command, err)
