"""Session script files: the format, every kind of mistake with its line, round trips, listing."""

from __future__ import annotations

import os
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio.errors import ScriptError, ScriptFileError
from audio.plan import Phase, Say, Silence, Tone
from audio.pmr import GROUPS
from audio.script_file import (
    BUILTIN_DIR,
    BreatheStep,
    PauseStep,
    ReleaseStep,
    RestStep,
    SayStep,
    Script,
    ScriptPart,
    TenseStep,
    ToneStep,
    WordingStep,
    find_script,
    list_scripts,
    load_script,
    parse_script,
)
from audio.script_model import PART_TAG_RE
from audio.script_model import BIDI_CONTROLS
from audio.script_plan import script_plan
from audio.tone_shapes import TONES
from audio.wording import packaged_paths
from tests.hostile import SCRIPT_NUMBERS

FORMAT = BUILTIN_DIR / "FORMAT.md"
LEAVES = """\
# Leaves on a stream — a short defusion exercise
title: Leaves on a stream
kind: mindfulness
language: en
minutes: 6
description: Watch thoughts float past on leaves.

== Settling in [intro]
say Find a comfortable position,
    and let your eyes close if you like.
pause 4
say Imagine you are sitting beside a gently flowing stream. # not a comment: said as written
pause 20 stretch        # a pause that grows or shrinks to fit the minutes
== Practice
breathe box for 4 cycles
breathe 4-2-6-2 for 2 minutes
tense right hand        # optional seconds: tense right hand 6
release right hand 30
tone bell
wording breathing.closing
"""


def test_a_script_reads_as_written():
    script = parse_script(LEAVES, "leaves.txt")
    assert (script.title, script.kind, script.language, script.minutes) == (
        "Leaves on a stream",
        "mindfulness",
        "en",
        6,
    )
    intro, practice = script.parts
    assert (intro.title, intro.kind, practice.title, practice.kind) == (
        "Settling in",
        "intro",
        "Practice",
        None,
    )
    assert intro.steps == (
        SayStep("Find a comfortable position, and let your eyes close if you like."),
        PauseStep(Fraction(4)),
        SayStep(
            "Imagine you are sitting beside a gently flowing stream. # not a comment: said as written"
        ),
        PauseStep(Fraction(20), stretch=True),
    )
    assert practice.steps == (
        BreatheStep("box", cycles=4),
        BreatheStep("4-2-6-2", minutes=Fraction(2)),
        TenseStep("right hand"),
        ReleaseStep("right hand", Fraction(30)),
        ToneStep("bell"),
        WordingStep("breathing.closing"),
    )
    assert parse_script(script.to_text()) == script


def test_the_documented_example_is_valid_and_plans():
    """FORMAT.md's complete example (the one README shows) parses and plans as it says."""
    blocks = re.findall(r"```text\n(.*?)```", FORMAT.read_text(encoding="utf-8"), re.S)
    assert blocks, "FORMAT.md has a ```text example"
    script = parse_script(blocks[0], "example.txt")
    plan = script_plan(script, name="example", minutes=8)
    assert plan.kind == script.kind and plan.target == 8 * 60
    for block in blocks[1:]:
        other = parse_script(block, "other.txt")
        assert script_plan(other, name="other").texts()


def test_steps_before_any_part_and_comments_anywhere():
    script = parse_script("title: Quick\n  # indented comment\nsay Hello.\n\npause 2\n", "q.txt")
    assert script.parts == (ScriptPart("", (SayStep("Hello."), PauseStep(Fraction(2)))),)
    plan = script_plan(script)
    assert plan.parts[0].title == "Quick" and plan.kind == "mindfulness" and plan.target is None


def test_markup_and_odd_text_are_kept_literally():
    text = "[bold red]Breathe[/] <speak>in</speak> & {area} 50% \\n — ¿ok? 🙂"
    script = parse_script(f"title: [b]T[/b]\nsay {text}\n", "m.txt")
    plan = script_plan(script)
    assert plan.title == "[b]T[/b]" and plan.parts[0].steps[0] == Say(text, Fraction(11, 10))


