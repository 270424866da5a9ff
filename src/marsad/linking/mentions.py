"""Actor mentions: every place in a document that refers to an actor, named or not.

Entities (the CONTRACT output) are the named ones; the event stage also needs nationality
adjectives (الأمريكي), titles resolved to office holders (وزير الدفاع الأمريكي) and references to
the parties in focus (الجانبان), so all of them are mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model import Actor

# How a mention was found; the event stage trusts them differently.
NAME = "name"            # an alias of a KB entry (state, organization, place, person)
CAPITAL = "capital"      # a capital used for its state (واشنطن)
ADJECTIVE = "adjective"  # a nationality adjective (المغربي)
TITLE = "title"          # an office, resolved to its holder when the KB knows them
TAGGED = "tagged"        # a name the statistical tagger found and the KB does not know
REFERENCE = "reference"  # الجانبان، البلدان، نظيره، المملكة: resolved from the document's focus
AGENT = "agent"          # a body named by noun + nationality (القوات الهندية، الخارجية البحرينية)

EMITTED_KINDS = frozenset({NAME, CAPITAL, TAGGED, TITLE, ADJECTIVE, REFERENCE, AGENT})


@dataclass(slots=True)
class Mention:
    start: int  # offsets into the original text
    end: int
    kind: str
    entity_type: str  # CONTRACT type (PER, ORG, GPE, LOC, MISC); nationality adjectives are MISC
    actors: list[Actor] = field(default_factory=list)  # usually one; two for "الجانبان"
    office: str | None = None  # for titles: the office code
    score: float = 1.0
    place: str | None = None  # for a capital: the city's own name, for event locations
    plural: bool = False  # a plural nationality (الإيرانيين، الأمريكيون): people of that state, a possible actor
    dateline: bool = False  # a place on the dateline (الخرطوم - ): where the story was filed, no actor

    @property
    def actor(self) -> Actor | None:
        return self.actors[0] if len(self.actors) == 1 else None

    @property
    def countries(self) -> set[str]:
        return {a.code for a in self.actors}

    @property
    def states(self) -> set[str]:
        """The states of its actors: not the codes of stateless bodies or places (القدس has none)."""
        return {a.country for a in self.actors if a.country}
