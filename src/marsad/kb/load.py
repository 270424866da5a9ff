"""The loaded actor knowledge base: look-ups by name, by office and date."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from marsad.errors import DataFileError
from marsad.kb import dates
from marsad.kb.build import Assembler
from marsad.kb.model import KBEntry, Role, Title
from marsad.text.normalize import normalize_key


def shipped_dir() -> Path:
    """The KB data shipped in the package (src/marsad/data/kb)."""
    return Path(str(resources.files("marsad") / "data" / "kb"))


def check_dirs(extra_dirs: Sequence[Path] = ()) -> tuple[KnowledgeBase | None, list[DataFileError]]:
    """Load shipped data plus ``extra_dirs``, collecting every problem instead of stopping at the first."""
    assembler = Assembler()
    for folder in (shipped_dir(), *map(Path, extra_dirs)):
        if not folder.is_dir():
            assembler.problems.append(DataFileError(str(folder), None, "not a directory"))
            continue
        assembler.add_dir(folder)
    if assembler.problems:
        return None, assembler.problems
    built = assembler.finish()
    if assembler.problems:
        return None, assembler.problems
    return KnowledgeBase(built.entries, built.titles, built.honorifics, built.offices, built.concurrent_offices,
                         built.org_offices), []


class KnowledgeBase:
    """States, places, organizations and people with their names, and who held which office when."""

    def __init__(
        self, entries: dict[str, KBEntry], titles: list[Title], honorifics: list[str],
        offices: dict[str, str] | None = None, concurrent_offices: frozenset[str] = frozenset(),
        org_offices: frozenset[str] = frozenset(),
    ) -> None:
        self.entries = entries
        self.titles = titles
        self.honorifics = honorifics
        self.offices = offices or {}  # office code -> English name
        # offices a state fills many times at once (an ambassador per capital): a title names none of them
        self.concurrent_offices = concurrent_offices
        self.org_offices = org_offices  # offices of an organization (head, envoy): never a state's by default
        self._index: dict[str, list[tuple[int, str]]] = {}
        self._roles: dict[str, list[tuple[Role, str]]] = {}  # office -> its roles, for holders() on every title
        for entry in entries.values():
            for rank, names in enumerate(([entry.name, *entry.aliases], entry.capitals, entry.adjectives)):
                for name in names:
                    self._index.setdefault(normalize_key(name), []).append((rank, entry.id))
            for role in entry.roles:
                self._roles.setdefault(role.office, []).append((role, entry.id))

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> KnowledgeBase:
        """Shipped data plus user directories (same id replaces, ``merge: true`` adds, new ids add)."""
        kb, problems = check_dirs(extra_dirs)
        if kb is None:
            raise problems[0]
        return kb

    def search(self, name: str) -> list[KBEntry]:
        """Entries called ``name`` (normalized): by name or alias first, then capital, then adjective."""
        hits = sorted(self._index.get(normalize_key(name), []))
        return [self.entries[key] for key in dict.fromkeys(key for _, key in hits)]

    def holders(self, office: str, country: str | None, on: datetime.date | None,
                org: str | None = None) -> list[KBEntry]:
        """People holding ``office`` (of ``country``/``org`` when given) on ``on``; every holder if None."""
        found = [(dates.earliest(role.start), key) for role, key in self._roles.get(office, ())
                 if (country is None or role.country == country) and (org is None or role.org == org)
                 and (on is None or dates.covers(role.start, role.end, on))]
        found.sort(reverse=True)
        return [self.entries[key] for key in dict.fromkeys(key for _, key in found)]

    def role_on(self, entry: KBEntry, on: datetime.date | None) -> Role | None:
        """The role ``entry`` held on ``on`` (the latest-started if several); the latest if ``on`` is None."""
        roles = [r for r in entry.roles if on is None or dates.covers(r.start, r.end, on)]
        if not roles:
            return None
        return max(roles, key=lambda r: (dates.earliest(r.start), r.end is None))
