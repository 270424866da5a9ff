"""Who did it and to whom: reading source and target off an Arabic sentence.

Arabic news puts the verb first (VSO: استقبل الملك الوزير), nominal triggers take their agent as a
genitive (زيارة بلينكن إلى الرباط), and prepositions mark the other party (مع، ب، إلى، على، ضد).
These rules pick arguments by that syntax, falling back to proximity only when it says nothing;
each choice records the rule that made it, for ``marsad explain`` and for the confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.events.lexicon import FIRST_PERSON, NOUN, PARTICIPLE, PAST, PHRASE, PRESENT, PRONOUN
from marsad.events.syntax import BETWEEN_WORDS, CONSTRUCT_HEADS, DIRECTIONS, PREPOSITIONS, SentenceSyntax, is_nisba
from marsad.linking.mentions import ADJECTIVE, CAPITAL, REFERENCE, Mention
from marsad.text.normalize import normalize_key
from marsad.text.tokens import without_article

# Nouns that speak or ask as the subject of a verb on behalf of their owner (دعا اجتماع وزاري للجامعة العربية)
_STATEMENT_NOUNS = frozenset(normalize_key(w) for w in ("تقرير", "بيان", "اجتماع", "مؤتمر", "قمة", "رسالة",
                                                          "مذكرة", "قرار", "تقريرا", "بيانا"))
_OWNER_REACH = 3  # words between the verb and the owner of its statement noun
# A call or message "from" someone: what is said in it (أدان فيه) is the sender's
_CALL_WORDS = tuple(normalize_key(w) for w in ("اتصال", "هاتفي", "مكالمة", "رسالة", "برقية"))
_CALLER_REACH = 7  # words from the sender's name back to the call
_RECEIVE_VERBS = frozenset(normalize_key(w) for w in ("تلقى", "تلقت", "يتلقى", "تتلقى", "تلقيا"))
_RECEIVER_REACH = 12  # words from a call back to the verb of receiving it (تلقى خادم الحرمين الشريفين ... اتصالا)
# Prepositions that introduce the other party of each frame.
PARTNER_PREPOSITIONS = frozenset({"مع", "ب", "و", "بين"})
JOINT_FRAMES = frozenset({"joint", "discuss"})  # symmetric; "discuss" takes partners only with a preposition
DESTINATION_PREPOSITIONS = frozenset({normalize_key("إلى"), "ل", "ب", "في"})
# لدى too: استدعت سفيرها لدى إيران
PATIENT_PREPOSITIONS = frozenset({"ب", "ل", normalize_key("على"), "ضد", normalize_key("إلى"), "من", "بحق",
                                  "مع", "تجاه", normalize_key("إزاء"), normalize_key("لدى"), None})
NON_POLITICAL = frozenset({"MED", "EDU", "BUS"})
DOMESTIC_SECTORS = frozenset({"REB", "OPP", "PTY", "CVL"})  # groups of a state that can stand against it
# what opens a phrase naming the patient, whose adjective is then the target: على، ضد ... and the verbs of
# targeting (عقوبات تستهدف قطاع النفط الإيراني)
_ADJECTIVE_PATIENT_PREPOSITIONS = frozenset(normalize_key(w) for w in (
    "على", "ضد", "بحق", "تجاه", "إزاء", "تستهدف", "يستهدف", "استهدفت", "استهدف"))
AUXILIARIES = frozenset(normalize_key(w) for w in ("كان", "كانت", "كانوا", "يكون", "تكون"))
# أن، إن، أنه، بأن ... (normalized): what follows them is reported speech.
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "وان", "وانه"})
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي"})
# Nouns that make a subject masculine whatever it names (رئيس الحكومة، مجلس الأمن)
MASCULINE_HEADS = frozenset(normalize_key(w) for w in (
    "رئيس", "وزير", "ملك", "أمير", "سفير", "متحدث", "مجلس", "نائب", "قائد", "مبعوث", "مندوب", "ممثل", "زعيم",
    "جيش", "حزب", "شيخ", "سلطان", "مدير", "أمين", "مسؤول", "وفد", "رئيسا", "وزيرا",
))
# Particles between a preverbal subject and its verb: نتنياهو قد استبق، إيران لن تسمح
VERB_PARTICLES = frozenset(normalize_key(w) for w in ("قد", "لقد", "سوف", "لم", "لن", "لا", "ما"))
# بين and the words that name who takes part in a joint act (مناورات بمشاركة المغرب والولايات المتحدة)
_BETWEEN_OPENER_REACH = 3  # words between a joint trigger and the بين of its participants (اتصال هاتفي جرى بين)
_TAKING_PART_WINDOW = 120  # characters before a joint noun where the verb of taking part is looked for
_TAKING_PART_VERBS = ("شارك", "يشارك", "تشارك", "تبادل", "يتبادل", "تتبادل")  # تبادل الرئيسان التهاني في اتصال
_BETWEEN_REACH = 8  # words after بين (or جمع) where its participants are named
_GATHERING_VERBS = frozenset(normalize_key(w) for w in ("جمع", "جمعت", "يجمع", "تجمع", "سيجمع", "ستجمع"))
_GATHERING_REACH = 2  # words from a meeting noun to its جمع: the verb itself, or الذي / التي and the verb
_JOINED_TITLE_WORDS = 5  # words (و + a title) between two coordinated participants
_PARTNER_REACH = 6  # words between a nominal trigger (or its agent) and a partner: اتصال هاتفي مع
# ... and a partner named after these is one at any distance (اجتماعا استثنائيا برئاسة ... وبحضور الأمين العام)
ATTENDANCE = frozenset(normalize_key(w) for w in ("بحضور", "وبحضور", "بمشاركة", "وبمشاركة"))
_SUBJECT_REACH = 8   # tokens between a verb and its subject
# endings of indefinite plural and dual nouns: تفجيرين، هجمات، غارتان
_PATIENT_PHRASE = 4  # words of a phrase a patient preposition opens before the adjective that ends it
_INDEFINITE_ENDINGS = ("ين", "ات", "ون", "ان")
_WORD_WINDOW = 100  # characters before a verb enough to hold the word before it
_GENITIVE_REACH = 2  # tokens between a noun and its genitive agent
_INDEFINITE_TITLE_WORDS = 3  # words of an indefinite title before the body it heads (نائب رئيس شرطة)
_STRUCK_REACH = 4  # words between the one struck and the instrument that struck them (مقتل فلسطيني برصاص)
_UNNAMED_OBJECT_REACH = 2  # words between an act and the unnamed people it is done to (القبض على 5 أشخاص)
CLAUSE_BREAK = re.compile(r"[،,.؛;:\n]")  # what ends a clause: no genitive, no since-phrase reaches across it
# prepositions, simple or compound (لصالح): what follows them is their complement
_GOVERNING_WORDS = PREPOSITIONS | frozenset(normalize_key(w) for w in ("لصالح", "لفائدة", "لمصلحة"))
# أنه، إنها، بأنهم ... (normalized): a complementizer carrying the subject of the verb after it as a pronoun
_PRONOUN_COMPLEMENTIZERS = frozenset(p + c + s for p in ("", "و", "ب", "ل") for c in ("ان",)
                                     for s in ("ه", "ها", "هم", "هما"))
_ENFORCING_SECTORS = frozenset({"COP", "MIL", "SPY", "JUD", "GOV"})
_RELATIVE_AGENT_REACH = 3  # words between an act noun and the relative pronoun of the clause naming its agent
# a definite statement named as a verb's subject (دعا البيان): its author speaks; "بيان الخارجية" names its own
_STATEMENTS = frozenset(normalize_key(w) for w in ("البيان", "البلاغ", "التقرير"))
# words that name the ones backing an armed agent (الجيش اليمني بدعم من التحالف، قوات مدعومة بميليشيات إيرانية)
_BACKING = frozenset(normalize_key(w) for w in (
    "بدعم", "بإسناد", "بمساندة", "بغطاء", "مدعوم", "مدعومة", "مدعوما", "مدعومين", "مدعومون", "مدعومتين",
    "مسنود", "مسنودة", "مسنودا", "مسنودين", "مسنودون"))
_BACKING_REACH = 4  # words from the agent to the name of the one backing it
_DESCRIBED_WORDS = 3  # indefinite words of an unnamed subject before its nationality (قوى وشخصيات عراقية)
# a party's standing tie to another (الحركة المرتبطة بالقاعدة), normalized, without ال. Not الموالية: forces loyal
# to someone (القوات الموالية للنظام، الموالين لصالح) are often named by their patron alone, who is then the party
_AFFILIATION = frozenset(normalize_key(w) for w in ("مرتبط", "مرتبطة", "مرتبطين", "مرتبطون"))
_STANDING_TIES = _BACKING | _AFFILIATION  # with the article, they name a party's backer or affiliate aside
_OBJECT_PREPOSITIONS = frozenset(normalize_key(w) for w in ("على", "ضد", "إلى", "بحق", "نحو", "تجاه"))
# nouns that make على an adverbial phrase opening no object (على غرار الولايات المتحدة، على هامش القمة، على الأقل)
_ALA = normalize_key("على")
_LIKENESS = frozenset(normalize_key(w) for w in ("غرار", "شاكلة"))
_ADVERBIAL_ALA = _LIKENESS | frozenset(normalize_key(w) for w in (
    "هامش", "خلفية", "إثر", "أثر", "رأس", "صعيد", "مستوى", "الأقل", "مدى", "مدار", "وقع", "الرغم", "لسان",
    "حد"))
_TITLE_WORDS = 2  # words of a title (الرئيس المصري) before the name of the one who holds it
_RESUMPTIVE_PREPOSITIONS = frozenset({"به", "بها", "بهما", "عنه", "عنها"})  # قامت بها، أعلن عنها
_RESUMPTIVE_SUFFIXES = ("ه", "ها", "هما", "هم")
# verbs of doing an act (normalized stems): شنها، نفذها، أطلقها، ارتكبها
_DOING_VERBS = tuple(normalize_key(w) for w in ("شن", "نفذ", "أطلق", "ارتكب"))
_CARRYING_OUT = frozenset(normalize_key(w) for w in ("قام", "قامت", "يقوم", "تقوم", "سيقوم", "ستقوم"))
_DAY_WORDS = frozenset(normalize_key(w) for w in ("اليوم", "أمس", "الليلة", "فجر", "صباح", "مساء", "ليل", "السبت",
                                                  "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"))
_IN_IT = frozenset({"فيه", "فيها", "فيهما"})
# nouns of time before a relative clause or فيه: the clause tells when, not who (في الوقت الذي، في وقت أدانت فيه)
_TIME_NOUNS = frozenset(normalize_key(w) for w in ("وقت", "يوم", "لحظة", "حين", "ساعة", "فترة", "مرة"))
# Verbs whose subject is where an act happened or who suffered it, not its agent (normalized stems)
# تعرض ... لهجوم: the verb of undergoing whose subject an attack after ل befell, and what names its author
_UNDERGOING_VERBS = tuple(normalize_key(w) for w in ("تعرض", "يتعرض", "تتعرض"))
_UNDERGONE_REACH = 8  # words from تعرض to the attack noun (the sufferer and a date between)
_AUTHOR_OPENERS = frozenset(normalize_key(w) for w in ("من", "قبل", "جانب", "طرف", "يد"))
_AUTHOR_REACH = 8  # words from the attack noun to its author
_NOT_AGENT_VERBS = tuple(normalize_key(w) for w in ("شهد", "تشهد", "يشهد", "تعرض", "يتعرض", "تتعرض", "عاش",
                                                    "تعيش", "يعيش", "عان", "تعان", "يعان", "واجه", "تواجه",
                                                    "يواجه", "كان"))


@dataclass(frozen=True, slots=True)
class Arguments:
    source: list[Mention]
    target: list[Mention]
    rules: tuple[str, ...]
    quality: float


def fills_argument(mention: Mention) -> bool:
    """Mentions that can fill an argument: coded actors; not adjectives (except plural ones used as nouns:
    الإيرانيين), named things (an exercise, a treaty), regions without a state, places on a dateline, or
    media, schools and firms (they report, they do not act)."""
    if mention.kind == ADJECTIVE:
        return mention.plural and len(mention.actors) == 1
    return (not mention.dateline and mention.entity_type != "MISC" and bool(mention.actors)
            and all((a.country or a.org or a.kind in ("organization", "state"))
                    and (a.sector or "")[:3] not in NON_POLITICAL
                    for a in mention.actors))


def main_sectors(mention: Mention) -> set[str]:
    """The first sector code of each actor a mention names (GOV for a GOV/DIP ministry, '' for a state)."""
    return {(actor.sector or "").split("/")[0] for actor in mention.actors}


def _enforcer(mention: Mention) -> bool:
    """Police, army, intelligence, courts, authorities: after an arrest noun they are its agent, not its patient
    (اعتقال الشرطة الإسرائيلية ناشطين فلسطينيين)."""
    return bool(mention.actors) and main_sectors(mention) <= _ENFORCING_SECTORS


def _armed(mention: Mention) -> bool:
    """Forces and armed groups: what ل after an attack noun names as its author."""
    return any(a.sector in ("MIL", "REB", "IGO/MIL") or (a.kind == "organization" and a.country is None
                                                         and (a.sector or "").startswith("REB"))
               for a in mention.actors)


def _is_person(mention: Mention) -> bool:
    return mention.entity_type == "PER" or any(a.kind == "person" for a in mention.actors)


def same_side(a: Mention, b: Mention) -> bool:
    """Two mentions of one state are one side, unless one is a non-state group of it: rebels fight the
    army, protesters face the police, parties accuse the government (المتمردون ... القوات الحكومية). A body
    and the people who lead or speak for it are one side too (الأمين العام لحزب الله حسن نصر الله)."""
    if _bodies(a) & _bodies(b):
        return True
    return (bool(a.countries & b.countries) and a.kind != REFERENCE and b.kind != REFERENCE
            and _domestic_sectors(a) == _domestic_sectors(b))


def _bodies(mention: Mention) -> set[str]:
    """The stateless bodies a mention names or belongs to (HEZBOLLAH for the party and for Nasrallah)."""
    return {actor.org or actor.id for actor in mention.actors
            if not actor.country and (actor.org or actor.kind == "organization")}


def _domestic_sectors(mention: Mention) -> frozenset[str]:
    return frozenset(a.sector for a in mention.actors if a.sector in DOMESTIC_SECTORS)


def _coordinated(syntax: SentenceSyntax, mentions: list[Mention]) -> list[Mention]:
    """The first mention and those joined to it by و (مع المغرب وتونس), not every later mention."""
    if not mentions:
        return []
    chosen = [mentions[0]]
    for mention in mentions[1:]:
        if syntax.preposition(mention) == "و" and syntax.distance(chosen[-1].end, mention.start) <= 1:
            chosen.append(mention)
        else:
            break
    return chosen


def _joined_before(syntax: SentenceSyntax, mention: Mention, candidates: list[Mention]) -> list[Mention]:
    """The mentions joined by و to one written after them (الإمارات والكويت والسعودية قدمت: all three)."""
    joined: list[Mention] = []
    while syntax.preposition(mention) == "و":
        before = [m for m in candidates if m.end <= mention.start and syntax.distance(m.end, mention.start) <= 1]
        if not before:
            break
        mention = before[-1]
        joined.insert(0, mention)
    return joined


def _agrees(syntax: SentenceSyntax, mention: Mention, gender: str | None) -> bool:
    """Could this mention be the subject of a verb of that gender? A verb agrees with a subject that
    follows it: دعا القيادة المصرية makes the leadership the object, not the one who calls."""
    if gender is None:
        return True
    if gender == PRONOUN:
        return False
    head = syntax.text[mention.start:mention.end].split(maxsplit=1)[0]
    head = normalize_key(head)
    head = head[2:] if head.startswith("ال") else head
    if gender == "m":  # not a singular (الحكومة) or sound plural (الجهات) feminine, nor a state in ا (تركيا)
        return mention.entity_type == "PER" or not (
            head.endswith(("ه", "ات")) or (mention.entity_type == "GPE" and head.endswith("ا")))
    return head not in MASCULINE_HEADS


def _headed_by_masculine_title(syntax: SentenceSyntax, verb_end: int, mention: Mention) -> bool:
    """أدان أمين عام منظمة التعاون الإسلامي: an indefinite title heads the name after the verb, and the verb
    agrees with the title, not with the body in its genitive (حمّل المتحدث ميليشيات الحوثي: a title with the
    article is a name of its own, and the body after it the object)."""
    between = syntax.text[verb_end:mention.start]
    words = [normalize_key(w) for w in between.split()]
    return 0 < len(words) <= _INDEFINITE_TITLE_WORDS and words[0] in MASCULINE_HEADS \
        and not CLAUSE_BREAK.search(between)


def find_subject(syntax: SentenceSyntax, trigger: tuple[int, int], form: str, candidates: list[Mention],
                 speakers: set[int], gender: str | None = None, possessed: bool = False,
                 unknown: Mention | None = None, attack: bool = False,
                 object_pronoun: bool = False, member_end: int | None = None) -> tuple[Mention | None, str]:
    """The agent: right after a verb (VSO) or a noun (genitive), else the nearest free mention before.

    A participle (مطالبا) takes the subject of the clause it hangs on, which comes before it, and so does
    a noun whose agent is a possessive pronoun (إدانتها: hers, someone named before). ``unknown``, a name
    the knowledge base cannot code right after a verb, is its subject: then no one else is.
    """
    start, end = trigger
    if gender == FIRST_PERSON:
        return None, "first-person"  # ندين: the one quoted, carried in; no name around the verb is "we"
    if form in (PAST, PRESENT, PHRASE) and syntax.previous_word(start) in _PRONOUN_COMPLEMENTIZERS:
        # وأعلنت الخارجية الإيرانية أنها رفضت منح أعضاء الكونغرس التأشيرات: "she" is the ministry, the
        # subject of the clause that reports, not a name after the verb
        before = [m for m in candidates if m.end <= start and syntax.preposition(m) in (None, "و")]
        return (before[-1], "pronoun-subject") if before else (None, "none")
    if form in (PAST, PRESENT) and syntax.next_word(end) in _STATEMENTS:
        return None, "statement-subject"  # ودعا البيان النظام الإيراني: the statement's author, carried in
    resumed = object_pronoun and any(m.start >= end and syntax.distance(end, m.start) <= 1 for m in candidates)
    if form in (PAST, PRESENT) and not resumed:
        # (الصحفي الأمريكي اعتقلته الشرطة التركية: the name before a verb that takes it back as a pronoun is its
        # object; the subject follows)
        preverbal = _preverbal_subject(syntax, start, candidates, speakers)
        if preverbal is not None:
            return preverbal, "preverbal-subject"
    after = [m for m in candidates if m.start >= end]
    statement = syntax.next_word(end) or ""
    if form in (PAST, PRESENT) and without_article(statement) in _STATEMENT_NOUNS:
        # دعا اجتماع وزاري للجامعة العربية ...، دعا تقرير ليفي: a meeting or a document says it; its owner is the
        # actor, named right after it, or no one the KB can code. A noun with the article takes no genitive:
        # ودعا البيان النظام الإيراني names the one called on.
        construct = not statement.startswith("ال")
        owner = next((m for m in after if syntax.distance(end, m.start) <= _OWNER_REACH and (
            syntax.preposition(m) == "ل" or (construct and syntax.preposition(m) is None
                                              and syntax.distance(end, m.start) == 1))),
            None)  # بيان للخارجية، تقرير الأمم المتحدة (not البيان الختامي الحكومة: the one called on)
        return (owner, "statement-owner") if owner is not None else (None, "unknown-subject")
    # أصدرت الخارجية بيانا أدانت فيه الهجوم، كلمة رحب فيها بالضيوف: a verb about a statement or a speech
    # named before has its author for subject, and a name after it is what it is about; أعرب فيه عن استنكاره:
    # a noun after فيه says what the call or statement named before says
    about = form in (PAST, PRESENT) and _about_statement(syntax, start, end) and not _subject_and_object(syntax, after)
    if about or (form == NOUN and _IN_IT & set(syntax.previous_words(start, 2))):
        caller = _caller(syntax, [m for m in candidates if m.end <= start])
        if caller is not None:
            return caller, "caller"
        if about:
            after = []
    if form in (PAST, PRESENT) and unknown is not None and syntax.distance(end, unknown.start) <= 1 \
            and (not after or (unknown.end <= after[0].start and syntax.distance(unknown.end, after[0].start) > 0)) \
            and syntax.preposition(unknown) is None:
        return None, "unknown-subject"  # أدان عضو ... ربيع ناصر: someone the KB does not know
    if form in (PAST, PRESENT) and len(after) > 1 and syntax.preposition(after[0]) == "ل" \
            and syntax.preposition(after[1]) is None and syntax.distance(after[0].end, after[1].start) == 0:
        after = after[1:]  # دعا الأمين العام للأمم المتحدة بان كي مون: the organization is in the title
    elif form in (PAST, PRESENT) and len(after) > 1 and not _is_person(after[0]) and _is_person(after[1]) \
            and syntax.distance(after[0].end, after[1].start) == 0 \
            and _headed_by_masculine_title(syntax, end, after[0]):
        after = after[1:]  # أدان أمين عام منظمة التعاون الإسلامي إياد مدني: so is the body after an indefinite title
    if member_end is not None and form in (PAST, PRESENT):
        body = next((m for m in after if m.start >= member_end), None)
        if body is not None and syntax.preposition(body) in ("في", "ب") \
                and syntax.distance(member_end, body.start) <= 1 \
                and (gender != "f" or normalize_key(syntax.text[end:member_end]).endswith("ه")):
            # هدد قيادي في حركة حماس إسرائيل: the body its member speaks for (استهدفت قيادي في تنظيم داعش: a
            # feminine verb does not agree with him, he is its object)
            return body, "member-subject"
    reach = _GENITIVE_REACH if form == NOUN else _SUBJECT_REACH
    if form == NOUN and after and _is_person(after[0]) and _title_words(syntax.text[end:after[0].start]):
        reach = _SUBJECT_REACH  # زيارة وزير الخارجية التركي مولود تشاووش أوغلو: the title stands between
    if _last_word(syntax, trigger) in PREPOSITIONS:
        after = []  # عقوبات اقتصادية على حليفتها طهران: what follows the preposition is the object
    elif form != NOUN and after and _object_preposition_between(syntax, end, after[0].start):
        after = []  # شنت غارات على مخازن أسلحة المليشيات الحوثية: a name past the object's على is no subject
    delegation = bool(after) and syntax.previous_words(after[0].start, 2) in (["من", "وفد"], ["من", "وفدا"])
    if form == NOUN and after and (_governed_between(syntax, end, after[0].start) or (
            reach == _GENITIVE_REACH and CLAUSE_BREAK.search(syntax.text, end, after[0].start))):
        # حزمة مساعدات سنوية لصالح تونس: the party belongs to the word with ل, not to the noun; عقوبات جديدة،
        # تستهدف 5 إيرانيين: no genitive across a comma (a title may stand before one: زيارة الوزير، فلان)
        after = []
    if form != PARTICIPLE and not possessed and after and syntax.distance(end, after[0].start) <= reach \
            and (delegation or _agrees(syntax, after[0], gender)
                 or (gender == "m" and _headed_by_masculine_title(syntax, end, after[0]))):
        # وصل وفد من حركة حماس: the delegation agrees
        # right after the trigger, the trigger's own clitic (بوقوف الولايات المتحدة) does not govern it
        adjacent = syntax.next_word_start(end) == after[0].start
        preposition = None if adjacent else syntax.preposition(after[0])
        if preposition is None:
            return after[0], "genitive" if form == NOUN else "verb-subject"
        if preposition == "ل" and form == NOUN and (_is_person(after[0]) or (attack and _armed(after[0]))):
            # زيارة العمل للحموشي: the visit of Hammouchi; غارات لقوات التحالف: the coalition's raids
            return after[0], "genitive-li"
        if delegation:
            return after[0], "delegation"  # زيارة وفد من المجلس الوطني السوري: the council's visit
    if form == NOUN and not possessed:
        agent = _relative_agent(syntax, end, candidates)
        if agent is not None:
            return agent, "relative-agent"
    free = [m for m in reversed([m for m in candidates if m.end <= start])
            if id(m) not in speakers and (syntax.preposition(m) in (None, "و") or _statement_owner(syntax, m))]
    if form == PARTICIPLE:
        # قال الوزير البريطاني إن عقوبات الاتحاد الأوروبي ...، داعيا طهران: the participle's subject is the
        # main verb's, the first in the sentence; a person or body before a place (يغادر كارتر الأردن متوجها)
        free = free[::-1]
        free = [m for m in free if m.entity_type != "GPE"] + [m for m in free if m.entity_type == "GPE"]
    return (free[0], "preceding-subject") if free else (None, "none")


def is_time_noun(word: str | None) -> bool:
    """A normalized noun of time, with or without the article (الوقت، يوم): a relative clause or فيه after it
    tells when, not who."""
    return word is not None and without_article(word) in _TIME_NOUNS


def _about_statement(syntax: SentenceSyntax, verb_start: int, verb_end: int) -> bool:
    """فيه، فيها right after the verb (أدانت فيه): the verb tells what a statement named before says. Not
    after a word of time (في وقت أدانت فيه دمشق: the time in which Damascus condemned)."""
    following = syntax.words_after(verb_end, 1)
    return bool(following) and normalize_key(following[0].text) in _IN_IT \
        and not is_time_noun(syntax.previous_word(verb_start))


def _caller(syntax: SentenceSyntax, before: list[Mention]) -> Mention | None:
    """تلقى سموه اتصالا هاتفيا من الشيخ محمد الخالد ... أدان فيه: the one a call or message came from, named
    after من (honorifics and titles may stand between), not the one who took it."""
    for mention in reversed(before):
        words = syntax.previous_words(mention.start, _CALLER_REACH)
        if "من" in words and any(w.startswith(_CALL_WORDS) for w in words[words.index("من") + 1:][:2]):
            return mention
    return None


def _received_from(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> Arguments | None:
    """تلقى الملك سلمان اتصالا هاتفيا من الرئيس الفرنسي: the sender, named after من right after the call, and
    the receiver, the subject of the verb of receiving before it (or the one the sentence is about)."""
    words = [w.removeprefix("و").removeprefix("ف") for w in syntax.previous_words(trigger[0], _RECEIVER_REACH)]
    if not _RECEIVE_VERBS & set(words):
        return None
    # (a day may stand between: اتصالا هاتفيا أمس من نظيره)
    from_word = next((t for t in syntax.words_after(trigger[1], 3) if normalize_key(t.text) == "من"), None)
    sender = next((m for m in candidates if from_word is not None and m.start >= from_word.end
                   and syntax.distance(from_word.end, m.start) <= 3), None)
    receiver = next((m for m in reversed(candidates) if m.end <= trigger[0]
                     and syntax.distance(m.end, trigger[0]) <= _RECEIVER_REACH
                     and syntax.preposition(m) in (None, "و")), None)
    if sender is None or receiver is None or same_side(sender, receiver):
        return None
    return Arguments([sender], [receiver], ("sender", "receiver"), 0.9)


def _subject_and_object(syntax: SentenceSyntax, after: list[Mention]) -> bool:
    """Two bare names in a row after a verb (بيان دعت فيه أوبك المنتجين), or a bare name and one after ب
    (بيانا أشادت فيه بريطانيا بجهود السعودية): its subject, then its object."""
    bare = [m for m in after if syntax.preposition(m) is None]
    if not bare:
        return False
    following = [m for m in after if m.start >= bare[0].end and syntax.distance(bare[0].end, m.start) <= 1]
    return any(syntax.preposition(m) is None or (syntax.preposition(m) == "ب" and m.kind != CAPITAL)
               for m in following[:1])


def _statement_owner(syntax: SentenceSyntax, mention: Mention) -> bool:
    """أعلن بيان لوزارة الخزانة فرض عقوبات، ذكر بيان صادر عن الرئاسة: the owner of a statement that is a
    verb's subject speaks through it, as free as a bare subject."""
    preposition = syntax.preposition(mention)
    words = syntax.previous_words(mention.start, 3)
    return (preposition == "ل" and bool(words) and words[0] in _STATEMENT_NOUNS) or (
        preposition == "عن" and words[1:3] in (["صادر", "بيان"], ["صادرا", "بيانا"]))


