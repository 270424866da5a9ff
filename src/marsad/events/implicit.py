"""Events a sentence reports with no word the trigger lexicon knows: a learned reading of the actors it names.

The rules make an event only where a trigger names it, but news often states an act in words no lexicon lists
("تقول بريطانيا إن روسيا مسؤولة عن تسميم سكريبال", "ألقت إيران باللوم على إسرائيل", "حمّل المتحدث الميليشيات ...").
Here every ordered pair of actors a sentence names is read by one logistic model per event type, over the
sentence's words, the words between the two, the few words around each, their order, kinds and sectors, and the
triggers the rules found in the sentence (and whether they made an event); so is each state it names paired with
itself, for the acts a state's own bodies and people do at home ("اعتقلت السلطات ...", "تظاهر آلاف ...").
Where a model is sure enough, the rules kept no event of that type between the pair, and the pair is the
sentence's likeliest for that type, an event is added, its confidence the model's probability. The models are plain data
(``data/models/events/implicit.json``), trained by ``marsad train implicit`` after the ranking and the
confidence, on the events those keep.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.events.confidence import read_model, write_model
from marsad.events.dating import after_publication, context_date, governing_timex
from marsad.model import SYMMETRIC_TYPES, Event, Span
from marsad.text.normalize import normalize_key
from marsad.text.spans import SpanIndex

if TYPE_CHECKING:
    from marsad.analyzer import DocumentState
    from marsad.events.extractor import Found
    from marsad.linking.mentions import Mention

FORMAT = "marsad-implicit-events/1"
MAX_ACTORS = 8  # actors read per sentence: the pairs grow as their square
_EVIDENCE_REACH = 300  # characters of the sentence kept as evidence on either side of the pair
_LEAD_SENTENCES = 2
_CONJUNCTIONS = ("و", "ف")
_ARTICLES = ("وال", "بال", "لل", "ال", "كال", "فال")
_AROUND_WORDS = 3  # words read on either side of each of a pair's mentions
_AROUND_REACH = 40  # characters those words may span
_SELF = "self:"  # the prefix of the features of a state's reading paired with itself


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models" / "events" / "implicit.json"))


@dataclass(frozen=True, slots=True)
class PairReading:
    """Two actors one sentence names, in the order read (source, target), with what the models see of them:
    the features of their sentence (one tuple shared by all its pairs) and their own."""

    sentence: tuple[int, int]
    source: Mention
    target: Mention
    shared: tuple[str, ...]
    own: tuple[str, ...]

    @property
    def features(self) -> tuple[str, ...]:
        return self.shared + self.own

    @property
    def codes(self) -> tuple[str, str]:
        return self.source.actor.code, self.target.actor.code  # type: ignore[union-attr]


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    """The word normalized, without a leading conjunction or an article (and the preposition fused with it):
    a plain cut, not the vocabulary-weighed one of ``split_clitics``, which keeps frequent forms (الهجوم) whole
    and so would split one word's evidence over its forms."""
    word = normalize_key(word)
    if len(word) > 3 and word[0] in _CONJUNCTIONS:
        word = word[1:]
    article = next((a for a in _ARTICLES if word.startswith(a) and len(word) - len(a) >= 3), "")
    return word[len(article):]


