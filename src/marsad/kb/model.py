"""The actor knowledge base's in-memory model: what the linker and the CLI code against."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("state", "organization", "person", "place")


@dataclass(frozen=True, slots=True)
class Role:
    """One office a person held, over a (possibly open or partial-date) interval."""

    office: str                 # controlled code from titles data: foreign_minister, head_of_state, head ...
    country: str | None         # ISO3 of the state whose office it is
    org: str | None             # KB id of the organization headed/served, for office "head"/"deputy_head"
    start: str | None           # ISO date, possibly partial (2021-01)
    end: str | None
    title: str | None = None    # English title, for display ("US Secretary of State")


@dataclass(slots=True)
class KBEntry:
    """A state, organization, person or place with every surface name it goes by."""

    id: str
    name: str
    kind: str
    country: str | None
    type: str
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    origin: str = ""
    start: str | None = None  # when the body came into being (governments, coalitions), possibly partial
    end: str | None = None    # when it ceased to exist

@dataclass(slots=True)
class Title:
    """An Arabic title phrase and the controlled office code it names."""

    phrase: str
    office: str