H = "title: T\nminutes: 5\nsay Hi.\npause 1 stretch\n"  # lines 1-4; the step under test is line 5


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (H + "sya Hello\n", 5, "'sya' is not a step. Did you mean 'say'?"),
        (H + "pause\n", 5, "pause needs a number of seconds, e.g. 'pause 5'"),
        (H + "pause five\n", 5, "'five' is not a number of seconds"),
        (H + "pause -3\n", 5, "a pause cannot be negative; write e.g. 'pause 5'"),
        (H + "pause nan\n", 5, "'nan' is not a number"),
        (H + "pause inf\n", 5, "'inf' is not a number"),
        (H + "pause 1e9\n", 5, "'1e9' is not a number"),
        (H + "pause 99999\n", 5, "use 0.1 to 600 seconds"),
        (H + "pause 123456789012345678901234567890\n", 5, "is not a number"),
        (H + "pause 2,5\n", 5, "write the decimal with a point: '2.5'"),
        (H + "pause 2.55555\n", 5, "more than three decimals"),
        (H + "pause 0\n", 5, "use 0.1 to 600 seconds"),
        (H + "pause 5 strech\n", 5, "'stretch' for a pause that fits"),
        ("title: T\nsay a\npause 5 stretch\n", 3, "add e.g. 'minutes: 10' at the top"),
        (H + "breathe\n", 5, "breathe needs a pattern and how long"),
        (
            H + "breathe boxx for 4 cycles\n",
            5,
            "unknown breathing pattern 'boxx'. Did you mean 'box'?",
        ),
        (H + "breathe box for 4 weeks\n", 5, "'weeks' is not cycles or minutes"),
        (H + "breathe box for 2.5 cycles\n", 5, "not a whole number of breaths"),
        (H + "breathe box for 0 cycles\n", 5, "use 1 to 500"),
        (H + "breathe 0-4-4 for 2 cycles\n", 5, "inhale is 0 s"),
        (H + "breathe box for 99 minutes\n", 5, "use 0.25 to 60 minutes"),
        (
            H + "breathe box to fill\nrest to fill\n",
            6,
            "only one step can fill the session, and line 5",
        ),
        ("title: T\nsay a\nbreathe box to fill\n", 3, "add e.g. 'minutes: 10' at the top"),
        (H + "tense\n", 5, "tense needs a muscle group, e.g. 'tense right hand'"),
        (H + "tense right hand 60\n", 5, "use 3 to 15 seconds, e.g. 'tense right hand 6'"),
        (H + "release right hand -4\n", 5, "releasing cannot be negative"),
        (H + "tone gong\n", 5, "unknown tone 'gong'"),
        (H + "tone\n", 5, "tone needs a name, e.g. 'tone bell'"),
        (H + "wording pmr.intr\n", 5, "Did you mean 'pmr.intro'?"),
        (H + "rest\n", 5, "rest needs seconds or 'to fill'"),
        (H + "say\n", 5, "say needs the words to speak"),
        (H + "say " + "word " * 500 + "\n", 5, "longer than 2000 characters"),
        ("titel: T\nsay x\n", 1, "'titel:' is not a setting. Did you mean 'title'?"),
        ("title: T\ntitle: U\nsay x\n", 2, "'title:' is already set on line 1; keep one"),
        ("title: T\nsay x\nkind: mindfulness\n", 3, "belongs at the top of the file"),
        (
            "title: T\nkind: calm\nsay x\n",
            2,
            "write 'kind: breathing', 'kind: relaxation' or 'kind: mindfulness'",
        ),
        ("title: T\nlanguage: English\nsay x\n", 2, "'language: en'"),
        ("title: T\nminutes: 0\nsay x\npause 3 stretch\n", 2, "use 1 to 60 minutes"),
        ("title: T\nminutes: ten\n", 2, "'ten' is not a number of minutes"),
        ("title: T\nminutes: 10\nsay x\n", 2, "'minutes:' needs something that can stretch"),
        ("title:\nsay x\n", 1, "the title is empty"),
        ("title: @pmr.nothing\nsay x\n", 1, "'@pmr.nothing' is not a line in the wording file"),
        ("kind: mindfulness\nsay x\n", 2, "needs a title before its first step"),
        ("title: T\n== Empty\n== Two\nsay x\n", 2, "the part 'Empty' has no steps"),
        ("title: T\nsay x\n==\n", 3, "the part here has no steps"),
        ("title: T\nsay Hello \x07 there\n", 2, "control character (U+0007"),
        ("title: T\nsay a\x1b[31mred\n", 2, "control character (U+001B"),
        ("title: T\nsay Hello \u202e there\n", 2, "(U+202E, right-to-left override)"),
        ("title: T\nsay one\x0btwo\n", 2, "U+000B"),
        ("title: T\nsay one\rtwo\n", 2, "U+000D"),
        ("title: T\npause 3\n    and more\n", 3, "'and' is not a step"),
    ],
)
def test_every_mistake_names_its_line_and_what_to_write(text, line, message):
    with pytest.raises(ScriptFileError) as caught:
        parse_script(text, "mine.txt")
    error = caught.value
    assert error.line == line, str(error)
    assert str(error).startswith(f"mine.txt, line {line}: ")
    assert message in str(error), str(error)
    assert isinstance(error, ScriptError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("# nothing but a comment\n\n", "the file is empty"),
        ("title: T\n", "the script has no steps yet"),
        ("x" * 200_001, "a script can be at most 200 KB"),
        ("title: T\n" + "say x\n" * 5001, "a script can have at most 5000"),
    ],
)
def test_whole_file_problems(text, message):
    with pytest.raises(ScriptFileError, match=re.escape(message)) as caught:
        parse_script(text, "whole.txt")
    assert caught.value.line is None and str(caught.value).startswith("whole.txt: ")