class _Words:
    """A document's words, stemmed once, looked up by span."""

    def __init__(self, state: DocumentState) -> None:
        words = [token for token in state.tokens if token.is_word]
        self._starts = [token.start for token in words]
        self._stems = [_stem(token.text) for token in words]

    def within(self, start: int, end: int) -> list[str]:
        return self._stems[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def pair_readings(state: DocumentState, found: list[Found]) -> list[PairReading]:
    """Every ordered pair of distinct actors each sentence names (at its first mention there), with features;
    and each state it names paired with itself, for what a state does within its borders (its police arrest,
    its army shells, its people protest). A state's own readings see the sentence through features of their
    own, so the models weigh its words apart for them."""
    readings = []
    words = _Words(state)
    mentions = SpanIndex([m for m in state.mentions if m.actor is not None and not m.dateline
                          and not state.in_boilerplate(m.start, m.end)], lambda m: m.start)
    triggers_at = SpanIndex(found, lambda f: f.span[0])
    for index, (start, end) in enumerate(state.sentences):
        first: dict[str, Mention] = {}
        for mention in mentions.within(start, end):
            if len(first) == MAX_ACTORS:
                break
            first.setdefault(mention.actor.code, mention)  # type: ignore[union-attr]
        if not first:
            continue
        triggers = triggers_at.within(start, end)
        shared = tuple(sorted({f"w={w}" for w in words.within(start, end)}
                              | {f"tr={f.trigger.type}" for f in triggers}
                              | {f"tr={f.trigger.type}/{'event' if f.event is not None else 'none'}" for f in triggers}
                              | {"lead" if index < _LEAD_SENTENCES else "body"}))
        shared_self = tuple(_SELF + f for f in shared)
        ordered = list(first.values())
        for i, source in enumerate(ordered):
            for j, target in enumerate(ordered):
                if i != j:
                    own = tuple(sorted(_pair_features(words, (start, end), i, j, source, target)))
                    readings.append(PairReading((start, end), source, target, shared, own))
                elif source.actor.country is not None:  # type: ignore[union-attr]
                    own = tuple(sorted(_self_features(words, (start, end), i, source)))
                    readings.append(PairReading((start, end), source, source, shared_self, own))
    return readings


def _self_features(words: _Words, sentence: tuple[int, int], i: int, actor: Mention) -> set[str]:
    return {f"{_SELF}index={min(i, 3)}", f"{_SELF}kind={_kind(actor)}"} \
        | _word_before(words, sentence, actor, f"{_SELF}before")


def _pair_features(words: _Words, sentence: tuple[int, int], i: int, j: int, source: Mention,
                   target: Mention) -> set[str]:
    low, high = (source.end, target.start) if source.start < target.start else (target.end, source.start)
    between = words.within(low, high)
    return {f"bw={w}" for w in between} | {
        f"between={min(len(between), 8)}", f"order={'st' if source.start < target.start else 'ts'}",
        f"source_index={min(i, 3)}", f"target_index={min(j, 3)}",
        f"source_kind={_kind(source)}", f"target_kind={_kind(target)}"} \
        | _word_before(words, sentence, source, "before_source") \
        | _word_before(words, sentence, target, "before_target") \
        | _words_around(words, sentence, source, "s") | _words_around(words, sentence, target, "t")


def _kind(mention: Mention) -> str:
    actor = mention.actor
    return f"{actor.kind}/{(actor.sector or '-')[:3]}"  # type: ignore[union-attr]


def _word_before(words: _Words, sentence: tuple[int, int], mention: Mention, name: str) -> set[str]:
    """The word just before the mention, within its sentence (none at the sentence's start)."""
    before = words.within(max(sentence[0], mention.start - 25), mention.start)
    return {f"{name}={before[-1]}"} if before else set()


def _words_around(words: _Words, sentence: tuple[int, int], mention: Mention, name: str) -> set[str]:
    """The few words either side of a mention, within its sentence: what says its part in the act (قتلت
    القوات الإسرائيلية فلسطينيا: the agent after the verb; أشاد ... بجهود مصر: the one praised after ب)."""
    before = words.within(max(sentence[0], mention.start - _AROUND_REACH), mention.start)[-_AROUND_WORDS:]
    after = words.within(mention.end, min(sentence[1], mention.end + _AROUND_REACH))[:_AROUND_WORDS]
    return {f"{name}b={w}" for w in before} | {f"{name}a={w}" for w in after}


def covers(event: Event, event_type: str, source: str, target: str) -> bool:
    """``event`` is of ``event_type`` between the two codes (either way round for a symmetric type)."""
    if event.type != event_type:
        return False
    sources, targets = {a.code for a in event.source}, {a.code for a in event.target}
    return (source in sources and target in targets) or \
        (event_type in SYMMETRIC_TYPES and target in sources and source in targets)


@dataclass(frozen=True)
class ImplicitEvents:
    """Per event type, a logistic model's weights and bias; the probability from which an event is added."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: float
    trained: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> ImplicitEvents:
        data = read_model(path or default_path(), "an implicit-event model", _well_formed,
                          f"{FORMAT}: format, threshold, bias and weights per event type")
        return cls(data["weights"], data["bias"], float(data["threshold"]), data.get("trained", {}))

    def save(self, path: Path) -> None:
        write_model(path, {"format": FORMAT, "threshold": self.threshold, "bias": self.bias, "trained": self.trained,
                           "weights": {kind: dict(sorted(w.items())) for kind, w in sorted(self.weights.items())}},
                    indent=0)

    def with_threshold(self, threshold: float) -> ImplicitEvents:
        return replace(self, threshold=threshold)

    def probabilities(self, readings: list[PairReading]) -> list[dict[str, float]]:
        """Per reading, each event type's probability that its sentence reports it from the reading's source to
        its target (a sentence's own features are summed once for all its pairs)."""
        kinds, _, _, bias = self._table
        sentence_sums: dict[int, np.ndarray] = {}
        found = []
        for reading in readings:
            shared = sentence_sums.get(id(reading.shared))
            if shared is None:
                shared = sentence_sums[id(reading.shared)] = self._sums(reading.shared)
            z = np.clip(bias + shared + self._sums(reading.own), -30.0, 30.0)
            found.append(dict(zip(kinds, (1.0 / (1.0 + np.exp(-z))).tolist(), strict=True)))
        return found

    def _sums(self, features: tuple[str, ...]) -> np.ndarray:
        _, index, matrix, _ = self._table
        return matrix[[index[f] for f in features if f in index]].sum(axis=0)

    @cached_property
    def _table(self) -> tuple[tuple[str, ...], dict[str, int], np.ndarray, np.ndarray]:
        """The weights as a matrix, a row per feature and a column per type: one lookup per feature, not one
        per feature and type."""
        kinds = tuple(sorted(self.weights))
        index = {f: i for i, f in enumerate(sorted({f for w in self.weights.values() for f in w}))}
        matrix = np.zeros((len(index), len(kinds)))
        for column, kind in enumerate(kinds):
            for feature, weight in self.weights[kind].items():
                matrix[index[feature], column] = weight
        return kinds, index, matrix, np.array([self.bias[kind] for kind in kinds])

    def events(self, state: DocumentState, found: list[Found], kept: list[Event]) -> list[Event]:
        """The events to add to ``kept``: see :func:`chosen`."""
        readings = pair_readings(state, found)
        scored = [(p, kind, reading) for reading, scores in zip(readings, self.probabilities(readings), strict=True)
                  for kind, p in scores.items() if p >= self.threshold]
        return [implied_event(state, reading, kind, p) for p, kind, reading in chosen(scored, closed(found, kept))]


def closed(found: list[Found], kept: list[Event]) -> Callable[[str, PairReading], bool]:
    """Whether a type is closed to a reading: the kept events have it between the pair, or a trigger of the type
    in its sentence was ruled out (a denied agreement is not to come back as one no trigger names)."""
    ruled_out = {(item.sentence, item.trigger.type) for item in found if item.ruled_out}
    return lambda kind, reading: (reading.sentence, kind) in ruled_out or any(
        covers(e, kind, *reading.codes) for e in kept)


def chosen(scored: list[tuple[float, str, PairReading]],
           made: Callable[[str, PairReading], bool]) -> list[tuple[float, str, PairReading]]:
    """The scored readings that become events, likeliest first: one per sentence and type, and none of a type
    the events ``made`` (or one chosen before) already have between the pair."""
    picked: list[tuple[float, str, PairReading]] = []
    taken: set[tuple[tuple[int, int], str]] = set()
    pairs: set[tuple[str, str, str]] = set()
    for probability, kind, reading in sorted(scored, key=lambda item: -item[0]):
        source, target = reading.codes
        if (reading.sentence, kind) in taken or (kind, source, target) in pairs \
                or (kind in SYMMETRIC_TYPES and (kind, target, source) in pairs) or made(kind, reading):
            continue
        taken.add((reading.sentence, kind))
        pairs.add((kind, source, target))
        picked.append((probability, kind, reading))
    return picked


def _evidence(reading: PairReading) -> tuple[int, int]:
    """The reading's sentence, but no more than a few hundred characters either side of the pair."""
    low, high = min(reading.source.start, reading.target.start), max(reading.source.end, reading.target.end)
    return max(reading.sentence[0], low - _EVIDENCE_REACH), min(reading.sentence[1], high + _EVIDENCE_REACH)


def implied_date(state: DocumentState, reading: PairReading) -> str | None:
    """The date of the event a reading implies: as a trigger between the pair would be dated."""
    start, end = _evidence(reading)
    pair = (min(reading.source.start, reading.target.start), max(reading.source.end, reading.target.end))
    timex = governing_timex(state, [t for t in state.analysis.timexes if start <= t.start < end], (start, end), pair)
    return timex.value if timex else context_date(state, reading.sentence, [])


def implied_event(state: DocumentState, reading: PairReading, kind: str, probability: float) -> Event:
    """The event of ``kind`` the reading's sentence reports."""
    start, end = _evidence(reading)
    date = implied_date(state, reading)
    return Event(type=kind, mode=None, source=[reading.source.actor], target=[reading.target.actor],  # type: ignore[list-item]
                 evidence=Span(start, end, state.document.text[start:end]), date=date,
                 modality="planned" if after_publication(date, state) else "asserted",
                 confidence=round(probability, 3))


def _well_formed(data: Any) -> bool:
    number = (int, float)
    return isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("threshold"), number) \
        and isinstance(data.get("weights"), dict) and isinstance(data.get("bias"), dict) \
        and set(data["weights"]) == set(data["bias"]) \
        and all(isinstance(b, number) for b in data["bias"].values()) \
        and all(isinstance(w, dict) and all(isinstance(x, number) for x in w.values())
                for w in data["weights"].values())
