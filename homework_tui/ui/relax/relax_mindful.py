"""A guided mindfulness session as it runs: the words being spoken, shown as they are, and a calm
sense of where you are ("Part 2 of 4 · about 6 minutes left", a thin line that fills slowly)
instead of a pacer. Long silences are part of the practice, so the last words stay up.

If the script breathes or tenses along the way, the pacer and the phase word show for those
stretches only. With reduced motion the line is left out and only the words remain. The keys,
the rating after and the log are the breathing session's (`relax_session`).
"""

from __future__ import annotations

import math
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from homework_tui.i18n import _
from homework_tui.model.relaxation import phase_word, says_phase_word
from homework_tui.services.relax_player import Started
from homework_tui.ui.relax.calm_progress import CalmProgress
from homework_tui.ui.relax.pacer import Pacer
from homework_tui.ui.relax.relax_session import RelaxSessionScreen, time_left
from homework_tui.ui.widgets.footer import Footer

PACED_KINDS = ("inhale", "hold", "exhale", "tense", "release")


def where_text(part_index: int | None, total_parts: int, seconds_left: float) -> str:
    bits = []
    if part_index is not None and total_parts > 1:
        bits.append(
            _("Part {number} of {total}").format(
                number=min(part_index + 1, total_parts), total=total_parts
            )
        )
    bits.append(time_left(seconds_left))
    text = "  ·  ".join(bits)
    return text[:1].upper() + text[1:]


class MindfulSessionScreen(RelaxSessionScreen):
    DEFAULT_CSS = """
    MindfulSessionScreen { align: center middle; }
    MindfulSessionScreen > Vertical { width: 100%; height: auto; max-width: 80; }
    MindfulSessionScreen Static { width: 100%; text-align: center; }
    MindfulSessionScreen #rx-title { text-style: bold; margin-bottom: 1; }
    MindfulSessionScreen #rx-part { color: $text-muted; }
    MindfulSessionScreen #rx-caption { height: auto; min-height: 4; margin: 1 4; }
    MindfulSessionScreen Center { height: auto; }
    MindfulSessionScreen #rx-pacer { margin-bottom: 1; }
    MindfulSessionScreen #rx-phase { text-style: bold; width: 34; height: 1; }
    MindfulSessionScreen #rx-line { margin-top: 1; }
    MindfulSessionScreen #rx-progress { width: 100%; color: $text-muted; }
    MindfulSessionScreen #rx-notice { color: $text-muted; height: auto; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.choice.shown_title), id="rx-title")
            yield Static(Text(""), id="rx-part")
            yield Static(Text(_("Getting ready…")), id="rx-caption")
            with Center():
                yield Pacer(id="rx-pacer")
            with Center():
                yield Static(Text(""), id="rx-phase")
            with Center():
                yield CalmProgress(id="rx-line")
            yield Static(Text(""), id="rx-progress")
            yield Static(Text(""), id="rx-notice")
        yield Footer()

    def prepare_view(self) -> None:
        self.query_one(Pacer).display = False  # only while the script breathes or tenses
        self.query_one(CalmProgress).display = not self.still

    def _could_not_start(self, message: str) -> None:
        self.query_one(CalmProgress).display = False
        self._set("rx-caption", _("This session could not start."))
        self._set(
            "rx-notice",
            _("{problem}\nPress Esc to go back and choose again.").format(problem=message),
        )
        self.ended = True

    def show_moment(self, moment: Any, started: Started) -> None:
        timeline = started.player.timeline
        stage = moment.stage
        kind = stage.kind if stage is not None else None
        paced = kind in PACED_KINDS
        pacer = self.query_one(Pacer)
        show_pacer = paced and not self.still
        if pacer.display != show_pacer:
            pacer.display = show_pacer
        if show_pacer:
            pacer.show(
                kind, stage.label, moment.progress, (stage.end - stage.start) / timeline.sample_rate
            )
        if moment.paused and not moment.finished:
            self._set("rx-phase", _("Paused. Press space to carry on."))
        elif paced and self.still:  # changes on a phase change, not every second
            self._set("rx-phase", _(phase_word(kind, stage.label)))
        elif paced:
            left = math.ceil(max(0, stage.end - moment.frame) / timeline.sample_rate)
            self._set("rx-phase", f"{_(phase_word(kind, stage.label))}  ·  {left}")
        else:
            self._set("rx-phase", "")
        part = moment.part
        title = _(part.title) if part is not None and part.title not in ("Practice",) else ""
        if paced and kind in ("tense", "release") and stage.label:
            if kind == "tense":
                title = _("{group}: tense").format(group=stage.label)
            else:
                title = _("{group}: let go").format(group=stage.label)
        self._set("rx-part", title)
        spoken = timeline.last_speech(moment.frame)
        caption = spoken.text if spoken is not None and spoken.text else ""
        shown_word = _(phase_word(kind, stage.label)) if paced else ""
        said = paced and (
            says_phase_word(caption, kind, stage.label)
            or (bool(shown_word) and caption.strip(" .").lower() == shown_word.lower())
        )
        if not said:
            self._set("rx-caption", caption)  # a spoken "Breathe in" is already the phase word
        elapsed, total = self.elapsed_and_total(moment, started)
        if not self.still:
            self.query_one(CalmProgress).show(elapsed / total if total > 0 else 0.0)
        index = part.index if part is not None else None
        self._set("rx-progress", where_text(index, timeline.total_parts, max(0.0, total - elapsed)))
