"""Import people and organizations from a Wikidata JSON dump into KB YAML.

The dump is one entity per line (latest-all.json: a JSON array whose lines end in commas).
People are humans holding a mapped position (P39 with P580/P582 qualifiers); organizations are
instances (P31) of mapped classes. The mapping is data (data/kb/wikidata/mapping.yaml), so
users extend it without touching code. Country items are recognised by their ISO 3166-1
alpha-3 code (P298), so citizenship (P27) and country (P17) resolve from the same dump.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.datafile import read_yaml
from marsad.errors import DataFileError
from marsad.kb.load import shipped_dir
from marsad.kb.schema import validate_doc

HUMAN = "Q5"
_PRECISION = {9: 1, 10: 2, 11: 3}  # Wikidata time precision -> ISO date parts kept


@dataclass(slots=True)
class Mapping:
    """Position QID -> role fields, class QID -> organization sector."""

    positions: dict[str, dict[str, Any]]
    classes: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, path: Path | None = None) -> Mapping:
        doc = read_yaml(path or shipped_dir() / "wikidata" / "mapping.yaml")
        problems = validate_doc(doc)
        if problems:
            raise problems[0]
        data = doc.data
        return cls({p["qid"]: p for p in data.get("wikidata_positions", [])},
                   {c["qid"]: c for c in data.get("wikidata_classes", [])})


@dataclass
class Imported:
    """Entries ready to dump as a KB file: ``{"people": [...], "organizations": [...]}``."""

    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)

    def as_kb(self) -> dict[str, list[dict[str, Any]]]:
        return {k: v for k, v in (("people", self.people), ("organizations", self.organizations)) if v}


def iter_entities(lines: Iterable[str], source: str = "<dump>") -> Iterator[dict[str, Any]]:
    """Entities of a dump, one per line; the array brackets and trailing commas are skipped."""
    for number, line in enumerate(lines, 1):
        text = line.strip().rstrip(",")
        if text in ("", "[", "]"):
            continue
        try:
            yield json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFileError(source, number, f"not a JSON entity: {exc.msg}") from exc


def import_dump(path: Path, mapping: Mapping, since: str | None = None) -> Imported:
    """People and organizations of the dump at ``path`` as KB entries (roles ending before ``since`` dropped)."""
    countries: dict[str, str] = {}
    people: list[tuple[dict[str, Any], list[str]]] = []
    orgs: list[tuple[dict[str, Any], list[str]]] = []
    with path.open(encoding="utf-8") as fh:
        for entity in iter_entities(fh, str(path)):
            iso3 = _strings(entity, "P298")
            if iso3:
                countries[entity["id"]] = iso3[0]
            kinds = _items(entity, "P31")
            if HUMAN in kinds:
                person = _person(entity, mapping, since)
                if person is not None:
                    people.append((person, _items(entity, "P27")))
            elif any(k in mapping.classes for k in kinds):
                sector = next(mapping.classes[k]["sector"] for k in kinds if k in mapping.classes)
                orgs.append((_organization(entity, sector), _items(entity, "P17")))
    result = Imported()
    for entry, country_qids in people + orgs:
        codes = [countries[q] for q in country_qids if q in countries]
        entry["country"] = codes[0] if codes else None
        (result.people if entry["id"].startswith("PER.") else result.organizations).append(entry)
    return result


def _person(entity: dict[str, Any], mapping: Mapping, since: str | None) -> dict[str, Any] | None:
    roles = []
    for claim in entity.get("claims", {}).get("P39", []):
        position = _claim_item(claim)
        if claim.get("rank") == "deprecated" or position not in mapping.positions:
            continue
        spec = mapping.positions[position]
        start, end = _qualifier_date(claim, "P580"), _qualifier_date(claim, "P582")
        if since and end and end < since:
            continue
        role = {"office": spec["office"], "country": spec.get("country"), "org": spec.get("org"),
                "start": start, "end": end}
        if spec.get("title"):
            role["title"] = spec["title"]
        roles.append(role)
    if not roles:
        return None
    name = _label(entity, "en") or entity["id"]
    sectors = [mapping.positions[_claim_item(c)].get("sector") for c in entity["claims"]["P39"]
               if _claim_item(c) in mapping.positions]
    entry = {"id": "PER." + _ascii_id(name), "name": name, "country": None,
             "aliases": _names(entity), "roles": sorted(roles, key=lambda r: r["start"] or ""),
             "wikidata": entity["id"]}
    if any(sectors):
        entry["sector"] = next(s for s in sectors if s)
    return entry


def _organization(entity: dict[str, Any], sector: str) -> dict[str, Any]:
    name = _label(entity, "en") or entity["id"]
    return {"id": f"WD.{entity['id']}", "name": name, "country": None, "sector": sector,
            "aliases": _names(entity), "wikidata": entity["id"]}


def _names(entity: dict[str, Any]) -> list[str]:
    """Arabic label and aliases first, then the English label."""
    names = [_label(entity, "ar")]
    names += [a["value"] for a in entity.get("aliases", {}).get("ar", [])]
    names.append(_label(entity, "en"))
    return list(dict.fromkeys(n for n in names if n))


def _label(entity: dict[str, Any], lang: str) -> str | None:
    return entity.get("labels", {}).get(lang, {}).get("value")


def _claim_item(claim: dict[str, Any]) -> str | None:
    value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _items(entity: dict[str, Any], prop: str) -> list[str]:
    return [q for q in (_claim_item(c) for c in entity.get("claims", {}).get(prop, [])) if q]


def _strings(entity: dict[str, Any], prop: str) -> list[str]:
    values = (c.get("mainsnak", {}).get("datavalue", {}).get("value") for c in entity.get("claims", {}).get(prop, []))
    return [v for v in values if isinstance(v, str)]


def _qualifier_date(claim: dict[str, Any], prop: str) -> str | None:
    """A P580/P582 qualifier as an ISO date cut to its precision (day, month or year)."""
    for snak in claim.get("qualifiers", {}).get(prop, []):
        value = snak.get("datavalue", {}).get("value")
        if not isinstance(value, dict) or value.get("precision") not in _PRECISION:
            continue
        match = re.match(r"\+(\d{4})-(\d{2})-(\d{2})", value.get("time", ""))
        if match:
            return "-".join(match.groups()[: _PRECISION[value["precision"]]])
    return None


def _ascii_id(name: str) -> str:
    """``José Manuel Albares`` -> ``JOSE_MANUEL_ALBARES`` (the KB person id convention)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", folded.upper()).strip("_") or "UNKNOWN"
