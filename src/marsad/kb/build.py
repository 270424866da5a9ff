"""Assemble validated KB files, layer by layer, into entries; check cross-references.

A layer is one directory (the shipped data, then each user directory in order). Within a
layer an id may be defined once; a later layer's definition of the same id replaces it, and
an entry with ``merge: true`` adds its names and roles to the entry defined so far.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.datafile import LinedDoc, read_yaml
from marsad.errors import DataFileError
from marsad.kb import dates, nisba
from marsad.kb.model import KBEntry, Role, Title
from marsad.kb.schema import sectioned, validate_doc

ENTRY_SECTIONS = {"states": "state", "places": "place", "organizations": "organization", "people": "person"}
_LIST_FIELDS = ("aliases", "capitals", "adjective_bases", "adjective_plurals", "roles")
_KEY_FIELDS = {"offices": "code", "org_templates": "suffix", "wikidata_positions": "qid", "wikidata_classes": "qid"}
_ARABIC = re.compile("[\u0600-\u06ff]")


@dataclass(slots=True)
class Record:
    """One item of a section, with where it came from."""

    section: str
    data: dict[str, Any]
    doc: LinedDoc
    where: tuple

    @property
    def origin(self) -> str:
        return f"{self.doc.path}:{self.doc.line(self.where)}"

    def error(self, sub: tuple, message: str) -> DataFileError:
        return self.doc.error((*self.where, *sub), message)


@dataclass(slots=True)
class Assembled:
    """Everything a KnowledgeBase is made of."""

    entries: dict[str, KBEntry]
    titles: list[Title]
    honorifics: list[str]
    offices: dict[str, str]
    concurrent_offices: frozenset[str] = frozenset()
    org_offices: frozenset[str] = frozenset()


@dataclass
class Assembler:
    problems: list[DataFileError] = field(default_factory=list)
    merged: dict[str, dict[str, Any]] = field(default_factory=dict)
    base: dict[str, Record] = field(default_factory=dict)
    contributors: dict[str, list[Record]] = field(default_factory=dict)
    offices: dict[str, Record] = field(default_factory=dict)
    titles: dict[tuple[str, str], Record] = field(default_factory=dict)
    honorifics: list[str] = field(default_factory=list)
    templates: dict[str, Record] = field(default_factory=dict)
    positions: dict[str, Record] = field(default_factory=dict)
    classes: dict[str, Record] = field(default_factory=dict)

    def add_dir(self, folder: Path) -> None:
        """Read, validate and add every ``*.yaml`` under ``folder`` as one layer."""
        docs = []
        for path in sorted(folder.rglob("*.yaml")):
            stat = path.stat()
            doc, errors = _read_checked(path, stat.st_mtime_ns, stat.st_size)
            self.problems.extend(errors)
            if doc is not None and not errors and doc.data:
                docs.append(doc)
        self.add_layer(docs)

    def add_layer(self, docs: Iterable[LinedDoc]) -> None:
        seen: dict[tuple[str, str], Record] = {}
        merges: list[Record] = []
        for doc in docs:
            for section, items in doc.data.items():
                for i, item in enumerate(items or []):
                    data = item if isinstance(item, dict) else {"value": item}
                    rec = Record(section, data, doc, (section, i))
                    if section in ENTRY_SECTIONS and data.get("merge"):
                        merges.append(rec)
                    else:
                        self._define(rec, seen)
        for rec in merges:
            self._merge(rec)

    def _define(self, rec: Record, seen: dict[tuple[str, str], Record]) -> None:
        section, data = rec.section, rec.data
        if section == "honorifics":
            self.honorifics.append(data["value"])
            return
        key_field = _KEY_FIELDS.get(section, "id")
        if section == "titles":
            key = (data["phrase"], data["office"])
            self.titles[key] = rec
            return
        key = data[key_field]
        scope = "entry" if section in ENTRY_SECTIONS else section
        if (scope, key) in seen:
            first = seen[scope, key].origin
            self.problems.append(rec.error((key_field,), f"duplicate {key_field} {key!r} (also at {first})"))
            return
        seen[scope, key] = rec
        if section in ENTRY_SECTIONS:
            self.base[key] = rec
            self.merged[key] = dict(data)
            self.contributors[key] = [rec]
        else:
            tables = {"offices": self.offices, "org_templates": self.templates,
                      "wikidata_positions": self.positions, "wikidata_classes": self.classes}
            tables[section][key] = rec

    def _merge(self, rec: Record) -> None:
        key = rec.data["id"]
        if key not in self.base:
            self.problems.append(rec.error(("id",), f"merge: no entry {key!r} to merge into"))
            return
        if self.base[key].section != rec.section:
            where = self.base[key].section
            self.problems.append(rec.error(("id",), f"merge: {key!r} is in {where}, not {rec.section}"))
            return
        target = self.merged[key]
        for name, value in rec.data.items():
            if name == "merge":
                continue
            if name in _LIST_FIELDS:
                target[name] = [*target.get(name, []), *value]
            else:
                target[name] = value
        self.contributors[key].append(rec)

    def finish(self) -> Assembled:
        """Build the entries and check every reference between them."""
        entries = {key: self._entry(key) for key in self.base}
        self._add_capitals(entries)
        self._expand_templates(entries)
        offices = {code: rec.data["name"] for code, rec in self.offices.items()}
        org_offices = frozenset(code for code, rec in self.offices.items() if rec.data.get("needs_org"))
        self._check(entries, offices, org_offices)
        titles = [Title(phrase, office) for phrase, office in self.titles]
        concurrent = frozenset(code for code, rec in self.offices.items() if rec.data.get("concurrent"))
        return Assembled(entries, titles, list(dict.fromkeys(self.honorifics)), offices, concurrent, org_offices)

    def _entry(self, key: str) -> KBEntry:
        rec, data = self.base[key], self.merged[key]
        kind = ENTRY_SECTIONS[rec.section]
        return KBEntry(
            id=key,
            name=data.get("name") or key,
            kind=kind,
            country=key if kind == "state" else data.get("country"),
            type={"state": "GPE", "person": "PER"}.get(kind) or data.get("type", "ORG"),
            aliases=_unique(data.get("aliases", [])),
            adjectives=nisba.adjectives(data.get("adjective_bases", []), data.get("adjective_plurals", [])),
            capitals=_unique(data.get("capitals", [])),
            sector=data.get("sector"),
            roles=[_role(r) for r in data.get("roles", [])],
            origin=rec.origin,
            start=_date(data.get("start")),
            end=_date(data.get("end")),
        )

    def _add_capitals(self, entries: dict[str, KBEntry]) -> None:
        """A place marked ``capital: true`` lends its names to its state as metonyms (واشنطن -> USA)."""
        for key, data in self.merged.items():
            state = entries.get(data.get("country") or "")
            if data.get("capital") and state is not None and state.kind == "state":
                state.capitals = _unique([*state.capitals, *entries[key].aliases])

    def _expand_templates(self, entries: dict[str, KBEntry]) -> None:
        """One organization per state and template (USA.EMBASSY: السفارة الأمريكية، سفارة أمريكا)."""
        states = [e for e in entries.values() if e.kind == "state"]
        for rec in self.templates.values():
            tpl = rec.data
            for state in states:
                key = f"{state.id}.{tpl['suffix']}"
                if key in entries:
                    continue  # defined by hand: the hand entry wins
                bases = self.merged[state.id].get("adjective_bases", [])
                fem = _unique(nisba.feminine(b) for b in bases)
                values = {
                    "state": [a for a in state.aliases if _ARABIC.search(a)],
                    "adj": fem,
                    "adj_def": [_definite(f) for f in fem],
                    "adj_m_def": [_definite(b) for b in bases],
                }
                aliases = [form.replace("{" + slot + "}", v)
                           for form in tpl["forms"] for slot in values if "{" + slot + "}" in form
                           for v in values[slot]]
                if aliases:
                    entries[key] = KBEntry(
                        id=key, name=tpl["name"].format(name=state.name), kind="organization",
                        country=state.id, type="ORG", aliases=_unique(aliases), sector=tpl["sector"],
                        origin=rec.origin)

    def _check(self, entries: dict[str, KBEntry], offices: dict[str, str], org_offices: frozenset[str]) -> None:
        states = {k for k, e in entries.items() if e.kind == "state"}

        def check_country(rec: Record, where: tuple, value: str | None) -> None:
            if value is not None and value not in states:
                self.problems.append(rec.error(where, f"unknown country {value!r} (not a state id)"))

        def check_ref(rec: Record, where: tuple, value: str | None) -> None:
            if value is not None and value not in entries:
                self.problems.append(rec.error(where, f"unknown KB id {value!r}"))

        for records in self.contributors.values():
            for rec in records:
                data = rec.data
                if rec.section != "states":
                    check_country(rec, ("country",), data.get("country"))
                check_ref(rec, ("parent",), data.get("parent"))
                for i, role in enumerate(data.get("roles", [])):
                    here = ("roles", i)
                    if role["office"] not in offices:
                        message = f"unknown office {role['office']!r}"
                        self.problems.append(rec.error((*here, "office"), message))
                    check_country(rec, (*here, "country"), role.get("country"))
                    check_ref(rec, (*here, "org"), role.get("org"))
                    self._check_org_role(rec, here, role, entries, org_offices)
                    self._check_dates(rec, here, role)
        for rec in self.titles.values():
            if rec.data["office"] not in offices:
                self.problems.append(rec.error(("office",), f"unknown office {rec.data['office']!r}"))
        for rec in self.positions.values():
            if rec.data["office"] not in offices:
                self.problems.append(rec.error(("office",), f"unknown office {rec.data['office']!r}"))
            check_country(rec, ("country",), rec.data.get("country"))
            check_ref(rec, ("org",), rec.data.get("org"))

    def _check_org_role(self, rec: Record, here: tuple, role: dict[str, Any], entries: dict[str, KBEntry],
                        org_offices: frozenset[str]) -> None:
        """The head of a body no state owns (the Arab League) acts for the body: a state on the role would code
        the Secretary-General's acts as his country's."""
        org = entries.get(role.get("org") or "")
        if org is not None and org.country is None and role.get("country") and role["office"] in org_offices:
            message = f"a {role['office']} of {org.id} acts for it: give country null, not {role['country']!r}"
            self.problems.append(rec.error((*here, "country"), message))

    def _check_dates(self, rec: Record, here: tuple, role: dict[str, Any]) -> None:
        start, end = _date(role.get("start")), _date(role.get("end"))
        for name, value in (("start", start), ("end", end)):
            if not dates.valid(value):
                self.problems.append(rec.error((*here, name), f"{name} {value!r} is not a calendar date"))
                return
        if start and end and dates.earliest(start) > dates.latest(end):
            self.problems.append(rec.error((*here, "end"), f"role ends ({end}) before it starts ({start})"))


@lru_cache(maxsize=256)
def _read_checked(path: Path, mtime_ns: int, size: int) -> tuple[LinedDoc | None, list[DataFileError]]:
    """Parse and validate one file, remembered per version so repeated loads (tests, workers) are cheap."""
    try:
        doc = sectioned(read_yaml(path))
    except DataFileError as exc:
        return None, [exc]
    return doc, validate_doc(doc)


def _definite(phrase: str) -> str:
    """ال on every word of an adjective phrase (كورية جنوبية -> الكورية الجنوبية)."""
    return " ".join("ال" + w for w in phrase.split())


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def _role(data: dict[str, Any]) -> Role:
    return Role(
        office=data["office"], country=data.get("country"), org=data.get("org"),
        start=_date(data.get("start")), end=_date(data.get("end")), title=data.get("title"),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
