"""People's names: after a title or an office (``الأمين العام للناتو مارك روته``), after
a tenure, as the subject of a verb of saying, and how far a name runs (given name,
particles, lineage, family name)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .givennames import GIVEN_NAMES
from .lexicon import (
    _ADJECTIVES,
    _INSTITUTIONS,
    _LINEAGE,
    _NAME_JOINERS,
    _OF,
    _ORDINALS,
    _OUTLETS,
    _PARTICLES,
    _REGNAL,
    _SPEAKER_NOUNS,
    _SPEAKING_NOUNS,
    _STOP,
    _TENURES,
    _foreign,
    _keys,
    is_arabic_word,
)
from .matcher import _advance, _splits
from .tokens import (
    LINEAGE_WORDS,
    _adjective,
    _Candidate,
    _complement_end,
    _future_verb,
    _indefinite_phrase,
    _lineage_next,
    _name_word,
    _names_institution,
    _quote_pairs,
    _third_name_word,
    _title_at,
    _Token,
    readings,
)


def _after_titles(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names after titles: الرئيس الروسي فلاديمير بوتين، الأمين العام لحلف "الناتو" مارك روته.

    After the title come the words that say what it is a title of (``_complement_end``);
    then the name (``_name_at``): up to three words joined by spaces, besides particles
    and words of lineage (أورسولا فون دير لاين, تميم بن حمد آل ثاني), none of them a
    function word or a verb, and definite only as a family name or an ordinal (أيمن
    الصفدي, عبد الله الثاني). A one-word name must follow the title at once (الكاتب
    جوركي) or look transliterated: after descriptors, a comma or a mention (الرئيس
    الروسي سيزور, نائب رئيس مجلس الأمن الروسي، دميتري مدفيديف) a lone word is more often
    the sentence going on, so there a name needs two words. Where the title is the
    subject of a verb before it, two plain words followed by another noun may be that
    verb's object (أصدر رئيس الوزراء قرارا بتشكيل لجنة): they are offered only when
    the text names the bearer again as a speaker (``_speakers``)."""
    found = []
    speakers: dict[str, set[int]] | None = None
    quoted = {start for start, _ in _quote_pairs(body)}
    for i in range(len(tokens)):
        match = _title_at(tokens, i)
        if match is None:
            continue
        title, prefix = match
        j, by_mention = _complement_end(tokens, i, title)
        if j >= len(tokens) or tokens[j].gap not in ("space", "quote", "mention", "comma", "close", "aside"):
            continue
        if tokens[j].gap == "mention" and not by_mention and not _names_institution(tokens[j - 1]):
            continue  # الرئيس [[vladimir-putin|فلاديمير بوتين]] سيزور: the mention was the name
        if tokens[j].start in quoted:
            continue  # كاتب مقال "…": a quotation after a title is the title of a work, not a name
        direct = j == i + len(title) and tokens[j].gap == "space"
        words = tokens
        if direct and tokens[j].definite and body[tokens[j].start : tokens[j].start + 3] == "فال":
            # ميجور جنرال فالنتين: ف that begins a clause does not follow a title, so the
            # word is a name that begins so, not ف and the article.
            words = [*tokens[:j], replace(tokens[j], definite=False), *tokens[j + 1 :]]
        family = not _subject(body, tokens, i, prefix) or _said_before(tokens, i)
        speakers = _speakers(tokens) if speakers is None else speakers
        name, after = _name_at(words, j, title, family, speakers)
        if not name:
            continue
        if len(name) == 1 and not _lone_name(body, tokens, name[0], after, direct):
            continue
        if len(name) == 1 and _verb_before_preposition(tokens, name[0], after):
            continue  # إن الملكة تنضم إلي: a verb agreeing with the title, then its preposition
        if _future_verb(name[0].norm) and not any(_foreign(t.norm) for t in name[1:]):
            continue  # الرئيس سيزور بكين, but سيرغي لافروف
        if _indefinite_phrase(name):
            continue
        if title[-1] in _TENURES and not _foreign(name[-1].norm) and not _tenure_name(body, name, direct):
            continue
        maybe_object = _subject(body, tokens, i, prefix) and not _subject_ends(body, tokens, after)
        if maybe_object and not _foreign(name[-1].norm):
            speakers = _speakers(tokens) if speakers is None else speakers
            if not speakers.get(name[-1].norm, set()) - {after - 1}:
                continue  # أصدر رئيس الوزراء قرارا بتشكيل لجنة: the object, not a name
        shown = body[_advance(body, tokens[i].start, prefix) : tokens[i + len(title) - 1].end]
        if title[0].startswith("ال") and not shown.startswith(("ال", "ٱل")):
            shown = "ال" + shown  # للرئيس: the article's alef is not written after ل
        found.append(_Candidate(name[0].start, name[-1].end, f"after '{shown}'", 1))
    return found


