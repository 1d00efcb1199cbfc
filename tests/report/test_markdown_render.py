"""Typed text reads as typed once the report is rendered: checked with markdown-it-py (the parser
Textual's Markdown widget uses), comparing the rendered text, not the Markdown string."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from homework_tui.report.choices import TextChoices
from homework_tui.report.data import collect
from homework_tui.report.markdown import cell, esc, heading, render
from homework_tui.store import Store
from tests.report.dataset import FIRST, LAST, MARKDOWNISH, TRICKY, fill

# CommonMark with tables, and "gfm-like" as Textual's Markdown widget (the app's preview) parses.
PARSERS = {
    "commonmark": MarkdownIt("commonmark").enable(["table", "strikethrough"]),
    "gfm-like": MarkdownIt("gfm-like"),
}
PARSER = PARSERS["commonmark"]
each_parser = pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())

# What a person can type into a form: anything but control characters (clean_text removes those),
# with Markdown's own characters and line starts made likely.
typed_text = st.lists(
    st.one_of(
        st.sampled_from(list("\\`*_{}[]()<>#+-.!|~&=:;'\"^$%@ \n0123456789")),
        st.sampled_from(
            [
                "&amp;",
                "&#42;",
                "---",
                "===",
                "***",
                "___",
                "```",
                "~~~",
                "1. ",
                "- ",
                "> ",
                "    ",
                "<b>",
                "[x](y)",
                "<http://a.b>",
                "  \n",
                "\\\n",
            ]
        ),
        st.characters(blacklist_categories=("Cc", "Cs")),
    ),
    max_size=30,
).map("".join)


def as_shown(typed: str) -> str:
    """What a reader should see: the typed text, without spaces at the ends of lines or empty
    lines at its start and end (Markdown shows neither, and neither changes what was said)."""
    return "\n".join(line.strip() for line in typed.split("\n")).strip("\n")


def shown(children: list[Token]) -> str:
    """The text an inline token's children display. Emphasis, links, code and HTML are told
    apart from plain text, so text that was turned into any of them does not compare equal."""
    out = []
    for token in children:
        if token.type in ("text", "text_special"):
            out.append(token.content)
        elif token.markup == "linkify":  # a web address made a link: its text is unchanged
            continue
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        else:
            out.append(f"<{token.type}>")
    return "".join(out)


def inline_blocks(markdown: str, parser: MarkdownIt = PARSER) -> list[tuple[str, str]]:
    """Every block of inline text in the rendered document: (the block it is in, its text)."""
    blocks = []
    tokens = parser.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            blocks.append((tokens[index - 1].type, shown(token.children or [])))
    return blocks


@each_parser
@given(typed=typed_text)
@example(typed="<http://a.b>@0")  # found by hypothesis: a linking viewer took the escapes along
def test_a_field_renders_as_typed(parser: MarkdownIt, typed: str) -> None:
    markdown = f"## Heading\n\n- **Situation:** {esc(typed)}\n- **Next:** after\n"
    blocks = inline_blocks(markdown, parser)
    assert blocks[0] == ("heading_open", "Heading")
    assert blocks[1][1] == ("<strong_open>Situation:<strong_close> " + as_shown(typed)).strip()
    assert blocks[2][1] == "<strong_open>Next:<strong_close> after"  # the list was not broken
    assert len(blocks) == 3


@each_parser
@given(typed=typed_text)
@example(typed="<http://a.b>@^")
def test_a_paragraph_renders_as_typed(parser: MarkdownIt, typed: str) -> None:
    if not as_shown(typed):
        return
    blocks = inline_blocks(f"Before.\n\n{esc(typed)}\n\nAfter.\n", parser)
    assert blocks == [
        ("paragraph_open", "Before."),
        ("paragraph_open", as_shown(typed)),
        ("paragraph_open", "After."),
    ]


@each_parser
@given(typed=typed_text)
def test_a_table_cell_and_a_heading_render_as_typed(parser: MarkdownIt, typed: str) -> None:
    one_line = " ".join(typed.split())
    table = f"| A | B |\n|---|---|\n| {cell(typed)} | end |\n"
    cells = [
        text for block, text in inline_blocks(table, parser) if block in ("td_open", "th_open")
    ]
    assert cells == ["A", "B", one_line or "–", "end"]
    if one_line:
        assert inline_blocks(f"### {heading(typed)}\n", parser) == [("heading_open", one_line)]


@pytest.mark.parametrize(
    "typed",
    [
        "AT&amp;T",
        "Fish & chips",
        "&#42; not a star",
        "one\n---\ntwo",
        "one\n---",
        "one\n===",
        "one\n-",
        "one\n+ two",
        "---",
        "***",
        "___",
        "- - -",
        "  ---  ",
        "+ plus",
        "= equals",
        "1. first\n2) second",
        "# hash ##",
        "> quote",
        "    four spaces",
        "```\ncode\n```",
        "~~gone~~",
        "<b>bold</b>",
        "[link](http://x)",
        "<http://x.y>",
        "a\\",
        "a  \nb",
        "\\\\",
        "line\n\n\nafter gap",
        "2025. was a year",
        "#tag and C#",
        "see www.example.com",
        "mail a@b.co",
    ],
)
@each_parser
def test_known_traps_render_as_typed(parser: MarkdownIt, typed: str) -> None:
    blocks = inline_blocks(f"- **Note:** {esc(typed)}\n- **Next:** after\n", parser)
    assert blocks == [
        ("paragraph_open", "<strong_open>Note:<strong_close> " + as_shown(typed)),
        ("paragraph_open", "<strong_open>Next:<strong_close> after"),
    ]


def test_the_whole_report_shows_typed_text_as_typed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        fill(store)
        data = collect(store, FIRST, LAST)
    markdown = render(data, TextChoices.everything())
    blocks = [text for _, text in inline_blocks(markdown)]
    assert "<strong_open>Evidence for:<strong_close> " + MARKDOWNISH in blocks
    assert "<strong_open>Situation:<strong_close> " + TRICKY in blocks
    assert "Fri 14 March 2025: Easier than I thought, she was kind.\n---\nAT&amp;T" in blocks
    tokens = PARSER.parse(markdown)
    assert not [t for t in tokens if t.type == "hr"]  # a typed `---` never becomes a rule
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "it stung" not in headings and "Evidence for" not in " ".join(headings)
