"""README.md renders as intended under CommonMark (with GitHub's tables), as a reader sees it.

A doubled ```` ```text ```` fence once turned a long stretch of the README into one code block:
headings, tables and all. These tests render the file with markdown-it-py and check what came
out: every `#` line outside a code block is a heading, every code block is closed by its own
fence, every link to a file of the repository points to one that exists, every `#anchor` link
names a heading, and the contents list names every section.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def render(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def code_lines(tokens: list[Token]) -> set[int]:
    """0-based numbers of every line inside a fenced or indented code block, fences included."""
    inside: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            inside.update(range(*token.map))
    return inside


def heading_lines(tokens: list[Token]) -> set[int]:
    return {t.map[0] for t in tokens if t.type == "heading_open" and t.map}


def unclosed_fences(text: str, tokens: list[Token]) -> list[str]:
    """Fences that run to the end of the file, or that open on a second opening fence (the
    doubled ```` ```text ```` that swallowed half the README): each as 'line N: …'."""
    lines = text.splitlines()
    found = []
    for token in tokens:
        if token.type != "fence" or not token.map:
            continue
        first, end = token.map
        last = lines[end - 1].strip() if end - 1 > first else ""
        closed = last.startswith(token.markup) and not last.strip(token.markup[0])
        if not closed:
            found.append(f"line {first + 1}: the fence is never closed")
        inner = token.content.splitlines()
        if inner and inner[0].lstrip().startswith(token.markup[0] * 3):
            found.append(f"line {first + 1}: a fence opened twice ({inner[0].strip()!r} follows)")
    return found


def inline_children(tokens: list[Token]) -> list[Token]:
    return [child for t in tokens if t.type == "inline" for child in t.children or []]


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(ch for ch in heading.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, plain text) of every heading, in order."""
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            text = "".join(
                c.content for c in inline.children or [] if c.type in ("text", "code_inline")
            )
            found.append((int(token.tag[1]), text))
    return found


# -- the checks, on small pieces first (so each one is known to catch what it is for) ---------------

BROKEN = """# Title

```text
```text
a: b
```
```

## Lost heading

| a | b |
|---|---|
"""


def test_the_checks_catch_a_doubled_fence() -> None:
    tokens = render(BROKEN)
    stray = [n for n, line in enumerate(BROKEN.splitlines()) if line.startswith("#")]
    assert set(stray) - heading_lines(tokens) == {8}  # "## Lost heading" became code
    assert unclosed_fences(BROKEN, tokens)


def test_the_checks_pass_a_well_formed_piece() -> None:
    fixed = BROKEN.replace("```text\n```text\n", "```text\n").replace("```\n```\n", "```\n")
    tokens = render(fixed)
    stray = [n for n, line in enumerate(fixed.splitlines()) if line.startswith("#")]
    assert set(stray) <= heading_lines(tokens)
    assert unclosed_fences(fixed, tokens) == []


# -- the README itself -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def readme() -> tuple[str, list[Token]]:
    text = README.read_text(encoding="utf-8")
    return text, render(text)


def test_every_hash_line_outside_code_is_a_heading(readme: tuple[str, list[Token]]) -> None:
    text, tokens = readme
    inside = code_lines(tokens)
    wanted = {
        n for n, line in enumerate(text.splitlines()) if line.startswith("#") and n not in inside
    }
    missing = sorted(wanted - heading_lines(tokens))
    assert not missing, "not rendered as headings: " + ", ".join(
        f"line {n + 1}: {text.splitlines()[n]!r}" for n in missing
    )


def test_no_code_block_holds_a_section_heading(readme: tuple[str, list[Token]]) -> None:
    """A fence that closes in the wrong place hides the headings after it inside code, where the
    check above cannot see them; no code block of this README is meant to hold a `## ` line, but
    for an excerpt of a report, fenced as `markdown` on purpose."""
    _text, tokens = readme
    swallowed = [
        f"line {t.map[0] + 1 + n + 1}: {line!r}"
        for t in tokens
        if t.type in ("fence", "code_block") and t.map and t.info.strip() != "markdown"
        for n, line in enumerate(t.content.splitlines())
        if re.match(r"#{2,6} \S", line)
    ]
    assert swallowed == []


def test_every_fence_is_closed_once(readme: tuple[str, list[Token]]) -> None:
    text, tokens = readme
    assert unclosed_fences(text, tokens) == []


def test_tables_render_as_tables(readme: tuple[str, list[Token]]) -> None:
    """A table swallowed by a code block shows its pipes as text: every `|---|` separator line
    outside code belongs to a rendered table."""
    text, tokens = readme
    inside = code_lines(tokens)
    tables = [t.map for t in tokens if t.type == "table_open" and t.map]
    for number, line in enumerate(text.splitlines()):
        if re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", line.strip()) and number not in inside:
            assert any(first <= number < end for first, end in tables), f"line {number + 1}"


def test_links_to_files_point_to_files_that_exist(readme: tuple[str, list[Token]]) -> None:
    _text, tokens = readme
    targets = [
        c.attrs.get("href") or c.attrs.get("src")
        for c in inline_children(tokens)
        if c.type in ("link_open", "image")
    ]
    relative = [
        str(t) for t in targets if t and not urlparse(str(t)).scheme and not str(t).startswith("#")
    ]
    assert relative, "the README links to files of the repository (examples/plan.toml, docs/…)"
    missing = [t for t in relative if not (ROOT / unquote(urlparse(t).path)).exists()]
    assert not missing, f"links to files that do not exist: {missing}"
    assert "docs/plan-format.md" in relative


def test_anchor_links_name_a_heading(readme: tuple[str, list[Token]]) -> None:
    _text, tokens = readme
    anchors = {slug(text) for _level, text in headings(tokens)}
    links = [
        str(c.attrs["href"])[1:]
        for c in inline_children(tokens)
        if c.type == "link_open" and str(c.attrs.get("href", "")).startswith("#")
    ]
    assert links
    assert [link for link in links if link not in anchors] == []


def test_the_contents_list_every_section(readme: tuple[str, list[Token]]) -> None:
    """Each `##` section is linked from the contents near the top, in the order it comes."""
    _text, tokens = readme
    sections = [slug(text) for level, text in headings(tokens) if level == 2]
    contents = [t for t in tokens if t.type == "inline" and t.content.startswith("**Contents:**")]
    assert len(contents) == 1, "one paragraph starting **Contents:**"
    listed = [str(c.attrs["href"])[1:] for c in contents[0].children or [] if c.type == "link_open"]
    assert listed == sections


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_the_docs_pages_render_and_link_right(page: Path) -> None:
    """The pages the README points to (docs/…) hold to the same: fences closed, headings
    headings, links to files that exist (relative to the page)."""
    text = page.read_text(encoding="utf-8")
    tokens = render(text)
    assert unclosed_fences(text, tokens) == []
    inside = code_lines(tokens)
    wanted = {
        n for n, line in enumerate(text.splitlines()) if line.startswith("#") and n not in inside
    }
    assert wanted <= heading_lines(tokens)
    hrefs = [str(c.attrs["href"]) for c in inline_children(tokens) if c.type == "link_open"]
    files = [h for h in hrefs if not urlparse(h).scheme and not h.startswith("#")]
    assert [h for h in files if not (page.parent / unquote(urlparse(h).path)).exists()] == []
    anchors = {slug(title) for _level, title in headings(tokens)}
    assert [h for h in hrefs if h.startswith("#") and h[1:] not in anchors] == []
