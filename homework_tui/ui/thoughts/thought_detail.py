"""One thought record, read calmly: moods before and after at a glance, then every column.

Dismisses with "edit" or "delete" when the person asks for that, or None when they go back."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from homework_tui.i18n import N_, _
from homework_tui.model.distortions import display_name
from homework_tui.model.thought_record import COLUMNS, Mood, ThoughtRecord
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.naming import record_name
from homework_tui.ui.thoughts.thought_form_steps import hot_mark
from homework_tui.ui.widgets.footer import Footer

BAR = 20


def bar(value: int | None, style: str) -> Text:
    if value is None:
        return Text("·" * BAR, style="dim")
    filled = round(value * BAR / 100)
    text = Text("█" * filled, style=style)
    text.append("░" * (BAR - filled), style="dim")
    return text


def mood_glance(mood: Mood, name_width: int) -> Text:
    """Two lines: the mood then and now, as bars, and how much it changed (one line for a mood
    named only at the re-rating: it is here now, and was not at the start)."""
    text = Text(mood.name.ljust(name_width)[: max(name_width, 1)], style="bold")
    # Translators: "before" and "now" label a mood's two ratings, one above the other.
    before_word, now_word = _("before"), _("now")
    width = max(len(before_word), len(now_word))
    before_label, now_label = f"  {before_word.ljust(width)} ", f"  {now_word.ljust(width)} "
    if mood.added_later:
        text.append(now_label)
        text.append(f"{mood.after if mood.after is not None else '–':>3} ")
        text.append_text(bar(mood.after, "sea_green3"))
        text.append("   " + _("new since the start"), style="dim italic")  # i18n: not shown
        return text
    text.append(before_label)
    text.append(f"{mood.before if mood.before is not None else '–':>3} ")
    text.append_text(bar(mood.before, "dark_orange3"))
    text.append("\n" + " " * name_width + now_label)
    text.append(f"{mood.after if mood.after is not None else '–':>3} ")
    text.append_text(bar(mood.after, "sea_green3"))
    change = mood.change
    if change is None:
        text.append("   " + _("not re-rated yet"), style="dim italic")  # i18n: not shown
    elif change < 0:
        text.append("   " + _("eased by {n}").format(n=-change), style="bold")
    elif change > 0:
        text.append("   " + _("up by {n}").format(n=change))
    else:
        text.append("   " + _("the same"))
    return text


def moods_glance(record: ThoughtRecord) -> Text:
    if not record.moods:
        return Text(_("No moods written yet."), style="dim italic")  # i18n: not shown
    width = min(18, max(len(m.name) for m in record.moods))
    text = Text()
    for index, mood in enumerate(record.moods):
        if index:
            text.append("\n")
        text.append_text(mood_glance(mood, width))
    return text


def _section(title: str, body: str | Text, *, empty: str = "") -> list[Static]:
    """A heading (`title`, looked up here) and its body; `empty` says there is none yet."""
    if isinstance(body, str):
        empty = empty or _("Not written yet.")
        content = Text(body) if body.strip() else Text(empty, style="dim italic")  # i18n: not shown
    else:
        content = body
    return [
        Static(Text(_(title)), classes="detail-heading"),
        Static(content, classes="detail-body"),
    ]


def record_sections(record: ThoughtRecord) -> list[Static]:
    """Every column of the worksheet, in order, as literal text."""
    parts: list[Static] = []
    parts += _section(N_("How your moods shifted"), moods_glance(record))
    parts += _section(COLUMNS[0], record.situation)
    thoughts = Text()
    for index, thought in enumerate(record.thoughts):
        if index:
            thoughts.append("\n")
        mark = hot_mark() if thought.hot else "·"
        thoughts.append(
            mark.ljust(max(len(hot_mark()), 3) + 2), style="bold" if thought.hot else "dim"
        )
        thoughts.append(thought.text)
    parts += _section(COLUMNS[2], thoughts if record.thoughts else "")
    labels = tuple(_(display_name(k)) for k in record.distortions) + record.own_distortions
    parts += _section(N_("Thinking traps"), ", ".join(labels), empty=_("None ticked."))
    parts += _section(COLUMNS[3], record.evidence_for)
    parts += _section(COLUMNS[4], record.evidence_against)
    balanced = Text()
    for index, alternative in enumerate(record.alternatives):
        if index:
            balanced.append("\n\n")
        balanced.append(alternative.text)
        if alternative.belief is not None:
            belief = _("Belief: {n} / 100").format(n=alternative.belief)
            balanced.append(f"\n{belief}", style="bold")
        else:
            balanced.append("\n" + _("Belief: not rated yet"), style="dim")
    parts += _section(COLUMNS[5], balanced if record.alternatives else "")
    missing = record.missing()
    if missing:
        note = Text(
            _("Still to do, whenever you are ready: {columns}. Press e.").format(
                columns=", ".join(_(column) for column in missing)
            )
        )
        parts.append(Static(note, classes="detail-note"))
    return parts


class ThoughtRecordDetail(HomeworkScreen[str | None]):
    CSS_PATH = "thought_records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "choose('edit')", N_("Edit")),
        Binding("delete,d", "choose('delete')", N_("Delete"), key_display="Del"),
        Binding("escape", "choose('')", N_("Back"), key_display="Esc"),
    ]

    def __init__(self, record: ThoughtRecord) -> None:
        super().__init__(classes="thought-detail")
        self.record = record

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="detail", classes="page"):
            hot = self.record.hot_thought
            if hot:
                heading = Text(_("Hot thought:") + " ", style="bold")
                heading.append(hot)
                yield Static(heading, id="detail-hot")
            yield from record_sections(self.record)
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Thought record")
        created = self.record.created_at
        when = f"{short_date(created, year=True)}, {created:%H:%M}"
        name = record_name(self.record.situation)
        self.sub_title = f"{name} · {when}" if name else when
        self.query_one("#detail").focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
