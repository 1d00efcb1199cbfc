"""Drafts on disk: every form's unsaved typing, kept until the record is saved or the person lets
it go. Any form can use it; a draft is keyed by the form's name and the record it edits.

`Drafts` is the table; `DraftKeeper` is what a form holds while it is open: it is given the fields
as often as the person types (from any thread), skips writes that would change nothing, and never
lets an older snapshot overwrite a newer one when two saves race.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from homework_tui.model.draft import Draft
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository

TABLE = "drafts"


class Drafts:
    def __init__(self, store: Store) -> None:
        self.repo: Repository[Draft] = Repository(store, TABLE, Draft)

    def save(self, draft: Draft) -> Draft:
        return self.repo.save(draft)

    def get(self, draft_id: str) -> Draft | None:
        return self.repo.get(draft_id)

    def pending(self, form: str | None = None) -> list[Draft]:
        """Drafts with something typed in them, most recently touched first."""
        found = [
            d
            for d in self.repo.all(key=lambda d: d.updated_at)
            if (form is None or d.form == form) and not d.is_empty
        ]
        return found

    def for_record(self, form: str, record_id: str) -> Draft | None:
        """The draft of edits to a saved record, if there is one."""
        for draft in self.pending(form):
            if draft.record_id == record_id:
                return draft
        return None

    def discard(self, draft_id: str) -> bool:
        """The person chose to let this draft go: it moves to the trash (restorable)."""
        return self.repo.delete(draft_id)

    def restore(self, draft_id: str) -> bool:
        return self.repo.restore(draft_id)

    def finish(self, draft_id: str) -> None:
        """The record was saved, so the draft holds nothing it does not: remove it for good."""
        if self.repo.get(draft_id) is not None:
            self.repo.delete(draft_id)
        self.repo.purge(draft_id)

    def forget_empty(self) -> int:
        """Remove drafts with nothing typed in them; returns how many."""
        count = 0
        for draft in self.repo.all():
            if draft.is_empty:
                self.finish(draft.id)
                count += 1
        return count


class DraftKeeper:
    """The draft of one open form. Thread-safe: `keep` may be called from worker threads."""

    def __init__(self, drafts: Drafts, draft: Draft) -> None:
        self.drafts = drafts
        self._lock = threading.Lock()
        self._draft = draft
        self._saved: Draft | None = drafts.get(draft.id)
        self._latest = 0  # sequence number of the newest snapshot written
        self._sequence = 0
        self._seq_lock = threading.Lock()

    @property
    def draft(self) -> Draft:
        return self._draft

    @property
    def id(self) -> str:
        return self._draft.id

    @property
    def on_disk(self) -> Draft | None:
        """The draft as last written to disk (None: none is there)."""
        return self._saved

    def stamp(self) -> int:
        """A number for a snapshot taken now; call it on the thread that reads the form."""
        with self._seq_lock:
            self._sequence += 1
            return self._sequence

    def keep(self, fields: dict[str, str], place: str = "", *, sequence: int | None = None) -> bool:
        """Write this snapshot of the form unless a newer one was written already or it is what
        is on disk. An empty new form writes nothing. Returns True when it wrote."""
        seq = self.stamp() if sequence is None else sequence
        with self._lock:
            if seq <= self._latest:
                return False
            candidate = replace(self._draft, fields=dict(fields), place=place)
            if candidate.same_content(self._saved) or (self._saved is None and candidate.is_empty):
                self._latest = seq
                return False
            saved = self.drafts.save(candidate)
            self._draft = saved
            self._saved = saved
            self._latest = seq
            return True

    def finish(self) -> None:
        """The record is saved: the draft is no longer needed."""
        with self._lock:
            self._latest = 1 << 62
            if self._saved is not None:
                self.drafts.finish(self._draft.id)
                self._saved = None

    def discard(self) -> None:
        """The person let this draft go: it is moved to the trash."""
        with self._lock:
            self._latest = 1 << 62
            if self._saved is not None:
                self.drafts.discard(self._draft.id)
                self._saved = None
