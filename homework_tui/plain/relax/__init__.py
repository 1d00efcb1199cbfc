"""`homework-tui --plain breathe …` and `--plain relax …`: the session as lines with their time,
the bell at each phase when the setting says so, how the person feels asked as lines before and
after, and the session logged as the Relax screen logs it (`model.relaxation.session_log`). It ends
by itself; Ctrl+C ends it early (and it is still logged, as stopped early)."""

from __future__ import annotations

import argparse
import time

from homework_tui.i18n import _, decimal
from homework_tui.model.base import ValidationError
from homework_tui.model.relaxation import (
    SCALES,
    Listening,
    RelaxationSession,
    RelaxChoice,
    check_rating,
    rating_text,
    session_log,
)
from homework_tui.model.settings import Settings
from homework_tui.plain.io import InputEnded, LineIO, Quit, console
from homework_tui.plain.records import save
from homework_tui.plain.relax.lines import SessionLines
from homework_tui.plain.session import Session, start
from homework_tui.store import Repository, Singleton
from homework_tui.store.activities import RELAXATION_TABLE

LOOK_EVERY = 0.1  # seconds between looks at the session clock


def ask_feeling(io: LineIO, scale: str, when: str) -> int | None:
    """How the person feels on the session's scale (the model's question and rule); None when
    skipped."""
    _unused_name, _unused_words, question = SCALES[scale]
    while True:
        answer = io.ask(
            _("{when}: {question} (Enter skips)").format(when=when, question=_(question))
        )
        try:
            return check_rating(answer, scale)
        except ValidationError as error:
            io.say(error.message)


def settings_of(session: Session) -> Settings:
    try:
        return Singleton(session.store, "settings", Settings, Settings).load()
    except (ValueError, TypeError):  # unreadable settings: the defaults, as the app does
        return Settings()


def play(session: Session, choice: RelaxChoice) -> RelaxationSession | None:
    from homework_tui.services.relax_player import RelaxAudio, silent_note

    io = session.io
    settings = settings_of(session)
    io.say(f"{choice.title}.")
    before = ask_feeling(io, choice.scale, _("Before you start"))
    io.say(_("Starting. Each line below comes as the session reaches it. Ctrl+C ends it early."))
    audio = RelaxAudio(cache_personal=not session.store.encrypted)
    listening = Listening()
    stopped = False
    try:
        try:
            started = audio.start_session(choice, settings)
        except Exception as error:  # audio.errors.AudioError: a message for the person
            from audio.errors import AudioError

            if not isinstance(error, AudioError):
                raise
            io.say(_("The session could not start: {reason}").format(reason=error))
            return None
        player = started.player
        notes = list(started.notes)
        if not player.audible:  # the screen's note names its keys for the bell: not here
            bell = settings.bell_on_phase and choice.kind != "mindfulness"
            notes[0] = silent_note(player.reason, bell=bell, phases=bell)
        for note in notes:
            io.say(note)
        lines = SessionLines(player.timeline.sample_rate, started.practice_start)
        try:
            while True:
                done = player.finished
                moment = player.now()
                listening.look(moment.seconds, time.monotonic())
                new, phase = lines.look(moment)
                if phase and settings.bell_on_phase:
                    io.bell()
                for line in new:
                    io.say(line)
                if done:
                    break
                time.sleep(LOOK_EVERY)
        except KeyboardInterrupt:
            player.stop()
            stopped = True
            io.say(_("Stopped early."))
        audible = player.audible
    finally:
        audio.close()
    io.say(_("The session has ended."))
    after = ask_feeling(io, choice.scale, _("Now"))
    return session_log(
        choice,
        before=before,
        after=after,
        planned_seconds=started.planned_seconds,
        actual_seconds=listening.seconds,
        completed=not stopped,
        audible=audible,
    )


def run_session(args: argparse.Namespace, choice: RelaxChoice) -> int:
    """Run `choice` in plain mode and log it; 0 unless the data could not be opened."""
    io = console()
    session = start(io, args)
    if session is None:
        return 1
    repo = Repository(session.store, RELAXATION_TABLE, RelaxationSession)
    try:
        log = play(session, choice)
        if log is not None:
            ratings = rating_text(log.scale, *_ratings(log))
            fields = {"title": log.title, "minutes": decimal(log.minutes, 6), "ratings": ratings}
            if ratings:
                saved = _("Saved your session: {title}, {minutes} minutes, {ratings}.")
            else:
                saved = _("Saved your session: {title}, {minutes} minutes.")
            save(session, repo, log, saved.format(**fields))
    except (Quit, InputEnded):
        io.say(_("Nothing was logged."))
    finally:
        session.store.close()
    return 0


def _ratings(log: RelaxationSession) -> tuple[int | None, int | None]:
    if log.scale == "tension":
        return log.tension_before, log.tension_after
    return log.anxiety_before, log.anxiety_after