def _describes_noun(syntax: SentenceSyntax, mentions: list[Mention], verb_start: int, present: bool) -> bool:
    """تفجيرين إرهابيين استهدفا كنيستين، العقوبات الاقتصادية تستهدف قطاع النفط: a verb right after a noun that
    names no actor, with nothing between (no و, no line break), describes it: a relative clause without الذي
    whose subject is that noun, no actor. A past verb so only after an indefinite plural (a definite noun
    before a past verb is often its subject: الطائرات قصفت); a present one also after a definite noun, an
    indefinite feminine one or a statement noun (عملية إرهابية تستهدف، قرار يدين)."""
    if not syntax.starts_word(verb_start):
        return False  # وتعتقل: a verb joined by و goes on with the sentence's subject
    window = max(0, verb_start - _WORD_WINDOW)
    before = syntax.text[window:verb_start]
    words = before.rsplit(maxsplit=1)
    if len(words) < 2 or not before.endswith(" ") or "\n" in before[len(words[0]):]:
        return False
    previous = normalize_key(words[1])
    definite = previous.startswith("ال")
    if (definite and not present) or len(previous) < 4 or not previous.isalpha() or previous in PREPOSITIONS \
            or previous in RELATIVE_PRONOUNS:
        return False
    previous_start = window + len(before.rstrip()) - len(words[1])
    indefinite = previous.endswith(_INDEFINITE_ENDINGS) or (present and (
        previous.endswith("ه") or previous in _STATEMENT_NOUNS))
    return (definite or indefinite) and not any(
        m.start < verb_start and m.end > previous_start for m in mentions)