def test_windows_line_endings_and_a_bom_are_fine():
    script = parse_script("\ufefftitle: T\r\nsay Hello.\r\n  and on.\r\n", "w.txt")
    assert script.parts[0].steps == (SayStep("Hello. and on."),)


def test_files_that_cannot_be_read(tmp_path: Path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("title: Caf\u00e9\nsay ok\nsay ni\u00f1o\n".encode("latin-1"))
    with pytest.raises(
        ScriptFileError, match=r"latin1.txt, line 1: this is not UTF-8 text \(byte 0xe9\)"
    ):
        load_script(bad)
    with pytest.raises(ScriptFileError, match="no such file"):
        load_script(tmp_path / "missing.txt")
    with pytest.raises(ScriptFileError, match="folder"):
        load_script(tmp_path)


# --- round trip ---------------------------------------------------------------------------------
ALPHABET = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="".join(BIDI_CONTROLS)
)
words = st.text(ALPHABET, min_size=1, max_size=120).map(lambda t: " ".join(t.split())).filter(bool)
numbers = st.integers(1, 600_000).map(lambda n: Fraction(n, 1000))  # up to three decimals
group_names = (
    st.text(st.sampled_from("abcdefghij klmnop"), min_size=1, max_size=30)
    .map(lambda t: " ".join(t.split()))
    .filter(bool)
)
patterns = st.sampled_from(["box", "478", "resonance", "sigh", "cue", "4-2-6-2", "3-5"])
FILLING = (BreatheStep, RestStep)


def plain_steps(stretchy: bool) -> st.SearchStrategy:
    options = [
        words.map(SayStep),
        numbers.filter(lambda n: n >= Fraction(1, 10)).map(PauseStep),
        st.builds(BreatheStep, patterns, cycles=st.integers(1, 500)),
        st.builds(
            BreatheStep, patterns, minutes=st.integers(250, 60_000).map(lambda n: Fraction(n, 1000))
        ),
        st.builds(
            TenseStep,
            group_names,
            st.none() | st.integers(3000, 15000).map(lambda n: Fraction(n, 1000)),
        ),
        st.builds(ReleaseStep, group_names, st.none() | st.integers(10, 120).map(Fraction)),
        st.sampled_from(sorted(TONES)).map(ToneStep),
        st.sampled_from([p for p in packaged_paths()]).map(WordingStep),
        st.integers(5, 600).map(lambda n: RestStep(Fraction(n))),
    ]
    if stretchy:
        options.append(
            numbers.filter(lambda n: n >= Fraction(1, 10)).map(lambda n: PauseStep(n, True))
        )
    return st.one_of(options)


