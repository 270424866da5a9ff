"""A stand-in analyzer for store tests: the store is tested on its own, not through the real pipeline.

It finds a few country names and trigger words so that every document yields predictable events;
a document containing ``FAIL`` raises InputError, as a real analyzer does for a bad document, and
a document without a publication date gets the first date in its text (``inferred``).
``MARSAD_FAKE_DELAY`` (seconds per document) slows it so a test can kill an ingest mid-way.
"""

from __future__ import annotations

import os
import re
import time

from marsad.errors import InputError
from marsad.model import Actor, Analysis, Document, Entity, Event, Location, Span

COUNTRIES = {"المغرب": ("MAR", "Morocco"), "أمريكا": ("USA", "United States"), "فرنسا": ("FRA", "France"),
             "الجزائر": ("DZA", "Algeria")}
TRIGGERS = {"زار": ("CONSULT", "visit"), "وقع": ("AGREE", "sign"), "هاجم": ("ASSAULT", None)}
_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


class FakeAnalyzer:
    def __init__(self, delay: float | None = None) -> None:
        self.delay = float(os.environ.get("MARSAD_FAKE_DELAY", "0")) if delay is None else delay

    def analyze(self, document: Document) -> Analysis:
        if self.delay:
            time.sleep(self.delay)
        if "FAIL" in document.text:
            raise InputError(document.id, "cannot analyze a document that says FAIL")
        text = document.text
        entities = []
        for name, (code, english) in COUNTRIES.items():
            for match in re.finditer(name, text):
                actor = Actor(id=code, name=english, country=code, kind="state")
                entities.append(Entity(match.start(), match.end(), name, "GPE", actor))
        entities.sort(key=lambda e: e.start)
        events = []
        for sentence in re.finditer(r"[^.\n]+", text):
            inside = [e for e in entities if sentence.start() <= e.start < sentence.end()]
            for word, (kind, mode) in TRIGGERS.items():
                if word in sentence.group() and len(inside) >= 2:
                    date = _DATE.search(sentence.group())
                    events.append(Event(
                        type=kind, mode=mode, source=[inside[0].actor], target=[inside[1].actor],
                        evidence=Span(sentence.start(), sentence.end(), sentence.group()),
                        date=date.group() if date else None,
                        location=Location("الرباط", "MAR") if "الرباط" in sentence.group() else None,
                        context=["diplomatic"], confidence=0.8,
                    ))
        published, source = document.published, "given" if document.published else None
        if published is None and (found := _DATE.search(text)):
            published, source = found.group(), "inferred"
        return Analysis(id=document.id, text=text, published=published, published_source=source,
                        entities=entities, events=events)
