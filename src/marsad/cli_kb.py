"""``marsad kb ...``: search, show and validate the actor knowledge base; import from Wikidata."""

from __future__ import annotations

import argparse
import datetime
from collections import Counter
from pathlib import Path

import yaml

from marsad.kb import KBEntry, KnowledgeBase, check_dirs
from marsad.kb.wikidata import Mapping, import_dump


def add_kb_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kb search|show|validate|import-wikidata`` on the main CLI's subparsers."""
    kb = subparsers.add_parser("kb", help="actor knowledge base: search, show, validate, import")
    commands = kb.add_subparsers(dest="kb_command", required=True)

    search = commands.add_parser("search", help="entries called NAME (Arabic or Latin, normalized)")
    search.add_argument("name")
    _add_kb_dirs(search)
    search.set_defaults(func=_search)

    show = commands.add_parser("show", help="one entry with its names and roles over time")
    show.add_argument("id")
    _add_kb_dirs(show)
    show.set_defaults(func=_show)

    validate = commands.add_parser("validate", help="check a directory of KB files (with the shipped data)")
    validate.add_argument("dir", type=Path)
    validate.set_defaults(func=_validate)

    wikidata = commands.add_parser("import-wikidata", help="write people/organizations YAML from a dump")
    wikidata.add_argument("dump", type=Path, help="Wikidata JSON dump, one entity per line")
    wikidata.add_argument("out", type=Path, help="YAML file to write (put it in a --kb directory)")
    wikidata.add_argument("--since", help="drop roles that ended before this ISO date, e.g. 2010")
    wikidata.add_argument("--mapping", type=Path, help="position/class mapping YAML (default: shipped)")
    wikidata.set_defaults(func=_import_wikidata)


def _add_kb_dirs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kb", dest="kb_dirs", action="append", type=Path, default=[],
                        help="extra KB directory (repeatable): same id replaces, new ids add")


def _search(args: argparse.Namespace) -> int:
    kb = KnowledgeBase.load(args.kb_dirs)
    hits = kb.search(args.name)
    today = datetime.date.today()
    for entry in hits:
        role = kb.role_on(entry, today) if entry.kind == "person" else None
        suffix = f"  [{role.title or role.office}]" if role else ""
        print(f"{entry.id}\t{entry.kind}\t{entry.country or '-'}\t{entry.name}{suffix}")
    if not hits:
        print(f"no entry called {args.name!r}")
    return 0 if hits else 1


def _show(args: argparse.Namespace) -> int:
    kb = KnowledgeBase.load(args.kb_dirs)
    entry = kb.entries.get(args.id)
    if entry is None:
        print(f"no entry with id {args.id!r}")
        return 1
    print(_describe(entry))
    return 0


def _describe(entry: KBEntry) -> str:
    where = f"country: {entry.country or '-'}  sector: {entry.sector or '-'}"
    lines = [f"{entry.id}  {entry.name}",
             f"  kind: {entry.kind}  type: {entry.type}  {where}",
             f"  defined at: {entry.origin}",
             f"  aliases: {'، '.join(entry.aliases)}"]
    if entry.capitals:
        lines.append(f"  capitals: {'، '.join(entry.capitals)}")
    if entry.adjectives:
        lines.append(f"  adjectives: {'، '.join(entry.adjectives)}")
    if entry.roles:
        lines.append("  roles:")
        for role in sorted(entry.roles, key=lambda r: r.start or ""):
            where = role.org or role.country or "-"
            lines.append(f"    {role.start or '?'} .. {role.end or 'now'}  {role.office} ({where})  {role.title or ''}")
    return "\n".join(lines)


def _validate(args: argparse.Namespace) -> int:
    kb, problems = check_dirs([args.dir])
    for problem in problems:
        print(problem)
    if kb is None:
        print(f"{len(problems)} problem(s)")
        return 1
    kinds = Counter(e.kind for e in kb.entries.values())
    roles = sum(len(e.roles) for e in kb.entries.values())
    print(f"ok: {', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}, {roles} roles, "
          f"{len(kb.titles)} titles, {len(kb.honorifics)} honorifics")
    return 0


def _import_wikidata(args: argparse.Namespace) -> int:
    imported = import_dump(args.dump, Mapping.load(args.mapping), since=args.since)
    header = f"# Imported from {args.dump.name} by `marsad kb import-wikidata` (Wikidata: CC0).\n"
    body = yaml.safe_dump(imported.as_kb(), allow_unicode=True, sort_keys=False, width=120)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(imported.people)} people and {len(imported.organizations)} organizations to {args.out}")
    return 0