@st.composite
def scripts(draw) -> Script:
    minutes = draw(st.none() | st.integers(1000, 60_000).map(lambda n: Fraction(n, 1000)))
    titles = words.filter(lambda t: not PART_TAG_RE.search(t))
    parts = []
    for i in range(draw(st.integers(1, 4))):
        steps = draw(st.lists(plain_steps(minutes is not None), min_size=1, max_size=6))
        title = draw(st.just("") | titles) if i == 0 else draw(st.just("") | titles)
        parts.append(
            ScriptPart(
                title,
                tuple(steps),
                draw(
                    st.none() | st.sampled_from(["intro", "practice", "group", "rest", "closing"])
                ),
            )
        )
    if minutes is not None:  # a script with minutes has something that stretches
        filler = draw(
            st.sampled_from(
                [
                    PauseStep(Fraction(20), True),
                    BreatheStep("box", fill=True),
                    RestStep(None),
                    BreatheStep("478", fill=True, fill_cycles=(4, 8)),
                ]
            )
        )
        last = parts[-1]
        parts[-1] = ScriptPart(last.title, (*last.steps, filler), last.kind)
    return Script(
        draw(words.filter(lambda t: not t.startswith("@"))),
        tuple(parts),
        draw(st.sampled_from(["breathing", "relaxation", "mindfulness"])),
        draw(st.sampled_from(["en", "es", "pt-br", "zh", "any"])),
        minutes,
        draw(st.just("") | words),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts())
def test_any_script_round_trips_through_its_text(script: Script):
    text = script.to_text()
    assert parse_script(text, "generated.txt") == script
    assert parse_script(parse_script(text).to_text()) == script


# --- the built-in scripts ----------------------------------------------------------------------
def test_built_in_scripts_are_all_valid_and_round_trip():
    scripts_, problems = list_scripts(None)
    assert problems == []
    names = {i.name for i in scripts_}
    assert {
        "box",
        "478",
        "resonance",
        "sigh",
        "pmr16",
        "pmr7",
        "pmr4",
        "release",
        "cue",
        "body-scan",
        "body-scan-20",
        "grounding",
        "mindful-breathing",
        "leaves",
    } <= names
    for info in scripts_:
        assert info.builtin and info.path is None and not info.overrides_builtin
        script = load_script(BUILTIN_DIR / f"{info.name}.txt")
        assert parse_script(script.to_text()) == script
        plan = script_plan(script, name=info.name)
        assert plan.kind == info.kind and plan.texts()
    kinds = {i.name: (i.kind, i.language, i.minutes) for i in scripts_}
    assert kinds["body-scan"] == ("mindfulness", "en", 10) and kinds["body-scan-20"][2] == 20
    assert kinds["pmr16"] == ("relaxation", "any", 20) and kinds["box"][0] == "breathing"


@pytest.mark.parametrize("name", ["pmr16", "pmr7", "pmr4", "release"])
def test_pmr_scripts_name_the_protocol_groups_in_order(name):
    _, script = find_script(name)
    released = [s.group.replace(" ", "_") for s in script.steps() if isinstance(s, ReleaseStep)]
    tensed = [s.group.replace(" ", "_") for s in script.steps() if isinstance(s, TenseStep)]
    assert released == list(GROUPS[name])
    assert tensed == ([] if name == "release" else list(GROUPS[name]))


def test_mindfulness_scripts_have_long_silences():
    for name in ("body-scan", "body-scan-20", "grounding", "mindful-breathing", "leaves"):
        _, script = find_script(name)
        plan = script_plan(script, name=name)
        silence = sum(s.seconds for p in plan.parts for s in p.steps if isinstance(s, Silence))
        assert silence >= plan.target * Fraction(2, 5), name  # well over a third is quiet
        assert max(s.seconds for p in plan.parts for s in p.steps if isinstance(s, Silence)) >= 20
        assert not any(isinstance(s, Phase) for p in plan.parts for s in p.steps)  # no pacer


# --- plans from scripts ------------------------------------------------------------------------
def test_lengths_a_script_cannot_fit_are_clear_errors():
    _, body = find_script("body-scan")
    with pytest.raises(ScriptError, match="body-scan takes at least about 6 minutes; ask for more"):
        script_plan(body, name="body-scan", minutes=3)
    with pytest.raises(ScriptError, match="at most about"):
        script_plan(
            parse_script("title: T\nminutes: 2\nsay " + "word " * 100 + "\npause 1 stretch\n"),
            name="t",
            minutes=60,
        )
    fixed = parse_script("title: T\nsay Hello.\npause 3\n")
    with pytest.raises(
        ScriptError, match="lasts as long as it is written .* cannot be made 5 minutes"
    ):
        script_plan(fixed, name="t", minutes=5)
    with pytest.raises(ScriptError, match="resonance breathing only"):
        script_plan(fixed, name="t", breaths_per_minute=5)