def _title_words(text: str) -> bool:
    """Only the words of a title: heads of offices and nationality adjectives (وزير الخارجية التركي)."""
    words = [normalize_key(w) for w in text.split()]
    return bool(words) and all(w in CONSTRUCT_HEADS or w[2:] in CONSTRUCT_HEADS or is_nisba(w) for w in words)


def _preverbal_subject(syntax: SentenceSyntax, verb_start: int, candidates: list[Mention],
                       speakers: set[int]) -> Mention | None:
    """A bare actor right before the verb is its subject (SVO after إن/أن, in headlines and in narration:
    "أن مملكة البحرين أدانت ... الإيرانيين"), whatever follows the verb."""
    before = [m for m in candidates if m.end <= verb_start]
    if not before or id(before[-1]) in speakers:
        return None
    mention = before[-1]
    gap = syntax.distance(mention.end, verb_start)
    if gap > 1 or (gap == 1 and syntax.previous_word(verb_start) not in VERB_PARTICLES):
        return None
    return mention if syntax.preposition(mention) in (None, "و") else None


def _relative_clause(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention],
                     object_pronoun: bool) -> tuple[Mention | None, Mention | None, str] | None:
    """``X التي تدعم Y``: X is the subject, Y the object; ``X التي تدعمها Y``: Y acts on X.

    Returns (subject, object or None, rule) when the trigger verb opens a relative clause; no subject
    when the antecedent is a noun that names no actor.
    """
    previous = syntax.previous_words(trigger[0], 3)
    auxiliary = int(previous[:1] != [] and previous[0] in AUXILIARIES)  # ترامب الذي كان يطالب
    if len(previous) <= auxiliary or previous[auxiliary] not in RELATIVE_PRONOUNS:
        return None
    if is_time_noun(previous[auxiliary + 1] if previous[auxiliary + 1:] else None):
        return None  # في الوقت الذي ندين: a clause of time, whose subject is the verb's own
    before = [m for m in candidates
              if m.end <= trigger[0] and syntax.distance(m.end, trigger[0]) <= 1 + auxiliary]
    after = [m for m in candidates if m.start >= trigger[1] and syntax.distance(trigger[1], m.start) <= 4]
    if not before:
        # المهاجرين الذين يصلون: the clause is about a noun that is no actor
        return None if object_pronoun else (None, None, "relative-non-actor")
    antecedent = before[-1]
    if object_pronoun:
        return (after[0], antecedent, "relative-object") if after else None
    return antecedent, after[0] if after else None, "relative-subject"


