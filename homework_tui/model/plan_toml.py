"""Reading a plan a therapist wrote by hand in TOML (the format: docs/plan-format.md).

`parse_plan(text)` returns a `PlanFile` (the plan's details and its assignments) or raises
`PlanFileError` listing every problem found, each naming its line, in words meant for the person
(or their therapist) to fix. Nothing is stored here: the caller writes the whole plan at once.

A plan file has limits (model/plan.py: PLAN_FILE_MAX_BYTES, PLAN_MAX_HOMEWORK, NOTE_MAX,
PLAN_TEXT_MAX), each named in the problem when passed. Terminal escape sequences in its text are
removed whole, and `PlanFile.notices` says where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from audio.toml_input import TomlInputError, load_toml
from homework_tui.i18n import _, decimal, ngettext
from homework_tui.model.activity import KIND_WORDS, Kind, normalise, parse_kind
from homework_tui.model.base import ValidationError, without_escape_sequences
from homework_tui.model.plan import (
    MAX_MINUTES,
    MAX_TIMES_A_WEEK,
    NOTE_MAX,
    PLAN_FILE_MAX_BYTES,
    PLAN_MAX_HOMEWORK,
    PLAN_TEXT_MAX,
    Assignment,
    Every,
    Frequency,
    PlanInfo,
    parse_weekday,
)
from homework_tui.model.plan_toml_checks import (
    FileLines,
    Problem,
    as_date,
    as_text,
    as_whole,
    as_yes_no,
    shown,
    syntax_problem,
    unknown_key,
)

HOMEWORK = "homework"
PLAN_KEYS = ("title", "therapist", "session", "next_session", "start", "end", "suggest_relax")
TARGET_KEYS = ("ladder", "step", "pattern", "protocol", "target")
HOW_OFTEN = ("daily", "times_a_week", "weekdays", "once_by")
HOMEWORK_KEYS = ("kind", "title", "note", "minutes", "start", "end", "id", *TARGET_KEYS, *HOW_OFTEN)


class PlanFileError(ValueError):
    """Everything wrong with a plan file; `str()` lists each problem on its own line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class PlanFile:
    info: PlanInfo
    assignments: tuple[Assignment, ...]
    notices: tuple[str, ...] = ()  # what was changed on reading (escape sequences removed)


# -- the file -------------------------------------------------------------------------------------


def parse_plan(text: str, *, today: date | None = None) -> PlanFile:
    _check_file_size(text)
    try:
        data = load_toml(text)
    except TomlInputError as error:
        raise PlanFileError([syntax_problem(error)]) from None
    lines = FileLines(text)
    _check_homework_count(data)
    notices = _remove_escape_sequences(data, lines)
    problems: list[Problem] = _length_problems(data, lines)
    for key in data:
        if key not in ("plan", HOMEWORK):
            problems.append(
                Problem(
                    lines.of(key, 0, key),
                    unknown_key(key, ("plan", HOMEWORK), section=True),
                )
            )
    info, start, end = _read_info(data.get("plan", {}), lines, problems)
    default_start = start or info.last_session or today or date.today()
    homework = data.get(HOMEWORK, [])
    if not isinstance(homework, list) or not homework:
        problems.append(
            Problem(
                None,
                # Translators: keep the TOML (keys, values, [tables]) as written.
                _(
                    "The file has no homework in it. Each piece of homework starts with a "
                    "[[homework]] line (see the README, section Your therapist's plan)."
                ),
            )
        )
        homework = []
    assignments: list[Assignment] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(homework):
        assignment = _read_homework(table, index, lines, problems, default_start, end)
        if assignment is None:
            continue
        line = lines.of(HOMEWORK, index)
        if assignment.source in seen:
            problems.append(
                Problem(
                    line,
                    # Translators: keep the TOML (keys, values, [tables]) as written.
                    _(
                        "this looks the same as the homework on line {line}; give one of them "
                        'its own id = "…" if both are meant'
                    ).format(line=seen[assignment.source]),
                )
            )
            continue
        seen[assignment.source] = line or 0
        assignments.append(assignment)
    if problems:
        raise PlanFileError(sorted(problems, key=lambda p: p.line or 0))
    return PlanFile(info, tuple(assignments), tuple(notices))


# -- limits and escape sequences ------------------------------------------------------------------


