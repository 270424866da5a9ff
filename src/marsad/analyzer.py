"""The analysis pipeline: a pure function of a document and the loaded resources.

An :class:`Analyzer` loads lexicons, the knowledge base and models once, then runs a fixed list of
small stages over each document (clean -> segment -> time -> entities and actors -> events), each
reading the partial :class:`DocumentState` and adding to it. It pickles, so worker processes get
their own copy once, not once per document.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from marsad.datafile import check_user_roots, user_dirs, user_files
from marsad.errors import InputError, MarsadError
from marsad.events import EventExtractor, Found
from marsad.kb import KnowledgeBase
from marsad.linking import ActorLinker, Mention
from marsad.model import Analysis, Document, Timex
from marsad.ner.tagger import EntityTagger
from marsad.text.boilerplate import BoilerplateRules
from marsad.text.normalize import Normalized, normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize
from marsad.time import TimeFinder
from marsad.timeutil import parse_published, published_granularity

# A document larger than this is refused rather than risking a worker's memory.
MAX_DOCUMENT_CHARS = 20_000_000


@dataclass(slots=True)
class DocumentState:
    """What the stages know about one document so far."""

    document: Document
    analysis: Analysis
    normalized: Normalized
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    published_date: dt.date | None = None
    published_granularity: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    home: str | None = None  # the state named in more than half of the state mentions, if one is
    time_words: frozenset[str] = frozenset()  # the time lexicon's: tell a time phrase from an act (بعد يومين)

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in self.analysis.ignored)


class Analyzer:
    """Loaded resources plus the stage list; reuse one for many documents."""

    def __init__(
        self,
        boilerplate: BoilerplateRules,
        time_finder: TimeFinder,
        linker: ActorLinker,
        extractor: EventExtractor,
    ) -> None:
        self.boilerplate = boilerplate
        self.time_finder = time_finder
        self.linker = linker
        self.extractor = extractor

    @classmethod
    def load(cls, kb_dirs: Sequence[Path] = (), tagger: EntityTagger | None = None,
             min_confidence: float | None = None, learned_confidence: bool = True,
             learned_ranking: bool = True, learned_implicit: bool = True) -> Analyzer:
        """Load the shipped resources, extended by user data directories (``--kb DIR``).

        A user directory has the layout of the package's own data: ``kb/`` for knowledge-base files,
        ``time/`` for temporal lexicons, ``lexicons/`` for triggers, cues and boilerplate rules.
        ``min_confidence`` replaces the learned threshold under which an event is dropped (0 keeps all);
        without ``learned_implicit`` only the events a trigger names are made; without ``learned_confidence``
        they keep the rules' own confidence (and none is added without a trigger), and without
        ``learned_ranking`` too they are the rules' alone (their parties not ranked).
        """
        check_user_roots(kb_dirs)
        lexicons = user_dirs(kb_dirs, "lexicons")
        return cls(
            boilerplate=BoilerplateRules.load(tuple(user_files(lexicons, "boilerplate*.yaml"))),
            time_finder=TimeFinder.load(extra_dirs=user_dirs(kb_dirs, "time")),
            linker=ActorLinker(KnowledgeBase.load(extra_dirs=user_dirs(kb_dirs, "kb")), tagger or EntityTagger.load()),
            extractor=EventExtractor.load(lexicons, min_confidence, learned_confidence, learned_ranking,
                                          learned_implicit),
        )

    def analyze(self, document: Document) -> Analysis:
        """Analyze one document; raises :class:`InputError` when it cannot be analyzed."""
        return self.analyze_explained(document)[0]

    def analyze_explained(self, document: Document) -> tuple[Analysis, list[Found]]:
        """The analysis plus every trigger the event stage considered, with the fate of each."""
        state, found = self.analyze_state(document)
        return state.analysis, found

    def analyze_state(self, document: Document) -> tuple[DocumentState, list[Found]]:
        """Everything the stages learned of the document (``marsad train implicit`` reads its sentences and
        mentions), and every trigger considered."""
        if not document.text or not document.text.strip():
            raise InputError(document.id, "empty text")
        if len(document.text) > MAX_DOCUMENT_CHARS:
            raise InputError(document.id, f"document too large ({len(document.text):,} characters)")
        state = self._prepare(document)
        self._resolve_published(state)
        self._find_time(state)
        self.linker.link(state)
        found = self.extractor.extract(state)
        return state, found

    def _prepare(self, document: Document) -> DocumentState:
        analysis = Analysis(id=document.id, text=document.text)
        normalized = normalize(document.text)  # once, for every stage
        analysis.ignored = self.boilerplate.regions(normalized)
        return DocumentState(
            document=document,
            analysis=analysis,
            normalized=normalized,
            tokens=tokenize(document.text),
            sentences=split_sentences(document.text),
            time_words=self.time_finder.lexicon.time_words,
        )

    def _resolve_published(self, state: DocumentState) -> None:
        analysis = state.analysis
        if state.document.published:
            analysis.published, analysis.published_source = state.document.published, "given"
        else:
            analysis.published, analysis.published_source = self.time_finder.infer_published(state.normalized)
        if analysis.published:
            state.published_date = parse_published(analysis.published)
            state.published_granularity = published_granularity(analysis.published)

    def _find_time(self, state: DocumentState) -> None:
        text, published = state.normalized, state.published_date
        if published is None or state.published_granularity == "day":
            timexes = self.time_finder.find(text, published)
        else:
            timexes = self._find_time_in_period(text, published, state.published_granularity or "year")
        state.analysis.timexes = [t for t in timexes if not state.in_boilerplate(t.start, t.end)]

    def _find_time_in_period(self, text: Normalized, first: dt.date, granularity: str) -> list[Timex]:
        """Resolve against a publication month or year: keep only values that do not depend on the day.

        "21 فبراير الجاري" needs only the year; "أمس" needs the day. Resolving on the first and on the last
        day of the known period tells them apart: a value that differs was never determined by the text.
        """
        last = (dt.date(first.year + 1, 1, 1) if granularity == "year" or first.month == 12
                else dt.date(first.year, first.month + 1, 1)) - dt.timedelta(days=1)
        early, late = self.time_finder.find(text, first), self.time_finder.find(text, last)
        stable = {(t.start, t.end, t.value) for t in late}
        return [t if (t.start, t.end, t.value) in stable else Timex(t.start, t.end, t.text, t.type, None)
                for t in early]

    def analyze_many(self, documents: Iterable[Document], jobs: int = 1) -> Iterator[Analysis | InputError]:
        """Analyze in order, in ``jobs`` processes; a failing document yields its error, never stops the batch."""
        if jobs <= 1:
            for document in documents:
                yield _analyze_safely(self, document)
            return
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(self,)) as pool:
            yield from pool.map(_analyze_in_worker, documents, chunksize=8)


def _analyze_safely(analyzer: Analyzer, document: Document) -> Analysis | InputError:
    try:
        return analyzer.analyze(document)
    except MarsadError as error:
        return error if isinstance(error, InputError) else InputError(document.id, str(error))
    except Exception as error:  # a bug on one document must not end the batch; it is reported
        if os.environ.get("MARSAD_DEBUG"):
            raise
        return InputError(document.id, f"internal error: {type(error).__name__}: {error}")


_worker_analyzer: Analyzer | None = None


def _init_worker(analyzer: Analyzer) -> None:
    global _worker_analyzer
    _worker_analyzer = analyzer


def _analyze_in_worker(document: Document) -> Analysis | InputError:
    assert _worker_analyzer is not None, "worker not initialized"
    return _analyze_safely(_worker_analyzer, document)
