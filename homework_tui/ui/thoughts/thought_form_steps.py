"""The eight steps of the thought record form, one column of the worksheet each (plus thinking
traps), and the rows they are built from. Widget ids are the form's field names."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.thought_prompts import (
    MOOD_SUGGESTIONS,
    QUESTIONS_AGAINST,
    QUESTIONS_BALANCED,
    QUESTIONS_FOR,
)
from homework_tui.ui.thoughts.mood_rows import LaterMoodRow, MoodRerateRow, MoodRow
from homework_tui.ui.thoughts.thought_labels import DistortionPicker
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.rating_input import RatingInput


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    prompt: str
    questions: tuple[str, ...] = ()
    shows_hot_thought: bool = False


STEPS: tuple[Step, ...] = (
    Step(
        1,
        N_("Situation"),
        N_(
            "What happened? Who were you with, what were you doing, when and where? "
            "A few words are enough."
        ),
    ),
    Step(
        2,
        N_("Moods"),
        N_(
            "What did you feel? One word per mood, and how strong it was from 0 (not at all) "
            "to 100 (the most you can imagine). Start typing for suggestions; → accepts one."
        ),
    ),
    Step(
        3,
        N_("Automatic thoughts"),
        N_(
            "What went through your mind just before you started to feel this way? Write each "
            "thought on its own line. Then pick the hot thought — the one that carries the strongest "
            "feeling — and press ctrl+t on it."
        ),
    ),
    Step(
        4,
        N_("Thinking traps"),
        N_(
            "Does the hot thought fall into any of these traps? Space ticks one; ticking is "
            "optional. You can add a label of your own below."
        ),
        shows_hot_thought=True,
    ),
    Step(
        5,
        N_("Evidence for"),
        N_("What facts support the hot thought?"),
        QUESTIONS_FOR,
        shows_hot_thought=True,
    ),
    Step(
        6,
        N_("Evidence against"),
        N_("What facts don't fit the hot thought? These questions can help:"),
        QUESTIONS_AGAINST,
        shows_hot_thought=True,
    ),
    Step(
        7,
        N_("Balanced thought"),
        N_(
            "Looking at the evidence on both sides, what is a more balanced way to see it? "
            "Then rate how much you believe it, 0-100."
        ),
        QUESTIONS_BALANCED,
        shows_hot_thought=True,
    ),
    Step(
        8,
        N_("Moods now"),
        N_(
            "How strong is each mood now? Any change counts, including none. A mood that is here "
            "now but was not at the start can be named below, with how strong it is."
        ),
    ),
)


class AlternativeRow(Horizontal):
    """Another alternative thought (`alt-N`) and how much it is believed (`alt-N-belief`)."""

    DEFAULT_CSS = """
    AlternativeRow {
        height: 1;
        margin-bottom: 1;
    }
    AlternativeRow .alt-text {
        width: 1fr;
        margin-right: 1;
    }
    AlternativeRow .alt-label {
        width: auto;
        margin-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, index: int, text: str = "", belief: str = "") -> None:
        super().__init__(id=f"alt-row-{index}", classes="alt-row")
        self.index = index
        self._text = text
        self._belief = belief

    def compose(self) -> ComposeResult:
        yield CleanInput(
            self._text,
            placeholder=_("another alternative thought"),
            id=f"alt-{self.index}",
            classes="alt-text",
            compact=True,
        )
        # Translators: beside an alternative thought, before how much it is believed (0-100).
        yield Static(_("believe"), classes="alt-label")
        yield RatingInput(self._belief, id=f"alt-{self.index}-belief")


class ThoughtRow(Horizontal):
    """One automatic thought, with a mark when it is the hot thought."""

    DEFAULT_CSS = """
    ThoughtRow {
        height: 1;
        margin-bottom: 1;
    }
    ThoughtRow .hot-mark {
        width: 6;
        color: $warning;
        text-style: bold;
    }
    """

    def __init__(self, index: int, text: str = "", hot: bool = False) -> None:
        super().__init__(id=f"thought-row-{index}", classes="thought-row")
        self.index = index
        self._text = text
        self._hot = hot

    def compose(self) -> ComposeResult:
        yield Static(hot_mark() if self._hot else "", classes="hot-mark")
        yield CleanInput(
            self._text,
            placeholder=_("a thought, in the words that went through your mind"),
            id=f"thought-{self.index}",
            classes="thought-text",
            compact=True,
        )

    def set_hot(self, hot: bool) -> None:
        self._hot = hot
        self.set_class(hot, "-hot")
        marks = self.query(".hot-mark")
        if marks:
            marks.first(Static).update(hot_mark() if hot else "")


