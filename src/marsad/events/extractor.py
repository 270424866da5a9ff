"""The events stage: triggers -> arguments -> date, place, modality -> one record per real event."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.events.arguments import (
    COMPLEMENTIZERS,
    JOINT_FRAMES,
    RELATIVE_PRONOUNS,
    Arguments,
    TriggerReading,
    fills_argument,
    find_arguments,
    is_time_noun,
    main_sectors,
    same_side,
    undergone_attack,
)
from marsad.events.confidence import ConfidenceModel
from marsad.events.dating import after_publication, context_date, governing_timex, is_day
from marsad.events.implicit import ImplicitEvents
from marsad.events.lexicon import (
    FIRST_PERSON,
    NOUN,
    PARTICIPLE,
    PAST,
    PHRASE,
    PRESENT,
    Cues,
    Trigger,
    TriggerHit,
    TriggerLexicon,
)
from marsad.events.merge import merge_events
from marsad.events.ranking import Candidate, Ranked, TargetRanking, candidates
from marsad.events.syntax import PREPOSITIONS, SentenceSyntax
from marsad.linking.mentions import ADJECTIVE, CAPITAL, NAME, REFERENCE, Mention
from marsad.model import SYMMETRIC_TYPES, Actor, Event, Location, Span, Timex
from marsad.text.matcher import longest_first
from marsad.text.normalize import normalize_key
from marsad.text.spans import SpanIndex

if TYPE_CHECKING:
    from marsad.analyzer import DocumentState

# Types whose source and target may be the same state: domestic arrests, protests, clashes.
DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "CONCEDE", "REQUEST", "ACCUSE"})
# Speech acts: the speaker of an attribution verb is their actor (قال الوزير إن بلاده تدين ...).
SPEECH_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "PROTEST"})
# Words after which a past-verb form is its verbal noun (عن رفض، بعد قصف): prepositions and their kin
NOUN_GOVERNORS = PREPOSITIONS | frozenset(normalize_key(w) for w in ("بعد", "قبل", "إثر", "عقب", "خلال", "منذ"))
# Words that place an act in time as done (عقب مباحثات، خلال لقائه): what is asked for before them does not reach it
_AFTER_WORDS = frozenset(normalize_key(c + w) for w in ("بعد", "عقب", "إثر", "خلال", "أثناء") for c in ("", "و"))
# An actor read from the article's home state alone is as sure as the linker's other inferred states (المملكة)
_HOME_SCORE = 0.7
_NOUN_CLITICS = ("ل", "ب", "ك")  # proclitics no verb takes (the article ال contains ل)
_NEGATION_REACH = 1  # words between a negation and the trigger it negates
_LONGEST_NAME = 120  # characters: how far before a trigger a name containing it may start
_DEMAND_REACH = 10  # words between a demand (دعا، طالب) and the act it asks for
_DEMAND_OPENERS = frozenset({"الي", "والي"})  # normalized إلى; أن، بأنه are the COMPLEMENTIZERS
_REACH = 600  # characters around a trigger where its arguments, cues and date may be
VERBAL_FORMS = frozenset({PAST, PRESENT, PARTICIPLE})
DAMMA = "\u064f"  # on a past verb, only the passive carries it (اعتُقل، قُتل)
OBJECT_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "ته", "تها", "تهم", "وه", "وها", "وهم", "ناه", "اه"})
# What an attack struck: after على/ضد/بحق, where it happened (في، بـ), or after a verb of striking
_VICTIM_PREPOSITIONS = frozenset(normalize_key(w) for w in ("على", "ضد", "بحق", "في", "ب"))
_STRUCK_VERBS = tuple(normalize_key(w) for w in ("استهدف", "طال", "تعرض", "يتعرض", "وقع", "ضرب", "شهد", "جدت"))
_AT_A_MEETING_TYPES = frozenset({"AGREE"})
_MEETING_REACH = 2  # sentences from a meeting to an agreement made at it
_IN_THE_COURSE_OF = frozenset(normalize_key(w) for w in ("في", "خلال"))  # في اتصال هاتفي، خلال لقاء
_IN_THE_COURSE_REACH = 2  # words from a pair (الرئيسان) to في/خلال and the meeting they spoke in
_NOT_YET = frozenset(normalize_key(w) for w in ("قبل", "حتى", "أن"))  # قبل التوصل، إلى أن تم التوصل: not made
_AUTHOR_VERBS = tuple(normalize_key(w) for w in ("ارتكب", "نفذ", "تبنى", "شن", "يقف وراء", "وقف وراء"))
_VICTIM_REACH = 12  # words from a condemned attack to what it struck (التفجير الذي استهدف مسجد ... بمنطقة عسير)
_WORD_BEFORE_WINDOW = 40  # characters before a trigger enough to hold the word before it
_CONDEMNED_REACH = 2  # words between a condemnation and the attack it condemns (إدانته واستنكاره للاعتداء)
# acts made in words, dated by the words (a summons is done, not said: it keeps the date of what reports it)
_SAID = SPEECH_TYPES - {"PROTEST"}
# acts whose named agent, with no other party named, goes on against the one it fought or protested before
_CAMPAIGN_TYPES = frozenset({"ASSAULT", "PROTEST"})
_ADDRESSED_TYPES = frozenset({"REQUEST", "SUPPORT"})  # acts of speech whose target is the one addressed
_ABOUT_ANOTHERS_DEED = frozenset({"ACCUSE", "SUPPORT", "REQUEST"})  # a deed charged, praised or asked for
# the verbs that tie a death to the act that caused it (أسفر الهجوم عن مقتل ...، ما أدى إلى مقتل)
_DEATH_NOUNS = frozenset({normalize_key("مقتل")})  # (not اختطاف: a further act)
_RESULT_VERBS = tuple(normalize_key(w) for w in ("أسفر", "أسفرت", "يسفر", "أدى", "أدت", "يؤدي", "تسبب", "تسببت"))
_LAUNCH_VERBS = ("شن", "يشن", "تشن", "سيشن", "ستشن")  # شن هجوما: launched an attack, in arms or in words
_LAUNCH_REACH = 10  # words from a verb of launching to its noun: the subject, a date and a comma between
_SPEAKER_REACH = 3  # words between an attribution verb and the one who speaks (as in _speakers)
_SUBJECT_RULES = frozenset({"verb-subject", "preverbal-subject", "pronoun-subject", "relative-subject"})
_WHERE_PREPOSITIONS = frozenset({"في", "ب"})
_FIGHTING_SECTORS = frozenset({"MIL", "REB", "TER", "COP", "SPY"})
_OFFICIAL_SECTORS = frozenset({"GOV", "DIP", "LEG"})
_PARTIES = frozenset({"organization", "person"})  # actors that are no state or place
# Heads that make the body or state after them its officials (يصل قادة الاتحاد الأوروبي إلى طوكيو)
_LEADERS = frozenset(normalize_key(w) for w in (
    "قادة", "زعماء", "رؤساء", "وزراء", "ممثلو", "ممثلي", "مسؤولو", "مسؤولي", "مندوبو", "مندوبي", "سفراء"))
_SPEAKING_SECTORS = frozenset({"GOV", "DIP", "LEG", "JUD", "PTY", "MED", "NGO", "REL"})
# Acts that answer another (a condemnation, a denial, a protest) and may name it only by pointing back to it
_ANSWERING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
_ANSWER_REACH = 3  # sentences from the act answered to the answer
_DEMONSTRATIVES = frozenset(normalize_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هذان", "هاتان",
                                                       "هؤلاء"))
_INTENSIFIERS = frozenset(normalize_key(w) for w in ("بشدة", "بقوة", "أيضا", "كذلك", "على", "بدورها", "بدوره"))
_SUBJECT_WINDOW = 30  # characters after a verb where its subject's name may begin (after a title)
_WORD = re.compile(r"\S*\w\S*")  # a word, not a lone quote or dash (تهدد" أمن: near words skip the quote)


NO_PARTIES = "no source or no target"
SAME_ACTOR = "source and target are the same actor"


@dataclass(frozen=True, slots=True)
class _Context:
    """Per-document lookups shared by every trigger."""

    syntax: SentenceSyntax
    cues: SpanIndex[tuple[int, int, str]]
    mentions: SpanIndex[Mention]
    timexes: SpanIndex[Timex]
    verbs: list[tuple[tuple[int, int], str]]  # verb triggers: span and event type, in text order
    attacks: list[tuple[int, int]]  # attack nouns and phrases, and the attack_words cues, in text order
    condemnations: list[tuple[int, int]]  # ACCUSE triggers of every form, in text order
    topic: list = field(default_factory=list)  # [agent mention, its sentence]: who the story is about
    own_days: list[tuple[int, str]] = field(default_factory=list)  # (start, day) of events their own timex dates
    meeting: list = field(default_factory=list)  # [sentence, source, target] of the last meeting made
    acts: list[tuple[tuple[int, int], Event]] = field(default_factory=list)  # events made so far, with sentences
    named: dict[str, int] = field(default_factory=dict)  # how many mentions name each actor code


@dataclass(slots=True)
class Found:
    """A trigger occurrence with everything decided about it, kept for ``marsad explain``."""

    trigger: Trigger
    hit: TriggerHit
    span: tuple[int, int]
    sentence: tuple[int, int]
    prefix: str = ""  # the proclitics before the trigger form in its word (و، ل، بال)
    suffix: str = ""  # what the word adds after the trigger form (an object pronoun: تدعمها)
    word_end: int = 0  # where the trigger's whole word ends, suffix and all (the words after it start there)
    agent: Mention | None = None  # the subject found for it, carried to later subject-less verbs
    decision: str = ""
    rules: tuple[str, ...] = ()
    event: Event | None = None
    cues: list[str] = field(default_factory=list)
    date_from_context: bool = False  # no date in its own sentence: it inherited the story's
    # the codes of the rules' source and target, and the actors its sentence offered as the target (``marsad
    # train ranking``)
    candidates: tuple[frozenset[str], frozenset[str], list[Candidate]] | None = None

    @property
    def ruled_out(self) -> bool:
        """The rules judged the act one not to report (denied, asked for, background ...), not merely that they
        could not read its parties."""
        return self.event is None and self.decision not in (NO_PARTIES, SAME_ACTOR)


class EventExtractor:
    """Finds PLOVER events in an analyzed document's sentences."""

    def __init__(self, lexicon: TriggerLexicon, cues: Cues, confidence: ConfidenceModel | None = None,
                 ranking: TargetRanking | None = None, implicit: ImplicitEvents | None = None) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.confidence = confidence  # None: every event the rules make, with the rules' own confidence
        self.ranking = ranking  # None: the targets the rules read, unranked
        self.implicit = implicit  # None: only the events a trigger names

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = (), min_confidence: float | None = None,
             learned_confidence: bool = True, learned_ranking: bool = True,
             learned_implicit: bool = True) -> EventExtractor:
        """The shipped lexicons (extended by ``extra_dirs``), target ranking, confidence model and implicit-event
        model; ``min_confidence`` replaces the confidence model's threshold (0 keeps every event a trigger names)
        and raises the implicit model's. Without ``learned_implicit``, the events triggers name: what ``marsad
        train implicit`` learns from; without ``learned_confidence``, those unweighed: what ``marsad train
        confidence`` learns from; without ``learned_ranking`` too, the rules alone: what ``marsad train ranking``
        learns from."""
        model = ConfidenceModel.load() if learned_confidence else None
        implicit = ImplicitEvents.load() if learned_confidence and learned_implicit else None
        if model is not None and min_confidence is not None:
            model = model.with_threshold(min_confidence)
        if implicit is not None and min_confidence is not None:
            implicit = implicit.with_threshold(max(implicit.threshold, min_confidence))
        ranking = TargetRanking.load() if learned_ranking else None
        return cls(TriggerLexicon.load(extra_dirs), Cues.load(extra_dirs), model, ranking, implicit)

    def extract(self, state: DocumentState) -> list[Found]:
        """Fill ``state.analysis.events``; return every trigger considered, with the reason for its fate."""
        found = self.find_triggers(state)
        cues = self._cue_spans(state)
        context = _Context(
            syntax=SentenceSyntax(state.document.text, state.tokens),
            cues=SpanIndex(cues, lambda c: c[0]),
            mentions=SpanIndex(state.mentions, lambda m: m.start),
            timexes=SpanIndex(state.analysis.timexes, lambda t: t.start),
            verbs=sorted((f.span, f.trigger.type) for f in found if f.hit.form in VERBAL_FORMS),
            attacks=sorted([f.span for f in found if f.trigger.type == "ASSAULT" and f.hit.form != PAST]
                           + [(start, end) for start, end, category in cues if category == "attack_words"]),
            condemnations=sorted(f.span for f in found if f.trigger.type == "ACCUSE"),
            named=Counter(m.actor.code for m in state.mentions if m.actor is not None),
        )
        events: list[Event] = []
        for item in found:
            event = self._event_for(state, context, item)
            if item.agent is not None:
                context.topic[:] = [item.agent, item.sentence]
            if event is not None:
                item.event = event
                events.append(event)
                context.acts.append((item.sentence, event))
                if event.type == "CONSULT":
                    context.meeting[:] = [item.sentence, event.source, event.target]
        events = merge_events(
            events, inherited={id(f.event) for f in found if f.event and f.date_from_context},
            nominal={id(f.event) for f in found if f.event and f.hit.form in (NOUN, PHRASE)})
        if self.confidence is not None:
            events = self.confidence.apply(found, events, state.document.text, state.analysis.entities)
        if self.implicit is not None:
            events += self.implicit.events(state, found, events)
        state.analysis.events = events
        return found

    def find_triggers(self, state: DocumentState) -> list[Found]:
        normalized = state.normalized
        sentence_starts = [s for s, _ in state.sentences]
        names = SpanIndex([m for m in state.mentions if m.kind == NAME], lambda m: m.start)
        found: list[Found] = []
        for match in longest_first(self.lexicon.matcher.find(normalized.text)):
            start, end = normalized.span(match.start, match.end)
            if state.in_boilerplate(start, end) or _in_name(names, start, end):
                continue
            index = bisect_right(sentence_starts, start) - 1
            if index < 0:
                continue
            if match.prefix + normalized.text[match.start:match.end] + match.suffix in self.lexicon.exclude:
                continue
            # A form shared by several triggers (استدعى: summon an envoy, recall one's own) goes to the first
            # whose required words follow it.
            hits: list[TriggerHit] = list(match.payloads)  # type: ignore[arg-type]
            before = _word_before(normalized.text, match.start - len(match.prefix))
            if match.suffix and _ends_in_ta_marbuta(state, match.end, len(match.suffix)):
                # منحة، ضربة: ة normalizes to the pronoun ه, but a word written with ة is a noun, never a verb
                hits = [h for h in hits if h.form not in VERBAL_FORMS]
            # the words after the trigger start after its whole word (جمدت: after the ت, not inside the word)
            word_end = normalized.span(match.start, match.end + len(match.suffix))[1]
            subject_end = _subject_end(state, word_end)
            hit = next((h for h in hits if _near(state, word_end, self.lexicon.triggers[h.trigger],
                                                 subject_end if h.form in VERBAL_FORMS else None)
                        and not _among(self.lexicon.triggers[h.trigger].unless_after, before)), None)
            if hit is None:
                continue
            item = Found(self.lexicon.triggers[hit.trigger], hit, (start, end), state.sentences[index],
                         prefix=match.prefix, suffix=match.suffix, word_end=word_end)
            if "س" in match.prefix and hit.form == PRESENT:
                item.cues.append("planned")
            found.append(item)
        return found

    def _ranked_target(self, context: _Context, item: Found, bounds: tuple[int, int], source: list[Actor],
                       target: list[Actor]) -> Candidate | None:
        """The actor its sentence names that the ranking would make the target instead of the rules' choice (or
        where they found none); the candidates stay on the item, for ``marsad train ranking``."""
        chosen, source_codes = _codes(target), _codes(source)
        if chosen and chosen <= source_codes:
            return None  # a state acting at home (its police arrest its own): the rules' considered choice
        # what the rules could choose: no nationality adjective but the one they chose (الهجوم الإسرائيلي), no
        # place where the target is a party (the ground taken)
        offered = [m for m in context.mentions.within(*bounds) if m.end <= bounds[1] and (
            fills_argument(m) or (m.kind == ADJECTIVE and not m.dateline and bool(m.countries & chosen)))
            and (m.actor is None or _may_be_target(item.trigger, m.actor))]
        ranked = Ranked(item.trigger.type, item.trigger.frame, item.hit.form, (*item.rules, "-", "-")[1], item.span)
        item.candidates = (source_codes, chosen,
                           candidates(context.syntax, ranked, offered, chosen, source_codes, context.named))
        return self.ranking.better(item.candidates[2], bool(chosen)) if self.ranking is not None else None

    def _cue_spans(self, state: DocumentState) -> list[tuple[int, int, str]]:
        normalized = state.normalized
        spans = []
        for match in self.cues.matcher.find(normalized.text):
            start, end = normalized.span(match.start, match.end)
            spans.extend((start, end, str(category)) for category in match.payloads)
        return spans

    def _event_for(self, state: DocumentState, context: _Context, item: Found) -> Event | None:
        trigger, (start, end) = item.trigger, item.span
        # Arguments, cues and dates are looked for in the sentence, but never farther than _REACH characters:
        # a run-on "sentence" of megabytes must not make the stage quadratic.
        sentence_start, sentence_end = max(item.sentence[0], start - _REACH), min(item.sentence[1], end + _REACH)
        clause = _clause(item, context.verbs, (sentence_start, sentence_end), state.document.text)
        syntax = context.syntax
        text = state.document.text
        in_sentence = [c for c in context.cues.within(sentence_start, sentence_end) if c[1] <= sentence_end]
        before = [c for c in in_sentence if c[1] <= start and syntax.distance(c[1], start) <= self.cues.window]
        after = [c for c in in_sentence if end <= c[0] and syntax.distance(end, c[0]) <= self.cues.window]
        item.cues += [c[2] for c in before]
        weighed = trigger.type == "SANCTION" and any(c[2] == "weighed" for c in before)
        barred = _barred(item, context, text, before, in_sentence, weighed)
        if barred is not None:
            item.decision = barred
            return None
        mentions = [m for m in context.mentions.within(clause[0], clause[1]) if m.end <= clause[1]]
        arguments = _arguments(state, context, item, clause, mentions, in_sentence)
        item.rules = arguments.rules
        if trigger.unless_before and _unless_before_subject(state, trigger, arguments, end):
            item.decision = "another thing, by the word after its subject (حذر ولي العهد من حرب)"
            return None
        if arguments.rules == ("none", "pronoun-patient"):
            # حتى اعتقاله عام 2006، احتجاجا على اعتقاله الإداري: an act named only by the pronoun of someone the
            # story has introduced, with no one said to do it, recalls what befell them, not a new act
            item.decision = "background: what befell someone named before (اعتقاله)"
            return None
        if trigger.person_agent and arguments.source and not _official(arguments.source[0]) \
                and syntax.previous_word(arguments.source[0].start) not in _LEADERS \
                and "delegation" not in arguments.rules:
            item.decision = "no official travels: وصلت الطائرة، وصلت القوات is no visit"
            return None
        source, target = _parties(state, syntax, trigger, arguments, mentions, end)
        if trigger.type in _CAMPAIGN_TYPES and arguments.source and not arguments.target \
                and _codes(target) == _codes(source):
            earlier = _earlier_target(context.acts, trigger.type, source)
            if earlier:
                # وشنت القوات العراقية ضربات: a campaign told before against a named party goes on against it,
                # not against the state's own people
                target = earlier
                item.rules = (*item.rules, "earlier-target")
        if (not source or not target) and trigger.type in _AT_A_MEETING_TYPES and context.meeting \
                and not _NOT_YET & set(syntax.previous_words(start, 2)):
            met = _at_the_meeting(state, context.meeting, item.sentence, source, target)
            if met != (source, target):
                source, target = met
                item.rules = (*item.rules, "at-the-meeting")
        if source and not target and trigger.type in _ANSWERING_TYPES and _points_back(state, item, arguments):
            target = _author_of_act_answered(state, context.acts, item.sentence, source)
            item.rules = (*item.rules, "act-answered")
        pair = arguments.rules[-1] == "pair-reference"
        ranked = None
        if source and not pair and not (trigger.frame in JOINT_FRAMES and trigger.type not in SYMMETRIC_TYPES):
            ranked = self._ranked_target(context, item, (sentence_start, sentence_end), source, target)
        if ranked is not None:
            item.rules = (*item.rules, "ranked-target" if target else "filled-target")
            target = [ranked.actor]
        target = [actor for actor in target if _may_be_target(trigger, actor)]
        if not source or not target:
            item.decision = NO_PARTIES
            return None
        codes_source, codes_target = _codes(source), _codes(target)
        if codes_source == codes_target and not pair and (
                trigger.type not in DOMESTIC_TYPES or _same_group(source, target)):
            # a state may arrest or fight its own people; a group does not attack itself
            item.decision = SAME_ACTOR
            return None
        if pair:
            source, target = source[:1], source[1:]
        if trigger.frame in JOINT_FRAMES and trigger.type not in SYMMETRIC_TYPES:
            # a clash has no one direction: each side attacks the other
            source = target = source + [a for a in target if all(a.id != b.id for b in source)]
        modality = _modality(item.cues + [c[2] for c in after if c[2] == "planned"])
        timex = governing_timex(state, context.timexes.within(sentence_start, sentence_end),
                                (sentence_start, sentence_end), (start, end), trigger.type in _SAID,
                                held=trigger.type == "COERCE")
        date = timex.value if timex else context_date(state, item.sentence, context.own_days, trigger.type in _SAID)
        item.date_from_context = timex is None
        if timex is not None and is_day(timex):
            context.own_days.append((start, timex.value))
        if modality == "asserted" and after_publication(date, state):
            modality = "planned"
        target_mentions = [ranked.mention] if ranked is not None else arguments.target
        spans = [(start, end)] + [(m.start, m.end) for m in arguments.source + target_mentions]
        evidence_start, evidence_end = min(s for s, _ in spans), max(e for _, e in spans)
        item.decision = "event"
        spoken = trigger.spoken_as is not None and bool(arguments.source) and all(_speaks(m) for m in arguments.source)
        kind = "THREATEN" if weighed else trigger.spoken_as if spoken else \
            "SUPPORT" if arguments.rules[-1] == "victim" else trigger.type
        return Event(
            type=kind,
            mode=trigger.mode if kind == trigger.type else None,
            source=source,
            target=target,
            evidence=Span(evidence_start, evidence_end, text[evidence_start:evidence_end]),
            date=date,
            location=_location(mentions, target_mentions if trigger.frame == "visit" else []),
            modality=modality,
            context=_context(trigger, in_sentence),
            confidence=round(trigger.strength * arguments.quality * (0.9 if timex else 0.8)
                             * min((m.score for m in arguments.source + arguments.target),
                                   default=_HOME_SCORE) ** 0.5, 3),
            trigger=Span(start, end, text[start:end]),
        )


