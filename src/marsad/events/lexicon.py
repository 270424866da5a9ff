"""The event lexicons as loaded data: triggers per PLOVER type and mode, and the cues around them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.datafile import load_yaml, user_files
from marsad.errors import DataFileError
from marsad.text.matcher import PhraseMatcher
from marsad.text.normalize import normalize_key

PAST, PRESENT, NOUN, PHRASE, PARTICIPLE = "past", "present", "nouns", "phrases", "participles"
_FORM_KINDS = (PAST, PRESENT, NOUN, PHRASE, PARTICIPLE)


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    type: str
    mode: str | None
    frame: str
    context: tuple[str, ...]
    strength: float
    requires_near: tuple[str, ...]
    unless_near: tuple[str, ...]
    near: int
    object_words: tuple[str, ...] = ()  # nouns naming the target (استدعى السفير ...): never the subject
    self_targeted: bool = False  # with no other party named, it happens inside the actor's own state
    genitive_patient: bool = False  # اعتقال الصحفي: the noun's genitive underwent the act
    patient_before: bool = False  # قتل فلسطيني برصاص الجيش: the one struck is named before it, its agent after
    spoken_as: str | None = None  # the type when a speaker, not a fighter, does it (هاجم ترامب إيران: ACCUSE)
    person_agent: bool = False  # only a person or officials do it (وصل الوزير، وصل وفد; not وصلت الطائرة)
    party_target: bool = False  # its target is a group or a person, never a state or place: the ground taken
    unless_after: tuple[str, ...] = ()  # words that, right before it, make it another thing (حفل استقبال)
    unless_before: tuple[str, ...] = ()  # words that, right after it, make it another thing (داعيا الله)


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in the text: which entry, by which kind of form."""

    trigger: str
    form: str  # past | present | nouns | phrases | participles
    # of the verb's subject as written: "m", "f", PRONOUN (the verb carries it: هاجموا), FIRST_PERSON (I or
    # we: أدين، ندين, said by the one quoted), or None (unknown)
    gender: str | None = None

    def subject_gender(self, suffix: str) -> str | None:
        """The gender the subject must have, given the ending the verb carries (زار + ت: feminine). A
        plural or dual ending (هاجموا، التقيا، يطالبون) is the subject itself: a verb placed before its
        subject stays singular, so no name after it is the subject."""
        if not suffix or suffix in _OBJECT_SUFFIXES:
            return self.gender
        if suffix in _PLURAL_SUFFIXES.get(self.form, ()):
            return PRONOUN
        if self.form == PAST and self.gender == "m" and suffix.startswith("ت") and suffix != "تا":
            return "f"
        return None


PRONOUN = "pronoun"
FIRST_PERSON = "first person"
_OBJECT_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "ك", "كم"})
_PLURAL_SUFFIXES = {PAST: frozenset({"وا", "ا", "تا", "ن"}), PRESENT: frozenset({"ون", "ان", "ن"})}


def _verb_gender(kind: str, written: str, form: str) -> str | None:
    """Listed past stems are masculine singular (زار، دعا), their ت variants feminine (دعت); present verbs
    say it with their first letter (يزور، تزور، ندين)."""
    if kind == PRESENT:
        return {"ي": "m", "ت": "f", "ن": FIRST_PERSON, "ا": FIRST_PERSON}.get(normalize_key(form)[:1])
    if kind != PAST:
        return None
    if form == written or (form.endswith("ا") and not form.endswith("وا")):
        return "m"
    if form.endswith("وا"):
        return PRONOUN
    return "f" if form.endswith("ت") else None


def past_stems(form: str) -> tuple[str, ...]:
    """The stems a past verb is written with: a final weak letter drops before ت and وا and turns to ا before
    an object pronoun (استدعى -> استدعت، استدعوا، استدعاه; دعا -> دعت، دعوا), so the lexicon lists it once."""
    if form[-1:] not in ("ى", "ا") or len(form) < 3:
        return (form,)
    base = form[:-1]
    return form, base + "ا", base + "ت", base + "تا", base + "وا"


def _stems(kind: str, written: str, past_forms: frozenset[str]) -> tuple[str, ...]:
    if kind == PRESENT:
        return present_stems(written, past_forms)
    return past_stems(written) if kind == PAST else noun_stems(written) if kind == NOUN else (written,)


