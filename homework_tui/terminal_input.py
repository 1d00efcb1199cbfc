"""Reading the terminal: a bracketed paste is always one paste, whatever it holds.

A terminal wraps pasted text in `ESC[200~` … `ESC[201~` so an app can tell it from typing.
Textual 8.2.8's `XTermParser` stops collecting the paste at the first ESC inside it and, not
recognising what follows, hands those characters on as key presses: a pasted `A ESC[31m RED B`
arrived as the keys `^[31mRED…` ahead of a paste of `A`, a pasted BEL acted as Ctrl+G, and a
pasted Ctrl+Q byte quit the app.

`PasteSafeParser` sits in front of Textual's parser. It watches for the start of a paste itself
and, once one begins, takes everything up to `ESC[201~` as paste data (escape sequences, BEL,
Ctrl+Q and all), delivered in order as ONE `events.Paste`, however the bytes were split across
reads. The text boxes then clean the paste as a whole (see `widgets.clean_input`). Everything else
(keys, mouse, focus, resize and terminal reports) goes to Textual's own parser unchanged.

As in Textual, a paste lasts until its end marker arrives: paste data never turns into keys.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Final

from textual import constants, events
from textual._parser import ParseEOF, ParseTimeout, Peek1, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message

ESC: Final = "\x1b"
END: Final = BRACKETED_PASTE_END
_END_SIZE: Final = len(END)

_Reading = Generator[Read1 | Peek1, str, None]


class PasteSafeParser(XTermParser):
    """Textual's input parser, with bracketed pastes read whole (see the module docstring)."""

    def __init__(self, debug: bool = False) -> None:
        self._pasted: list[str] | None = None  # the paste read so far, while inside one
        super().__init__(debug)

    def feed(self, data: str) -> Iterable[Message]:
        # Inside a paste, text up to the next ESC (where the end marker may start) is taken in one
        # piece, not a character at a time: a 1 MB paste of prose is read in milliseconds. Not
        # while the paste so far ends in an ESC that may begin the end marker.
        pasted = self._pasted
        if pasted is not None and data and ESC not in "".join(pasted[-_END_SIZE:]):
            cut = data.find(ESC)
            cut = len(data) if cut < 0 else cut
            pasted.append(data[:cut])
            data = data[cut:]
            if not data:
                return ()  # (`super().feed("")` would mean the end of input)
        return super().feed(data)

    def parse(self, token_callback: TokenCallback[Message]) -> _Reading:
        keys = super().parse(token_callback)  # Textual's parser: everything but pastes
        wants = next(keys)  # what Textual's parser waits for (a timeout while mid-sequence)
        held = ""  # characters read so far that may be the start of `ESC[200~`

        def give(text: str) -> None:
            nonlocal wants
            for character in text:
                wants = keys.send(character)

        def time_out() -> None:
            nonlocal wants
            if wants.timeout is not None:  # only a read that asked for a timeout can take one
                wants = keys.throw(ParseTimeout())

        while True:
            try:
                character = yield (self.read1(constants.ESCAPE_DELAY) if held else wants)
                if not held and character != ESC:
                    give(character)
                    continue
                maybe = held + character
                if maybe == BRACKETED_PASTE_START:
                    held = ""
                    yield from self._read_paste(token_callback)
                elif BRACKETED_PASTE_START.startswith(maybe):
                    held = maybe
                else:  # not a paste: Textual's parser reads it (a new ESC may start one)
                    give(held)
                    held = ESC if character == ESC else ""
                    if not held:
                        give(character)
            except ParseTimeout:
                # A lone ESC (the Escape key) or the like: Textual's parser has waited long
                # enough already, so it times out at once rather than waiting a second time.
                give(held)
                held = ""
                time_out()
            except ParseEOF:
                give(held)
                try:
                    keys.throw(ParseEOF())
                except StopIteration:
                    pass
                return

    def _read_paste(self, token_callback: TokenCallback[Message]) -> _Reading:
        """Read up to the end marker (`feed` may add text meanwhile), then send what came before
        it as one `Paste`. At the end of input, what was read is still sent, then the end is
        passed on."""
        self._pasted = pasted = []
        try:
            while True:
                pasted.append((yield self.read1()))
                if pasted[-1] == "~" and "".join(pasted[-_END_SIZE:]).endswith(END):
                    text = "".join(pasted)
                    token_callback(events.Paste(text[: -len(END)]))
                    return
        except ParseEOF:
            token_callback(events.Paste("".join(pasted)))
            raise
        finally:
            self._pasted = None


def read_pastes_whole() -> None:
    """Make Textual's Linux driver read the terminal with `PasteSafeParser`.

    Textual 8.2.8's `LinuxDriver.run_input_thread` builds its parser from the name `XTermParser`
    in `textual.drivers.linux_driver`, and offers no other hook short of copying that method;
    the subclass changes nothing but pastes, so rebinding the name is the smallest safe change.
    Idempotent. Fails loudly if a future Textual moves the name (then this needs a new look)."""
    from textual.drivers import linux_driver

    if not issubclass(getattr(linux_driver, "XTermParser", object), XTermParser):
        raise TypeError("textual.drivers.linux_driver.XTermParser is not Textual's parser")
    setattr(linux_driver, "XTermParser", PasteSafeParser)  # noqa: B010 (a module, on purpose)
