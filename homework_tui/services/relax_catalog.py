"""The sessions a person can choose on the Relax screen, by kind: the built-in breathing, muscle
relaxation and mindfulness scripts, their saved breathing patterns, and their own script files in
`config_dir()/sessions`. A file that cannot be read becomes a calm line ("Your file leaves.txt
could not be read: line 7: …"), never an error. Also: which voice will speak a session.

Listing reads and parses the files: call `catalog()` from a thread worker. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import N_, _, decimal, ngettext
from homework_tui.model.pmr_stages import KEYS as PMR_NAMES
from homework_tui.model.pmr_stages import STAGES as PMR_STAGES
from homework_tui.model.relaxation import BREATHING_NAMES, TITLES
from homework_tui.services.relax_descriptions import described

# The headings of the list, in order: the kind as stored in a log → how it reads (in English,
# marked: `Catalog.by_kind` gives them in the interface's language).
KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    ("breathing", N_("Breathing")),
    ("pmr", N_("Muscle relaxation")),
    ("mindfulness", N_("Mindfulness")),
)
SCRIPT_KINDS = {
    "breathing": "breathing",
    "relaxation": "pmr",
    "mindfulness": "mindfulness",
}  # script → log
# Under the "Muscle relaxation" heading the built-in stages read shorter.
LIST_LABELS = {stage.key: stage.short for stage in PMR_STAGES}
BUILTIN_ORDER = {name: i for i, name in enumerate((*BREATHING_NAMES, *PMR_NAMES))}

if TYPE_CHECKING:
    from audio.errors import ScriptFileError
    from audio.script_file import ScriptInfo
    from audio.workers import AudioWorkers


@dataclass(frozen=True)
class SessionEntry:
    """One session in the list."""

    name: str  # what build_session is given
    kind: str  # breathing | pmr | mindfulness
    title: str
    description: str = ""
    language: str = ""  # the script's language ("" when it is the app's own English wording)
    language_name: str = ""  # "Spanish", when the installed voices say
    your_file: bool = False  # one of the person's script files
    pattern: bool = False  # a saved breathing pattern (can be changed and deleted here)
    minutes: float | None = None  # the session's usual length, when it has one
    fits: tuple[float, float] | None = None  # the lengths it can be fitted to, in minutes

    def can_last(self, minutes: float) -> bool:
        return self.fits is None or self.fits[0] <= minutes <= self.fits[1]

    def check_minutes(self, minutes: float) -> str:
        """ "" when the session can last `minutes`, else what to do, in words."""
        if self.can_last(minutes):
            return ""
        assert self.fits is not None
        low, high = self.fits
        title, shortest, longest = self.shown_title, decimal(low, 2), decimal(high, 2)
        if minutes < low:  # the shortest that fits, named first
            return ngettext(
                "{title} needs at least {least} minute (and can last up to {most}).",
                "{title} needs at least {least} minutes (and can last up to {most}).",
                int(low) if low == int(low) else 2,
            ).format(title=title, least=shortest, most=longest)
        return _("{title} can last from about {least} to {most} minutes.").format(
            title=title, least=shortest, most=longest
        )

    @property
    def shown_title(self) -> str:
        """The title in the interface's language (the person's own titles as they wrote them)."""
        return self.title if self.your_file or self.pattern else _(self.title)

    @property
    def label(self) -> str:
        """How the entry reads in the list."""
        if not self.your_file:
            short = LIST_LABELS.get(self.name.lower())
            return _(short) if short else self.shown_title
        if not self.language:
            return _("{title} (your file)").format(title=self.title)
        return _("{title} (your file, {language})").format(
            title=self.title, language=self.language_name or self.language
        )


@dataclass
class Catalog:
    entries: list[SessionEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # files that could not be read, in words

    def get(self, name: str) -> SessionEntry | None:
        wanted = name.strip().lower()
        return next((e for e in self.entries if e.name.lower() == wanted), None)

    def by_kind(self) -> list[tuple[str, str, list[SessionEntry]]]:
        """(kind, heading, entries) for each kind that has any, in the list's order."""
        found = []
        for kind, heading in KIND_HEADINGS:
            entries = [e for e in self.entries if e.kind == kind]
            if entries:
                found.append((kind, _(heading), entries))
        return found