def _relative_agent(syntax: SentenceSyntax, noun_end: int, candidates: list[Mention]) -> Mention | None:
    """العملية التي قامت بها الولايات المتحدة، الهدنة التي أعلن عنها الرئيس، الغارات التي شنها الجيش: a relative
    clause whose verb takes the act back as a pronoun names the act's agent as that verb's subject (not after
    شهدتها or تعرضت لها: the place where it happened, the one who suffered it)."""
    words = syntax.words_after(noun_end, _RELATIVE_AGENT_REACH + 4)
    keys = [normalize_key(t.text) for t in words]
    opens = next((i for i, key in enumerate(keys[:_RELATIVE_AGENT_REACH]) if key in RELATIVE_PRONOUNS), None)
    if opens is None:
        # غارات جوية شنتها اليوم طائرات التحالف: an indefinite act's clause has no pronoun, and a verb of doing
        # that takes the act back opens it right after the act's adjectives
        # (زيارة قام بها الرئيس القرغيزي: or a verb of carrying out with its preposition)
        opens = next((i - 1 for i, key in enumerate(keys[:_RELATIVE_AGENT_REACH])
                      if (key.startswith(_DOING_VERBS) and key.endswith(_RESUMPTIVE_SUFFIXES))
                      or (key in _CARRYING_OUT and keys[i + 1:i + 2] and keys[i + 1] in _RESUMPTIVE_PREPOSITIONS)),
                     None)
    # only the act's own adjectives may stand between (الهجوم الإرهابي الذي شنه), not another noun (للخطوة التي)
    elif not all(key.startswith("ال") for key in keys[:opens]):
        return None
    if opens is None or opens + 2 >= len(keys):
        return None
    verb, subject_at = keys[opens + 1], opens + 2
    while subject_at < len(keys) - 1 and keys[subject_at] in _DAY_WORDS:
        subject_at += 1  # شنتها اليوم طائرات التحالف: the day stands between the verb and its subject
    if keys[subject_at] in _RESUMPTIVE_PREPOSITIONS:
        subject_at += 1
    elif not verb.endswith(_RESUMPTIVE_SUFFIXES):
        return None
    if verb.startswith(_NOT_AGENT_VERBS) or subject_at >= len(words):
        return None
    # a person's name may follow a title (التي أجراها الرئيس المصري عبد الفتاح السيسي), a body's the word for its
    # planes or troops (شنتها طائرات التحالف)
    start = words[subject_at].start
    return next((m for m in candidates if m.start == start or (m.start > start and (
        syntax.distance(start, m.start) <= _TITLE_WORDS if _is_person(m)
        else syntax.distance(start, m.start) <= 1 and syntax.preposition(m) is None))), None)