def present_stems(form: str, past_forms: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A present verb listed in the third person (يدين) is also said in the first person (ندين، أدين، نطالب،
    أرحب): quoted officials speak that way, so the lexicon lists the verb once. The singular is left out where
    it is a listed past verb (يطلق -> أطلق, يرسل -> أرسل: normalized ``past_forms``)."""
    if not form.startswith("ي"):
        return (form,)
    singular = "أ" + form[1:]
    return (form, "ن" + form[1:]) + (() if normalize_key(singular) in past_forms else (singular,))


def noun_stems(form: str) -> tuple[str, ...]:
    """A noun ending in hamza carries it on a seat before a pronoun (لقاء -> لقائه، لقاؤه; اعتداء ->
    اعتدائها): the seated stems are added so the listed suffixes attach to them too."""
    if not form.endswith("ء") or " " in form:
        return (form,)
    return form, form[:-1] + "ئ", form[:-1] + "ؤ"


def _data(name: str) -> Path:
    return resources.files("marsad") / "data/lexicons" / name  # type: ignore[return-value]


class TriggerLexicon:
    """All triggers, one automaton over their forms."""

    def __init__(self, triggers: dict[str, Trigger], matcher: PhraseMatcher, exclude: frozenset[str]) -> None:
        self.triggers = triggers
        self.matcher = matcher
        self.exclude = exclude  # normalized whole words that only look like triggers

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> TriggerLexicon:
        triggers: dict[str, Trigger] = {}
        matcher = PhraseMatcher()
        exclude: set[str] = set()
        sources = [(source, load_yaml(source, "triggers"))
                   for source in (_data("triggers.yaml"), *user_files(tuple(extra_dirs), "triggers*.yaml"))]
        past_forms = frozenset(normalize_key(form) for _, data in sources for item in data.get("triggers", [])
                               for written in item.get(PAST, []) for form in past_stems(written))
        for source, data in sources:
            suffixes = data.get("suffixes", {})
            exclude.update(normalize_key(w) for w in data.get("exclude", []))
            for item in data.get("triggers", []):
                trigger = Trigger(
                    id=item["id"], type=item["type"], mode=item["mode"], frame=item["frame"],
                    context=tuple(item.get("context", [])), strength=float(item["strength"]),
                    requires_near=tuple(normalize_key(w) for w in item.get("requires_near", [])),
                    unless_near=tuple(normalize_key(w) for w in item.get("unless_near", [])),
                    near=int(item.get("near", 6)),
                    object_words=tuple(normalize_key(w) for w in item.get("object_words", [])),
                    self_targeted=bool(item.get("self_targeted", False)),
                    genitive_patient=item.get("genitive") == "patient",
                    patient_before=item.get("patient") == "before",
                    spoken_as=item.get("spoken_as"),
                    person_agent=item.get("agent") == "person",
                    party_target=item.get("target") == "party",
                    unless_after=tuple(normalize_key(w) for w in item.get("unless_after", [])),
                    unless_before=tuple(normalize_key(w) for w in item.get("unless_before", [])),
                )
                if trigger.id in triggers and source == _data("triggers.yaml"):
                    raise DataFileError(str(source), item["__line__"], f"duplicate trigger id {trigger.id!r}")
                triggers[trigger.id] = trigger
                for kind in _FORM_KINDS:
                    for written in item.get(kind, []):
                        for form in _stems(kind, written, past_forms):
                            matcher.add(form, TriggerHit(trigger.id, kind, _verb_gender(kind, written, form)),
                                        suffixes=tuple(suffixes.get(kind, ())), article=kind == NOUN)
        return cls(triggers, matcher, frozenset(exclude))


@dataclass(frozen=True, slots=True)
class Cues:
    """Modality, habitual, attribution and domain cue words, in one automaton."""

    matcher: PhraseMatcher
    window: int

    @classmethod
    def load(cls, extra_dirs: Sequence[Path] = ()) -> Cues:
        matcher = PhraseMatcher()
        window = 4
        for source in (_data("cues.yaml"), *user_files(tuple(extra_dirs), "cues*.yaml")):
            data = load_yaml(source, "cues")
            window = data.get("window", window)
            for category in ("planned", "negated", "denied", "cancelled", "hypothetical", "habitual", "attribution",
                             "requested", "weighed", "generic", "sport", "attack_words", "unnamed_people", "members"):
                for word in data.get(category, []):
                    matcher.add(word, category)
            for domain, words in data.get("context", {}).items():
                if domain == "__line__":
                    continue
                for word in words:
                    matcher.add(word, f"context:{domain}", article=True)
        return cls(matcher, window)
