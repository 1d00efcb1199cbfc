"""A relaxation session as lines: each phase word and each spoken line once, with the time since
the practice began ("0:04 Breathe out"). Follows the session's own clock (the player's `now()`);
the time written is the event's exact start on the timeline, not when it was noticed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from homework_tui.model.exposure.timer import clock_text
from homework_tui.model.relaxation import BELL_KINDS, phase_word, says_phase_word


@dataclass
class SessionLines:
    """Turns looks at the session clock into new lines. `practice_start`: seconds into the
    session where the practice begins (the times count from there)."""

    sample_rate: int
    practice_start: float = 0.0
    _stage: tuple[int, str] | None = field(default=None, repr=False)
    _speech: tuple[int, str] | None = field(default=None, repr=False)

    def _at(self, frame: int) -> str:
        return clock_text(frame / self.sample_rate - self.practice_start)

    def look(self, moment: Any) -> tuple[list[str], bool]:
        """The lines that are new at `moment` (an audio.clock.Moment), and whether a phase began
        (for the bell)."""
        lines: list[str] = []
        rang = False
        stage, speech = moment.stage, moment.speech
        if stage is not None and (stage.start, stage.kind) != self._stage:
            self._stage = (stage.start, stage.kind)
            word = phase_word(stage.kind, stage.label)
            if word:
                lines.append(f"{self._at(stage.start)} {word}")
                rang = stage.kind in BELL_KINDS
        if speech is not None and speech.text and (speech.start, speech.text) != self._speech:
            self._speech = (speech.start, speech.text)
            kind = stage.kind if stage is not None else None
            label = stage.label if stage is not None else None
            if not says_phase_word(speech.text, kind, label):
                lines.append(f"{self._at(speech.start)} {speech.text}")
        return lines, rang
