"""Finding a speech voice by language: a language to choose, and the voices installed for it.
Enter on a voice posts `VoiceFinder.Chosen` with its id (Settings then uses it).

The voices are asked for (the `voices` callable, e.g. the speech engine's list) in a thread worker
when the widget mounts; until then, and when there are none, a calm line says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import _

ALL = "*"


def primary(code: str) -> str:
    return code.lower().split("-")[0]


def languages(voices: Sequence[Any]) -> list[tuple[str, str]]:
    """(label, primary code) for every language with a voice, by name: ("Spanish (es)", "es")."""
    names: dict[str, str] = {}
    for voice in voices:
        for lang in voice.languages:
            code = primary(lang)
            name = str(voice.name).split(" (")[0]
            if code not in names or lang.lower() == code:  # the plain voice names it best
                names[code] = name
    return sorted(
        ((f"{name} ({code})", code) for code, name in names.items()), key=lambda p: p[0].lower()
    )


def voices_in(language: str, voices: Sequence[Any]) -> list[Any]:
    if language == ALL:
        return list(voices)
    from audio.voice import voices_for_language

    return list(voices_for_language(language, voices))


class VoiceFinder(Vertical):
    DEFAULT_CSS = """
    VoiceFinder { height: auto; }
    VoiceFinder Select { width: 40; }
    VoiceFinder OptionList { height: 7; width: 70; border: round $primary 50%; }
    VoiceFinder OptionList:focus { border: round $accent; }
    VoiceFinder #voice-finder-note { color: $text-muted; }
    """

    @dataclass
    class Chosen(Message):
        voice: str

    def __init__(
        self, current: str, *, voices: Callable[[], list[Any]], id: str | None = None
    ) -> None:
        """`voices` lists the installed voices (it may take a moment: it is called in a thread)."""
        super().__init__(id=id)
        self.current = current
        self.find_voices = voices
        self.voices: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Select[str](
            [(_("All languages"), ALL)],
            value=ALL,
            allow_blank=False,
            id="voice-language",
            compact=True,
        )
        yield OptionList(id="voice-list")
        yield Static(Text(_("Looking for the voices installed here…")), id="voice-finder-note")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self.load()

    @work(thread=True, exclusive=True, group="voice-finder", exit_on_error=False)
    def load(self) -> None:
        voices = self.find_voices()
        self.app.call_from_thread(self._loaded, voices)

    def _loaded(self, voices: list[Any]) -> None:
        self.voices = voices
        note = self.query_one("#voice-finder-note", Static)
        if not voices:
            note.update(
                Text(
                    _(
                        "No speech voices were found here, so sessions show their words as "
                        "captions. Installing espeak-ng adds voices in many languages."
                    )
                )
            )
            return
        note.update(Text(_("Choose a language, then Enter on a voice to use it.")))
        select = self.query_one("#voice-language", Select)
        options = [(_("All languages"), ALL), *languages(voices)]
        select.set_options(options)
        from audio.voice import DEFAULT_VOICE, VoiceSettings

        try:
            mine = primary(VoiceSettings(self.current or DEFAULT_VOICE).language)
        except Exception:  # noqa: BLE001 - an odd name typed in Settings: show them all
            mine = ALL
        select.value = mine if any(code == mine for _label, code in options) else ALL
        self.query_one(OptionList).display = True
        self._show(str(select.value))

    @on(Select.Changed, "#voice-language")
    def _language(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._show(event.value)

    def _show(self, language: str) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(
            [
                Option(Text(f"{v.name}  ·  {v.id}"), id=v.id)
                for v in voices_in(language, self.voices)
            ]
        )
        from audio.voice import DEFAULT_VOICE

        ids = [v.id for v in voices_in(language, self.voices)]
        current = self.current or DEFAULT_VOICE
        if ids:
            listing.highlighted = ids.index(current) if current in ids else 0

    @on(OptionList.OptionSelected, "#voice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.current = event.option.id
            self.post_message(self.Chosen(event.option.id))