def _tenure_name(body: str, name: list[_Token], direct: bool) -> bool:
    """Whether the words after a term of office are a name: two or more, right after it,
    the last neither feminine, a nisba nor a long plural (إدارة مشروع, إدارة ملفات حساسة,
    إدارة حوار وطني, إدارة بايدن انقسامات are common nouns; عهد ياسر عرفات is a name)."""
    last = name[-1].norm
    adjective = body[name[-1].end - 1 : name[-1].end] == "ة" or (last.endswith("ي") and len(last) >= 4)
    plural = last.endswith("ات") and len(last) >= 6
    return len(name) >= 2 and direct and not adjective and not plural


def _lone_name(body: str, tokens: list[_Token], word: _Token, after: int, direct: bool) -> bool:
    """Whether one word after a title is its bearer's name: right after the title and not
    a verb in the future (الرئيس الروسي سيزور), a noun in construct (ناقش رئيس الوزراء
    خطة الحكومة), a feminine noun (تلقى رئيس الوزراء رسالة) or a participle ending the sentence
    as its predicate (إن الفريق جاهز.), unless transliterated or, for the participle, a given
    name (خالد, صالح have its shape)."""
    if not _foreign(word.norm) and (not direct or _future_verb(word.norm)):
        return False
    if not _foreign(word.norm) and _followed_by_definite(tokens, after):
        return False
    ends = body[word.end : word.end + 1] in (".", "!", "?", "؟")
    participle = len(word.norm) == 4 and word.norm[1] == "ا"  # فاعل: جاهز, قادر, حاضر
    if ends and participle and word.norm not in GIVEN_NAMES:
        return False  # إن الفريق جاهز.: a predicate ending the sentence, not a name
    return body[word.end - 1 : word.end] != "ة"


_PREPOSITIONS = _keys("عن من مع إلى الى على في لدى بين عند نحو ضد حول عبر خلال بعد قبل دون")
"""Before a title, these make it no subject: what follows its name is no object of a verb."""


def _subject(body: str, tokens: list[_Token], i: int, prefix: int) -> bool:
    """Whether the title at token ``i`` may be the subject of a verb before it: it has no
    proclitic (للرئيس, بالرئيس), follows no preposition (عن رئيس الوزراء) and no noun
    written with ة, which no verb ends in: that noun is in construct with the title
    (تسمية السفير, زيارة الرئيس), and what follows the title is its name, not an object."""
    if prefix:
        return False
    if i == 0 or tokens[i].gap != "space":
        return True
    if body[tokens[i - 1].end - 1 : tokens[i - 1].end] == "ة":
        return False
    if _adjective(tokens[i - 1]):
        return False  # مدير المستشفى الحكومي الدكتور: no verb has the article; the title is in apposition
    before = tokens[i - 1].norm
    if before[:1] in ("و", "ف") and before[1:] in _PREPOSITIONS:
        return False  # وفي عهد, ومن الرئيس: a preposition of two letters after و
    if i >= 2 and tokens[i - 1].gap == "space" and _preposition(tokens[i - 2].norm):
        return False  # على خطاب الرئيس: no verb follows a preposition, so the word before is a noun
    return not _preposition(before)


def _preposition(norm: str) -> bool:
    return any(rest in _PREPOSITIONS for _, rest in _splits(norm)) or (norm[:1] in "وف" and norm[1:] in _PREPOSITIONS)


def _said_before(tokens: list[_Token], i: int) -> bool:
    """Whether a verb of saying stands right before the title at token ``i`` (وقال الرئيس):
    what follows its name is speech, never the verb's object."""
    return i > 0 and tokens[i].gap == "space" and any(rest in _SAYING for _, rest in _splits(tokens[i - 1].norm))


