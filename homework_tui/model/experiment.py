"""Behavioural experiments (the Oxford Cognitive Therapy Centre record, see CLINICAL.md).

Planned first: the target belief (how strongly believed, 0-100), an optional alternative belief,
the experiment (what, when, where), predictions, anticipated problems and how to handle them.
Later, once tried: what actually happened, what was learned, the beliefs re-rated, and a modified
belief. An experiment without an outcome is *waiting*: `awaiting_outcome` lists those for Today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from homework_tui.i18n import N_, _
from homework_tui.model.base import (
    Entity,
    ValidationError,
    clean_text,
    now,
    optional_rating,
)

TABLE = "experiments"

# The worksheet's fields, in order, with the words the form uses (English, marked for
# translation: show them with `_()`).
PLAN_FIELDS: tuple[tuple[str, str], ...] = (
    ("belief", N_("The belief I want to test")),
    ("belief_rating", N_("How much I believe it (0-100)")),
    ("alternative", N_("An alternative belief (optional)")),
    ("alternative_rating", N_("How much I believe the alternative (0-100)")),
    ("what", N_("The experiment: what I will do")),
    ("when", N_("When")),
    ("where", N_("Where")),
    ("predictions", N_("What I predict will happen")),
    ("problems", N_("What might get in the way")),
    ("handling", N_("How I could handle that")),
)
OUTCOME_FIELDS: tuple[tuple[str, str], ...] = (
    ("outcome", N_("What actually happened")),
    ("learned", N_("What I learned")),
    ("belief_after", N_("How much I believe the original belief now (0-100)")),
    ("alternative_after", N_("How much I believe the alternative now (0-100)")),
    ("modified_belief", N_("A modified belief, in my own words")),
)
RATINGS = ("belief_rating", "alternative_rating", "belief_after", "alternative_after")
LINES = ("belief", "alternative", "when", "where")


@dataclass(frozen=True, kw_only=True)
class Experiment(Entity):
    belief: str
    belief_rating: int | None = None
    alternative: str = ""
    alternative_rating: int | None = None
    what: str = ""
    when: str = ""
    where: str = ""
    predictions: str = ""
    problems: str = ""
    handling: str = ""
    outcome: str = ""
    learned: str = ""
    belief_after: int | None = None
    alternative_after: int | None = None
    modified_belief: str = ""
    completed_at: datetime | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        for name in (*(n for n, _label in PLAN_FIELDS), *(n for n, _label in OUTCOME_FIELDS)):
            if name in RATINGS:
                continue
            multiline = name not in LINES
            text = clean_text(str(getattr(self, name)), multiline=multiline).strip()
            set_(self, name, text if multiline else " ".join(text.split()))
        if not self.belief:
            raise ValidationError(
                "belief",
                _(
                    "Please write the belief you want to test, in your own words — for example "
                    "“If I speak up, people will think I'm stupid.”"
                ),
            )
        labels = {
            "belief_rating": _("How much you believe it"),
            "alternative_rating": _("How much you believe the alternative"),
            "belief_after": _("How much you believe it now"),
            "alternative_after": _("How much you believe the alternative now"),
        }
        for name, label in labels.items():
            set_(self, name, optional_rating(name, getattr(self, name), label))
        if not self.alternative:
            for name in ("alternative_rating", "alternative_after"):
                if getattr(self, name) is not None:
                    raise ValidationError(
                        name,
                        _(
                            "You rated an alternative belief — please write the alternative "
                            "too, or clear the rating."
                        ),
                    )
        if self.outcome and self.completed_at is None:
            set_(self, "completed_at", now())
        if not self.outcome and self.completed_at is not None:
            set_(self, "completed_at", None)

    @property
    def done(self) -> bool:
        """Tried and written up: the outcome is there."""
        return bool(self.outcome)

    @property
    def belief_change(self) -> int | None:
        """Re-rated minus first rating of the target belief (negative: believed less now)."""
        if self.belief_rating is None or self.belief_after is None:
            return None
        return self.belief_after - self.belief_rating

    def missing_plan(self) -> tuple[str, ...]:
        """Labels of plan fields still empty (the alternative is optional), translated."""
        optional = {"alternative", "alternative_rating"}
        return tuple(
            _(label)
            for name, label in PLAN_FIELDS
            if name not in optional and getattr(self, name) in ("", None)
        )


def form_fields(experiment: Experiment) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, _label in (*PLAN_FIELDS, *OUTCOME_FIELDS):
        value = getattr(experiment, name)
        fields[name] = "" if value is None else str(value)
    return fields


def experiment_from_fields(fields: dict[str, str], *, base: Experiment | None = None) -> Experiment:
    values: dict[str, object] = {
        name: fields.get(name, "") for name, _label in (*PLAN_FIELDS, *OUTCOME_FIELDS)
    }
    if base is not None:
        return replace(base, **values)  # type: ignore[arg-type]
    return Experiment(**values)  # type: ignore[arg-type]


def awaiting_outcome(experiments: Iterable[Experiment]) -> list[Experiment]:
    """Experiments planned but not yet written up, oldest first (for Today)."""
    return sorted((e for e in experiments if not e.done), key=lambda e: e.created_at)


def completed(experiments: Iterable[Experiment]) -> list[Experiment]:
    """Experiments with an outcome, most recently completed first."""
    done = [e for e in experiments if e.done]
    return sorted(done, key=lambda e: e.completed_at or e.updated_at, reverse=True)
