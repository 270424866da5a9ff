"""Link every actor mention of a document to a coded actor, using the text, the date and the focus.

One pass of the KB automaton finds names, capitals, nationality adjectives, titles and reference
words; the statistical tagger adds names the KB does not know. Then, in order:
titles are resolved to the person holding the office on the publication date (or attached to the
name that follows them), unknown names take the nationality written next to them, and references
(الجانبان، نظيره المغربي، المملكة) are resolved from the states the document is about.
Ambiguous names are settled by date and focus, never by a silent first match; each link has a score.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.datafile import load_yaml
from marsad.kb import KBEntry, KnowledgeBase, dates
from marsad.linking.datelines import mark_datelines
from marsad.linking.mentions import (
    ADJECTIVE,
    AGENT,
    CAPITAL,
    EMITTED_KINDS,
    NAME,
    REFERENCE,
    TAGGED,
    TITLE,
    Mention,
)
from marsad.model import Actor, Entity
from marsad.ner.tagger import EntityTagger
from marsad.text.matcher import PRONOUN_SUFFIXES, PhraseMatch, PhraseMatcher, longest_first
from marsad.text.normalize import Normalized, normalize_key
from marsad.text.spans import SpanIndex
from marsad.text.tokens import without_article

if TYPE_CHECKING:
    from marsad.analyzer import DocumentState

HONORIFIC = "honorific"
BARE_AGENT_SECTORS = frozenset({"COP", "MIL", "SPY", "LEG", "JUD", "GOV/INT", "REB", "OPP", "PTY", "CVL"})
# Bodies that belong to the state they are said to be in (الأحزاب في تونس), unlike forces (القوات في العراق).
LOCATED_AGENT_SECTORS = frozenset({"PTY", "OPP", "REB", "CVL", "LEG", "JUD"})
_LINKING_WORDS = frozenset(normalize_key(w) for w in (
    "في", "على", "من", "إلى", "الى", "عن", "مع", "ضد", "و", "أو", "ثم", "لدى", "عند", "بين"))
PLURAL_ENDINGS = ("يين", "يون", "يات")  # الإيرانيين، الأمريكيون، السعوديات (normalized)
FAMILY_PARTICLES = frozenset(normalize_key(w) for w in ("أبو", "ابو", "بن", "ابن", "آل", "عبد", "دي", "فان", "فون"))
_TAGGER_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# How far (in characters of intervening text) a title reaches to the adjective or name it governs.
_TITLE_REACH = 4
_TITLE_BREAKERS = frozenset(normalize_key(w) for w in ("عن", "من", "على", "إلى", "مع", "خلال", "بعد", "قبل"))
_OWNER_REACH = 250  # characters back to the person whose country بلاده is
# a full stop, ? or ! not after a lone letter (د. or an initial) nor inside a number (2.5), or a line break
_SENTENCE_END = re.compile(r"(?<!\s\w)[.!?؟](?!\w)|\n")
# Letters a surname needs before its consonants alone may find an office holder: long foreign names vary in
# their vowels (جينتيلوني، جنتيلوني); short Arabic ones share consonants (محمد، محمود).
_FUZZY_SURNAME = 6
# What ends the words between a body and the one it belongs to: "التابعة ل" (normalized), at most six words on
_AFFILIATED = re.compile(r"^\s*(?:\S+\s+){0,6}(?:ال)?تابع(?:ه|ين|ون|تين)?\s+ل?$")
_FAR = 1_000  # a gap no reach covers
_APPOSITION_REACH = 3
_BODY_REACH = 1  # words between a state's body and the name of someone serving in it
_MAX_TAGGER_TOKENS = 300
_LONGEST_NAME = 200  # characters: no lexicon mention is longer, so overlap checks look no farther back


@dataclass(frozen=True, slots=True)
class References:
    """Reference words (الجانبان، نظيره، المملكة) and the states that are kingdoms."""

    pair: tuple[str, ...]
    counterpart: tuple[str, ...]
    own_state: tuple[str, ...]  # بلاده: the state of whoever was just named
    state_words: dict[str, tuple[str, ...]]  # المملكة -> the states it can mean
    state_defaults: dict[str, str]  # السلطنة -> OMN even when the article never names Oman
    agents: dict[str, str]  # noun -> sector: القوات -> MIL
    agents_alone: frozenset[str]  # nouns that are a body even without a nationality (الشرطة, not الأمن)
    dateline_words: frozenset[str]  # agencies and bureau words a dateline holds besides its places
    org_words: tuple[str, ...] = ()  # الحركة، الحزب: the organization named before whose name opens so
    group_words: frozenset[str] = frozenset()  # المتمردون: the armed group the document names most
    org_defaults: dict[str, dict[str, str]] = field(default_factory=dict)  # تحالف -> {YEM: ARAB_COALITION}

    @classmethod
    def load(cls, path: Path | None = None) -> References:
        source = path or resources.files("marsad") / "data/lexicons/references.yaml"
        data = load_yaml(source, "references")
        state_words = {item["word"]: tuple(item["states"]) for item in data["state_words"]}
        defaults = {item["word"]: item["default"] for item in data["state_words"] if "default" in item}
        agents = {word: item["sector"] for item in data.get("agents", []) for word in item["words"]}
        alone = frozenset(normalize_key(word) for item in data.get("agents", []) if item.get("alone", True)
                          for word in item["words"])
        dateline = frozenset(normalize_key(word) for word in data.get("dateline_words", []))
        return cls(tuple(data["pair"]), tuple(data["counterpart"]), tuple(data.get("own_state", [])), state_words,
                   defaults, agents, alone, dateline, tuple(data.get("org_words", [])),
                   frozenset(normalize_key(word) for word in data.get("group_words", [])),
                   {without_article(normalize_key(item["word"])): item["orgs"]
                    for item in data.get("org_defaults", [])})


class ActorLinker:
    """The entities-and-actors stage: finds mentions and links them to KB actors."""

    def __init__(self, kb: KnowledgeBase, tagger: EntityTagger, references: References | None = None) -> None:
        self.kb = kb
        self.tagger = tagger
        self.references = references or References.load()
        self.matcher = self._build_matcher()
        # First words of titles (كاتب، وزير، خادم): a "name" made of them is a style, and has no surname.
        self._title_words = frozenset(without_article(normalize_key(t.phrase.split()[0])) for t in self.kb.titles)
        self._holder_cache: dict[tuple, list[Actor]] = {}  # KB look-ups repeat within and across documents
        self._by_surname = _surname_index(kb)
        self._by_skeleton = _surname_index(kb, _skeleton)  # foreign names transliterated with other vowels
        self._office_ranks = {code: rank for rank, code in enumerate(kb.offices)}  # head of state first

    def _build_matcher(self) -> PhraseMatcher:
        matcher = PhraseMatcher()
        for entry in self.kb.entries.values():
            for alias in entry.aliases:
                matcher.add(alias, (NAME, entry.id))
            for capital in entry.capitals:
                matcher.add(capital, (CAPITAL, entry.id))
            for adjective in entry.adjectives:
                matcher.add(adjective, (ADJECTIVE, entry.id))
        for title in self.kb.titles:
            matcher.add(title.phrase, (TITLE, title.office))
        for honorific in self.kb.honorifics:
            matcher.add(honorific, (HONORIFIC, honorific))
        for word in self.references.pair:
            matcher.add(word, (REFERENCE, "pair"))
        for word in self.references.counterpart:
            matcher.add(word, (REFERENCE, "counterpart"), suffixes=PRONOUN_SUFFIXES)
        for word in self.references.state_words:
            matcher.add(word, (REFERENCE, f"state:{word}"))
        for word in self.references.own_state:
            matcher.add(word, (REFERENCE, "own"))
        for word in self.references.org_words:
            matcher.add(word, (REFERENCE, f"org:{without_article(normalize_key(word))}"))
        for word, sector in self.references.agents.items():
            matcher.add(word, (AGENT, sector))
        return matcher

    # -- the stage -------------------------------------------------------------------------------

    def link(self, state: DocumentState) -> None:
        """Fill ``state.mentions`` and the analysis entities."""
        on = state.published_date
        mentions = self._lexicon_mentions(state, on)
        mentions = self._add_tagged(state, mentions)
        mentions.sort(key=lambda m: m.start)
        focus, state.home = _focus(mentions)
        mentions = self._resolve_agents(state.document.text, mentions, focus)
        self._resolve_ambiguous(mentions, on, focus)
        mentions = self._resolve_titles(state, mentions, on, focus)
        self._name_unknown_people(state, mentions)
        _code_affiliates(state.normalized, mentions)
        mentions = self._add_surnames(state, mentions)
        self._resolve_references(mentions, on, focus, state.normalized)
        state.mentions = [m for m in mentions if m.kind != HONORIFIC]
        mark_datelines(state.document.text, state.mentions, self.references.dateline_words)
        state.analysis.entities = [
            Entity(m.start, m.end, state.document.text[m.start:m.end], m.entity_type, m.actor)
            for m in state.mentions
            if m.kind in EMITTED_KINDS and (m.kind not in (TITLE, REFERENCE) or m.actor is not None)
        ]

    # -- finding ---------------------------------------------------------------------------------

    def _lexicon_mentions(self, state: DocumentState, on: dt.date | None) -> list[Mention]:
        normalized = state.normalized
        mentions: list[Mention] = []
        for match in longest_first(self.matcher.find(normalized.text)):
            start, end = normalized.span(match.start, match.end)
            if state.in_boilerplate(start, end):
                continue
            mention = self._mention_from_match(match, start, end, on, normalized.text[match.start:match.end])
            if mention is not None and not _opens_lineage(normalized.text, match.start, match.end, mention):
                mentions.append(mention)
        return mentions

    def _mention_from_match(self, match: PhraseMatch, start: int, end: int, on: dt.date | None,
                            surface: str) -> Mention | None:
        by_kind: dict[str, list[str]] = {}
        for kind, value in match.payloads:  # type: ignore[misc]
            by_kind.setdefault(kind, []).append(value)
        for kind in (NAME, CAPITAL, TITLE, REFERENCE, ADJECTIVE, AGENT, HONORIFIC):
            if kind not in by_kind:
                continue
            values = by_kind[kind]
            if kind == NAME and CAPITAL in by_kind and all(
                    self.kb.entries[v].kind == "place" for v in values):
                continue  # a capital city: the state acts through it (واشنطن), the city is where
            if kind in (NAME, CAPITAL):
                entries = [e for e in (self.kb.entries[v] for v in dict.fromkeys(values)) if _existed(e, on)]
                if not entries:
                    continue  # حكومة الوفاق in 2012 is not the Libyan government of 2016
                actors = [self._actor(e, on, as_state=kind == CAPITAL) for e in entries]
                entity_type = "GPE" if kind == CAPITAL else entries[0].type
                place = self.kb.entries[by_kind[NAME][0]].name if kind == CAPITAL and NAME in by_kind else None
                return Mention(start, end, kind, entity_type, actors, score=1.0 / len(actors), place=place)
            if kind == ADJECTIVE:
                actors = [self._actor(self.kb.entries[v], on) for v in dict.fromkeys(values)]
                return Mention(start, end, kind, "MISC", actors,  # nationalities are MISC, as in CoNLL
                               plural=surface.endswith(PLURAL_ENDINGS))
            entity_type = {TITLE: "PER", AGENT: "ORG"}.get(kind, "MISC")
            return Mention(start, end, kind, entity_type, office=values[0])
        return None

    def _actor(self, entry: KBEntry, on: dt.date | None, as_state: bool = False) -> Actor:
        role = self.kb.role_on(entry, on) if entry.kind == "person" else None
        country = entry.country if entry.country or entry.kind != "state" else entry.id
        org = role.org if role is not None and role.org and not role.country else None
        return Actor(
            id=entry.id, name=entry.name, country=None if org else country, kind="state" if as_state else entry.kind,
            role=(role.title or role.office) if role else None, sector=entry.sector, org=org,
        )

    def _add_tagged(self, state: DocumentState, mentions: list[Mention]) -> list[Mention]:
        """Names the tagger finds where the lexicon found nothing."""
        taken = SpanIndex([m for m in mentions if m.kind not in (ADJECTIVE, HONORIFIC)], lambda m: m.start)
        tokens = state.tokens
        added: list[Mention] = []
        chunks = []
        index = 0
        for sentence_start, sentence_end in state.sentences:
            while index < len(tokens) and tokens[index].start < sentence_start:
                index += 1
            first = index
            while index < len(tokens) and tokens[index].end <= sentence_end:
                index += 1
            if any(a <= sentence_start and sentence_end <= b for a, b in state.analysis.ignored):
                continue
            for chunk_start in range(first, index, _MAX_TAGGER_TOKENS):
                chunks.append(tokens[chunk_start:min(index, chunk_start + _MAX_TAGGER_TOKENS)])
        # One call for the whole document: the tagger runs its sentences side by side.
        for chunk, tags in zip(chunks, self.tagger.tag_many([[t.text for t in c] for c in chunks]), strict=True):
            for begin, finish, label in _spans(tags):
                start, end = chunk[begin].start, chunk[finish - 1].end
                if state.in_boilerplate(start, end) or any(
                        m.end > start for m in taken.within(start - _LONGEST_NAME, end)):
                    continue
                added.append(Mention(start, end, TAGGED, _TAGGER_TYPES.get(label, "MISC"), score=0.6))
        return mentions + added

    # -- resolving -------------------------------------------------------------------------------

    def _resolve_agents(self, text: str, mentions: list[Mention], focus: list[str]) -> list[Mention]:
        """Noun + nationality is a body of that state (الجيش الباكستاني).

        A bare security, interior, legislative or judicial body (قوات الأمن، الشرطة، الداخلية، مجلس النواب،
        المحكمة) in an article about one state is that state's: domestic news rarely repeats the nationality.
        Other bare nouns (الحكومة، الخارجية، المسؤولين) stay unlinked: they as often mean a foreign one. Bare
        rebels and militias (``group_words``: المتمردون، الميليشيات) in an article that names an armed group are
        that group's fighters (the Houthis in a story of the Yemen war), not the state's.
        """
        group = _main_armed_group(mentions)
        kept: list[Mention] = []
        skip = -1
        for i, mention in enumerate(mentions):
            if i == skip:
                continue
            follower = mentions[i + 1] if i + 1 < len(mentions) else None
            if mention.kind == NAME and len(mention.actors) > 1 and follower is not None and (
                    follower.kind == ADJECTIVE and _gap(text, mention.end, follower.start) == 0):
                # وزارة الداخلية البحرينية: the adjective picks the country of an ambiguous name
                chosen = [a for a in mention.actors if a.country in follower.countries]
                if len(chosen) == 1:
                    mention.actors, mention.end, mention.score = chosen, follower.end, 0.9
                    skip = i + 1
            if mention.kind != AGENT:
                kept.append(mention)
                continue
            if follower is not None and follower.kind == NAME and follower.actors and (
                    all(a.country is None and a.kind == "organization" for a in follower.actors)) and (
                    _gap(text, mention.end, follower.start) == 0):
                continue  # المتمردين الحوثيين، مسلحو حركة الشباب: the noun is that group's, not a state's
            sector = mention.office or "GOV"
            if follower is not None and follower.kind == NAME and len(follower.states) == 1 and (
                    sector in LOCATED_AGENT_SECTORS and _located_in(text, mention.end, follower.start)):
                # الأحزاب السياسية في تونس: parties, rebels, citizens of the state they are in (not of a place
                # no state holds: محكمة الصلح في القدس)
                country = next(iter(follower.states))
                kept.append(_body_mention(mention.start, mention.end, country, country, sector, 0.7))
                continue
            if (follower is None or follower.kind != ADJECTIVE or len(follower.countries) != 1
                    or not _qualifiers_only(text[mention.end:follower.start])):
                key = normalize_key(text[mention.start:mention.end])
                if key in self.references.group_words and group is not None:
                    kept.append(Mention(mention.start, mention.end, AGENT, "ORG", [group], office=sector, score=0.5))
                elif key in self.references.agents_alone and focus and sector in BARE_AGENT_SECTORS:
                    kept.append(_body_mention(mention.start, mention.end, focus[0], focus[0], sector, 0.5))
                continue
            kept.append(_body_mention(mention.start, follower.end, next(iter(follower.countries)),
                                      follower.actors[0].name, sector, 0.8))
            skip = i + 1
        return kept

    def _resolve_ambiguous(self, mentions: list[Mention], on: dt.date | None, focus: list[str]) -> None:
        """Several KB entries for one name: prefer office holders on the date, then the focus states."""
        for mention in mentions:
            if mention.kind not in (NAME, CAPITAL) or len(mention.actors) < 2:
                continue
            candidates = mention.actors
            if on is not None:
                serving = [a for a in candidates if a.role]
                if serving:
                    candidates = serving
            if len(candidates) > 1:
                in_focus = [a for a in candidates if a.country in focus[:2]]
                candidates = in_focus or candidates
            if len(candidates) > 1 and on is not None and all(a.role for a in candidates):
                # أمير قطر in 2012: the emir and the crown prince both serve; a style names the higher office
                candidates = [min(candidates, key=lambda a: self._office_rank(a, on))]
            if len(candidates) == 1:
                mention.actors = candidates
                mention.score = 0.8
            elif len({a.country for a in candidates}) == 1 and all(a.kind == "place" for a in candidates):
                # غزة: the city or the strip, one country either way: the first entry stands for the place
                mention.actors, mention.score = candidates[:1], 0.6
            elif len({a.country for a in candidates}) == 1:
                # Same country either way: the state is known even if the person is not.
                mention.score = 0.5

    def _office_rank(self, actor: Actor, on: dt.date) -> int:
        """Rank of the office a person holds on the date, in the order offices.yaml lists them (head of state
        first)."""
        role = self.kb.role_on(self.kb.entries[actor.id], on)
        return self._office_ranks.get(role.office, len(self._office_ranks)) if role else len(self._office_ranks)

    def _resolve_titles(self, state: DocumentState, mentions: list[Mention], on: dt.date | None,
                        focus: list[str]) -> list[Mention]:
        """Attach each title to the adjective, organization and name that follow it.

        A bare title (وقال رئيس الجمهورية، استقبل الملك) is the office last named with its state in the
        document, else the office of the state the document is about: news names its own officials without
        their nationality.
        """
        text = state.document.text
        kept: list[Mention] = []
        skip: set[int] = set()
        last_owner: dict[str, tuple[str | None, str | None]] = {}  # office -> (state, body) last named with it
        for i, mention in enumerate(mentions):
            if i in skip:
                continue
            if mention.kind != TITLE:
                kept.append(mention)
                continue
            country, org, end, j = None, None, mention.end, i + 1
            while j < len(mentions) and _title_gap(text, end, mentions[j].start) <= _TITLE_REACH:
                follower = mentions[j]
                if follower.kind == ADJECTIVE and country is None and org is None:
                    # المبعوث الأممي: an organization's adjective names the body, a nation's the state
                    adjective_of = follower.actor
                    if adjective_of is not None and adjective_of.kind == "organization":
                        org = adjective_of.id
                    else:
                        country = next(iter(follower.countries))
                elif follower.kind == NAME and follower.entity_type == "ORG" and org is None and not (
                        country is not None and _title_ended(text, end, follower.start)):
                    org = follower.actor.id if follower.actor else None
                    country = country or (follower.actor.country if follower.actor else None)
                    kept.append(follower)
                elif follower.kind == HONORIFIC:
                    pass
                else:
                    break
                end, j = follower.end, j + 1
            skip.update(range(i + 1, j))
            mention.end = end
            if (country is not None or org is not None) and mention.office:
                last_owner[mention.office] = (country, org)
            nxt = mentions[j] if j < len(mentions) else None
            if nxt is not None and nxt.entity_type == "PER" and nxt.kind in (NAME, TAGGED) and (
                    _gap(text, end, nxt.start) <= _TITLE_REACH):
                if nxt.kind == TAGGED and country:
                    nxt.office = mention.office
                    nxt.actors = [_new_person(text[nxt.start:nxt.end], country, mention.office)]
                # the name carries the actor; the title only described it, its nationality stays a mention
                kept.extend(m for m in mentions[i + 1:j] if m.kind == ADJECTIVE)
                continue
            previous = kept[-1] if kept else None
            if previous is not None and previous.entity_type == "PER" and previous.kind in (NAME, TAGGED) and (
                    _gap(text, previous.end, mention.start) <= 1) and (
                    country is None or not previous.countries or country in previous.countries) and (
                    country is None or not self._never_held(previous, mention.office)):
                # مارك ميلي رئيس هيئة الأركان: a title in apposition after a name describes that person (who may
                # have held it before the article's date), it does not name today's holder. A title of another
                # state (عانق زيد الرئيس الجزائري) is a second person, not an apposition.
                if previous.kind == TAGGED and country and not previous.actors:
                    previous.actors = [_new_person(text[previous.start:previous.end], country, mention.office)]
                kept.extend(m for m in mentions[i + 1:j] if m.kind == ADJECTIVE)  # (عباس المبعوث الفلسطيني)
                continue
            construct = nxt is not None and nxt.entity_type == "GPE" and _gap(text, end, nxt.start) == 0
            if country is None and org is None and mention.office and not construct:
                # (سفير مملكة البحرين: the state that completes the title is its own, not the context's)
                # An organization's office (الأمين العام، المبعوث) is never the focus state's.
                home = None if mention.office in self.kb.org_offices or not focus else focus[0]
                country, org = last_owner.get(mention.office, (home, None))
                mention.score = 0.5
            mention.actors = self._office_holder(mention.office or "", country, org, on)
            if mention.actors:
                kept.append(mention)
        return kept

    def _never_held(self, person: Mention, office: str | None) -> bool:
        """A known person none of whose roles is ``office``: with a nationality of its own, the title is a second
        man (عباس المبعوث الفلسطيني: the president and the envoy he called in)."""
        entries = [self.kb.entries.get(a.id) for a in person.actors]
        return bool(entries) and all(e is not None and e.roles and all(r.office != office for r in e.roles)
                                     for e in entries)

    def _office_holder(self, office: str, country: str | None, org: str | None, on: dt.date | None) -> list[Actor]:
        """The person holding ``office`` on ``on``; a generic office actor when the KB does not know them."""
        key = (office, country, org, on)
        if key not in self._holder_cache:
            if len(self._holder_cache) > 4096:
                self._holder_cache.clear()
            self._holder_cache[key] = self._find_office_holder(office, country, org, on)
        return list(self._holder_cache[key])

    def _find_office_holder(self, office: str, country: str | None, org: str | None,
                            on: dt.date | None) -> list[Actor]:
        if country is None and org is None:
            return []
        concurrent = office in self.kb.concurrent_offices and org is None
        holders = self.kb.holders(office, country, on, org=org) if on is not None and not concurrent else []
        if len(holders) == 1:
            return [self._actor(holders[0], on)]
        owner = org or country
        return [Actor(id=f"{owner}.{office}", name=f"{owner} {office.replace('_', ' ')}", country=country,
                      kind="person", role=office, org=org, score=0.5)]

    def _name_unknown_people(self, state: DocumentState, mentions: list[Mention]) -> None:
        """Tagged names take the nationality written beside them, else the home state of an article about
        one state (a name in Tunisian domestic news is most often a Tunisian's: so are 105 of the 132 such
        people the dev gold codes); later mentions of a surname follow."""
        text = state.document.text
        known: dict[str, Actor] = {}
        # a tagged surname of a person the KB named in full (صبرا after جورج صبرا) is that person
        for mention in mentions:
            if mention.kind == NAME and mention.actor is not None and mention.actor.kind == "person":
                _remember(known, text[mention.start:mention.end], mention.actor)
        # Full names first: a headline's "ماكين" is the "جون ماكين" the article names in full further on.
        order = sorted(range(len(mentions)), key=lambda i: len(text[mentions[i].start:mentions[i].end].split()) < 2)
        for i in order:
            mention = mentions[i]
            if mention.kind != TAGGED or mention.entity_type not in ("PER", "ORG"):
                continue
            if mention.actors:
                _remember(known, text[mention.start:mention.end], mention.actors[0])
                continue
            surface = text[mention.start:mention.end]
            earlier = known.get(normalize_key(surface)) or known.get(normalize_key(surface.split()[-1]))
            if earlier:
                mention.actors = [earlier]
                continue
            if mention.entity_type == "PER":
                serving = self._serving_by_surname(surface, state.published_date)
                if serving is not None:  # كارتر in 2015: the Secretary of Defense, named by surname only
                    mention.actors, mention.score = [serving], 0.6
                    _remember(known, surface, serving)
                    continue
                # A person the KB does not know is still one actor across the document; the nationality
                # written beside the name, when there is one, codes them.
                country = _neighbour_country(text, mentions, i) or self._possessor_country(text, mentions, i)
                actor = _new_person(surface, country or state.home, None,
                                    score=0.6 if country or not state.home else 0.4)
                mention.actors = [actor]
                _remember(known, surface, actor)

    def _possessor_country(self, text: str, mentions: list[Mention], index: int) -> str | None:
        """A title with a pronoun right before a name (أعلن السودان أن سفيره عبد المحمود، السفارة الروسية
        وسفيرها ألكسندر ياكوفينكو) makes the person the office holder of the state or body named last."""
        mention = mentions[index]
        words = text[:mention.start].split()[-1:]
        word = words[0] if words else ""
        word = word[1:] if word[:1] in ("و", "ف") and word[1:] else word
        # (read before normalizing: ة becomes ه there, and السيناتورة has no pronoun)
        stem = next((word[:-len(suffix)] for suffix in ("ها", "ه") if word.endswith(suffix)), None)
        if stem is None or without_article(normalize_key(stem)) not in self._title_words:
            return None
        for before in reversed(mentions[:index]):
            if _gap(text, before.end, mention.start) == _FAR:
                return None
            where = text[:before.start].split()[-1:] == ["في"]  # السفارة الروسية في لندن: a place
            if before.kind in (NAME, CAPITAL, ADJECTIVE) and before.entity_type in ("GPE", "ORG") \
                    and len(before.countries) == 1 and not where:
                return next(iter(before.countries))
        return None

    def _serving_by_surname(self, surface: str, on: dt.date | None) -> Actor | None:
        """The one KB person with this family name who held an office on the date, if exactly one did.

        Names are compared by their consonants, so a transliteration that writes its vowels otherwise
        (جنتيلوني for جينتيلوني) still finds the office holder; a full name must agree on its first name too.
        """
        words = surface.split()
        if on is None or not words or len(words) > 2:
            return None
        surname = normalize_key(words[-1])
        candidates = self._by_surname.get(surname) or (
            self._by_skeleton.get(_skeleton(surname), ()) if len(surname) >= _FUZZY_SURNAME else ())
        holders = [e for e in candidates if self.kb.role_on(e, on)
                   and (len(words) == 1 or any(_skeleton(alias.split()[0]) == _skeleton(words[0])
                                               for alias in e.aliases if len(alias.split()) > 1))]
        return self._actor(holders[0], on) if len(holders) == 1 else None

    def _add_surnames(self, state: DocumentState, mentions: list[Mention]) -> list[Mention]:
        """Later bare mentions of a person first named in full (السموني after خالد الشرقاوي السموني)."""
        people = {}
        for mention in mentions:
            actor = mention.actor
            if actor is not None and actor.kind == "person" and mention.kind in (NAME, TAGGED):
                words = state.document.text[mention.start:mention.end].split()
                styled = any(without_article(normalize_key(w)) in self._title_words | _LINKING_WORDS for w in words)
                if len(words) > 1 and len(words[-1]) > 2 and not styled:
                    # أبو حجلة، بن عمر، آل ثاني: the family name is two words
                    two_word = len(words) > 2 and normalize_key(words[-2]) in FAMILY_PARTICLES
                    people.setdefault(" ".join(words[-2:]) if two_word else words[-1], actor)
        if not people:
            return mentions
        matcher = PhraseMatcher()
        for surname, actor in people.items():
            matcher.add(surname, actor.id)
        actors = {actor.id: actor for actor in people.values()}
        index = SpanIndex(mentions, lambda m: m.start)
        added = []
        for match in longest_first(matcher.find(state.normalized.text)):
            start, end = state.normalized.span(match.start, match.end)
            named = actors[match.payloads[0]]
            overlapping = [m for m in index.within(start - 200, end) if m.start < end and start < m.end]
            bare = [m for m in overlapping if (m.start, m.end) == (start, end) and m.actor is not None
                    and m.actor.kind == "person" and m.actor.id != named.id]
            if bare:
                # المالكي after تركي المالكي: the one the article named in full, not another holder of the name
                bare[0].actors = [named]
                continue
            if overlapping or state.in_boilerplate(start, end):
                continue
            added.append(Mention(start, end, TAGGED, "PER", [named], score=0.7))
        return sorted(mentions + added, key=lambda m: m.start)

    def _resolve_references(self, mentions: list[Mention], on: dt.date | None, focus: list[str],
                            normalized: Normalized) -> None:
        last_office: str | None = None
        for i, mention in enumerate(mentions):
            if mention.kind == TITLE and mention.office:
                last_office = mention.office
            elif mention.actor and mention.actor.kind == "person" and mention.actor.role:
                last_office = _office_of(self.kb, mention.actor, on) or last_office
            if mention.kind != REFERENCE:
                continue
            if mention.office == "pair" and len(focus) >= 2:
                mention.actors = [_state_actor(self.kb, code) for code in focus[:2]]
                mention.entity_type = "GPE"
                mention.score = 0.7
            elif mention.office and mention.office.startswith("state:"):
                word = mention.office[6:]
                in_focus = [c for c in focus if c in self.references.state_words[word]]
                chosen = in_focus[0] if in_focus else self.references.state_defaults.get(word)
                if chosen:
                    mention.actors = [_state_actor(self.kb, chosen)]
                    mention.entity_type = "GPE"
                    mention.score = 0.7
            elif mention.office and mention.office.startswith("org:"):
                word = mention.office[4:]
                named = _last_named(mentions[:i], word, normalized)
                actors = list(named.actors) if named is not None else self._org_by_story(word, focus, on)
                if actors:
                    mention.actors = actors
                    mention.entity_type = "ORG"
                    mention.score = 0.7
            elif mention.office == "own":
                owner = _last_owner(mentions[:i], mention.start)
                if owner is not None:
                    mention.actors = [_state_actor(self.kb, owner)]
                    mention.entity_type = "GPE"
                    mention.score = 0.7
            elif mention.office == "counterpart" and last_office and i + 1 < len(mentions):
                follower = mentions[i + 1]
                if follower.kind == ADJECTIVE and follower.start - mention.end <= 2:
                    mention.actors = self._office_holder(last_office, next(iter(follower.countries)), None, on)
                    mention.end = follower.end
                    mention.entity_type = "PER"
                    mention.kind = TITLE
                    mention.office = last_office

    def _org_by_story(self, word: str, focus: list[str], on: dt.date | None) -> list[Actor]:
        """The organization a bare org word means in a story about one of its two most-named states."""
        orgs = self.references.org_defaults.get(word, {})
        chosen = next((orgs[code] for code in focus[:2] if code in orgs), None)
        entry = self.kb.entries.get(chosen) if chosen else None
        return [self._actor(entry, on)] if entry else []


def _last_named(before: list[Mention], head: str, normalized: Normalized) -> Mention | None:
    """The organization named last before whose name opens with ``head`` (حركة حماس ... الحركة، حزب الله ...
    الحزب): the one a bare الحركة or الحزب goes on with."""
    for mention in reversed(before):
        if mention.kind == REFERENCE or not mention.actor or mention.actor.kind != "organization":
            continue
        start, end = normalized.from_original(mention.start), normalized.from_original(mention.end)
        if without_article(normalized.text[start:end].split(maxsplit=1)[0] if end > start else "") == head:
            return mention
    return None


def _last_owner(before: list[Mention], start: int) -> str | None:
    """The state of the last person or body named shortly before (وزير الخارجية الليبي ... بلاده: Libya)."""
    for mention in reversed(before):
        if start - mention.end > _OWNER_REACH:
            return None
        countries = {a.country for a in mention.actors if a.country}
        if mention.kind not in (REFERENCE, ADJECTIVE) and len(countries) == 1 and (
                mention.entity_type in ("PER", "ORG")):
            return countries.pop()
    return None


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of each BIO span."""
    spans: list[tuple[int, int, str]] = []
    for index, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != index
                                                             or spans[-1][2] != tag[2:])):
            spans.append((index, index + 1, tag[2:]))
        elif tag.startswith("I-"):
            first, _, label = spans[-1]
            spans[-1] = (first, index + 1, label)
    return spans