def _pronoun_patient(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention],
                     enforced: bool) -> Arguments:
    """اعتقاله، الإفراج عنه، اختطافهم: the pronoun is the one who underwent the act, named before it (a person
    first); the agent is written after من قبل or, for an arrest or a release, is the police, army, court or
    authority named before, else no one (the caller then places the act where it happened)."""
    before = [m for m in candidates if m.end <= trigger[0]]
    agent = [m for m in candidates if m.start >= trigger[1] and syntax.previous_word(m.start) == "قبل"][:1]
    if not agent and enforced:
        agent = [m for m in before if _enforcer(m)][-1:]
    others = [m for m in before if not agent or not same_side(m, agent[0])]
    patient = ([m for m in others if _is_person(m)] or others)[-1:]
    return Arguments(agent, patient, ("by-agent" if agent else "none", "pronoun-patient"), 0.85)


def _governed_between(syntax: SentenceSyntax, start: int, end: int) -> bool:
    """A preposition lies between two offsets (غارات على مواقع داعش، حزمة مساعدات لصالح تونس): what follows is
    its complement, no genitive. (Not any word with ل: titles hold them, المساعد الخاص لرئيس الوزراء للشؤون
    الخارجية طارق فاطمي.)"""
    return _word_between(syntax, start, end, _GOVERNING_WORDS)


def _word_between(syntax: SentenceSyntax, start: int, end: int, words: frozenset[str]) -> bool:
    """One of ``words`` stands, whole, between two offsets."""
    return any(normalize_key(word) in words for word in syntax.text[start:end].split())


def named_aside(syntax: SentenceSyntax, mention: Mention) -> bool:
    """The mention is named beside the act, no party to it: the one the act is likened to (على غرار فرنسا، على
    شاكلة), or a party's standing backer or affiliate, with the article (مليشيا الحوثي المدعومة من إيران، حركة
    الشباب المرتبطة بتنظيم القاعدة). Backing as one acts (مدعومة بالطيران الروسي) makes a co-agent: see
    _backing."""
    words = syntax.previous_words(mention.start, 2)
    if len(words) == 2 and words[1] == _ALA and words[0] in _LIKENESS:
        return True
    words = [word.removeprefix("و") for word in words]
    return any(word.startswith("ال") and word[2:] in _STANDING_TIES for word in words)


def _object_preposition_between(syntax: SentenceSyntax, start: int, end: int) -> bool:
    """A preposition of the object (على، ضد، إلى ...) stands between two offsets. على heading an adverbial phrase
    (على غرار، على هامش، على الأقل) is not one: what follows it is compared or placed, not acted on."""
    words = [normalize_key(word) for word in syntax.text[start:end].split()]
    return any(word in _OBJECT_PREPOSITIONS
               and not (word == _ALA and i + 1 < len(words) and words[i + 1] in _ADVERBIAL_ALA)
               for i, word in enumerate(words))


def _first_unknown(syntax: SentenceSyntax, mentions: list[Mention], start: int) -> Mention | None:
    """The first person or body after ``start`` that the knowledge base could not code, governed as a
    patient is: the act's object is then unknown, not the next coded actor further on."""
    return next((m for m in mentions if m.start >= start and m.entity_type in ("PER", "ORG") and not fills_argument(m)
                 and syntax.preposition(m) in PATIENT_PREPOSITIONS), None)


def _joined_to(between: str) -> bool:
    """The text between two mentions only joins them: و and at most a title (الملك عبدالله الثاني وولي العهد
    السعودي الأمير محمد بن سلمان)."""
    words = between.split()
    return bool(words) and words[0].startswith("و") and len(words) <= _JOINED_TITLE_WORDS


def _attended(text: str) -> bool:
    return any(normalize_key(word) in ATTENDANCE for word in text.split())


