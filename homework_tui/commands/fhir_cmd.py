"""`homework-tui export --format fhir [--out FILE]`: the PHQ-9 and GAD-7 results as a FHIR R4
Bundle (JSON) for a clinic's record system. Printed, or written privately (mode 0600) to FILE."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.i18n import _, ngettext
from homework_tui.model.base import visible


def run_fhir(args: argparse.Namespace) -> int:
    from homework_tui.model.base import now
    from homework_tui.model.measures.fhir import fhir_bundle
    from homework_tui.report.files import write_private
    from homework_tui.store import StoreError
    from homework_tui.store.measures import results

    try:
        with opened_store(args, read_only=True) as store:
            found = results(store)
    except StoreError as error:
        return fail(str(error))
    text = json.dumps(fhir_bundle(found, made=now()), indent=2, ensure_ascii=False) + "\n"
    if not args.out:
        sys.stdout.write(text)
        return 0
    out = Path(args.out).expanduser()
    try:
        write_private(out, text.encode("utf-8"))
    except OSError as error:
        return fail(
            _("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error)
        )
    count = len(found)
    print(
        ngettext(
            "Saved {n} questionnaire result as FHIR to {file}",
            "Saved {n} questionnaire results as FHIR to {file}",
            count,
        ).format(n=count, file=visible(str(out))),
        file=sys.stderr,
    )
    return 0
