"""What of the person's own writing goes into a report: the one rule for Markdown and CSV.

The cognitive work (a thought record's evidence for and against) is what the therapist reviews, so
it is always in. Journal writing, the notes written after an exposure and the safety plan are the
person's to share: each comes in only when they choose it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextChoices:
    """The person's own writing that goes into the report only when they choose it."""

    journal_text: bool = False  # the journal's writing in full (titles are always shown)
    exposure_notes: bool = False  # the notes written after each exposure
    safety_plan: bool = False  # the person's safety plan from Help now, at the end

    @classmethod
    def everything(cls) -> TextChoices:
        """Journal writing and exposure notes (what `--full-text` has always meant); the safety
        plan only ever on its own choice."""
        return cls(journal_text=True, exposure_notes=True)

    def left_out(self, source: str) -> frozenset[str]:
        """The CSV columns of `source` (a table's name) that stay out of the report."""
        if source == "journal" and not self.journal_text:
            return frozenset({"Writing"})
        if source == "exposures" and not self.exposure_notes:
            return frozenset({"Notes"})
        return frozenset()


NOTHING_OWN = TextChoices()
"""The default: evidence in, journal writing and exposure notes left out."""  # i18n: not shown