def _check_file_size(text: str) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > PLAN_FILE_MAX_BYTES:
        raise PlanFileError(
            [
                Problem(
                    None,
                    _(
                        "the file is {size} KB; a plan file can be at most {limit} KB (a plan "
                        "written by hand is a few KB)"
                    ).format(size=decimal(size / 1024, 0), limit=PLAN_FILE_MAX_BYTES // 1024),
                )
            ]
        )


def _check_homework_count(data: dict[str, Any]) -> None:
    homework = data.get(HOMEWORK)
    if isinstance(homework, list) and len(homework) > PLAN_MAX_HOMEWORK:
        raise PlanFileError(
            [
                Problem(
                    None,
                    _(
                        "the file holds {count} pieces of homework; a plan can hold at most {limit}"
                    ).format(count=decimal(len(homework), 0), limit=PLAN_MAX_HOMEWORK),
                )
            ]
        )


def _text_fields(data: dict[str, Any]) -> list[tuple[dict[str, Any], str, int, str]]:
    """Every text value of the plan and its homework: (table, section, index, key)."""
    found = []
    plan = data.get("plan")
    if isinstance(plan, dict):
        found += [(plan, "plan", 0, key) for key, value in plan.items() if isinstance(value, str)]
    homework = data.get(HOMEWORK)
    if isinstance(homework, list):
        for index, table in enumerate(homework):
            if isinstance(table, dict):
                found += [
                    (table, HOMEWORK, index, key)
                    for key, value in table.items()
                    if isinstance(value, str)
                ]
    return found


def _remove_escape_sequences(data: dict[str, Any], lines: FileLines) -> list[str]:
    """Remove terminal escape sequences from every text value, whole; say where, one line each."""
    notices = []
    for table, section, index, key in _text_fields(data):
        cleaned, count = without_escape_sequences(table[key])
        if count:
            table[key] = cleaned
            line = lines.of(section, index, key)
            if line:
                notice = ngettext(
                    "line {line}: a terminal escape sequence (colour or cursor codes) removed "
                    "from {key}",
                    "line {line}: {n} terminal escape sequences (colour or cursor codes) removed "
                    "from {key}",
                    count,
                )
            else:
                notice = ngettext(
                    "a terminal escape sequence (colour or cursor codes) removed from {key}",
                    "{n} terminal escape sequences (colour or cursor codes) removed from {key}",
                    count,
                )
            notices.append(notice.format(line=line, n=count, key=key))
    return notices


def _length_problems(data: dict[str, Any], lines: FileLines) -> list[Problem]:
    """A note over NOTE_MAX characters, or another text over PLAN_TEXT_MAX (a homework's title
    has its own limit, the model's TITLE_MAX)."""
    problems = []
    for table, section, index, key in _text_fields(data):
        if section == HOMEWORK and key == "title":
            continue
        limit = NOTE_MAX if key == "note" else PLAN_TEXT_MAX
        length = len(table[key])
        if length > limit:
            values = {"key": key, "length": decimal(length, 0), "limit": decimal(limit, 0)}
            message = (
                _("note is {length} characters long; a note can be at most {limit}")
                if key == "note"
                # Translators: {key} is a plan file's setting (title, therapist): keep it.
                else _("{key} is {length} characters long; {key} can be at most {limit}")
            )
            problems.append(Problem(lines.of(section, index, key), message.format(**values)))
    return problems


def _read_info(
    plan: Any, lines: FileLines, problems: list[Problem]
) -> tuple[PlanInfo, date | None, date | None]:
    if not isinstance(plan, dict):
        # Translators: keep the TOML (keys, values, [tables]) as written.
        problems.append(Problem(lines.of("plan", 0, "plan"), _("[plan] needs to be a table")))
        return PlanInfo(), None, None
    values: dict[str, Any] = {}
    for key, value in plan.items():
        line = lines.of("plan", 0, key)
        if key not in PLAN_KEYS:
            problems.append(Problem(line, unknown_key(key, PLAN_KEYS)))
            continue
        try:
            if key in ("title", "therapist"):
                values[key] = as_text(value, key)
            elif key == "suggest_relax":
                values[key] = as_yes_no(value, key)
            else:
                values[key] = as_date(value, key)
        except ValueError as error:
            problems.append(Problem(line, str(error)))
    try:
        info = PlanInfo(
            title=values.get("title", ""),
            therapist=values.get("therapist", ""),
            last_session=values.get("session"),
            next_session=values.get("next_session"),
            suggest_relax=values.get("suggest_relax"),
        )
    except ValidationError as error:
        problems.append(Problem(lines.of("plan", 0, "next_session"), error.message))
        info = PlanInfo()
    return info, values.get("start"), values.get("end")


def _read_homework(
    table: Any,
    index: int,
    lines: FileLines,
    problems: list[Problem],
    default_start: date,
    default_end: date | None,
) -> Assignment | None:
    header = lines.of(HOMEWORK, index)
    if not isinstance(table, dict):
        # Translators: keep the TOML (keys, values, [tables]) as written.
        problems.append(Problem(header, _("each homework needs to be a [[homework]] table")))
        return None
    before = len(problems)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(lines.of(HOMEWORK, index, key), message))

    for key in table:
        if key not in HOMEWORK_KEYS:
            problem(key, unknown_key(key, HOMEWORK_KEYS))
    kind: Kind | None = None
    if "kind" not in table:
        # Translators: keep the TOML (keys, values, [tables]) as written.
        problem(None, _('this homework needs a kind, e.g. kind = "thought record"'))
    else:
        kind = parse_kind(table["kind"]) if isinstance(table["kind"], str) else None
        if kind is None:
            problem(
                "kind",
                _(
                    "“{kind}” is not a kind of homework homework-tui knows. Use one of: {kinds}."
                ).format(kind=shown(table["kind"], quoted=False), kinds=", ".join(KIND_WORDS)),
            )
    values: dict[str, Any] = {}
    for key, convert in (
        ("title", lambda v: as_text(v, "title")),
        ("note", lambda v: as_text(v, "note")),
        ("id", lambda v: as_text(v, "id")),
        ("minutes", lambda v: as_whole(v, "minutes", 1, MAX_MINUTES)),
        ("start", lambda v: as_date(v, "start")),
        ("end", lambda v: as_date(v, "end")),
    ):
        if key in table:
            try:
                values[key] = convert(table[key])
            except ValueError as error:
                problem(key, str(error))
    targets = [k for k in TARGET_KEYS if k in table]
    target = ""
    if len(targets) > 1:
        problem(targets[1], _("give just one of {keys}").format(keys=", ".join(targets)))
    elif targets:
        try:
            target = as_text(table[targets[0]], targets[0])
        except ValueError as error:
            problem(targets[0], str(error))
    frequency = _read_frequency(table, problem)
    if len(problems) > before or kind is None or frequency is None:
        return None
    start = values.get("start", default_start)
    if frequency.by is not None and frequency.by < start and "start" not in values:
        start = min(start, frequency.by)
    source = values.get("id") or normalise(f"{kind.value} {target} {values.get('title', '')}")
    try:
        return Assignment(
            kind=kind,
            frequency=frequency,
            title=values.get("title", ""),
            target=target,
            note=values.get("note", ""),
            minutes=values.get("minutes"),
            start=start,
            end=values.get("end", default_end),
            source=source,
        )
    except ValidationError as error:
        key = {"by": "once_by", "end": "end", "title": "title", "minutes": "minutes"}.get(
            error.field, "start"
        )
        problem(key if key in table else None, error.message)
        return None