def _skeleton(word: str) -> str:
    """A name's consonants (its first letter kept): how transliterations of one foreign name agree."""
    key = without_article(normalize_key(word))
    return key[:1] + re.sub("[اوي]", "", key[1:])


def _surname_index(kb: KnowledgeBase, key: Callable[[str], str] = normalize_key) -> dict[str, list[KBEntry]]:
    """Family names (the last word of a full name of two words or more) of the KB's office holders, by
    ``key``."""
    index: dict[str, list[KBEntry]] = {}
    for entry in kb.entries.values():
        if entry.kind != "person" or not entry.roles:
            continue
        for alias in entry.aliases:
            words = alias.split()
            if len(words) > 1 and len(words[-1]) > 3:
                entries = index.setdefault(key(words[-1]), [])
                if entry not in entries:
                    entries.append(entry)
    return index


def _existed(entry: KBEntry, on: dt.date | None) -> bool:
    """Whether a body dated in the KB existed on the article's date (undated ones always did)."""
    return on is None or (entry.start is None and entry.end is None) or dates.covers(entry.start, entry.end, on)


def _qualifiers_only(between: str) -> bool:
    """Nothing, or one plain qualifying word, between a body and its nationality (محكمة عسكرية إسرائيلية)."""
    words = between.split()
    return not words or (len(words) == 1 and words[0].isalpha() and normalize_key(words[0]) not in _LINKING_WORDS)