def hot_mark() -> str:
    # Translators: the mark beside the hot thought, in capitals: at most 6 letters.
    return pgettext("mark", "HOT")


def prompt(step: Step) -> Static:
    return Static(Text(_(step.prompt)), classes="step-prompt")


def question_text(step: Step, index: int) -> Text:
    text = Text(_(step.questions[index]))
    if len(step.questions) > 1:
        which = _("({n} of {count}, ctrl+g for another)").format(
            n=index + 1, count=len(step.questions)
        )
        text.append(f"   {which}", style="dim")
    return text


def question_box(step: Step, step_id: str) -> Static:
    return Static(question_text(step, 0), id=f"{step_id}-question", classes="step-question")


def compose_step(
    step: Step,
    fields: dict[str, str],
    moods: list[int],
    thoughts: list[int],
    later: list[int],
    alternatives: list[int],
) -> ComposeResult:
    """The widgets of one step, filled from the form's `fields`; `later` are the rows of moods
    named at the re-rating, `alternatives` the rows of other alternative thoughts."""
    step_id = f"step-{step.number}"
    get = fields.get
    if step.number == 1:
        with Vertical(id=step_id, classes="step"):
            yield prompt(step)
            yield CleanTextArea(get("situation", ""), id="situation", classes="long-text")
    elif step.number == 2:
        with VerticalScroll(id=step_id, classes="step"):
            yield prompt(step)
            with Vertical(id="mood-rows", classes="rows"):
                for i in moods:
                    yield MoodRow(
                        i, MOOD_SUGGESTIONS, get(f"mood-{i}-name", ""), get(f"mood-{i}-before", "")
                    )
    elif step.number == 3:
        with VerticalScroll(id=step_id, classes="step"):
            yield prompt(step)
            with Vertical(id="thought-rows", classes="rows"):
                for i in thoughts:
                    yield ThoughtRow(i, get(f"thought-{i}", ""), get("hot", "") == str(i))
    elif step.number == 4:
        with Vertical(id=step_id, classes="step"):
            yield prompt(step)
            yield DistortionPicker(id="distortion-picker")
    elif step.number in (5, 6):
        key = "evidence-for" if step.number == 5 else "evidence-against"
        with Vertical(id=step_id, classes="step"):
            yield prompt(step)
            yield question_box(step, step_id)
            yield CleanTextArea(get(key, ""), id=key, classes="long-text")
    elif step.number == 7:
        with Vertical(id=step_id, classes="step"):
            yield prompt(step)
            yield question_box(step, step_id)
            yield CleanTextArea(get("balanced", ""), id="balanced", classes="long-text")
            with Horizontal(classes="belief-row"):
                yield Static(_("How much do you believe it? (0-100)"), classes="row-label")
                yield RatingInput(get("belief", ""), id="belief")
            yield Static(
                Text(_("Another way of seeing it? (optional, each with how much you believe it)")),
                classes="row-label alternatives-heading",
            )
            with Vertical(id="alt-rows", classes="rows"):
                for i in alternatives:
                    yield AlternativeRow(i, get(f"alt-{i}", ""), get(f"alt-{i}-belief", ""))
    else:
        with VerticalScroll(id=step_id, classes="step"):
            yield prompt(step)
            yield Static(
                Text(_("No moods named yet. Go back to step 2 (PgUp) to name how you felt.")),
                id="rerate-empty",
                classes="step-question",
            )
            with Vertical(id="rerate-rows", classes="rows"):
                for i in moods:
                    row = MoodRerateRow(
                        i,
                        get(f"mood-{i}-name", ""),
                        get(f"mood-{i}-before", ""),
                        get(f"mood-{i}-after", ""),
                    )
                    row.display = bool(get(f"mood-{i}-name", "").strip())
                    yield row
            yield Static(Text(_("New moods now (optional)")), classes="row-label later-heading")
            with Vertical(id="later-rows", classes="rows"):
                for i in later:
                    yield LaterMoodRow(
                        i, MOOD_SUGGESTIONS, get(f"later-{i}-name", ""), get(f"later-{i}-after", "")
                    )