def _barred(item: Found, context: _Context, text: str, before: list[tuple[int, int, str]],
            in_sentence: list[tuple[int, int, str]], weighed: bool) -> str | None:
    """Why the words around a trigger say no new act happened (negated, asked for, habitual ...), or None."""
    syntax, start = context.syntax, item.span[0]
    # a negation governs the word it stands before (لم يزر، عدم التوقيع), not a verb further on (لا يمنع ...
    # من إبقاء الخيار العسكري)
    if any(c[2] == "negated" and syntax.distance(c[1], start) <= _NEGATION_REACH for c in before):
        return "negated"
    if item.trigger.type != "ACCUSE" and any(c[2] == "denied" for c in before):
        return "denied"
    if any(c[2] == "cancelled" for c in before):
        return "foiled or called off"
    if any(c[2] == "generic" and syntax.distance(c[1], start) == 0 for c in before):
        return "generic: no particular act (أي تدخل)"
    # (not past a word that dates the act: لحماية الرهينة، ذلك عقب مباحثات جمعت الوزيرين: the talks were held)
    requested = any(c[2] == "requested" for c in before) and syntax.previous_word(start) not in _AFTER_WORDS
    if item.trigger.type != "REQUEST" and not weighed and (requested or _asked_for(item, context.verbs, syntax)):
        return "asked for, not done"
    if item.trigger.type == "ASSAULT" and normalize_key(text[start:item.span[1]]) in _DEATH_NOUNS \
            and any(word.removeprefix("و").startswith(_RESULT_VERBS) for word in syntax.previous_words(start, 3)):
        return "the outcome of an act told before (أسفر عن مقتل، أدى إلى مقتل)"
    if any(c[2] == "habitual" and not _relative_between(syntax, item.span[1], c[0]) for c in in_sentence):
        return "habitual or background statement"
    if any(c[2] == "sport" for c in in_sentence):
        return "sport: a match, not a political event"
    if item.hit.form == PRESENT and "planned" not in item.cues and _in_relative_clause(syntax, text, start):
        return "background: a standing relation (روسيا التي تدعم الأسد)"
    return None


