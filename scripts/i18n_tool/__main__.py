"""scripts/i18n: see that script for the commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scripts.i18n_tool import catalogs
from scripts.i18n_tool.parts import LANGUAGES, PARTS, ROOT, files, po_path
from scripts.i18n_tool.unmarked import unmarked_in


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/i18n")
    parser.add_argument(
        "command",
        choices=["extract", "update", "compile", "check", "todo", "fill", "unmarked", "consistent"],
    )
    parser.add_argument("--part", choices=sorted(PARTS), action="append")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    parts = args.part or list(PARTS)
    languages = args.lang or list(LANGUAGES)
    status = 0
    if args.command == "consistent":
        for lang in languages:
            print(f"{lang}: {catalogs.make_consistent(lang)} translations made the same")
        return 0
    if args.command == "check" and not args.part:
        for lang in languages:
            for problem in catalogs.inconsistent(lang):
                print(problem)
                status = 1
    for part in parts:
        if args.command == "extract":
            print(catalogs.write_template(part).relative_to(ROOT))
        elif args.command == "update":
            catalogs.write_template(part)
            for lang in languages:
                print(catalogs.update(part, lang).relative_to(ROOT))
                catalogs.compile_part(part, lang)  # its header changed with it
        elif args.command == "compile":
            for lang in languages:
                print(catalogs.compile_part(part, lang).relative_to(ROOT))
        elif args.command in ("check", "unmarked"):
            for path in files(part):
                for found in unmarked_in(path):
                    print(str(found).replace(f"{ROOT}/", ""))
                    status = 1
            if args.command == "check":
                for lang in languages:
                    for problem in catalogs.problems(part, lang):
                        print(problem)
                        status = 1
        elif args.command == "todo":
            for lang in languages:
                todo = {}
                for m in catalogs.read(po_path(part, lang), lang):
                    if m.id and (m.fuzzy or not all(catalogs._strings(m.string)) or not m.string):
                        key = m.id if isinstance(m.id, str) else m.id[0]
                        if m.context:
                            key = f"{m.context}\u0004{key}"
                        todo[key] = m.id if isinstance(m.id, str) else list(m.id)
                print(json.dumps(todo, ensure_ascii=False, indent=1))
        elif args.command == "fill":
            (lang,) = languages
            given = json.loads(Path(args.file).read_text(encoding="utf-8"))
            path = po_path(part, lang)
            catalog = catalogs.read(path, lang)
            filled = 0
            for m in catalog:
                if not m.id:
                    continue
                key = m.id if isinstance(m.id, str) else m.id[0]
                if m.context:
                    key = f"{m.context}\u0004{key}"
                if key in given:
                    value = given[key]
                    m.string = tuple(value) if isinstance(value, list) else value
                    m.flags.discard("fuzzy")
                    filled += 1
            with path.open("wb") as handle:
                catalogs.write_po(
                    handle, catalog, ignore_obsolete=True, sort_by_file=True, width=100
                )
            catalogs.compile_part(part, lang)
            print(f"{path.relative_to(ROOT)}: {filled} filled")
    return status


if __name__ == "__main__":
    sys.exit(main())