def test_steps_become_plan_steps():
    script = parse_script(
        "title: T\n== Body [group]\nsay Notice your hand.\ntense left big toe 5\nrelease left big toe 20\n"
        "release hand\ntone bell\nbreathe 4-2-6-2 for 1 minute\n",
        "t.txt",
    )
    part = script_plan(script, name="t").parts[0]
    kinds = [type(s).__name__ + (f":{s.kind}" if isinstance(s, Phase) else "") for s in part.steps]
    assert kinds[:5] == ["Say", "Phase:tense", "Phase:release", "Say", "Phase:release"]
    tense, release = part.steps[1], part.steps[2]
    assert (tense.label, tense.seconds, tense.cue) == ("left big toe", 5, "Now.")
    assert (release.label, release.seconds, release.cue) == ("left big toe", 20, "And relax.")
    assert (
        "Bring your attention to your right hand and forearm." == part.steps[3].text
    )  # release only
    assert part.steps[5] == Tone("bell")
    assert (
        len([s for s in part.steps if isinstance(s, Phase) and s.kind == "inhale"]) == 4
    )  # 60 s / 14 s


# --- the person's folder -----------------------------------------------------------------------
def test_the_persons_scripts_extend_and_override_the_list(tmp_path: Path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "Evening Wind-down.txt").write_text("title: Evening\nsay Hello.\n", encoding="utf-8")
    (folder / "grounding.txt").write_text(
        "title: My grounding\nlanguage: es\nminutes: 3\nsay Hola.\npause 40 stretch\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_text("title: B\nsay ok\n\npause soon\n", encoding="utf-8")
    (folder / "latin.txt").write_bytes(b"title: caf\xe9\n")
    (folder / "notes.md").write_text("not a script", encoding="utf-8")
    (folder / ".hidden.txt").write_text("nonsense", encoding="utf-8")
    (folder / "dir.txt").mkdir()
    scripts_, problems = list_scripts(tmp_path)
    by_name = {i.name: i for i in scripts_}
    mine = by_name["evening wind-down"]
    assert (mine.title, mine.builtin, mine.minutes, mine.path) == (
        "Evening",
        False,
        None,
        folder / "Evening Wind-down.txt",
    )
    grounding = by_name["grounding"]
    assert grounding.overrides_builtin and grounding.language == "es" and grounding.minutes == 3
    assert [i.name for i in scripts_].count("grounding") == 1
    assert sorted(str(p) for p in problems) == [
        "broken.txt, line 4: 'soon' is not a number of seconds; a pause needs one, e.g. 'pause 5'",
        "latin.txt, line 1: this is not UTF-8 text (byte 0xe9); save the file as UTF-8 in your editor",
    ]
    assert problems[0].path and Path(problems[0].path).parent == folder
    assert find_script("grounding", tmp_path)[1].language == "es"  # the person's wins
    assert find_script("Evening Wind-Down", tmp_path)[1].title == "Evening"
    assert find_script("grounding", None)[1].language == "en"
    with pytest.raises(ScriptFileError, match="broken.txt, line 4"):
        find_script("broken", tmp_path)
    assert find_script("4-2-6-2", tmp_path) is None  # not a script: a breathing pattern
    # edited files are read again; unchanged ones come from the cache
    broken = folder / "broken.txt"
    broken.write_text("title: B\nsay ok\npause 5\n", encoding="utf-8")
    os.utime(broken, ns=(broken.stat().st_atime_ns, broken.stat().st_mtime_ns + 10**9))
    scripts_, problems = list_scripts(tmp_path)
    assert "broken" in {i.name for i in scripts_} and len(problems) == 1


def test_listing_never_raises_even_for_an_unreadable_folder(tmp_path: Path):
    (tmp_path / "sessions").write_text("a file, not a folder", encoding="utf-8")
    scripts_, problems = list_scripts(tmp_path)
    assert scripts_ and problems == []
    assert list_scripts(tmp_path / "nowhere")[0] == scripts_


def test_default_lengths_in_code_match_the_scripts():
    """`homework-tui breathe` and `relax` read DEFAULT_MINUTES; the scripts' `minutes:` agree."""
    from audio.breathing import DEFAULT_MINUTES as BREATHING
    from audio.pmr import DEFAULT_MINUTES as PMR

    infos = {i.name: i for i in list_scripts(None)[0]}
    for name, minutes in {**PMR, **{k: v for k, v in BREATHING.items() if k != "custom"}}.items():
        assert infos[name].minutes == minutes, name


def test_the_list_says_which_lengths_a_script_can_take():
    fitted = [i for i in list_scripts(None)[0] if i.shortest_minutes is not None]
    assert {i.name for i in fitted} >= {
        "body-scan",
        "body-scan-20",
        "grounding",
        "leaves",
        "mindful-breathing",
        "pmr16",
        "pmr7",
        "pmr4",
        "release",
    }
    for info in fitted:
        _, script = find_script(info.name)
        assert info.shortest_minutes <= info.minutes <= info.longest_minutes
        script_plan(script, name=info.name, minutes=info.shortest_minutes)
        script_plan(script, name=info.name, minutes=info.longest_minutes)
        if info.shortest_minutes > 1:
            with pytest.raises(ScriptError, match="takes at least about|needs at least"):
                script_plan(script, name=info.name, minutes=info.shortest_minutes - 0.5)
        if info.longest_minutes < 60:
            with pytest.raises(ScriptError, match="at most about"):
                script_plan(script, name=info.name, minutes=info.longest_minutes + 0.5)
    infos = {i.name: i for i in list_scripts(None)[0]}
    # Sessions filled with breaths or rest have their lengths too; one written out has none.
    # (not 1: a minute is too short for box breathing's words and two breaths; refused)
    assert (infos["box"].shortest_minutes, infos["box"].longest_minutes) == (2, 60)
    assert infos["pmr16"].shortest_minutes > 5 and infos["pmr7"].shortest_minutes > 5
    assert (
        infos["478"].shortest_minutes is None
    )  # as many breaths as it says, no minutes of its own


def test_a_file_whose_own_minutes_cannot_be_reached_is_listed_with_its_minutes_line(tmp_path: Path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "short.txt").write_text(
        "title: Too short to stretch\nlanguage: en\nminutes: 30\n\n== One\nsay Hello there.\n"
        "pause 10 stretch\nsay Goodbye.\n",
        encoding="utf-8",
    )
    infos, problems = list_scripts(tmp_path)
    assert "short" not in {info.name for info in infos}
    [problem] = [p for p in problems if p.source == "short.txt"]
    assert problem.line == 3
    assert "can last at most about 2 minutes" in str(problem) and "change 'minutes'" in str(problem)


# -- hostile numbers: one short line naming the line, never a traceback ------------------------

HOSTILE_HEADER = "title: T\nkind: mindfulness\nlanguage: en\n{header}\n== Part\nsay hello\n{step}\n"
NUMBER_PLACES = {
    "minutes": ("minutes: {n}", "pause 1", 4),
    "minutes range": ("minutes: {n}-8", "pause 1", 4),
    "pause": ("minutes: 5", "pause {n}", 7),
    "stretchy pause": ("minutes: 5", "pause {n} stretch", 7),
    "breathe cycles": ("minutes: 5", "breathe box for {n} cycles", 7),
    "breathe minutes": ("minutes: 5", "breathe box for {n} minutes", 7),
    "breathe pattern": ("minutes: 5", "breathe {n}-2-6-2 for 2 minutes", 7),
    "breathe to fill": ("minutes: 5", "breathe box to fill, {n} to 8 cycles", 7),
    "tense": ("minutes: 5", "tense right hand {n}", 7),
    "release": ("minutes: 5", "release right hand {n}", 7),
    "rest": ("minutes: 5", "rest {n}", 7),
}


# A muscle group is free text, so 'tense right hand ²' names the group "right hand ²".
HOSTILE_NUMBER_CASES = [
    (case, place)
    for case in sorted(SCRIPT_NUMBERS)
    for place in sorted(NUMBER_PLACES)
    if not (SCRIPT_NUMBERS[case] == "²" and place in ("tense", "release"))
]


@pytest.mark.parametrize(("case", "place"), HOSTILE_NUMBER_CASES)
def test_a_hostile_number_is_one_short_line_naming_its_line(place: str, case: str) -> None:
    header, step, line = NUMBER_PLACES[place]
    number = SCRIPT_NUMBERS[case]
    text = HOSTILE_HEADER.format(header=header.format(n=number), step=step.format(n=number))
    with pytest.raises(ScriptFileError) as caught:
        parse_script(text, "hostile.txt")
    message = str(caught.value)
    assert caught.value.line == line, message
    assert message.startswith(f"hostile.txt, line {line}: ") and "\n" not in message
    assert len(message) < 250, message