def _read_frequency(table: dict[str, Any], problem: Any) -> Frequency | None:
    given = [k for k in HOW_OFTEN if k in table]
    if not given:
        problem(
            None,
            # Translators: keep the TOML (keys, values, [tables]) as written.
            _(
                "say how often: daily = true, times_a_week = 3, "
                'weekdays = ["Mon", "Thu"] or once_by = 2025-03-20'
            ),
        )
        return None
    if len(given) > 1:
        problem(given[1], _("give just one of {keys} for how often").format(keys=_either(given)))
        return None
    key = given[0]
    value = table[key]
    try:
        if key == "daily":
            if value is not True:
                raise ValueError(
                    # Translators: keep the TOML (keys, values, [tables]) as written.
                    _("daily needs to be true (or leave it out and say how often another way)")
                )
            return Frequency(every=Every.DAY)
        if key == "times_a_week":
            return Frequency(
                every=Every.WEEK, times=as_whole(value, "times_a_week", 1, MAX_TIMES_A_WEEK)
            )
        if key == "weekdays":
            words = value if isinstance(value, list) else [value]
            days = []
            for word in words:
                day = parse_weekday(word) if isinstance(word, str) else None
                if day is None:
                    raise ValueError(
                        # Translators: keep the TOML (keys, values, [tables]) as written.
                        _(
                            '“{word}” is not a day of the week; write days like ["Mon", "Thu"]'
                        ).format(word=shown(word, quoted=False))
                    )
                days.append(day)
            return Frequency(every=Every.WEEKDAYS, weekdays=tuple(days))
        return Frequency(every=Every.ONCE, by=as_date(value, "once_by"))
    except (ValueError, ValidationError) as error:
        problem(key, getattr(error, "message", None) or str(error))
        return None


def _either(keys: list[str]) -> str:
    """ "daily or weekdays": settings a plan file may give only one of."""
    text = keys[0]
    for key in keys[1:]:
        # Translators: two plan file settings, only one of which may be given; keep their names.
        text = _("{first} or {second}").format(first=text, second=key)
    return text
