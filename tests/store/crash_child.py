"""Child process for the crash-safety test: writes every kind of record forever, until killed.

Each write goes through the code the app uses for that kind (repositories, singletons, the draft
keeper, the plan import's one-batch write, the breathing patterns file). Before each write the child
prints `op <json>`: the (table, id) keys it will touch. After the write returns it prints
`ack <json>`: those keys' documents as they now are (None: gone). The parent kills it with SIGKILL
at a random moment and checks that every acknowledged write is on disk, and that the write under
way is there whole or not at all.

The breathing patterns live in the config folder's `patterns.toml`, not in the store; they are
reported as the pseudo-table `patterns` keyed by lower-case name."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
from tinydb.table import Document

from homework_tui.model.activity import Kind
from homework_tui.model.base import now
from homework_tui.model.draft import Draft
from homework_tui.model.experiment import Experiment
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff, PlanInfo
from homework_tui.model.plan_toml import PlanFile
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.model.settings import Settings
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Repository, Singleton, storage
from homework_tui.store.db import Store
from homework_tui.store.drafts import Drafts, DraftKeeper
from homework_tui.store.plan import import_plan

# Compact every few writes, with a large snapshot, so that many kills land inside a compaction.
storage.JournaledStorage.should_compact = lambda self: self.journal_bytes > 4096  # type: ignore
BALLAST = "b" * 2_000_000
TEXT = "Felt it in my chest ✓ [bold]really[/bold] 🙂"
PATTERNS = "patterns.toml"

# What each kind of record is, for the parent: table → model class (patterns: its own file).
KINDS: dict[str, Any] = {
    "thought_records": ThoughtRecord,
    "journal": JournalEntry,
    "ladders": Ladder,
    "exposures": Exposure,
    "experiments": Experiment,
    "plan": Assignment,
    "plan_info": PlanInfo,
    "plan_checkoffs": Checkoff,
    "relaxation_sessions": RelaxationSession,
    "drafts": Draft,
    "settings": Settings,
    "safety": SafetyPlan,
    "relax_choice": RelaxChoice,
}
SINGLETONS = {"plan_info", "settings", "safety", "relax_choice"}


def say(kind: str, payload: object) -> None:
    sys.stdout.write(f"{kind} " + orjson.dumps(payload).decode() + "\n")
    sys.stdout.flush()


class Writer:
    def __init__(self, store: Store, config: Path, rng: random.Random, seed: int) -> None:
        self.store = store
        self.config = config
        self.rng = rng
        self.seed = seed
        self.n = 0
        self.repos = {
            t: Repository(store, t, cls) for t, cls in KINDS.items() if t not in SINGLETONS
        }

    def docs(self, table: str) -> dict[str, Any]:
        return self.store.storage.read().get(table, {})

    def pick(self, table: str) -> str | None:
        live = sorted(k for k, d in self.docs(table).items() if "_trashed_at" not in d)
        return self.rng.choice(live) if live else None

    def text(self) -> str:
        return f"{TEXT} {self.seed}-{self.n} " + "x" * self.rng.randint(0, 300)

    # -- one write of each kind: (keys it touches, the write) --------------------------------------

    def record(self, table: str) -> tuple[list[list[str]], Any]:
        repo = self.repos[table]
        existing = self.pick(table)
        roll = self.rng.random()
        if existing is not None and roll < 0.15:
            return [[table, existing]], lambda: repo.delete(existing)
        if existing is not None and roll < 0.45:
            current = repo.get(existing)
            if current is not None:
                changed = self.change(current)
                return [[table, existing]], lambda: repo.save(changed)
        new = self.new(table)
        return [[table, new.id]], lambda: repo.add(new)

    def new(self, table: str) -> Any:
        t, day = self.text(), date(2026, 1, 1) + timedelta(days=self.n % 300)
        if table == "thought_records":
            return ThoughtRecord(
                situation=t,
                moods=(Mood(name="anxious", before=80, after=40),),
                thoughts=(AutomaticThought(text=t, hot=True),),
            )
        if table == "journal":
            return JournalEntry(title=f"Day {self.n}", text=t, mood=self.rng.randint(0, 10))
        if table == "ladders":
            return Ladder(name=f"Ladder {self.n}", steps=(Step(description=t[:100], suds=30),))
        if table == "exposures":
            return Exposure(
                ladder_id=self.pick("ladders") or "ladder",
                step_id=f"step-{self.n}",
                step_description=t[:100],
                started_at=now(),
                predicted=60,
                before=30,
                peak=50,
                end=20,
            )
        if table == "experiments":
            return Experiment(belief=t, belief_rating=70, what="Ask one question")
        if table == "plan_checkoffs":
            return Checkoff(assignment_id=self.pick("plan") or "none", day=day, note=t[:100])
        if table == "relaxation_sessions":
            return RelaxationSession(
                pattern="resonance",
                minutes=5.0,
                tension_before=60,
                tension_after=30,
                completed=True,
                note=t[:100],
            )
        raise AssertionError(table)

    def change(self, record: Any) -> Any:
        if isinstance(record, Ladder):
            step = Step(description=f"Step {self.n}", suds=self.rng.randint(0, 100))
            return replace(record, steps=(*record.steps, step)[-5:])
        field = {
            ThoughtRecord: "situation",
            JournalEntry: "text",
            Exposure: "notes",
            Experiment: "outcome",
            Checkoff: "note",
            RelaxationSession: "note",
        }
        name = field[type(record)]
        return replace(record, **{name: f"updated {self.n} {TEXT}"})

    def plan_import(self) -> tuple[list[list[str]], Any]:
        """A plan file imported: new assignments, the old ones ended, the plan's details; one
        batch, all or nothing."""
        start = date(2026, 1, 1) + timedelta(days=self.n)
        new = tuple(
            Assignment(
                kind=Kind.BREATHING,
                target="resonance",
                minutes=10,
                start=start,
                source=f"plan-{self.seed}-{self.n}-{i}",
            )
            for i in range(2)
        )
        plan = PlanFile(PlanInfo(title=f"Weeks {self.n}", therapist="Dr Okafor"), new)
        keys = [["plan", a.id] for a in new] + [["plan_info", "plan_info"]]
        live = [k for k, d in self.docs("plan").items() if "_trashed_at" not in d]
        keys += [["plan", k] for k in live]  # ended or trashed by replace_others
        return keys, lambda: import_plan(self.store, plan, replace_others=True, today=start)

    def singleton(self, table: str) -> tuple[list[list[str]], Any]:
        n, doc = self.n, Singleton(self.store, table, KINDS[table], KINDS[table])
        value: Any
        if table == "settings":
            value = Settings(
                speech_rate=80 + n % 180, auto_lock=n % 2 == 0, auto_lock_minutes=1 + n % 120
            )
        elif table == "safety":
            value = SafetyPlan(contacts=(CrisisContact(name=f"Anna {n}", number=str(n)),))
        else:
            value = RelaxChoice(session="box", minutes=float(1 + n % 30))
        return [[table, table]], lambda: doc.save(value)

    def draft(self) -> tuple[list[list[str]], Any]:
        drafts = Drafts(self.store)
        existing = self.pick("drafts")
        if existing is not None and self.rng.random() < 0.2:
            keeper = DraftKeeper(drafts, drafts.get(existing) or Draft(form="journal"))
            return [["drafts", existing]], keeper.finish
        draft = (drafts.get(existing) if existing and self.rng.random() < 0.5 else None) or Draft(
            form=self.rng.choice(["journal", "thought_record", "exposure", "experiment"])
        )
        keeper = DraftKeeper(drafts, draft)
        fields = {"text": self.text(), "mood": str(self.n % 11)}
        return [["drafts", draft.id]], lambda: keeper.keep(fields, place="text")

    def pattern(self) -> tuple[list[list[str]], Any]:
        from audio.breathing import custom_pattern, save_custom_pattern

        name = f"Calm {self.n % 7}"
        made = custom_pattern(name, 2 + self.n % 5, 4 + self.n % 4)
        return [["patterns", name.lower()]], lambda: save_custom_pattern(
            self.config / PATTERNS, made
        )

    def one(self) -> tuple[list[list[str]], Any]:
        self.n += 1
        kind = self.rng.choice([*self.repos, "plan", "plan", "singleton", "drafts", "patterns"])
        if kind == "plan":
            return self.plan_import()
        if kind == "singleton":
            return self.singleton(self.rng.choice(sorted(SINGLETONS - {"plan_info"})))
        if kind == "drafts":
            return self.draft()
        if kind == "patterns":
            return self.pattern()
        return self.record(kind)


def patterns_now(config: Path) -> dict[str, Any]:
    from audio.breathing import load_custom_patterns

    found = load_custom_patterns(config / PATTERNS)
    return {k: [float(p.inhale), float(p.exhale)] for k, p in found.items()}


def main() -> None:
    folder, config, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    passphrase = sys.argv[4] if len(sys.argv) > 4 else None
    store = Store.open(folder, passphrase=passphrase)
    if not store.storage.read().get("ballast"):
        store.table("ballast").insert(Document({"text": BALLAST}, doc_id="ballast"))
    writer = Writer(store, config, random.Random(seed), seed)
    while True:
        keys, write = writer.one()
        say("op", keys)
        write()
        now: dict[str, dict[str, Any]] = {}
        for table, key in keys:
            if table == "patterns":
                value = patterns_now(config).get(key)
            else:
                value = writer.docs(table).get(key)
            now.setdefault(table, {})[key] = value
        say("ack", now)


if __name__ == "__main__":
    main()
