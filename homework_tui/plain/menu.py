"""Numbered choices, each also reachable by its name (or the start of it)."""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.i18n import _
from homework_tui.plain.io import HELP_NOW, LineIO, help_now_words


@dataclass(frozen=True)
class Choice:
    """One choice: `key` is what the caller acts on, `label` what the person reads; `names` are
    more words that choose it (the first word of the label always does)."""

    key: str
    label: str
    names: tuple[str, ...] = ()

    def answers_to(self) -> tuple[str, ...]:
        first = self.label.split()[0].strip(":,.") if self.label.split() else self.key
        words = (self.key, self.label, first, *self.names)
        return tuple(" ".join(w.split()).casefold() for w in words)


def match(answer: str, choices: list[Choice]) -> Choice | None:
    """The choice `answer` names: its number, one of its names, or the unique start of one."""
    word = " ".join(answer.split()).casefold().rstrip(".")
    if not word:
        return None
    if word.isdigit():
        number = int(word)
        return choices[number - 1] if 1 <= number <= len(choices) else None
    exact = [c for c in choices if word in c.answers_to()]
    if exact:
        return exact[0]
    started = [c for c in choices if any(name.startswith(word) for name in c.answers_to())]
    return started[0] if len(started) == 1 else None


def numbered(choices: list[Choice]) -> str:
    return "\n".join(f"{number}. {choice.label}" for number, choice in enumerate(choices, 1))


def choose(
    io: LineIO,
    heading: str,
    choices: list[Choice],
    *,
    prompt: str = "",
    help_text: str = "",
) -> Choice:
    """Show `heading` and the numbered choices, and ask until one is chosen. `quit` raises Quit."""
    io.say(heading)
    io.say(numbered(choices))
    asked = prompt or _("Choose a number or a name:")
    words = {HELP_NOW, " ".join(help_now_words().split()).casefold()}
    offers = any(words & set(c.answers_to()) for c in choices)
    while True:
        answer = io.ask(asked, help_text=help_text or numbered(choices), help_now=not offers)
        chosen = match(answer, choices)
        if chosen is not None:
            return chosen
        if answer.strip():
            io.say(
                _(
                    "There is no “{answer}” here. Type a number from 1 to {count}, or a name:"
                ).format(answer=answer.strip(), count=len(choices))
            )
        io.say(numbered(choices))