def _located_in(text: str, end: int, start: int) -> bool:
    """``في`` (after at most one qualifying word) joins a body to the state it is in."""
    words = [normalize_key(w) for w in text[end:start].split()]
    return bool(words) and words[-1] == "في" and len(words) <= 2 and all(w.isalpha() for w in words)


def _title_gap(text: str, end: int, start: int) -> int:
    """Words between a title and what may complete it; a preposition standing alone between them ends the
    title (الوزير عن قلقه من التدخل الإيراني: the minister is not Iran's)."""
    between = text[end:start] if start > end else ""
    if any(normalize_key(word) in _TITLE_BREAKERS for word in between.split()):
        return _FAR
    return _gap(text, end, start)


def _title_ended(text: str, end: int, start: int) -> bool:
    """A title closed by its nationality is over where a comma or nothing at all stands before the next
    body (وطالب وزير الخارجية الإسرائيلي حماس، قال وزير الخارجية اليمني، إن الميليشيات الحوثية): only a
    word between (السفير الروسي لدى الأمم المتحدة) lets the body complete it."""
    between = text[end:start]
    return "،" in between or "," in between or not between.split()


def _gap(text: str, end: int, start: int) -> int:
    """Words between two mentions, ignoring commas; a sentence end between them puts them out of reach."""
    if start < end:
        return 0
    between = text[end:start]
    if _SENTENCE_END.search(between):
        return _FAR
    return len(between.replace("،", "").replace(",", "").split())


