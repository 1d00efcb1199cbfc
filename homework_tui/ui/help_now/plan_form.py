"""Writing the safety plan's own steps (Stanley & Brown): warning signs, what I can do on my own,
people and places that take my mind off things, people I can ask for help, making my
surroundings safer, my reasons for living, and my own mood words for the calm line. The
professionals and crisis lines are the contacts on Help now itself.

Draft-safe (`TextSheetForm`); dismisses with the saved plan (contacts as stored), or None."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homework_tui.i18n import N_, _
from homework_tui.model.safety import WRITTEN_STEPS, SafetyPlan, parse_mood_words
from homework_tui.store import Singleton, Store
from homework_tui.ui.text_sheet import SheetField, TextSheetForm

if TYPE_CHECKING:
    from homework_tui.model.draft import Draft

FORM = "safety_plan"
TABLE = "safety"
MOOD_WORDS = "mood_words"
INTRO = N_(
    "Your plan for when things get hard, in your own words. Write as much or as little as "
    "helps; you can change it any time, and it stays on this computer. Step 5, the people and "
    "services to call, is on Help now itself."
)


def safety_singleton(store: Store) -> Singleton[SafetyPlan]:
    return Singleton(store, TABLE, SafetyPlan, SafetyPlan)


def plan_fields(plan: SafetyPlan) -> dict[str, str]:
    fields = {step.key: plan.step_text(step) for step in WRITTEN_STEPS}
    fields[MOOD_WORDS] = ", ".join(plan.mood_words)
    return fields


class SafetyPlanForm(TextSheetForm[SafetyPlan]):
    FORM = FORM
    SHEET_TITLE = N_("Your safety plan")
    INTRO = INTRO
    FIELDS = (
        *(SheetField(s.key, f"{s.number} · {s.title}", s.hint) for s in WRITTEN_STEPS),
        SheetField(
            MOOD_WORDS,
            N_("Moods that should remind me of this plan"),
            N_(
                "Besides hopeless, worthless, empty and the like: your own words, with commas "
                "between. Rated 70 or more in a thought record, they bring a short reminder of F2."
            ),
            lines=False,
        ),
    )
    LEAVE_TITLE = N_("Leave your safety plan?")
    WHAT = N_("safety plan")

    def __init__(self, saved: dict[str, str], draft: Draft | None = None) -> None:
        super().__init__(saved, draft)
        # The sheet's words in the language of the moment it opens (the class's are English).
        self.SHEET_TITLE = _(SafetyPlanForm.SHEET_TITLE)  # type: ignore[misc]
        self.INTRO = _(INTRO)  # type: ignore[misc]
        self.LEAVE_TITLE = _(SafetyPlanForm.LEAVE_TITLE)  # type: ignore[misc]
        self.FIELDS = tuple(  # type: ignore[misc]
            SheetField(
                field.key,
                f"{step.number} · {_(step.title)}" if step else _(field.title),
                _(field.hint),
                lines=field.lines,
            )
            for field, step in zip(SafetyPlanForm.FIELDS, (*WRITTEN_STEPS, None), strict=True)
        )

    def build(self, fields: dict[str, str]) -> SafetyPlan:
        steps = {step.key: fields.get(step.key, "") for step in WRITTEN_STEPS}
        words = parse_mood_words(fields.get(MOOD_WORDS, ""))
        return SafetyPlan(mood_words=words, **steps)  # type: ignore[arg-type]

    def persist(self, store: Store, record: SafetyPlan, *extra: object) -> SafetyPlan:
        """The written steps go in beside the contacts as they are on disk now."""
        singleton = safety_singleton(store)
        return singleton.save(singleton.load().with_steps(record))

    def saved_note(self, record: SafetyPlan) -> str:
        return _("Your safety plan is saved. It is the first thing on Help now (F2).")
