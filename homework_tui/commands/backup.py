"""`homework-tui export` and `homework-tui import`: a full backup out, merged back in by id."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from homework_tui.commands.common import fail, opened_store
from homework_tui.commands.report_cmds import add_report_options, run_report
from homework_tui.i18n import _
from homework_tui.model.base import visible


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser(
        "export",
        help=_("write your data out (a full JSON backup, or a report for your next session)"),
        description=_(
            "Write all your data as one JSON file you can keep or move to another "
            "computer, or (markdown, csv) a report for your next session. It is not encrypted: "
            "keep it somewhere private."
        ),
    )
    export.add_argument(
        "--format",
        choices=["json", "markdown", "csv", "fhir"],
        default="json",
        # Translators: json, markdown, csv and fhir are the format names to type: keep them.
        help=_(
            "json: a full backup; markdown, csv: a report; fhir: all your questionnaire results "
            "as a FHIR R4 Bundle for a clinic's records"
        ),
    )
    export.add_argument("--out", metavar="FILE", help=_("file to write (default: print it)"))
    add_report_options(export)
    export.set_defaults(run=run_export)

    restore = sub.add_parser(
        "import",
        help=_("merge a backup made by `export` into your data"),
        description=_(
            "Merge a backup into your data by record. Importing the same file twice "
            "adds nothing; a record you have changed since is kept unless the file's is newer."
        ),
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    if args.format == "fhir":
        from homework_tui.commands.fhir_cmd import run_fhir

        return run_fhir(args)
    if args.format != "json":
        return run_report(args)
    from homework_tui.store import StoreError
    from homework_tui.store.backup_io import export_bytes

    try:
        with opened_store(args, read_only=True) as store:
            data = export_bytes(store)
    except StoreError as error:
        return fail(str(error))
    if not args.out:
        sys.stdout.buffer.write(data + b"\n")
        return 0
    out = Path(args.out).expanduser()
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data + b"\n")
    except OSError as error:
        return fail(
            _("cannot write {file}: {reason}").format(file=out, reason=error.strerror or error)
        )
    print(_("Saved a full backup to {file}").format(file=visible(str(out))), file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from homework_tui.store import StoreError
    from homework_tui.store.backup_io import BadBackup, import_file

    try:
        with opened_store(args) as store:
            result = import_file(store, Path(args.file).expanduser())
    except (StoreError, BadBackup) as error:
        return fail(str(error))
    # Translators: {result} says what was added and updated (e.g. "3 added, 1 updated").
    print(_("Imported {file}: {result}.").format(file=visible(args.file), result=result))
    return 0