def _focus(mentions: list[Mention]) -> tuple[list[str], str | None]:
    """States the document is about, most mentioned first (names, capitals, adjectives, people), and
    its home state: the one named in more than half of those mentions, if any."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        # (not a place no state holds, القدس: its code is no state's)
        if mention.kind in (NAME, CAPITAL, ADJECTIVE) and len(mention.countries) == 1 and not all(
                a.kind == "place" and not a.country for a in mention.actors):
            counts[next(iter(mention.countries))] += 1
    ranked = counts.most_common()
    home = ranked[0][0] if ranked and 2 * ranked[0][1] > sum(counts.values()) else None
    return [code for code, _ in ranked], home


def _neighbour_country(text: str, mentions: list[Mention], index: int) -> str | None:
    """The nationality written right before a name (الجنرال الأميركي مايكل لانجلي) or in apposition after it."""
    mention = mentions[index]
    for j in range(index - 1, max(-1, index - 4), -1):
        before = mentions[j]
        if _gap(text, before.end, mention.start) > _TITLE_REACH:
            break
        if before.kind in (ADJECTIVE, TITLE) and len(before.countries) == 1:
            return next(iter(before.countries))
        if before.kind in (NAME, AGENT) and before.entity_type == "ORG" and len(before.countries) == 1 \
                and _gap(text, before.end, mention.start) <= _BODY_REACH \
                and not any(w[:1] in ("ب", "ل") for w in text[before.end:mention.start].split()):
            # عميل الاستخبارات الروسية المنشق الكسندر ليتفينكو: a state's body right before a name is theirs
            # (not across a noun it governs: نددت السفارة الأمريكية باعتقال خالد حسن)
            return next(iter(before.countries))
    if index + 1 < len(mentions):
        after = mentions[index + 1]
        between = text[mention.end:after.start]
        if (("،" in between or "," in between) and len(between.split()) <= _APPOSITION_REACH + 2
                and after.kind in (ADJECTIVE, NAME, TITLE) and len(after.countries) == 1):
            return next(iter(after.countries))
    return None


def _code_affiliates(normalized: Normalized, mentions: list[Mention]) -> None:
    """A body the KB does not know that is "affiliated to" a known one (الهيئة الدائمة لحقوق الإنسان التابعة
    لمنظمة التعاون الإسلامي) acts as it: the linker codes it with the actor it belongs to."""
    for mention, following in pairwise(mentions):
        if mention.actors or mention.entity_type != "ORG" or len(following.actors) != 1 \
                or following.actors[0].kind not in ("organization", "state"):
            continue
        between = normalized.text[normalized.from_original(mention.end):normalized.from_original(following.start)]
        if _AFFILIATED.search(between):
            mention.actors, mention.score = list(following.actors), 0.6


def _opens_lineage(text: str, start: int, end: int, mention: Mention) -> bool:
    """A one-word person alias followed by بن is the first name of someone else's lineage (مبارك بن سعيد
    الخييلي is not Hosni Mubarak): the tagger's longer name is the person."""
    return (mention.kind == NAME and bool(mention.actors) and all(a.kind == "person" for a in mention.actors)
            and " " not in text[start:end] and text[end:end + 5].split()[:1] in (["بن"], ["ابن"]))