def _subject_ends(body: str, tokens: list[_Token], k: int) -> bool:
    """Whether the words before token ``k`` read as the end of the sentence's subject.

    A title that is the subject (بحث الرئيس الفرنسي …) may be followed by its name or,
    with no name, by the verb's object; after the name come punctuation, a function word
    or verb (إن, في, سيزور), a prepositional phrase (للصحفيين, بالقرار), another
    titled person (ووزير) or an object that cannot be the same noun phrase: accusative
    (وفدا) or with a pronoun (دعمه, written with ه, not ة). Another noun after two words
    is as often the rest of an object (بحث الرئيس سبل تعزيز التعاون) as the object after
    a name (سلط مارك روته الضوء على)."""
    if k >= len(tokens) or tokens[k].gap != "space":
        return True
    token = tokens[k]
    if _future_verb(token.norm) or any(rest in _STOP for _, rest in readings(token.norm)):
        return True
    if _title_at(tokens, k) is not None:
        return True
    if token.tanwin or (token.norm.endswith("ا") and not _foreign(token.norm)):
        return True  # عبد المجيد تبون وفدا: an object in the accusative follows the subject
    if body[token.end - 1 : token.end] == "ه" or token.norm.endswith(("ها", "هم")):
        return True  # إيمانويل ماكرون دعمه: an object with a pronoun follows the subject
    return token.definite and not token.norm.startswith("ال")


_SAYING = _keys(
    "قال قالت أضاف أضافت أكد أكدت أشار أشارت أوضح أوضحت تابع تابعت ذكر ذكرت اعتبر اعتبرت زعم زعمت دعا دعت"
    " نفى نفت رد ردت كتب كتبت أعلن أعلنت حذر حذرت يقول تقول"
)
"""Verbs of saying, after which a name stands as the one who speaks (وقال روته)."""


def _speakers(tokens: list[_Token]) -> dict[str, set[int]]:
    """The words that stand as the one who speaks, after a verb of saying or before
    إن/أن (وقال روته إن), in each of their readings, with the tokens they stand at. A name
    is mentioned again so; the word of an object is not (a common word such as جديدة
    recurs anywhere, but not there)."""
    found: dict[str, set[int]] = {}
    for k, token in enumerate(tokens):
        after_saying = k > 0 and token.gap == "space" and any(r in _SAYING for _, r in _splits(tokens[k - 1].norm))
        before_speech = k + 1 < len(tokens) and tokens[k + 1].gap == "space" and tokens[k + 1].norm in _THAT
        if after_saying or before_speech:
            for _, rest in _splits(token.norm):
                found.setdefault(rest, set()).add(k)
    return found