def problem_text(error: ScriptFileError) -> str:
    """ "Your file leaves.txt could not be read: line 7: …" for an audio ScriptFileError."""
    detail = (
        _("line {line}: {message}").format(line=error.line, message=error.message)
        if error.line is not None
        else error.message
    )
    if error.source:
        return _("Your file {name} could not be read: {detail}").format(
            name=error.source, detail=detail
        )
    return _("A file could not be read: {detail}").format(detail=detail)


def _describe(text: str) -> str:
    return text[:1].upper() + text[1:] if text else ""


def script_entry(info: ScriptInfo, voices: Sequence[Any] = ()) -> SessionEntry:
    """An entry for an audio `ScriptInfo` (`voices` to name its language)."""
    kind = SCRIPT_KINDS.get(info.kind, "mindfulness")
    your_file = not info.builtin
    title = info.title or info.name
    if not your_file and info.name in TITLES:
        title = TITLES[info.name]  # the app's own way of naming its sessions, as in the log
    language = info.language if info.language != "any" else ""
    fits = None
    if info.shortest_minutes is not None and info.longest_minutes is not None:
        fits = (info.shortest_minutes, info.longest_minutes)
    description = _describe(info.description)
    if info.builtin:
        description = described(description)
    if info.path is not None:
        mine = _("From your file {name}.").format(name=info.path.name)
        description = f"{description}\n{mine}" if description else mine
    return SessionEntry(
        name=info.name,
        kind=kind,
        title=title,
        description=description,
        language=language,
        language_name=language_name(language, voices) if language else "",
        your_file=your_file,
        minutes=info.minutes or None,
        fits=fits,
    )


def _stem(error: ScriptFileError) -> str:
    from audio.script_file import script_name

    return script_name(Path(error.path)) if error.path else ""


def catalog(custom: dict[str, Any], voices: Sequence[Any] = ()) -> Catalog:
    """Every session a person can choose: built-in scripts, their patterns, their files."""
    from audio.script_file import list_scripts
    from homework_tui.paths import config_dir

    infos, errors = list_scripts(config_dir())
    entries = [script_entry(info, voices) for info in infos]
    builtin = sorted(
        (e for e in entries if not e.your_file),
        key=lambda e: (BUILTIN_ORDER.get(e.name.lower(), 99), e.title.lower()),
    )
    yours = sorted((e for e in entries if e.your_file), key=lambda e: e.title.lower())
    unreadable = {_stem(e) for e in errors}
    # A file of theirs with a built-in's name replaces it, even when it cannot be read (the
    # session would not start from the built-in either: their file is looked for first).
    taken = {e.name.lower() for e in yours} | unreadable
    builtin = [e for e in builtin if e.name.lower() not in taken]
    # So does a script of the same name for a saved pattern (a name is one session).
    scripts = {e.name.lower() for e in entries} | unreadable
    patterns = [
        SessionEntry(
            name=p.name,
            kind="breathing",
            title=p.name,
            pattern=True,
            description=_("Your pattern: {pattern}").format(pattern=p.describe()),
        )
        for p in custom.values()
        if p.name.lower() not in scripts
    ]
    return Catalog([*builtin, *patterns, *yours], [problem_text(e) for e in errors])


# -- who speaks -------------------------------------------------------------------------------------


def installed_voices(workers: AudioWorkers | None = None) -> list[Any]:
    """The speech voices installed here ([] when there is no speech engine). Takes a moment the
    first time (the engine's worker starts): call from a thread. The Relax screens ask through
    `RelaxAudio.installed_voices`, which tests can tell to find none."""
    from homework_tui.paths import cache_dir

    try:
        from audio.voice import list_voices

        return list_voices(cache_dir(), workers)
    except Exception:  # noqa: BLE001 - no engine: captions only, said where it matters
        return []


def language_name(code: str, voices: Sequence[Any] = ()) -> str:
    """ "Spanish" for "es" (in the interface's language: "alemán" for "de" in Spanish, from
    Babel's locale data): else the engine's name for it, else the installed voices' name, else
    the code."""
    from audio.languages import language_name as engine_name
    from homework_tui.i18n import PSEUDO, current_language

    if current_language() not in ("en", PSEUDO):
        named_here = _babel_language_name(code)
        if named_here:
            return named_here
    named = engine_name(code)
    if named:
        return named
    primary = code.lower().split("-")[0]
    for voice in voices:
        if any(lang.lower().split("-")[0] == primary for lang in voice.languages):
            return str(voice.name).split(" (")[0]
    return code


