"""The 7-column thought record (Greenberger & Padesky, *Mind Over Mood*).

1 situation · 2 moods rated 0-100 · 3 automatic thoughts, one of them hot · 4 evidence for the hot
thought · 5 evidence against it · 6 a balanced thought with belief 0-100 (and any other
alternative thoughts, each with its own belief rating: `more_alternatives`) · 7 each mood re-rated,
and any mood felt now that was not there at the start (`Mood.added_later`: it has no first rating).

A record may be saved unfinished (only the situation is needed) and completed later; `missing()`
says which columns are still empty. It is complete when every column is filled, the balanced
thought's belief (and each other alternative's) is rated and every mood is re-rated. Ratings are
checked whenever they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from homework_tui.i18n import N_, _
from homework_tui.model.base import (
    Entity,
    ValidationError,
    clean_text,
    optional_rating,
)
from homework_tui.model.distortions import (
    check_keys,
    clean_labels,
    display_name,
)

COLUMNS: tuple[str, ...] = (
    N_("Situation"),
    N_("Moods"),
    N_("Automatic thoughts"),
    N_("Evidence for the hot thought"),
    N_("Evidence against the hot thought"),
    N_("Balanced thought"),
    N_("Moods now"),
)
BELIEF_GAP = N_("How much you believe the balanced thought")
_NO_SITUATION = N_(
    "Please write a few words about the situation first — where you were, who was there, what "
    "happened. The rest can wait."
)
_ALTERNATIVE_UNWRITTEN = N_(
    "You rated how much you believe an alternative thought — please write the thought too, or "
    "clear the rating."
)
_BALANCED_UNWRITTEN = N_(
    "You rated how much you believe the balanced thought — please write the balanced thought "
    "too, or clear the rating."
)


def _line(value: str) -> str:
    return " ".join(clean_text(value, multiline=False).split())


@dataclass(frozen=True, kw_only=True)
class Mood:
    """One mood from column 2, with its intensity then (`before`) and on re-rating (`after`).
    A mood `added_later` was named only at the re-rating (column 7): felt now, not at the start,
    so it has no `before`."""

    name: str
    before: int | None = None
    after: int | None = None
    added_later: bool = False

    def __post_init__(self) -> None:
        name = _line(self.name)
        object.__setattr__(self, "name", name)
        label = _("The “{mood}” rating").format(mood=name) if name else _("This mood's rating")
        object.__setattr__(self, "before", optional_rating("before", self.before, label))
        again = (
            _("The “{mood}” re-rating").format(mood=name) if name else _("This mood's re-rating")
        )
        object.__setattr__(self, "after", optional_rating("after", self.after, again))
        if not name and (self.before is not None or self.after is not None):
            raise ValidationError(
                "name", _("Please give the mood you rated a name, like “anxious”.")
            )
        object.__setattr__(self, "added_later", bool(self.added_later))
        if self.added_later and self.before is not None:
            raise ValueError("a mood added at the re-rating has no first rating")  # i18n: not shown

    @property
    def change(self) -> int | None:
        """after − before (negative when the mood eased), or None until both are rated."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, kw_only=True)
class AutomaticThought:
    text: str
    hot: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text).strip())


@dataclass(frozen=True, kw_only=True)
class AlternativeThought:
    """Another alternative or balanced thought, with how much it is believed (0-100)."""

    text: str
    belief: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text).strip())
        belief = optional_rating("belief", self.belief, _("Belief in this alternative thought"))
        if belief is not None and not self.text:
            raise ValidationError("belief", _(_ALTERNATIVE_UNWRITTEN))
        object.__setattr__(self, "belief", belief)