def _arguments(state: DocumentState, context: _Context, item: Found, clause: tuple[int, int],
               mentions: list[Mention], in_sentence: list[tuple[int, int, str]]) -> Arguments:
    """The trigger's arguments as the rules of ``find_arguments`` read them, with what the trigger's type adds:
    who is asked (REQUEST), that a condemned attack's victim is not accused (ACCUSE); and the agent it hands on
    to the next subject-less verb (``item.agent``)."""
    trigger, (start, end) = item.trigger, item.span
    syntax, text = context.syntax, state.document.text
    speakers = set() if trigger.type in SPEECH_TYPES else _speakers(state, syntax, mentions, in_sentence, start)
    form = _argument_form(item, text, syntax, mentions)
    completed = _completed_verb(item, context.verbs) if form == NOUN else None
    # a deed charged, praised or asked for (تتهم الحوثيين بخطف الرهائن) is not done by the one who speaks
    carried = None if completed in _ABOUT_ANOTHERS_DEED else _carried_topic(state, context, item)
    reading = TriggerReading(
        trigger.frame, (start, end), form,
        object_pronoun=item.suffix in OBJECT_PRONOUNS or _expressed(text, item), carried=carried,
        gender=item.hit.subject_gender(item.suffix) if form != NOUN else None,
        complement=form == NOUN and (completed is not None
                                     or _condemned(item, context.condemnations, syntax)),
        object_from=_object_word(state, end, trigger), passive=item.hit.form == PAST and DAMMA in text[start:end],
        genitive_patient=trigger.genitive_patient, patient_before=trigger.patient_before,
        attack=trigger.type == "ASSAULT",
        unnamed_people=tuple((c[0], c[1]) for c in in_sentence if c[2] == "unnamed_people" and c[0] >= end)
        if trigger.self_targeted else (),
        member_end=max((c[1] for c in in_sentence if c[2] == "members" and c[0] >= item.word_end
                        and syntax.distance(item.word_end, c[0]) == 0), default=None),
        continues=carried is not None and (form == PARTICIPLE or (
            form in (PAST, PRESENT) and item.prefix[:1] in ("و", "ف") and context.topic[1:] == [item.sentence])))
    arguments = find_arguments(syntax, reading, mentions, speakers)
    if trigger.type == "ASSAULT" and form == NOUN and item.prefix.endswith("ل"):
        arguments = undergone_attack(syntax, item.span, mentions) or arguments
    if trigger.type == "REQUEST":
        # the one asked is named before what is asked for (دعا الوزير الأطراف إلى ...); only when no one is,
        # the demand is coded against the party it is about (دعت فرنسا إلى الضغط على سوريا)
        opens = _demand_opens(state, end, clause[1])
        asked = find_arguments(syntax, reading, [m for m in mentions if m.end <= opens], speakers)
        arguments = asked if asked.target else arguments
    if trigger.type in _ADDRESSED_TYPES and arguments.rules[-1] == "preceding-object" \
            and not reading.object_pronoun and not reading.continues:
        # وفي ظل التوتر مع إيران طالبت فرنسا بوقف التصعيد: a demand or praise is addressed after its verb (طالب X،
        # أشاد بـ X) or by its pronoun (طالبها); a party named before is the setting, unless a verb joined by و
        # goes on about it (أدانت الجزائر تدمير الأضرحة في مالي ودعت)
        arguments = Arguments(arguments.source, [], (*arguments.rules, "no-addressee"), arguments.quality)
    if trigger.mode == "accuse" and form in (PAST, PRESENT) and not reading.object_pronoun \
            and arguments.rules[:2] == ("verb-subject", "preceding-object") \
            and _charge_follows(syntax.next_word(arguments.source[0].end)):
        # وتتهم بريطانيا بشن حملة ضدها، واتهم إسرائيل باستخدام القوة: an accusation names the accused; the one
        # party between the verb and the charge is the accused, and the accuser the party named before (not with
        # the accused as the verb's pronoun: والذي تتهمه تركيا بالوقوف وراء الانقلاب)
        arguments = Arguments(arguments.target, arguments.source, (*arguments.rules, "accused-before-charge"),
                              arguments.quality)
    victim = _victim_of_condemned_attack(
        syntax, context.attacks, arguments.source[0], max(end, arguments.source[0].end),
        context.mentions.within(max(item.sentence[0], start - _REACH), min(item.sentence[1], end + _REACH)),
    ) if trigger.mode == "condemn" and arguments.source and arguments.rules[-1] != "object-adjective" else None
    if victim is not None:
        # أدانت قطر الهجوم على السفارة السعودية، تدين تفجيري اسطنبول: the victim of an attack whose author is not
        # named is not accused; standing by it is support. Only a condemnation: an accusation or blame over an
        # attack (اتهمتها واشنطن بالهجوم على مجمعها، ألقت باللوم على روسيا في الهجوم) names its author
        arguments = Arguments(arguments.source, [victim], (*arguments.rules, "victim"), arguments.quality)
    if trigger.type == "ASSAULT" and form == NOUN and arguments.rules[0] == "preceding-subject" \
            and all(_speaks(m) for m in arguments.source) and not _launched(syntax, start):
        # قدم أوباما تعازيه لتركيا التي شهدت عدة غارات، أن شامير قرر شن هجوم مضاد: a leader or ministry named
        # before an attack noun speaks of it; the attacker is named with the attack or not at all. Only one who
        # launches the noun (شن خاتمي هجوما على الولايات المتحدة) attacks, in words (spoken_as) or arms
        arguments = Arguments([], arguments.target, (*arguments.rules, "speaker-not-attacker"), arguments.quality)
    if trigger.type == "ASSAULT" and form == NOUN and arguments.rules[-1] == "preceding-object" \
            and arguments.target and _condemner(context.acts, item.sentence, arguments.target[0]):
        # أدان أمين عام منظمة التعاون الإسلامي بشدة الهجوم الإسرائيلي: the one who condemns the attack is not
        # what it struck
        arguments = Arguments(arguments.source, [], (*arguments.rules, "condemner"), arguments.quality)
    # only a verb's own subject, or the parties after بين, carry to the next subject-less verb: not a noun's
    # genitive or a guess from the words before
    item.agent = arguments.source[0] if arguments.source and (arguments.rules[0] == "between" or (
        arguments.rules[0] in _SUBJECT_RULES and form != NOUN)) else None
    return arguments