def _babel_language_name(code: str) -> str | None:
    """The language's name in the interface's language, when Babel knows it."""
    from babel import Locale, UnknownLocaleError

    from homework_tui.i18n.language import babel_locale

    try:
        names = Locale.parse(babel_locale()).languages
    except (UnknownLocaleError, ValueError):
        return None
    name = names.get(code.lower().replace("-", "_").split("_")[0])
    return str(name) if name else None


def same_language(voice: str, language: str) -> bool:
    from audio.voice import VoiceSettings

    return VoiceSettings(voice).language.split("-")[0] == language.lower().split("-")[0]


def voice_to_ask_for(language: str, chosen_voice: str) -> str | None:
    """The voice to give build_session for a script in `language`: the person's voice when it
    speaks that language (or the script follows the voice: "any"), else None, so the engine
    picks one that does."""
    if not chosen_voice or language in ("", "any") or same_language(chosen_voice, language):
        return chosen_voice or None
    return None


def script_language(name: str) -> str:
    """The language a session's script is in ("any" when it follows the voice, or is no script)."""
    from audio.errors import AudioError
    from audio.script_file import find_script
    from homework_tui.paths import config_dir

    try:
        found = find_script(name, config_dir())
    except (AudioError, OSError):
        return "any"  # building the session says what is wrong with the file
    return found[1].language if found is not None else "any"


def wording_line(name: str, language: str, chosen_voice: str) -> str:
    """What the Relax screen says, before starting, when the words a session takes from the
    wording file (cue words, muscle steps) have none in its language: tones mark them instead.
    `language` is the script's ("" when it follows the voice, as the built-in sessions do)."""
    from audio.errors import AudioError
    from audio.script_file import find_script
    from audio.voice import DEFAULT_VOICE, VoiceSettings
    from audio.wording import has_wording
    from homework_tui.paths import config_dir

    lang = (
        language
        if language not in ("", "any")
        else VoiceSettings(chosen_voice or DEFAULT_VOICE).language
    )
    if has_wording(lang, config_dir()):
        return ""
    try:
        found = find_script(name, config_dir())
    except (AudioError, OSError):
        return ""  # building the session says what is wrong with the file
    if found is not None and not found[1].uses_wording:
        return ""  # every word is written in the script itself
    named = language_name(lang)
    return _(
        "There is no {language} wording yet: tones mark each breath and muscle step, and the "
        "other lines are in English."
    ).format(language=named)


class _Known:
    """The installed voices, shaped like the engine for `audio.voice.voice_for_language`."""

    def __init__(self, voices: Sequence[Any]) -> None:
        self._voices = list(voices)

    def voices(self) -> list[Any]:
        return self._voices


def voice_for_interface(chosen_voice: str, voices: Sequence[Any] | None = None) -> str:
    """The voice that speaks: the person's own choice, else one that speaks the interface's
    language (Spanish screens, a Spanish voice), of its region where there is one (Portuguese
    as written in Brazil: a Brazilian voice); "" for the engine's default (English). With no
    speech engine at all, the language's code: the captions are still in the language."""
    from homework_tui.i18n import PSEUDO, current_language
    from homework_tui.i18n.language import babel_locale

    language = current_language()
    if chosen_voice or language in ("en", PSEUDO):
        return chosen_voice
    from audio.voice import voice_for_language

    listed = list(voices) if voices is not None else installed_voices()
    tag = babel_locale().replace("_", "-").lower()  # "pt-br": an exact match ranks first
    if not listed:
        # No speech engine: the captions still follow the language (the voice names it).
        return language
    return voice_for_language(tag, _Known(listed)) or ""  # type: ignore[arg-type]


def speaker_line(language: str, chosen_voice: str, voices: Sequence[Any], *, voice_on: bool) -> str:
    """What the Relax screen says, before starting, about who will speak a session in `language`."""
    from audio.voice import voice_for_language

    if not voice_on:
        return _("The voice is off: the words will be shown as captions.")
    if not voices or language in ("", "any"):
        return ""  # no speech engine at all: the session says so once, when it starts
    name = language_name(language, voices)
    voice = voice_to_ask_for(language, chosen_voice) or voice_for_language(language, _Known(voices))  # type: ignore[arg-type]
    if voice is None:
        return _(
            "No voice for {language} is installed here — the words will be shown as captions."
        ).format(language=name)
    return _("Spoken in {language} by the voice {voice}.").format(language=name, voice=voice)
