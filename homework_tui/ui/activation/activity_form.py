"""Planning an activity, or writing down one done: what, which day and part of the day, the life
area or value it serves, done or not, and (once done) mastery, pleasure and mood from 0 to 10.
Dismisses with the saved activity, or None."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.activation.form import OUTCOME_WORDS, activity_entry
from homework_tui.model.base import now
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.wellbeing import activities
from homework_tui.ui.entry_form import EntryField, EntryForm

FORM = "activity"


class ActivityForm(EntryForm[ActivityEntry]):
    FORM = FORM
    SHEET_TITLE = N_("Activities")
    WHAT = N_("activity")
    INTRO = N_(
        "Small and specific works best: “walk to the shop”, not “get fit”. Once the time comes, "
        "mark it done (or not; that is worth knowing too) and rate it."
    )
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = (
        EntryField("what", N_("What")),
        EntryField("day", N_("Day"), N_("year-month-day")),
        EntryField(
            "part",
            N_("Part of the day"),
            # Translators: the words the app reads (in English): keep them in English.
            N_("morning, afternoon, evening, night"),
        ),
        EntryField("area", N_("Life area or value"), N_("e.g. relationships, work or study")),
        EntryField("outcome", N_("Done?"), OUTCOME_WORDS),
        EntryField("mastery", N_("Mastery"), N_("0–10, sense of achievement"), kind="rating"),
        EntryField("pleasure", N_("Pleasure"), N_("0–10, enjoyment"), kind="rating"),
        EntryField("mood", N_("Mood at the time"), "0–10", kind="rating"),
        EntryField("note", N_("Note"), N_("optional"), kind="text"),
    )

    def __init__(
        self,
        record: ActivityEntry | None,
        saved: dict[str, str],
        draft: Draft | None = None,
        *,
        planned_ahead: bool = True,
    ) -> None:
        super().__init__(record, saved, draft)
        self.planned_ahead = record.planned_ahead if record else planned_ahead
        if draft is not None and draft.fields.get("_logged") == "yes":
            self.planned_ahead = False

    @staticmethod
    def fields_of(
        entry: ActivityEntry | None, *, day: date | None = None, logged: bool = False
    ) -> dict[str, str]:
        if entry is None:
            moment = now()
            return {
                "day": (day or moment.date()).isoformat(),
                "part": PartOfDay.of_hour(moment.hour).label.lower() if logged else "",
                "outcome": (
                    pgettext("activity outcome", "done")
                    if logged
                    else pgettext("activity outcome", "planned")
                ),
            }
        return {
            "what": entry.what,
            "day": entry.day.isoformat(),
            "part": entry.part.label.lower(),
            "area": entry.area,
            "outcome": entry.outcome.label.lower(),
            "mastery": "" if entry.mastery is None else str(entry.mastery),
            "pleasure": "" if entry.pleasure is None else str(entry.pleasure),
            "mood": "" if entry.mood is None else str(entry.mood),
            "note": entry.note,
        }

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = (
            _("editing")
            if self.record
            else (_("plan an activity") if self.planned_ahead else _("something you did"))
        )

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        fields, extra = super().draft_snapshot()
        if not self.planned_ahead:
            fields["_logged"] = "yes"
        return fields, extra

    def build(self, fields: dict[str, str]) -> ActivityEntry:
        entry = activity_entry(fields, planned_ahead=self.planned_ahead)
        if self.record is not None:
            entry = replace(
                entry,
                id=self.record.id,
                created_at=self.record.created_at,
                updated_at=self.record.updated_at,
            )
        return entry

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        return activities(store).save(record)

    def saved_note(self, record: Any) -> str:
        if record.done:
            return _("Saved as done. Well done for doing it.")
        if record.outcome is Outcome.PLANNED:
            return _("Activity saved.")
        return _("Saved as not done.")