_THAT = normalize_key("بأن")  # بأن + a clause with its own subject


def _charge_follows(word: str | None) -> bool:
    """The word after an accused party names the charge (بشن، باستخدام، بأنه), not a clause with a subject of its
    own (بأن إيران ...: the accusation's content, whose accused is named in it)."""
    return word is not None and word.startswith("ب") and word != _THAT


def _parties(state: DocumentState, syntax: SentenceSyntax, trigger: Trigger, arguments: Arguments,
             mentions: list[Mention], end: int) -> tuple[list[Actor], list[Actor]]:
    """The actors of the source and target mentions, and those an act implies where the text names only one
    side or none: the attacked or arresting state is where it happens, an article's state arrests its own."""
    source, target = _actors_of(arguments.source), _actors_of(arguments.target)
    if trigger.type == "ASSAULT" and source and not target:
        target = _attacked_at_home(syntax, mentions, end, source)
    elif trigger.type == "ASSAULT" and not source and not target and state.home \
            and _attacked_at_home(syntax, mentions, end, [_state(state.home)]):
        # انفجار عبوة ناسفة قرب كنيسة في طنطا: an attack no one is named for, at a place in the state the
        # article is about, is that state's own violence
        source = target = [_state(state.home)]
    if not source and target and (trigger.self_targeted or trigger.genitive_patient):
        # اعتقال صحفي فرنسي في مصر، الإفراج عن المختطفين التونسيين بليبيا: with no agent named, the act
        # is done where it happens (its authorities arrest and release, kidnappers act on its soil)
        source = _actors_of(_places_where(syntax, mentions, end))[:1]
    if trigger.self_targeted and bool(source) != bool(target):
        # Arrests and protests with one party named happen inside its state: the state arrests its own
        # citizens (اعتُقل عدد من الناشطات السعوديات), the police arrest at home.
        named = source or target
        home = [_state(country) for country in sorted({a.country for a in named if a.country})]
        source, target = source or home, target or home
    elif trigger.self_targeted and not source and not target and state.home:
        # تم اعتقال بعضهم، تظاهرات خرج فيها أهالي المحافظة: with no party named at all, in an article
        # about one state, its authorities arrest and its people protest
        source = target = [_state(state.home)]
    return source, target