def _main_armed_group(mentions: list[Mention]) -> Actor | None:
    """The non-state armed group the document names most often (first named on a tie), if it names one."""
    groups = [m.actors[0] for m in mentions if m.kind == NAME and len(m.actors) == 1
              and m.actors[0].country is None and (m.actors[0].sector or "").startswith("REB")]
    if not groups:
        return None
    top = Counter(actor.id.split(".")[0] for actor in groups).most_common(1)[0][0]
    return next(actor for actor in groups if actor.id.split(".")[0] == top)


def _body_mention(start: int, end: int, country: str, state_name: str, sector: str, score: float) -> Mention:
    """A state's body named by a noun (القوات الهندية، الأحزاب في تونس): the actor ISO3.SECTOR."""
    actor = Actor(id=f"{country}.{sector.replace('/', '_')}", name=f"{state_name} ({sector})", country=country,
                  kind="organization", score=score, sector=sector)
    return Mention(start, end, AGENT, "ORG", [actor], office=sector, score=score)


def _new_person(surface: str, country: str | None, office: str | None, score: float = 0.6) -> Actor:
    return Actor(id=f"new:{country or ''}:{normalize_key(surface)}", name=surface, country=country, kind="person",
                 role=office, score=score)


def _remember(known: dict[str, Actor], surface: str, actor: Actor) -> None:
    known[normalize_key(surface)] = actor
    words = surface.split()
    if len(words) > 1:
        known.setdefault(normalize_key(words[-1]), actor)


def _state_actor(kb: KnowledgeBase, code: str) -> Actor:
    entry = kb.entries.get(code)
    return Actor(id=code, name=entry.name if entry else code, country=code, kind="state")


def _office_of(kb: KnowledgeBase, actor: Actor, on: dt.date | None) -> str | None:
    entry = kb.entries.get(actor.id)
    role = kb.role_on(entry, on) if entry else None
    return role.office if role else None