def _between_participants(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> list[Mention]:
    """اتصال هاتفي جرى بين الرئيسين التركي أردوغان والأمريكي أوباما: the actors named after بين are the
    participants, whoever is named before the trigger; at least two sides, else the rule does not apply."""
    opener = syntax.between_after(trigger[1], _BETWEEN_OPENER_REACH)
    if opener is None:
        return []
    named = [m for m in candidates if m.start >= opener and syntax.distance(opener, m.start) <= _BETWEEN_REACH
             and (syntax.previous_word(m.start) in BETWEEN_WORDS or syntax.preposition(m) not in ("ب", "في"))]  # بفيينا
    pair = [m for m in named if m.kind == REFERENCE and len(m.actors) == 2]
    participants = _one_per_side([m for m in named if m.kind != REFERENCE])
    if len(participants) >= 2:
        return participants
    return [pair[0], pair[0]] if pair else []


def _taking_part(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> list[Mention]:
    """شارك جنود من الأردن والولايات المتحدة في تمرين ...: the ones who take part in a joint act are named
    between شارك and the في before it; at least two sides, else the rule does not apply."""
    if syntax.previous_word(trigger[0]) != "في":
        return []
    words = syntax.words_after(max(0, trigger[0] - _TAKING_PART_WINDOW), _TAKING_PART_WINDOW)
    verb = next((t for t in reversed(words) if t.end <= trigger[0]
                 and normalize_key(t.text).lstrip("وف").startswith(_TAKING_PART_VERBS)), None)
    if verb is None:
        return []
    participants = _one_per_side([m for m in candidates if verb.end <= m.start and m.end <= trigger[0]
                                  and syntax.preposition(m) in (None, "و", "من")])
    return participants if len(participants) >= 2 else []


def _brought_together(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> list[Mention]:
    """مباحثات جمعت وزير الخارجية المصري مع نظيرته الكرواتية، اللقاء الذي جمع الرئيسين: the ones a meeting
    brought together (جمع) are named after that verb, its object and the one with (مع، ب، و) it; at least two
    sides, else the rule does not apply."""
    words = syntax.words_after(trigger[1], _GATHERING_REACH)
    verb = next((t for t in words if normalize_key(t.text) in _GATHERING_VERBS), None)
    if verb is None or any(t.start < verb.start and normalize_key(t.text) not in RELATIVE_PRONOUNS for t in words):
        return []  # right after the noun, or after its الذي / التي
    named = [m for m in candidates if m.start >= verb.end and syntax.distance(verb.end, m.start) <= _BETWEEN_REACH
             and syntax.preposition(m) in (None, "مع", "ب", "و", "بين")]
    participants = _one_per_side(named)
    return participants if len(participants) >= 2 else []


def _one_per_side(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each side, in order (a state's army after the state is the same side)."""
    sides: list[Mention] = []
    for mention in mentions:
        if not any(same_side(mention, side) for side in sides):
            sides.append(mention)
    return sides


def _phrase_qualified(syntax: SentenceSyntax, trigger: tuple[int, int], rule: str, adjectives: list[Mention]) -> bool:
    """A nationality after a phrase's own noun qualifies it as after a noun: a definite one (فرض العقوبات
    الأمريكية), or an indefinite one whose agent no verb names (قتلوا بنيران إسرائيلية: the fire was Israel's,
    but أطلق الحوثيون صواريخ إيرانية: the Houthis fired)."""
    last = _last_word(syntax, trigger)
    if last.startswith("ال"):
        return True
    return bool(adjectives) and rule in ("preceding-subject", "none") and not normalize_key(
        syntax.text[adjectives[0].start:adjectives[0].end]).startswith("ال")


def _last_word(syntax: SentenceSyntax, trigger: tuple[int, int]) -> str:
    """The trigger's last word, normalized (عن in الإفراج عن, العقوبات in فرض العقوبات)."""
    return normalize_key(syntax.text[trigger[0]:trigger[1]].split()[-1])


def _adjective_of(syntax: SentenceSyntax, noun_end: int, adjective_start: int) -> bool:
    """The adjective qualifies the noun itself: right after it, or after another adjective (الغارات الجوية
    الإسرائيلية), not after a noun it governs (إسقاط الطائرة التركية: the plane is Turkish)."""
    between = syntax.text[noun_end:adjective_start].split()
    return not between or (len(between) == 1 and _nisba_shaped(normalize_key(between[0])))


def _nisba_shaped(word: str) -> bool:
    """An adjective of origin or kind, with or without the article (الجوية، جوي in هجوم جوي إسرائيلي), not a
    direction (ضربات شمالي العراق)."""
    return (is_nisba(word) or (word.endswith(("يه", "ي")) and len(word) > 3)) and word not in DIRECTIONS


def _in_patient_phrase(syntax: SentenceSyntax, start: int, adjective_start: int) -> bool:
    """The adjective ends a short phrase that a patient preposition opens (شنت قصفا مكثفا على عشرات المواقع
    الإيرانية، إزاء استمرار الدعم العسكري الروسي): one of the four words before it is على/ضد/بحق/إزاء/تجاه or
    تستهدف, with only words between."""
    words = [normalize_key(w) for w in syntax.text[start:adjective_start].split()][-_PATIENT_PHRASE:]
    opener = next((i for i, w in enumerate(words) if w in _ADJECTIVE_PATIENT_PREPOSITIONS), None)
    return opener is not None and all(w.isalpha() for w in words[opener:])


def undergone_attack(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> Arguments | None:
    """تعرضت دورية سعودية لهجوم من قبل مسلحين حوثيين، تعرض مركز المسيال لقذائف من داخل الأراضي اليمنية: the
    attack ل names after تعرض befell the verb's subject, and its author comes after من (قبل، جانب، طرف) or على
    يد. None when no verb of undergoing governs the attack noun or no author is named."""
    start, end = trigger
    index = bisect_left(syntax.starts, start) - 1
    verb = None
    for token in reversed(syntax.tokens[max(0, index - 2 * _UNDERGONE_REACH):index + 1]):
        word = normalize_key(token.text)
        if token.is_word and word.removeprefix("و").removeprefix("ف").startswith(_UNDERGOING_VERBS):
            verb = token
            break
    # تعرضت للهجوم: the attack told before, not a new one; القوات التي تعرضت: background on who suffered it
    if verb is None or syntax.distance(verb.end, start) > _UNDERGONE_REACH or normalize_key(
            syntax.text[max(0, start - 2):start]) == "لل" or syntax.previous_word(verb.start) in RELATIVE_PRONOUNS:
        return None
    sufferer = next((m for m in candidates if verb.end <= m.start and m.end <= start and m.actors), None) \
        or next((m for m in reversed(candidates) if m.end <= verb.start and m.actors
                 and syntax.distance(m.end, verb.start) <= 1), None)
    author = next((m for m in candidates if m.start >= end and m.countries
                   and syntax.distance(end, m.start) <= _AUTHOR_REACH
                   and _AUTHOR_OPENERS & set(syntax.previous_words(m.start, 3))), None)
    if sufferer is None or author is None:
        return None
    return Arguments([author], [sufferer], ("by-agent", "undergone"), 1.0)


def _passive_arguments(syntax: SentenceSyntax, trigger: tuple[int, int], candidates: list[Mention]) -> Arguments:
    """اعتُقل عدد من الناشطات السعوديات من قبل الشرطة: what follows the verb underwent it; "من قبل" names
    the agent, which is otherwise unknown."""
    after = [m for m in candidates if m.start >= trigger[1] and syntax.distance(trigger[1], m.start) <= _SUBJECT_REACH]
    patient = next((m for m in after if syntax.preposition(m) in (None, "من")), None)
    agent = next((m for m in after if syntax.previous_word(m.start) == "قبل" and m is not patient), None)
    return Arguments([agent] if agent else [], [patient] if patient else [], ("passive-agent", "passive-patient"),
                     0.8)


@dataclass(frozen=True, slots=True)
class TriggerReading:
    """One trigger occurrence as the argument rules read it.

    ``form``: the form its arguments are read by (a phrase after a preposition reads as a noun).
    ``object_pronoun``: it carries an object pronoun or has its object written (اعتقاله، استقبله).
    ``carried``: the subject an earlier clause hands on (وطالبت: she, named before), or the one quoted (ندين).
    ``gender``: what the verb's ending says of its subject (see ``TriggerHit.subject_gender``).
    ``complement``: a noun completing another act's verb (انتقدت القبض على): it takes no subject from before
    that verb. ``object_from``: where a noun naming the target begins (استدعت سفير البحرين): the actor it
    introduces is the target. ``passive``: the verb is written passive (اعتُقل).
    ``genitive_patient``: a noun trigger's genitive underwent the act (اعتقال الصحفي).
    ``patient_before``: the one struck is named before the trigger, its agent is the genitive after it (قتل
    فلسطيني برصاص الجيش الإسرائيلي).
    ``attack``: the trigger is an attack: after its noun, ل may name forces or an armed group as its author
    (غارات لقوات التحالف), and forces named as its genitive were attacked (مقتل الجنود), not its authors.
    ``continues``: the verb is joined by و to an earlier clause of its sentence, whose subject is ``carried``.
    ``unnamed_people``: spans of nouns for people the text does not name (أشخاص، مشتبها) after the trigger of an
    act done at home (an arrest): as its object, they leave it without a named target.
    ``member_end``: where a noun for a member of a body (قيادي، مسؤول) right after the trigger ends.
    """

    frame: str
    span: tuple[int, int]
    form: str
    object_pronoun: bool = False
    carried: Mention | None = None
    gender: str | None = None
    complement: bool = False
    object_from: int | None = None
    passive: bool = False
    genitive_patient: bool = False
    patient_before: bool = False
    attack: bool = False
    continues: bool = False
    unnamed_people: tuple[tuple[int, int], ...] = ()
    member_end: int | None = None


@dataclass(frozen=True, slots=True)
class _Agent:
    """Who does it, by which rule, with whom (subjects joined by و), and the nationalities left after it."""

    subject: Mention | None
    rule: str
    co_agents: list[Mention]
    adjectives: list[Mention]


def find_arguments(syntax: SentenceSyntax, reading: TriggerReading, mentions: list[Mention],
                   speakers: set[int]) -> Arguments:
    """Source and target mentions for one trigger: those a construction names outright (a passive, a
    relative clause, بين, من قبل, the genitive of an arrest), else its agent and the other party its frame
    takes (a partner, a destination, a patient)."""
    candidates = [m for m in mentions if fills_argument(m) and not named_aside(syntax, m)]
    adjectives = [m for m in mentions if m.kind == ADJECTIVE and not m.plural and len(m.actors) == 1
                  and m.start >= reading.span[1] and syntax.starts_word(m.start)]
    named = _construction_arguments(syntax, reading, mentions, candidates, adjectives, speakers)
    if named is not None:
        return named
    agent = _agent(syntax, reading, mentions, candidates, adjectives, speakers)
    subject = agent.subject
    if agent.rule == "carried-subject":
        candidates = [m for m in candidates if m is not subject]
    after = [m for m in candidates if m.start >= reading.span[1] and m is not subject
             and (subject is None or m.start > subject.start or m.start >= reading.span[1])]
    if reading.frame in JOINT_FRAMES:
        return _joint_arguments(syntax, reading, agent, candidates, after)
    if reading.frame == "visit":
        return _visit_arguments(syntax, agent, after)
    return _directed_arguments(syntax, reading, agent, mentions, candidates, after, speakers)


def _construction_arguments(syntax: SentenceSyntax, reading: TriggerReading, mentions: list[Mention],
                            candidates: list[Mention], adjectives: list[Mention],
                            speakers: set[int]) -> Arguments | None:
    """The arguments of a construction that says who is who whatever the words around, or None."""
    trigger, form, frame = reading.span, reading.form, reading.frame
    if form in (PAST, PRESENT) and _describes_noun(syntax, mentions, trigger[0], form == PRESENT):
        return Arguments([], [], ("noun-antecedent",), 0.0)
    if reading.passive:
        return _passive_arguments(syntax, trigger, candidates)
    if frame in JOINT_FRAMES and form in (NOUN, PHRASE):
        received = _received_from(syntax, trigger, candidates)
        if received is not None:
            return received
    if reading.object_from is not None:
        named = _object_word_arguments(syntax, reading, reading.object_from, candidates, adjectives, speakers)
        if named is not None:
            return named
    relative = (_relative_clause(syntax, trigger, candidates, reading.object_pronoun)
                if form in (PAST, PRESENT, PHRASE) else None)
    if relative is not None and relative[0] is None:
        return Arguments([], [], (relative[2],), 0.0)
    if relative is not None and relative[1] is not None and frame not in JOINT_FRAMES:
        subject, obj, rule = relative
        if frame == "host":
            return Arguments([obj], [subject], (rule, "host-reversed"), 0.9)
        return Arguments([subject], [obj], (rule,), 0.9)
    if frame in JOINT_FRAMES:
        participants = _between_participants(syntax, trigger, candidates)
        pair = participants[0] if participants else None
        if pair is not None and pair.kind == REFERENCE and len(pair.actors) == 2 \
                and all(m is pair for m in participants):
            return Arguments([pair], [pair], ("between", "pair-reference"), 0.85)  # اتصال هاتفي بين الرئيسين
        if participants:
            return Arguments(participants[:1], participants[1:], ("between",), 0.9)
        participants = _taking_part(syntax, trigger, candidates) if form == NOUN else []
        if participants:
            return Arguments(participants[:1], participants[1:], ("taking-part",), 0.9)
        participants = _brought_together(syntax, trigger, candidates) if form == NOUN else []
        if participants:
            return Arguments(participants[:1], participants[1:], ("brought-together",), 0.9)
    if reading.patient_before:
        return _struck_before_arguments(syntax, trigger, mentions)
    if form == NOUN and reading.genitive_patient:
        if reading.object_pronoun:
            return _pronoun_patient(syntax, trigger, candidates, enforced=not reading.attack)
        named = _genitive_patient_arguments(syntax, reading, mentions, candidates, speakers)
        if named is not None:
            return named
    by_agent = next((m for m in candidates if m.start >= trigger[1] and syntax.previous_word(m.start) == "قبل"), None)
    if form == NOUN and by_agent is not None:
        # إسقاط الطائرة التركية من قبل سوريا: the agent follows من قبل; what the noun governs underwent it
        patient = next((m for m in candidates + adjectives if trigger[1] <= m.start < by_agent.start
                        and not same_side(m, by_agent)), None)
        return Arguments([by_agent], [patient] if patient else [], ("by-agent", "patient"), 0.9)
    return None


def _struck_before_arguments(syntax: SentenceSyntax, trigger: tuple[int, int], mentions: list[Mention]) -> Arguments:
    """قتل 8 متظاهرين فلسطينيين برصاص القوات الإسرائيلية: the instrument's genitive, right after it, is the agent
    (a party or a nationality: بنيران إسرائيلية); the one struck is named just before it, as a party or a
    nationality. A party further on (خلال المواجهات على حدود غزة) is where, not who was struck."""
    def party(m: Mention) -> bool:
        return fills_argument(m) or (m.kind == ADJECTIVE and len(m.actors) == 1)

    agent = next((m for m in mentions if m.start >= trigger[1] and party(m)
                  and syntax.distance(trigger[1], m.start) <= _GENITIVE_REACH
                  and not CLAUSE_BREAK.search(syntax.text, trigger[1], m.start)), None)
    struck = next((m for m in reversed(mentions) if m.end <= trigger[0] and party(m)
                   and syntax.distance(m.end, trigger[0]) <= _STRUCK_REACH
                   and not CLAUSE_BREAK.search(syntax.text, m.end, trigger[0])
                   and (agent is None or not same_side(m, agent))), None)
    return Arguments([agent] if agent else [], [struck] if struck else [], ("instrument-genitive", "struck-before"),
                     0.85)


def _object_word_arguments(syntax: SentenceSyntax, reading: TriggerReading, object_from: int,
                           candidates: list[Mention], adjectives: list[Mention],
                           speakers: set[int]) -> Arguments | None:
    """استدعت البحرين سفير إيران، استدعى المبعوث الفلسطيني: the actor (or nationality) a noun of the trigger's
    object introduces is the target."""
    named = next((m for m in sorted(candidates + adjectives, key=lambda m: m.start)
                  if m.end > object_from and syntax.distance(object_from, m.start) <= 2), None)
    if named is None:
        return None
    subject, subject_rule = find_subject(syntax, reading.span, reading.form,
                                         [m for m in candidates if m.end <= object_from], speakers, reading.gender)
    if subject is None and reading.carried is not None:
        subject, subject_rule = reading.carried, "carried-subject"
    if subject is not None and same_side(subject, named):
        # استدعت سفير دولة الكويت لدى إيران: one's own envoy called home is no summons
        return Arguments([], [], (subject_rule, "own-envoy"), 0.0)
    return Arguments([subject] if subject else [], [named] if subject else [], (subject_rule, "object-word"), 0.9)


def _genitive_patient_arguments(syntax: SentenceSyntax, reading: TriggerReading, mentions: list[Mention],
                                candidates: list[Mention], speakers: set[int]) -> Arguments | None:
    """اعتقال الصحفي: the genitive underwent the act; the agent is written before (or carried). A nationality
    stands for its people there (الإفراج عن فرنسية، اعتقال صحفي فرنسي)."""
    trigger = reading.span
    own = _last_word(syntax, trigger)  # الإفراج عن: عن is the trigger's
    after = [m for m in sorted(candidates + [m for m in mentions if m.kind == ADJECTIVE and len(m.actors) == 1],
                               key=lambda m: m.start)
             if m.start >= trigger[1] and syntax.distance(trigger[1], m.start) <= 2
             and (syntax.preposition(m) in (None, "من", own) or syntax.next_word_start(trigger[1]) == m.start)]
    # (بترحيل تونسي: right after the noun, the clitic on the noun does not govern its genitive)
    if not after or (not reading.attack and _enforcer(after[0])):
        return None
    agent, rule = find_subject(syntax, trigger, reading.form, [m for m in candidates if m.end <= trigger[0]],
                               speakers, None, possessed=True)
    if reading.complement and rule == "preceding-subject":
        agent, rule = None, "none"  # انتقدت كندا القبض على ناشطات: the critic did not arrest them
    elif agent is None and reading.carried is not None:
        agent, rule = reading.carried, "carried-subject"
    return Arguments([agent] if agent else [], [after[0]], (rule, "genitive-patient"), 0.85)


def _agent(syntax: SentenceSyntax, reading: TriggerReading, mentions: list[Mention], candidates: list[Mention],
           adjectives: list[Mention], speakers: set[int]) -> _Agent:
    """The subject of a verb or the agent of a noun, with the subjects joined to it; a nationality right after
    a noun is its agent (الهجوم الإسرائيلي); with no one named, the subject an earlier clause hands on."""
    trigger, form = reading.span, reading.form
    possessed = form == NOUN and reading.object_pronoun
    co_agents: list[Mention] = []
    subject, rule = find_subject(syntax, trigger, form, candidates, speakers, reading.gender, possessed,
                                 _first_unknown(syntax, mentions, trigger[1]), reading.attack, reading.object_pronoun,
                                 reading.member_end)
    described = _described_subject(syntax, trigger[1], mentions, reading.gender) if form in (PAST, PRESENT) else None
    if described is not None and (rule == "none" or (
            rule == "verb-subject" and subject is not None and subject.start > described.start)):
        # أدانت فصائل فلسطينية الهجوم، استهدفت فصائل فلسطينية مسلحة إسرائيل: the nationality of the unnamed
        # group right after the verb is its subject, and a name after it the object
        subject, rule = described, "described-subject"
        adjectives = [m for m in adjectives if m is not described]
    if rule == "preverbal-subject" or (rule == "preceding-subject" and form in (PAST, PRESENT)):
        co_agents += _joined_before(syntax, subject, candidates)  # موسكو ودمشق تدين: both subjects act
    elif rule == "verb-subject":
        after_subject = [m for m in candidates if m.start >= subject.start]
        co_agents += _coordinated(syntax, after_subject)[1:]  # أدانت مصر والسعودية: both condemn
    # فرض العقوبات الأمريكية: a nationality after a phrase's definite noun qualifies it, as after a noun
    if (form == NOUN or (form == PHRASE and _phrase_qualified(syntax, trigger, rule, adjectives))) and not possessed \
            and adjectives and (rule != "genitive" or adjectives[0].start < subject.start) \
            and _adjective_of(syntax, trigger[1], adjectives[0].start):
        # الهجوم الإسرائيلي، الغارات الجوية الإسرائيلية: the nationality of the act is its agent; so are the
        # nationalities right after it (الفيتو الروسي الصيني: both vetoed)
        subject, rule = adjectives[0], "adjective-agent"
        for adjective in adjectives[1:]:
            if syntax.distance((co_agents or [subject])[-1].end, adjective.start) > 0:
                break
            co_agents.append(adjective)
        adjectives = adjectives[1 + len(co_agents):]
    elif reading.complement and rule == "preceding-subject":
        subject, rule = None, "none"  # أدان الوزير الاعتقال: the one who condemns did not arrest
    if reading.continues and rule == "preceding-subject":
        subject = None  # وأدانت السلطنة الإجراءات بحق الفلسطينيين وطالبت: she goes on, not the last name before
    if subject is None and reading.carried is not None and rule != "unknown-subject":
        subject, rule = reading.carried, "carried-subject"
    if reading.attack and subject is not None:
        backing = _backing(syntax, subject, [*candidates, *adjectives])
        co_agents += backing
        backing_ids = {id(m) for m in backing}
        adjectives = [m for m in adjectives if id(m) not in backing_ids]
    return _Agent(subject, rule, co_agents, adjectives)


def _described_subject(syntax: SentenceSyntax, verb_end: int, mentions: list[Mention],
                       gender: str | None) -> Mention | None:
    """A nationality right after a verb's unnamed, indefinite subject (فصائل فلسطينية، منظمات حقوقية مصرية،
    مسلحون أفغان): no article, preposition or name stands between, and it agrees with the verb as a subject
    would (استهدف حافلة إيرانية، يرفض مسعى أمريكيا: the object, feminine after a masculine verb or accusative)."""
    adjective = next((m for m in mentions if m.start >= verb_end), None)
    if adjective is None or adjective.kind != ADJECTIVE or len(adjective.actors) != 1:
        return None
    between = syntax.text[verb_end:adjective.start]
    words = [normalize_key(w).removeprefix("و") for w in between.split()]
    if not 0 < len(words) <= _DESCRIBED_WORDS or CLAUSE_BREAK.search(between) \
            or any(w.startswith(("ال", "بال", "لل", "كال")) or w in PREPOSITIONS for w in words):
        return None
    ending = normalize_key(syntax.text[adjective.start:adjective.end])
    feminine = ending.endswith("ه") and not adjective.plural
    if ending.endswith("ا") or gender == PRONOUN or (gender == "m" and feminine) \
            or (gender == "f" and not feminine and not adjective.plural and not ending.endswith("ان")):
        return None
    return adjective


def _backing(syntax: SentenceSyntax, agent: Mention, mentions: list[Mention]) -> list[Mention]:
    """The parties said to back an armed agent right after it (حرر الجيش اليمني بإسناد من التحالف العربي،
    قوات النظام مدعومة بالطيران الروسي): they fight beside it, they are not fought."""
    return [m for m in mentions if m.start > agent.end and not same_side(m, agent)
            and 0 < (between := syntax.distance(agent.end, m.start)) <= _BACKING_REACH
            and any(word.removeprefix("و") in _BACKING for word in syntax.previous_words(m.start, between))]


def _joint_arguments(syntax: SentenceSyntax, reading: TriggerReading, agent: _Agent, candidates: list[Mention],
                     after: list[Mention]) -> Arguments:
    """التقى الملك الوزير: a meeting's object is a partner; بحث الأزمة: a discussion's is its topic, its partners
    come with a preposition. ب before a city is where (يجتمعان بأديس أبابا)."""
    trigger, subject, frame = reading.span, agent.subject, reading.frame
    allowed = PARTNER_PREPOSITIONS | ({None} if frame == "joint" else set())
    reach_from = max(trigger[1], subject.end if subject is not None and subject.start > trigger[1] else 0)
    partners = [m for m in after if syntax.preposition(m) in allowed
                and not (m.kind == CAPITAL and syntax.preposition(m) == "ب")
                and (subject is None or not same_side(m, subject))]
    if reading.form == NOUN and partners and not (
            syntax.distance(reach_from, partners[0].start) <= _PARTNER_REACH
            or syntax.preposition(partners[0]) == "بين" or _attended(syntax.text[reach_from:partners[0].start])):
        partners = []  # اتصال هاتفي أمس على العمل ... وتأمين الحدود مع سورية: مع belongs to another noun
    if frame == "discuss" and partners and syntax.preposition(partners[0]) == "و":
        # بحث الملك عبدالله الثاني وولي العهد السعودي: و joins a participant to the subject (or to a name
        # in apposition to it); يبحثان الأمن وتنظيم داعش: to a topic
        joined = [m for m in candidates if subject is not None and subject.start <= m.start
                  and m.end <= partners[0].start and (m is subject or same_side(m, subject))]
        if not joined or not _joined_to(syntax.text[joined[-1].end:partners[0].start]):
            partners = []
    others = agent.co_agents + _coordinated(syntax, partners)  # القمة اليمنية القطرية: both took part
    rules = [agent.rule]
    if subject is not None and subject.kind == REFERENCE and len(subject.actors) == 2:
        return Arguments([subject], [subject], (*rules, "pair-reference"), 0.85)
    if subject is None and len(others) >= 2:
        subject, others = others[0], others[1:]
        rules = ["first-participant"]
    return _assembled(reading.frame, subject, agent.rule, [], others, (*rules, "partner"))


def _visit_arguments(syntax: SentenceSyntax, agent: _Agent, after: list[Mention]) -> Arguments:
    """The visitor and the place or host visited, after إلى, ل, ب or في or as the verb's object."""
    subject = agent.subject
    if subject is not None and subject.entity_type == "GPE" and agent.rule == "verb-subject":
        # زار الرباط وفد من الكونغرس: the place visited may come before the visitor
        visitor = next((m for m in after if m is not subject and m.entity_type in ("PER", "ORG")
                        and syntax.preposition(m) is None), None)
        if visitor is not None:
            return Arguments([visitor], [subject], (agent.rule, "object-first"), 0.85)
    others = [m for m in after if syntax.preposition(m) in DESTINATION_PREPOSITIONS | {None}
              and (subject is None or not same_side(m, subject))][:1]
    return _assembled("visit", subject, agent.rule, agent.co_agents, others, (agent.rule, "destination"))


def _directed_arguments(syntax: SentenceSyntax, reading: TriggerReading, agent: _Agent, mentions: list[Mention],
                        candidates: list[Mention], after: list[Mention], speakers: set[int]) -> Arguments:
    """Directed and host frames: the first other party after the trigger (في, where, only as a last resort),
    a nationality that ends the object phrase (أدان الهجوم الإسرائيلي), else the last other party before."""
    trigger, subject = reading.span, agent.subject
    # after the verb, or after its subject when that follows the verb (VSO), and after an aside there
    # (اتهم الوزير، في حوار مع صحيفة الشرق الأوسط، قطر)
    object_start = max(trigger[1], subject.end if subject is not None else 0)
    object_start = syntax.aside_end(object_start) or object_start
    acting = {id(m) for m in agent.co_agents}  # a party joined to the agent or backing it is not acted on
    free = [m for m in after if m.start >= object_start and (subject is None or not same_side(m, subject))
            and id(m) not in acting]
    others = ([m for m in free if syntax.preposition(m) in PATIENT_PREPOSITIONS]
              or [m for m in free if syntax.preposition(m) == "في"])[:1]
    unknown = _first_unknown(syntax, mentions, object_start)
    if others and unknown is not None and unknown.start < others[0].start:
        others = []  # واشنطن تشيد بشامير وتتجاهل ممارساته ضد الفلسطينيين: the one praised is not coded
    object_adjective = next((m for m in agent.adjectives if m.start >= object_start
                             # هاجم المسلحون الحوثيون اليمنيون: right after the subject, it describes it
                             and not (subject is not None and subject.start >= trigger[1]
                                      and syntax.distance(subject.end, m.start) == 0)
                             and (syntax.distance(object_start, m.start) <= 3
                                  or _in_patient_phrase(syntax, object_start, m.start))
                             and (subject is None or not same_side(m, subject))), None)
    where_only = bool(others) and syntax.preposition(others[0]) == "في"
    if object_adjective is None and where_only:
        # استخدمت روسيا الفيتو في مجلس الأمن لعرقلة مشروع القرار الفرنسي: where it was done is a last resort;
        # a nationality further on in the object names the other side
        object_adjective = next((m for m in agent.adjectives if m.start > others[0].end
                                 and (subject is None or not same_side(m, subject))), None)
    unnamed = next((span for span in reading.unnamed_people if span[0] >= object_start
                    and syntax.distance(object_start, span[0]) <= _UNNAMED_OBJECT_REACH), None)
    if unnamed is not None and not any(syntax.distance(unnamed[1], m.start) <= 1
                                       for m in [*others[:1], object_adjective] if m is not None):
        # أوقفت البحرين 5 أشخاص في عملية تهريب من إيران: the ones arrested go unnamed, and no nationality follows
        # them (شخصين إيرانيين، عناصر من داعش); a party further on is where they came from, not the target
        return _assembled(reading.frame, subject, agent.rule, agent.co_agents, [], (agent.rule, "unnamed-object"))
    if object_adjective is not None and (not others or others[0].start > object_adjective.start or where_only):
        others, rule = [object_adjective], "object-adjective"  # أدان الهجوم الإسرائيلي: the Israeli side
    elif not others and subject is not None:
        before = [m for m in candidates if m.end <= trigger[0] and m is not subject and not same_side(m, subject)
                  and id(m) not in speakers and id(m) not in acting]
        others, rule = before[-1:], "preceding-object"
    else:
        rule = "object"
    return _assembled(reading.frame, subject, agent.rule, agent.co_agents, others, (agent.rule, rule))


def _assembled(frame: str, subject: Mention | None, subject_rule: str, co_agents: list[Mention],
               others: list[Mention], rules: tuple[str, ...]) -> Arguments:
    """Source and target from the agent and the other party, with a quality by how the agent was found."""
    if subject is None or not others:
        # the caller decides whether an event without a named other party still stands (arrests, protests)
        return Arguments([subject] if subject is not None else [], [], rules, 0.6)
    quality = {"verb-subject": 1.0, "genitive": 1.0, "genitive-li": 1.0, "carried-subject": 0.7}.get(subject_rule, 0.85)
    if frame == "host":  # the host is the subject; the guest is the visitor, the source
        return Arguments(others, [subject], (*rules, "host-reversed"), quality)
    return Arguments([subject, *co_agents], others, rules, quality)
