"""`homework-tui measure phq9|gad7` as a person runs it: all answers at once, one per line from a
pipe (as a screen reader user types them), bad answers, item 9, an encrypted and a locked store."""

from __future__ import annotations

from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store
from homework_tui.store.measures import results


def stored(cli) -> list[tuple[str, tuple[int, ...]]]:  # type: ignore[no-untyped-def]
    with Store.open(cli.data, read_only=True) as store:
        return [(r.scale.value, r.answers) for r in results(store)]


def test_answers_at_once_print_total_and_band_and_are_kept(cli) -> None:
    run = cli("measure", "phq9", "--answers", "2,2,2,1,1,2,1,1,0")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == (
        "PHQ-9 total: 12 of 27, moderate (signs of depression worth talking over with your "
        "therapist)."
    )
    assert "Saved." in run.stdout and "harming" not in run.stdout
    again = cli("measure", "PHQ-9", "--answers", "1,1,1,1,1,1,0,0,0")
    assert "PHQ-9 total: 6 of 27, mild" in again.stdout
    assert "Change since your first: down 6 (lower is better)." in again.stdout
    assert stored(cli) == [("phq9", (2, 2, 2, 1, 1, 2, 1, 1, 0)), ("phq9", (1,) * 6 + (0,) * 3)]


def test_one_item_per_line_from_a_pipe(cli) -> None:
    run = cli("measure", "gad7", stdin="1\n1\n2\n0\n1\n0\n3\n")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert lines[2] == "1 of 7. Feeling nervous, anxious, or on edge: "
    assert lines[8] == "7 of 7. Feeling afraid, as if something awful might happen: "
    assert lines[9].startswith("GAD-7 total: 8 of 21, mild")
    assert stored(cli) == [("gad7", (1, 1, 2, 0, 1, 0, 3))]


def test_bad_answers_are_one_line_exit_non_zero_and_store_nothing(cli) -> None:
    for args, stdin, words in (
        (("--answers", "2,2,2"), "", "PHQ-9 has 9 answers, each 0 to 3; 3 were given."),
        (("--answers", "2,2,2,1,1,2,1,1,7"), "", "Answer 9 is “7”; each answer is 0, 1, 2 or 3."),
        ((), "1\nlots\n", "Answer 2 is “lots”; each answer is 0, 1, 2 or 3."),
        ((), "1\n2\n", "the input ended after 2 answers; nothing was stored."),
    ):
        run = cli("measure", "phq9", *args, stdin=stdin)
        assert run.returncode == 2
        assert run.stderr.strip().splitlines() == [run.stderr.strip()]
        assert words in run.stderr
    wrong = cli("measure", "phq 8", "--answers", "0")
    assert wrong.returncode == 2 and "use phq9 or gad7" in wrong.stderr
    assert not cli.data.exists() or stored(cli) == []


def test_item_9_above_zero_shows_the_help_line_and_contacts_and_is_kept(cli) -> None:
    with Store.open(cli.data) as store:
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
            SafetyPlan(contacts=(CrisisContact(name="Sam", number="07700 900123"),))
        )
    run = cli("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert run.returncode == 0
    assert "If you're thinking of harming yourself" in run.stdout
    assert "  Sam: 07700 900123" in run.stdout
    assert stored(cli) == [("phq9", (0,) * 8 + (1,))]


def test_encrypted_store_asks_the_passphrase_first(cli) -> None:
    Store.open(cli.data).close()
    assert cli("encrypt", stdin="hunter2hunter2\nhunter2hunter2\n").returncode == 0
    run = cli("measure", "gad7", stdin="hunter2hunter2\n3\n3\n3\n3\n3\n3\n3\n")
    assert run.returncode == 0, run.stderr
    assert "GAD-7 total: 21 of 21, severe" in run.stdout
    wrong = cli("measure", "gad7", "--answers", "0,0,0,0,0,0,0", stdin="not it\n")
    assert wrong.returncode != 0 and "Nothing was stored." in wrong.stderr


def test_a_locked_store_is_told_and_nothing_is_stored(cli) -> None:
    with Store.open(cli.data):
        run = cli("measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    assert run.returncode == 1
    assert len(run.stderr.strip().splitlines()) == 1 and "Nothing was stored." in run.stderr
    assert stored(cli) == []


def test_read_only_says_so_before_asking(cli) -> None:
    Store.open(cli.data).close()
    run = cli("--read-only", "measure", "phq9", stdin="1\n")
    assert run.returncode == 1 and "read-only" in run.stderr and "1 of 9" not in run.stdout
    assert stored(cli) == []