def _followed_by_definite(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a definite word right after the one before it."""
    return j < len(tokens) and tokens[j].gap == "space" and tokens[j].definite


def _verb_before_preposition(tokens: list[_Token], word: _Token, after: int) -> bool:
    """A word of four letters from ت or ي (a verb in the present: تنضم, يؤكد) followed by a
    preposition: the sentence's verb after its subject, not a name."""
    norm = word.norm
    if len(norm) != 4 or norm[0] not in "تي" or _foreign(norm) or norm in GIVEN_NAMES:
        return False
    following = tokens[after] if after < len(tokens) else None
    return following is not None and following.gap == "space" and _preposition(following.norm)


def _name_at(
    tokens: list[_Token], j: int, title: tuple[str, ...], family: bool, again: Mapping[str, set[int]] | None = None
) -> tuple[list[_Token], int]:
    """The words of a name after a title, starting at token ``j``, and the token after them;
    ``family``: whether one given name may be followed by a definite family name; ``again``:
    the words standing as a speaker elsewhere (``_speakers``)."""
    name: list[_Token] = []
    joined: list[_Token] = []  # the parts after a hyphen: not words of their own
    counted = 0
    feminine = title[-1].endswith("ه")  # الوزيرة, الدكتورة: a woman's family nisba is feminine
    while j < len(tokens) and (not name or tokens[j].gap in ("space", "hyphen")):
        token = tokens[j]
        if name and token.gap == "hyphen":
            if not (token.norm.isdigit() or is_arabic_word(token.norm)):
                break
            name.append(token)  # كيم جونغ-أون: a hyphen joins two parts of one word of the name
            joined.append(token)
            j += 1
            continue
        goes_on = bool(name) and (name[-1].norm in _LINEAGE or name[-1].norm in _PARTICLES or _particle_at(tokens, j))
        if counted >= 3 and not goes_on and (tokens[j].norm not in _LINEAGE or len(name) >= 6):
            break
        particle = bool(name) and token.norm in _PARTICLES
        words = [t for t in name if t.norm not in _PARTICLES and t not in joined]
        if not particle and not _next_name_word(tokens, j, words, family, again, feminine):
            break
        name.append(token)
        counted += 0 if particle or token.norm in _LINEAGE else 1
        j += 1
    while name and (name[-1].norm in _PARTICLES or name[-1].norm in _NAME_JOINERS):
        name.pop()
        j -= 1
    if (
        name
        and title[0] in _REGNAL
        and j < len(tokens)
        and tokens[j].gap == "space"
        and tokens[j].norm in _ORDINALS
        and name[-1].norm not in _ORDINALS
    ):
        name.append(tokens[j])  # الملك تشارلز الثالث
        j += 1
    return name, j


def _next_name_word(
    tokens: list[_Token],
    j: int,
    name: list[_Token],
    family: bool = False,
    again: Mapping[str, set[int]] | None = None,
    feminine: bool = False,
) -> bool:
    """Whether token ``j`` goes on the name ``name`` (particles left out) after a title.

    After a given name, a definite nisba is the family name and ends the name (أيمن
    الصفدي); a title's word after a joiner is part of the name (عبد الملك). A third
    word belongs to it as ``_third_name_word`` says, after a compound given name (عبد
    المجيد تبون), or where speech follows it (رجب طيب أردوغان إن), unless it is shaped
    as a verb in the present or an adverb (دونالد ترامب يريد أن, أنتوني بلينكن مجددا
    أن). After a compound given name, a definite word is the family name or an ordinal
    when it is a nisba or speech follows (عبد الفتاح السيسي, عبد الفتاح البرهان إن, عبد
    الله الثاني), not an object (استقبل الملك عبد الله الوفد الأمريكي). A definite word
    after one given name is the family name, whatever follows, when the text has it alone
    as a speaker elsewhere (نقل النائب سامي الخوالدة رسالة … وقال الخوالدة إن): an object's
    noun does not speak. After a woman's title (``feminine``) the family nisba is feminine
    (الوزيرة رحمة بنت إبراهيم المحروقية). A definite word begins a name when a word of
    lineage follows it (الشيخ الفضل بن محمد الحارثي)."""
    token = tokens[j]
    if _lineage_follows(tokens, j - len(name)) and len(name) <= 1:
        return True  # الفضل, then بن: the lineage goes on
    compound = len(name) == 2 and name[0].norm in _NAME_JOINERS
    speech = _speech_follows(tokens, j + 1)
    nisba = _nisba(token, feminine)
    if name and name[-1].definite and (len(name) < 2 or name[-2].norm not in _NAME_JOINERS):
        return token.norm in LINEAGE_WORDS  # a definite family name ends the name, as عبد الله does not,
        # unless the father's name follows it: محمد الأمين ولد الرقاني
    if name and token.norm == "الله" and not name[-1].definite:
        return True  # حسن نصر الله, فضل الله: a compound with الله is one part of the name
    if compound and token.definite and _name_word(token, name[0]):
        return token.norm in _ORDINALS or nisba or speech
    if name and nisba and name[-1].norm not in _NAME_JOINERS and not _title_at(tokens, j):
        return True  # أيمن الصفدي, محمد شياع السوداني: a nisba as the family name
    chain = len(name) >= 2 and (name[-2].norm in _LINEAGE or _joined_compound(name[-1].norm))
    common = token.norm[2:] in _SPEAKER_NOUNS or token.norm[2:] in _INSTITUTIONS  # خالد بن طلال الوفد
    if chain and not name[-1].definite and _family_name(token, feminine) and not common and not _title_at(tokens, j):
        return True  # أحمد بن عبدالله العقيل, فدوى عبدالله العبيد: a family name ends a chain of names
    family_name = family and len(name) == 1 and _family_name(token) and _given_name(name[0])
    if family_name and speech and not _title_at(tokens, j):
        return True  # ريم الخطيب إن: a definite family name where the subject surely ends
    single = len(name) == 1 and _family_name(token, feminine=True) and _given_name(name[0])
    single = single and not any(rest in _SPEAKING_NOUNS for _, rest in _splits(token.norm[2:]))
    if single and again is not None and again.get(token.norm, set()) - {j} and not _title_at(tokens, j):
        return True
    joined = bool(name) and name[-1].norm in _NAME_JOINERS
    if not _name_word(token, name[-1] if name else None) or (not joined and _title_at(tokens, j) is not None):
        return False
    if name and _future_verb(token.norm) and tokens[j - 1].norm not in _PARTICLES:
        return False  # but دا سيلفا: after a particle, a word of the name
    if len(name) == 2:
        verb_or_adverb = (token.norm[0] in "يت" or token.norm.endswith("ا")) and not _foreign(token.norm)
        particle = _particle_at(tokens, j + 1)  # لويس إيناسيو لولا دا سيلفا: the name goes on
        return _third_name_word(name, token.norm) or compound or particle or (speech and not verb_or_adverb)
    return True


def _nisba(token: _Token, feminine: bool) -> bool:
    """A definite nisba that may be a family name (الصفدي; after a woman's title المحروقية);
    with و before it, a conjunction begins another phrase (والفلسطيني), never a family name."""
    norm = token.norm
    ending = norm.endswith("ي") or (feminine and norm.endswith("يه"))
    return token.definite and norm.startswith("ال") and ending and len(norm) >= 5 and norm not in _ADJECTIVES


def _lineage_follows(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a definite given name before a word of lineage and a name (الفضل
    بن محمد, الزين ولد زيدان): a noun of the sentence is not followed by a word of lineage."""
    token = tokens[j]
    if not (token.definite and token.norm.startswith("ال")) or token.tanwin or j + 2 >= len(tokens):
        return False
    father = tokens[j + 2]
    return _lineage_next(tokens, j) and father.gap == "space" and _name_word(father, tokens[j + 1])


def _joined_compound(norm: str) -> bool:
    """A compound given name written as one word: عبدالله, عبدالرحمن."""
    return norm.startswith("عبد") and len(norm) >= 6 and norm[3:5] == "ال"


def _particle_at(tokens: list[_Token], j: int) -> bool:
    """Whether token ``j`` is a particle of a European name with a name word after it (دا سيلفا)."""
    if j + 1 >= len(tokens) or tokens[j].norm not in _PARTICLES or tokens[j].gap != "space":
        return False
    return tokens[j + 1].gap == "space" and _name_word(tokens[j + 1], None)


def _family_name(token: _Token, feminine: bool = False) -> bool:
    """A definite word that may be a family name after a given name (الشرع, الأسد): not a
    function word, an adjective of titles or a noun of a complement, and not feminine
    (الشركة, الحكومة are what a verb's object is made of) unless ``feminine`` (the text
    shows it is a name otherwise: الرواضية, الطراونة)."""
    norm = token.norm
    if not (token.definite and norm.startswith("ال")) or token.tanwin or len(norm) < 5 or not is_arabic_word(norm):
        return False
    common = norm in _STOP or norm[2:] in _STOP or norm[2:] in _OF or norm in _ADJECTIVES
    return not common and (feminine or not norm.endswith("ه"))


def _given_name(token: _Token) -> bool:
    """A word that may be a given name before a definite family name: indefinite, not a
    noun of a complement, not feminine or with a pronoun (رسالة, دعمه, زيارتها)."""
    norm = token.norm
    return not token.definite and norm not in _OF and not norm.endswith(("ه", "ها", "هم", "ات"))


_THAT = _keys("إن أن إنه أنه إنها أنها بأن وأن")
"""The particles that open reported speech after its speaker."""


def _speech_follows(tokens: list[_Token], k: int) -> bool:
    """Whether the subject surely ends before token ``k``: a comma, or إن/أن of reported
    speech next (قال الرئيس التركي رجب طيب أردوغان إن), or the outlet spoken to (لوكالة,
    لصحيفة, لموقع, ل and a mention: قال … لوكالة الأنباء). Other ends say less: an object
    ends before a preposition or a full stop too (أجرى المبعوث آموس هوكشتاين محادثات في)."""
    if k >= len(tokens):
        return False
    told = tokens[k].norm[:1] == "ل" and (tokens[k].norm[1:] in _OUTLETS or tokens[k].norm[1:] == "موقع")
    told = told or (tokens[k].norm == "ل" and k + 1 < len(tokens) and tokens[k + 1].gap == "mention")
    return tokens[k].gap == "comma" or (tokens[k].gap == "space" and (tokens[k].norm in _THAT or told))