@dataclass(frozen=True, kw_only=True)
class ThoughtRecord(Entity):
    situation: str
    moods: tuple[Mood, ...] = ()
    thoughts: tuple[AutomaticThought, ...] = ()
    distortions: tuple[str, ...] = ()  # standard keys, see model.distortions
    own_distortions: tuple[str, ...] = ()  # the person's own label names
    evidence_for: str = ""
    evidence_against: str = ""
    balanced_thought: str = ""
    balanced_belief: int | None = None
    # Column 6 may hold more than one alternative thought; the first is `balanced_thought`.
    more_alternatives: tuple[AlternativeThought, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        situation = clean_text(self.situation).strip()
        if not situation:
            raise ValidationError("situation", _(_NO_SITUATION))
        set_(self, "situation", situation)
        moods = tuple(self.moods)
        for index, mood in enumerate(moods):
            if not isinstance(mood, Mood):
                raise TypeError("moods must be Mood values")
            if not mood.name:
                raise ValidationError(f"moods.{index}.name", _("Please give each mood a name."))
        seen: set[str] = set()
        for index, mood in enumerate(moods):
            if mood.name.casefold() in seen:
                raise ValidationError(
                    f"moods.{index}.name",
                    _("“{mood}” is listed twice; one line per mood is enough.").format(
                        mood=mood.name
                    ),
                )
            seen.add(mood.name.casefold())
        # The moods named at the start first, then those named at the re-rating (as the form has them).
        set_(self, "moods", tuple(sorted(moods, key=lambda m: m.added_later)))
        thoughts = tuple(t for t in self.thoughts if t.text)
        if sum(t.hot for t in thoughts) > 1:
            raise ValidationError("thoughts", _("Please mark just one thought as the hot thought."))
        set_(self, "thoughts", thoughts)
        set_(self, "distortions", check_keys("distortions", tuple(self.distortions)))
        set_(self, "own_distortions", clean_labels("own_distortions", tuple(self.own_distortions)))
        for name in ("evidence_for", "evidence_against"):
            set_(self, name, clean_text(getattr(self, name)).strip())
        balanced = clean_text(self.balanced_thought).strip()
        set_(self, "balanced_thought", balanced)
        belief = optional_rating(
            "balanced_belief", self.balanced_belief, _("Belief in the balanced thought")
        )
        if belief is not None and not balanced:
            raise ValidationError("balanced_belief", _(_BALANCED_UNWRITTEN))
        set_(self, "balanced_belief", belief)
        more = tuple(self.more_alternatives)
        if any(not isinstance(a, AlternativeThought) for a in more):
            raise TypeError("more_alternatives must be AlternativeThought values")
        set_(self, "more_alternatives", tuple(a for a in more if a.text))

    # -- reading ----------------------------------------------------------------------------

    @property
    def hot(self) -> AutomaticThought | None:
        for thought in self.thoughts:
            if thought.hot:
                return thought
        return None

    @property
    def hot_thought(self) -> str:
        """The hot thought's words ("" when none is marked)."""
        hot = self.hot
        return hot.text if hot else ""

    @property
    def labels(self) -> tuple[str, ...]:
        """Every distortion label's name, standard ones first."""
        return tuple(display_name(k) for k in self.distortions) + self.own_distortions

    @property
    def alternatives(self) -> tuple[AlternativeThought, ...]:
        """Every alternative thought of column 6 with its belief, the balanced thought first."""
        if not self.balanced_thought:
            return self.more_alternatives
        first = AlternativeThought(text=self.balanced_thought, belief=self.balanced_belief)
        return (first, *self.more_alternatives)

    def alternatives_text(self, start: int = 0) -> str:
        """“It was one chat (belief 55); Nobody minded (belief not rated yet)”, from the
        `start`-th alternative on."""
        return "; ".join(
            _("{thought} (belief not rated yet)").format(thought=a.text)
            if a.belief is None
            else _("{thought} (belief {belief})").format(thought=a.text, belief=a.belief)
            for a in self.alternatives[start:]
        )

    @property
    def first_moods(self) -> tuple[Mood, ...]:
        """The moods named at the start (column 2)."""
        return tuple(m for m in self.moods if not m.added_later)

    @property
    def later_moods(self) -> tuple[Mood, ...]:
        """Moods named only at the re-rating (felt now, not at the start)."""
        return tuple(m for m in self.moods if m.added_later)

    def missing(self) -> tuple[str, ...]:
        """Names of the columns still empty, in worksheet order (and the balanced thought's
        belief rating, when the thought is written but not rated), in the interface's language."""
        gaps: list[str] = []
        first = self.first_moods
        if not first or any(m.before is None for m in first):
            gaps.append(COLUMNS[1])
        if not self.thoughts:
            gaps.append(COLUMNS[2])
        if not self.evidence_for:
            gaps.append(COLUMNS[3])
        if not self.evidence_against:
            gaps.append(COLUMNS[4])
        if not self.balanced_thought:
            gaps.append(COLUMNS[5])
        elif self.balanced_belief is None or any(a.belief is None for a in self.more_alternatives):
            gaps.append(BELIEF_GAP)
        if not first or any(m.after is None for m in self.moods):
            gaps.append(COLUMNS[6])
        return tuple(_(gap) for gap in gaps)

    @property
    def complete(self) -> bool:
        return not self.missing()

    def mood_drop(self) -> float | None:
        """How much the moods eased from column 2 to column 7, on average (positive = eased).
        None until at least one mood is rated both times."""
        changes = [m.change for m in self.moods if m.change is not None]
        return -mean(changes) if changes else None

    def mood_summary(self) -> str:
        """“anxious 80→45, ashamed 60→30, relieved (new) 40” (a dash for ratings not given
        yet; a mood named only at the re-rating is marked new)."""
        parts = []
        for mood in self.moods:
            if mood.added_later:
                after = "–" if mood.after is None else str(mood.after)
                # Translators: a mood named only at the re-rating, and its rating.
                parts.append(_("{mood} (new) {after}").format(mood=mood.name, after=after))
                continue
            before = "–" if mood.before is None else str(mood.before)
            after = "–" if mood.after is None else str(mood.after)
            parts.append(f"{mood.name} {before}→{after}")
        return ", ".join(parts)

    def matches(self, query: str) -> bool:
        """True when every word of `query` appears somewhere in the record (any case)."""
        words = query.casefold().split()
        if not words:
            return True
        haystack = "\n".join(
            [
                self.situation,
                *(m.name for m in self.moods),
                *(t.text for t in self.thoughts),
                *self.labels,
                self.evidence_for,
                self.evidence_against,
                *(a.text for a in self.alternatives),
            ]
        ).casefold()
        return all(word in haystack for word in words)


# -- the form's fields ----------------------------------------------------------------------------
# A thought record as the flat text fields of its form (what a draft stores), and back. Field names
# are the form's: situation, mood-N-name, mood-N-before, mood-N-after, later-N-name, later-N-after
# (a mood named at the re-rating), thought-N, hot (the hot thought's N), distortions (standard
# keys, comma-separated), own (own label names, one a line), evidence-for, evidence-against,
# balanced, belief, alt-N (another alternative thought), alt-N-belief.

STEP_OF_FIELD: dict[str, int] = {
    "situation": 1,
    "mood-name": 2,
    "mood-before": 2,
    "thought": 3,
    "hot": 3,
    "distortions": 4,
    "own": 4,
    "evidence-for": 5,
    "evidence-against": 6,
    "balanced": 7,
    "belief": 7,
    "mood-after": 8,
    "later": 8,
}


def step_of(field_name: str) -> int:
    """Which step of the form (1-8) shows a field."""
    parts = field_name.split("-")
    if parts[0] == "mood" and len(parts) == 3:
        return STEP_OF_FIELD[f"mood-{parts[2]}"]
    if parts[0] == "thought":
        return 3
    if parts[0] == "later":
        return 8
    if parts[0] == "alt":
        return 7
    return STEP_OF_FIELD.get(field_name, 1)


def form_fields(record: ThoughtRecord) -> dict[str, str]:
    fields: dict[str, str] = {"situation": record.situation}
    for i, mood in enumerate(record.later_moods):
        fields[f"later-{i}-name"] = mood.name
        fields[f"later-{i}-after"] = "" if mood.after is None else str(mood.after)
    for i, mood in enumerate(record.first_moods):
        fields[f"mood-{i}-name"] = mood.name
        fields[f"mood-{i}-before"] = "" if mood.before is None else str(mood.before)
        fields[f"mood-{i}-after"] = "" if mood.after is None else str(mood.after)
    hot = ""
    for i, thought in enumerate(record.thoughts):
        fields[f"thought-{i}"] = thought.text
        if thought.hot:
            hot = str(i)
    fields["hot"] = hot
    fields["distortions"] = ",".join(record.distortions)
    fields["own"] = "\n".join(record.own_distortions)
    fields["evidence-for"] = record.evidence_for
    fields["evidence-against"] = record.evidence_against
    fields["balanced"] = record.balanced_thought
    fields["belief"] = "" if record.balanced_belief is None else str(record.balanced_belief)
    for i, other in enumerate(record.more_alternatives):
        fields[f"alt-{i}"] = other.text
        fields[f"alt-{i}-belief"] = "" if other.belief is None else str(other.belief)
    return fields


def indexed(fields: dict[str, str], prefix: str) -> list[int]:
    """The N of every `prefix-N…` field, sorted."""
    found: set[int] = set()
    for key in fields:
        if key.startswith(prefix + "-"):
            head = key[len(prefix) + 1 :].split("-", 1)[0]
            if head.isdigit():
                found.add(int(head))
    return sorted(found)


def record_from_fields(
    fields: dict[str, str], *, base: ThoughtRecord | None = None
) -> ThoughtRecord:
    """Build (or update `base`) from the form's text. Raises `ValidationError` whose `field` is
    the form field to show the message at. Rows left completely empty are ignored."""
    moods: list[Mood] = []
    for i in indexed(fields, "mood"):
        name = fields.get(f"mood-{i}-name", "")
        before = fields.get(f"mood-{i}-before", "")
        after = fields.get(f"mood-{i}-after", "")
        if not (name.strip() or before.strip() or after.strip()):
            continue
        try:
            moods.append(Mood(name=name, before=before, after=after))  # type: ignore[arg-type]
        except ValidationError as error:
            raise ValidationError(f"mood-{i}-{error.field}", error.message) from None
    for i in indexed(fields, "later"):
        name = fields.get(f"later-{i}-name", "")
        after = fields.get(f"later-{i}-after", "")
        if not (name.strip() or after.strip()):
            continue
        try:
            moods.append(Mood(name=name, after=after, added_later=True))  # type: ignore[arg-type]
        except ValidationError as error:
            raise ValidationError(f"later-{i}-{error.field}", error.message) from None
    hot = fields.get("hot", "")
    thoughts = tuple(
        AutomaticThought(text=fields.get(f"thought-{i}", ""), hot=str(i) == hot)
        for i in indexed(fields, "thought")
    )
    more: list[AlternativeThought] = []
    for i in indexed(fields, "alt"):
        try:
            more.append(
                AlternativeThought(
                    text=fields.get(f"alt-{i}", ""),
                    belief=fields.get(f"alt-{i}-belief", ""),  # type: ignore[arg-type]
                )
            )
        except ValidationError as error:
            raise ValidationError(
                f"alt-{i}-belief" if error.field == "belief" else f"alt-{i}", error.message
            ) from None
    keys = tuple(k for k in fields.get("distortions", "").split(",") if k.strip())
    own = tuple(fields.get("own", "").split("\n"))
    values: dict[str, object] = dict(
        situation=fields.get("situation", ""),
        moods=tuple(moods),
        thoughts=thoughts,
        distortions=keys,
        own_distortions=own,
        evidence_for=fields.get("evidence-for", ""),
        evidence_against=fields.get("evidence-against", ""),
        balanced_thought=fields.get("balanced", ""),
        balanced_belief=fields.get("belief", ""),
        more_alternatives=tuple(more),
    )
    if base is not None:
        values.update(id=base.id, created_at=base.created_at, updated_at=base.updated_at)
    try:
        return ThoughtRecord(**values)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ValidationError(_form_field(error.field, moods, fields), error.message) from None


def _form_field(model_field: str, moods: list[Mood], fields: dict[str, str]) -> str:
    if model_field.startswith("moods."):
        position = int(model_field.split(".")[1])
        mood = moods[position]
        prefix = "later" if mood.added_later else "mood"
        name = mood.name.casefold()
        matches = [
            i
            for i in indexed(fields, prefix)
            if " ".join(fields.get(f"{prefix}-{i}-name", "").split()).casefold() == name
        ]
        return f"{prefix}-{matches[-1] if matches else 0}-name"
    return {
        "balanced_belief": "belief",
        "thoughts": "hot",
        "distortions": "distortions",
        "own_distortions": "own",
    }.get(model_field, model_field)