def _earlier_target(acts: list[tuple[tuple[int, int], Event]], kind: str, source: list[Actor]) -> list[Actor]:
    """The other party of the last act of this type the same side did earlier in the article, if any."""
    codes = _codes(source)
    for _, event in reversed(acts):
        if event.type == kind and _codes(event.source) == codes and not _codes(event.target) <= codes:
            return event.target
    return []


def _at_the_meeting(state: DocumentState, meeting: list, sentence: tuple[int, int], source: list[Actor],
                    target: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """وتم الاتفاق على ...، وقع خلالها اتفاقات تعاون: an agreement whose parties go unnamed, told right after a
    meeting in the same paragraph, was made by the meeting's parties; one side named takes the other."""
    met_sentence, met_source, met_target = meeting
    apart = bisect_left(state.sentences, sentence) - bisect_left(state.sentences, met_sentence)
    if not 0 <= apart <= _MEETING_REACH or "\n" in state.document.text[met_sentence[0]:sentence[0]].strip():
        return source, target
    named = _codes(source or target)
    if not named:
        return met_source, met_target
    if named & _codes(met_source):
        return source or met_source, target or met_target
    if named & _codes(met_target):
        return source or met_target, target or met_source
    return source, target


def _points_back(state: DocumentState, item: Found, arguments: Arguments) -> bool:
    """The trigger's object is an act named before (تنفي قطر هذه الاتهامات، ندين بشدة هذا القصف): a demonstrative
    opens it, after the subject if that follows the verb."""
    end = max([item.word_end] + [m.end for m in arguments.source if m.start >= item.span[1]])
    words = [w for w in _bare_words_after(state, end, 3) if w not in _INTENSIFIERS]
    return bool(words) and words[0] in _DEMONSTRATIVES


def _author_of_act_answered(state: DocumentState, acts: list[tuple[tuple[int, int], Event]],
                            sentence: tuple[int, int], source: list[Actor]) -> list[Actor]:
    """Who did the act a condemnation or denial points back to: the agent of the last event told before it,
    within a few sentences, by another party than the one answering."""
    index = bisect_left(state.sentences, sentence)
    answering = _codes(source)
    for act_sentence, event in reversed(acts):
        if index - bisect_left(state.sentences, act_sentence) > _ANSWER_REACH:
            break
        if not _codes(event.source) & answering:
            return event.source
    return []


def _launched(syntax: SentenceSyntax, noun_start: int) -> bool:
    """شن خطيب جمعة طهران أحمد خاتمي، الجمعة، هجوما: a verb of launching in the words before the noun."""
    return any(word.removeprefix("و").startswith(_LAUNCH_VERBS)
               for word in syntax.previous_words(noun_start, _LAUNCH_REACH))


def _condemned(item: Found, condemnations: list[tuple[int, int]], syntax: SentenceSyntax) -> bool:
    """An attack noun right after a condemnation is what is condemned (عبر عن إدانته واستنكاره للاعتداء): it takes
    no agent from before the condemnation, whose speaker did not attack."""
    if item.trigger.type != "ASSAULT":
        return False
    index = bisect_left(condemnations, item.span) - 1
    return index >= 0 and syntax.distance(condemnations[index][1], item.span[0]) <= _CONDEMNED_REACH


def _condemner(acts: list[tuple[tuple[int, int], Event]], sentence: tuple[int, int], mention: Mention) -> bool:
    """The mention made a condemnation earlier in the sentence (أدان أمين عام المنظمة إياد مدني الهجوم)."""
    codes = _codes(mention.actors)
    return any(where == sentence and event.type == "ACCUSE" and codes & _codes(event.source) for where, event in acts)


def _victim_of_condemned_attack(syntax: SentenceSyntax, attacks: list[tuple[int, int]], condemner: Mention,
                                object_start: int, mentions: list[Mention]) -> Mention | None:
    """What a condemned attack struck (أدانت قطر الهجوم على السفارة السعودية، التفجير الذي استهدف مسجدا في
    الكويت، تفجيري اسطنبول), or None when there is no such attack or it names its author first (الهجوم
    الإسرائيلي على غزة، هجوم داعش على العريش): that author is the one condemned. ``object_start``: where the
    condemnation's object begins; a party on the condemner's side struck by it is passed over."""
    index = bisect_left(attacks, (object_start, object_start))
    if index == len(attacks) or syntax.distance(object_start, attacks[index][0]) > _CONDEMNED_REACH:
        return None
    attack_end = attacks[index][1]
    for mention in sorted((m for m in mentions if m.start >= attack_end), key=lambda m: m.start):
        distance = syntax.distance(attack_end, mention.start)
        if distance > _VICTIM_REACH:
            return None
        if mention.kind == ADJECTIVE and distance <= 1:
            return None  # الهجوم (الإرهابي) الإسرائيلي: its author
        if distance <= 1 and syntax.preposition(mention) not in _VICTIM_PREPOSITIONS:
            # completing the attack noun: تفجيري اسطنبول is the place it struck; اعتداء الميليشيات الحوثية، هجوم
            # داعش its author
            struck = mention.entity_type in ("GPE", "LOC") and fills_argument(mention)
            return mention if struck and not same_side(mention, condemner) else None
        if not fills_argument(mention):
            continue
        if any(word.startswith(_AUTHOR_VERBS) for word in syntax.previous_words(mention.start, 2)):
            return None  # الجريمة التي ارتكبها داعش: its author
        # ل before a place is what was struck (للاستهداف الصاروخي لمدينة مكة); before a group, the author
        struck_place = syntax.preposition(mention) == "ل" and mention.entity_type in ("GPE", "LOC")
        if (struck_place or syntax.preposition(mention) in _VICTIM_PREPOSITIONS or any(
                word.startswith(_STRUCK_VERBS) for word in syntax.previous_words(mention.start, 3))) \
                and not same_side(mention, condemner):
            return mention
    return None


def _official(mention: Mention) -> bool:
    """A person, or a body of officials (a delegation, a government, a ministry, a parliament): who travels
    on a visit, unlike a plane or troops."""
    sectors = main_sectors(mention)
    return mention.entity_type == "PER" or (bool(sectors) and sectors <= _OFFICIAL_SECTORS)


def _speaks(mention: Mention) -> bool:
    """A person (not a soldier) or a body whose acts are words: a government, ministry, parliament, party,
    court or outlet."""
    sectors = main_sectors(mention)
    if mention.entity_type == "PER":
        return not sectors & _FIGHTING_SECTORS
    return bool(sectors) and sectors <= _SPEAKING_SECTORS


def _attacked_at_home(syntax: SentenceSyntax, mentions: list[Mention], end: int, source: list[Actor]) -> list[Actor]:
    """الهجوم على قاعدة براك الشاطئ الجوية في جنوب ليبيا: an attack with no other party named, in the
    attacker's own state, is fought inside it (the target is that state)."""
    home = {a.country for a in source if a.country}
    return _actors_of([m for m in _places_where(syntax, mentions, end) if m.countries <= home][:1])


def _places_where(syntax: SentenceSyntax, mentions: list[Mention], end: int) -> list[Mention]:
    """The places after ``end`` that في or ب names as where something happens (في جنوب ليبيا، بليبيا)."""
    return [m for m in mentions if m.start >= end and m.countries and m.entity_type in ("GPE", "LOC")
            and syntax.preposition(m) in _WHERE_PREPOSITIONS]


def _relative_between(syntax: SentenceSyntax, end: int, start: int) -> bool:
    """A relative pronoun between ``end`` and a later ``start``: what follows it describes a noun, not the act
    before it (وقع اتفاقا على تشكيل مجلس ...، والذي سيجتمع مرة واحدة كل عام)."""
    words = syntax.words_after(end, syntax.distance(end, start))
    return any(normalize_key(t.text).removeprefix("و") in RELATIVE_PRONOUNS for t in words)


def _in_relative_clause(syntax: SentenceSyntax, text: str, start: int) -> bool:
    """The verb opens a relative clause (التي تدعم), or is joined to one that does (التي تمنع وترفض); not one
    about a time (في الوقت الذي ندين هذا القصف: while we condemn it, now)."""
    before = syntax.previous_words(start, 3)
    if before[:1] and before[0] in RELATIVE_PRONOUNS:
        return not is_time_noun(before[1] if before[1:] else None)
    joined = text[max(0, start - 1):start] == "و" or normalize_key(text[start:start + 1]) == "و"
    return joined and len(before) >= 2 and before[1] in RELATIVE_PRONOUNS


def _argument_form(item: Found, text: str, syntax: SentenceSyntax, mentions: list[Mention]) -> str:
    """The form a trigger's arguments are read by: a phrase opened by a preposition (بالسجن المؤبد) or by a
    noun (تعزيزات عسكرية) is nominal, its agent written before it; so is a past-verb form after a
    preposition, which can only be its verbal noun (عن رفض السلطات الجزائرية: the refusal of), one that
    carries a preposition or the article (لشكره: to thank him; no verb takes them), and one an indefinite
    nationality adjective qualifies (قصف إسرائيلي على غزة: Israeli shelling, as headlines write it)."""
    if item.hit.form == PHRASE and (normalize_key(text[item.span[0]:item.span[1]])[:3] in ("بال", "لل")
                                    or _nominal_phrase(text[item.span[0]:item.span[1]]) or _expressed(text, item)):
        return NOUN
    if item.hit.form == PAST and (syntax.previous_word(item.span[0]) in NOUN_GOVERNORS
                                  or any(clitic in item.prefix for clitic in _NOUN_CLITICS)
                                  or _qualified_by_nationality(item, syntax, mentions)):
        return NOUN
    return item.hit.form


def _qualified_by_nationality(item: Found, syntax: SentenceSyntax, mentions: list[Mention]) -> bool:
    """A three-letter past form, which is also the verbal noun of its verb (قصف، رفض، طرد), with a nationality
    adjective without the article right after it (قصف إسرائيلي): an adjective agreeing with an indefinite noun,
    since a verb's subject would be a noun (قصف الجيش الإسرائيلي). Longer forms are other words (طالب سوداني:
    a Sudanese student)."""
    if item.suffix or len(normalize_key(syntax.text[item.span[0]:item.span[1]])) != 3:
        return False
    after = syntax.next_word_start(item.word_end)
    return after is not None and not normalize_key(syntax.text[after:after + 2]).startswith("ال") \
        and any(m.kind == ADJECTIVE and m.start == after for m in mentions)


def _expressed(text: str, item: Found) -> bool:
    """عن شكره، عن قلقها: the phrase after أعرب/عبر names a feeling whose owner, the pronoun, is the subject
    written before; the one it is for follows with ل."""
    words = normalize_key(text[item.span[0]:item.span[1]]).split()
    return item.hit.form == PHRASE and words[:1] == ["عن"] and words[-1].endswith(("ه", "ها", "هم"))


def _nominal_phrase(phrase: str) -> bool:
    """A phrase that opens with a noun (تعزيزات عسكرية، صفقة أسلحة، الخيار العسكري، اتصال هاتفي), not a verb
    (أطلق النار): its first word carries the article or a feminine or plural ending no verb has, or an adjective
    of relation (هاتفي، مدفعي) qualifies it."""
    words = phrase.split()
    if not words:
        return False
    return words[0].startswith("ال") or words[0].endswith(("ة", "ات")) or (
        len(words) == 2 and normalize_key(words[1]).endswith(("ي", "يه")))


def _carried_topic(state: DocumentState, context: _Context, item: Found) -> Mention | None:
    """The last agent, for a verb whose subject is not written (وطالبت بالوقف ...: she, the same state).

    Arabic narration drops the subject it has just named; it carries over within the same sentence or
    from the one right before, never further. With no event there, the one the sentence before reports as
    speaking goes on (واستبعد الأسد أي حل ... . واتهم الغربيين: Assad accused).
    """
    # وأعربت في هذا السياق عن أسفها: a feeling voiced goes with the dropped subject of أعرب, as a past verb does
    form = PAST if _expressed(state.document.text, item) else item.hit.form
    if form not in VERBAL_FORMS:
        return _pair_spoke_in_it(context, item)
    index = bisect_left(state.sentences, item.sentence)
    if item.hit.gender == FIRST_PERSON:
        # وقال الوزير: «ندعو ...»: "we" are the one quoted, in this sentence or, for words quoted on, the one
        # before; with no name there (وقال: ندين), the one the story is about
        speaker = _speaker(context, item.sentence, item.span[0]) or (
            _speaker(context, state.sentences[index - 1]) if index else None)
        if speaker is not None:
            return speaker
    agent, sentence = context.topic or (None, None)
    if sentence == item.sentence:
        return agent
    if form == PARTICIPLE:
        return _speaker(context, item.sentence, item.span[0])  # قالت جنوب أفريقيا ...، منددة: she condemns
    if form != PAST or index == 0:
        return None
    previous = state.sentences[index - 1]
    return agent if sentence == previous else _speaker(context, previous)


def _pair_spoke_in_it(context: _Context, item: Found) -> Mention | None:
    """The pair just named as a verb's subject, for the call or meeting they spoke in (واتفق الرئيسان في اتصال
    هاتفي أمس): it is theirs."""
    agent, sentence = context.topic or (None, None)
    syntax = context.syntax
    in_it = agent is not None and sentence == item.sentence and item.trigger.frame in JOINT_FRAMES \
        and agent.kind == REFERENCE and len(agent.actors) == 2 \
        and _IN_THE_COURSE_OF & set(syntax.previous_words(item.span[0], 1)) \
        and agent.end <= item.span[0] and syntax.distance(agent.end, item.span[0]) <= _IN_THE_COURSE_REACH
    return agent if in_it else None


def _speaker(context: _Context, sentence: tuple[int, int], before: int | None = None) -> Mention | None:
    """The one a sentence reports as speaking, named right after its attribution verb: the verb near the
    sentence's start (واستبعد الأسد ...، وقال الوزير ...: the story goes on with them), or, ``before`` a
    participle, the last one before it (قال وزير الخارجية الإسباني ...، داعيا: the minister calls).
    A title may stand between the verb and the name (وقال وزير الخارجية السوري وليد المعلم)."""
    syntax = context.syntax
    cues = [c for c in context.cues.within(sentence[0], before or sentence[1]) if c[2] == "attribution"
            and (c[1] <= before if before is not None else syntax.distance(sentence[0], c[0]) <= 1)]
    for _, end, _ in reversed(cues) if before is not None else cues:
        mention = next((m for m in context.mentions.within(end, sentence[1]) if m.entity_type in ("PER", "ORG", "GPE")
                        and m.actors and all(a.country or a.kind in ("organization", "state") for a in m.actors)),
                       None)
        if mention is not None and syntax.distance(end, mention.start) <= _SPEAKER_REACH:
            return mention
    return None


def _clause(item: Found, verbs: list[tuple[tuple[int, int], str]], bounds: tuple[int, int],
            text: str) -> tuple[int, int]:
    """Where a trigger's arguments may be: up to the next verb trigger of its sentence (ودعت ... starts a new
    clause), and for a noun, after the previous one (انتقدت القبض على: the critic did not arrest)."""
    sentence_start, sentence_end = bounds
    end = item.span[1]
    index = bisect_left(verbs, ((end, end), ""))
    clause_end = verbs[index][0][0] if index < len(verbs) and verbs[index][0][0] < sentence_end else sentence_end
    colon = text.find(":", end, clause_end)  # فقال: «...»: what follows the colon is someone's words
    clause_end = colon if colon >= 0 else clause_end
    clause_start = sentence_start
    previous = _previous_verb(item, verbs, sentence_start)
    if item.hit.form == NOUN and previous is not None:
        clause_start = previous[0][1]
    return clause_start, clause_end


def _previous_verb(item: Found, verbs: list[tuple[tuple[int, int], str]],
                   sentence_start: int) -> tuple[tuple[int, int], str] | None:
    """The verb trigger before this one in its sentence, if any."""
    index = bisect_left(verbs, (item.span, "")) - 1
    return verbs[index] if index >= 0 and sentence_start <= verbs[index][0][1] <= item.span[0] else None


def _demand_opens(state: DocumentState, end: int, clause_end: int) -> int:
    """Where the content of a demand begins (دعا الوزير الأطراف إلى ...، طالب إسرائيل بالإفراج، أن ...): the
    one asked is named before it; actors after it belong to what is asked for."""
    for offset, word in _words_after(state, end, _DEMAND_REACH):
        start = state.normalized.span(offset, offset + len(word))[0]
        if start >= clause_end:
            break
        word = word.strip("(")  # normalized text has no quote marks left
        if word in _DEMAND_OPENERS or word in COMPLEMENTIZERS or word[:3] == "بال":
            return start
    return clause_end


def _asked_for(item: Found, verbs: list[tuple[tuple[int, int], str]], syntax: SentenceSyntax) -> bool:
    """The trigger is what a demand just before it asks for (داعية الدولة التونسية إلى "إصدار موقف رسمي يدين
    الضربة"، طالب إسرائيل بالإفراج): it has not happened."""
    previous = _previous_verb(item, verbs, item.sentence[0])
    return (previous is not None and previous[1] == "REQUEST"
            and syntax.distance(previous[0][1], item.span[0]) <= _DEMAND_REACH)


def _completed_verb(item: Found, verbs: list[tuple[tuple[int, int], str]]) -> str | None:
    """The type of the verb of another event type before this noun in its sentence: the noun is that verb's
    complement (أدان الاعتقال)."""
    previous = _previous_verb(item, verbs, item.sentence[0])
    return previous[1] if previous is not None and previous[1] != item.trigger.type else None


def _near(state: DocumentState, end: int, trigger: Trigger, subject_end: int | None = None) -> bool:
    """True when no forbidding word and (if it needs one) a required word follow within ``near`` words, and
    the next word is not one that makes the trigger another thing. A verb's required words may instead follow
    its subject, ending at ``subject_end`` (نفى الرئيس التركي رجب طيب إردوغان بقوة اليوم الاتهامات).

    Words compare whole, after stripping proclitics and the article (سفيرها is not سفير).
    """
    if not trigger.requires_near and not trigger.unless_near and not trigger.unless_before:
        return True
    following = _bare_words_after(state, end, trigger.near)
    if following[:1] and _among(trigger.unless_before, following[0]):
        return False
    if _any_in(trigger.unless_near, following):
        return False
    return not trigger.requires_near or _any_in(trigger.requires_near, following) or (
        subject_end is not None and _any_in(trigger.requires_near, _bare_words_after(state, subject_end, trigger.near)))


def _bare_words_after(state: DocumentState, end: int, count: int) -> list[str]:
    """The ``count`` words after original offset ``end``, bared as trigger words are (``_bare``)."""
    return [_bare(w) for _, w in _words_after(state, end, max(count, 1))]


def _any_in(words: tuple[str, ...], following: list[str]) -> bool:
    """One of ``words`` (bared) is among the bared ``following`` words."""
    window = f" {' '.join(following)} "
    return any(f" {_bare(word)} " in window for word in words)


def _subject_end(state: DocumentState, end: int) -> int | None:
    """Where a subject written right after a verb ends: the end of the last name that begins within a title's
    reach of the verb (after الرئيس التركي), or None if none does."""
    mentions = state.mentions  # in text order
    first = bisect_right(mentions, end, key=lambda m: m.start)
    last = bisect_right(mentions, end + _SUBJECT_WINDOW, key=lambda m: m.start)
    return max((m.end for m in mentions[first:last]), default=None)


def _unless_before_subject(state: DocumentState, trigger: Trigger, arguments: Arguments, end: int) -> bool:
    """The word that ``unless_before`` forbids right after the trigger stands right after the subject that
    follows it (حذر ولي العهد السعودي من حرب: a warning of a danger, as حذر من حرب)."""
    subject_end = max([m.end for m in arguments.source if m.start >= end], default=None)
    following = _words_after(state, subject_end, 1) if subject_end is not None else []
    return bool(following) and _among(trigger.unless_before, _bare(following[0][1]))


def _among(words: tuple[str, ...], bared_word: str) -> bool:
    """The bared word is one of a trigger's ``unless_after`` or ``unless_before`` words, bared alike (ومراقبة is
    مراقبة), so the word before or after the trigger compares as the words after it do in ``_near``."""
    return any(bared_word == _bare(word) for word in words)


def _object_word(state: DocumentState, end: int, trigger: Trigger) -> int | None:
    """Where the first of the trigger's object words (السفير) begins within ``near`` words after it."""
    if not trigger.object_words:
        return None
    for offset, word in _words_after(state, end, trigger.near):
        if _bare(word) in trigger.object_words or word in trigger.object_words:
            return state.normalized.span(offset, offset + len(word))[0]
    return None


def _ends_in_ta_marbuta(state: DocumentState, suffix_start: int, length: int) -> bool:
    """The original text of a match's suffix (normalized offsets) ends in ة."""
    start, end = state.normalized.span(suffix_start, suffix_start + length)
    return state.document.text[start:end].endswith("ة")


def _words_after(state: DocumentState, end: int, count: int) -> list[tuple[int, str]]:
    """The ``count`` normalized words after original offset ``end``, each with its normalized offset."""
    position = state.normalized.from_original(end)
    window = state.normalized.text[position:position + 30 * count]
    return [(position + m.start(), m.group()) for m in _WORD.finditer(window)][:count]


def _in_name(names: SpanIndex[Mention], start: int, end: int) -> bool:
    """The words are inside a name the KB knows (حظر الأسلحة in منظمة حظر الأسلحة الكيميائية); a name that opens
    with them names the act itself (تمرين الأسد المتأهب)."""
    return any(m.start < start and end <= m.end for m in names.within(start - _LONGEST_NAME, start))


def _word_before(normalized: str, start: int) -> str:
    """The normalized, bared word that ends right before ``start`` (حفل before استقبال), else ""."""
    words = normalized[max(0, start - _WORD_BEFORE_WINDOW):start].split()
    return _bare(words[-1]) if words and normalized[start - 1:start].isspace() else ""


@lru_cache(maxsize=65_536)
def _bare(word: str) -> str:
    """A word without punctuation, leading conjunction, preposition and article (memoized: each trigger's near
    words are bared again at every occurrence of the trigger)."""
    word = word.strip(".,;:!?()[]-")
    for prefix in ("وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _speakers(state: DocumentState, syntax: SentenceSyntax, mentions: list[Mention],
              cues: list[tuple[int, int, str]], trigger_start: int) -> set[int]:
    """Mentions right after an attribution verb whose reported words contain the trigger.

    In "قال الوزير إن بلاده ستزور ..." the minister speaks and does not visit; in "أعلنت الداخلية
    القبض على ..." nothing is reported: the ministry is the agent. A complementizer or a quote mark
    between the speaker and the trigger tells the two apart.
    """
    speakers: set[int] = set()
    normalized = state.normalized
    for _, end, category in cues:
        if category != "attribution":
            continue
        following = [m for m in mentions if m.start >= end and syntax.distance(end, m.start) <= _SPEAKER_REACH]
        if not following or following[0].end > trigger_start:
            continue
        between = normalized.text[normalized.from_original(following[0].end):normalized.from_original(trigger_start)]
        if '"' in between or any(word in COMPLEMENTIZERS for word in between.split()):
            speakers.add(id(following[0]))
    return speakers


def _actors_of(mentions: list[Mention]) -> list[Actor]:
    actors: list[Actor] = []
    for mention in mentions:
        for actor in mention.actors:
            if actor.kind == "place" and actor.country:
                actor = _state(actor.country)
            if all(a.id != actor.id for a in actors):
                actors.append(actor)
    return actors


def _state(code: str) -> Actor:
    return Actor(id=code, name=code, country=code if len(code) == 3 else None, kind="state")


def _may_be_target(trigger: Trigger, actor: Actor) -> bool:
    """Not a state or place where the target is a party: سيطرت القوات على عفرين, the place taken is not the party
    it was taken from."""
    return not trigger.party_target or actor.kind in _PARTIES


def _same_group(source: list[Actor], target: list[Actor]) -> bool:
    """Both sides code to one stateless body (حزب الله ... أمينه العام), not to a state's two sides."""
    return all(a.country is None for a in source + target)


def _codes(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.code for a in actors)


def _modality(cues: list[str]) -> str:
    if "hypothetical" in cues:
        return "hypothetical"
    if "planned" in cues:
        return "planned"
    return "asserted"


def _location(mentions: list[Mention], destination: list[Mention]) -> Location | None:
    """The visited place, else the first place named in the sentence."""
    for mention in destination + mentions:
        actor = mention.actors[0] if len(mention.actors) == 1 else None
        if actor is None:
            continue
        if mention.kind == CAPITAL and mention.place:
            return Location(mention.place, actor.country)
        if actor.kind == "place" or (actor.kind == "state" and mention in destination):
            return Location(actor.name, actor.country)
    return None


def _context(trigger: Trigger, cues: list[tuple[int, int, str]]) -> list[str]:
    domains = list(trigger.context)
    for _, _, category in cues:
        if category.startswith("context:") and category[8:] not in domains:
            domains.append(category[8:])
    return domains

