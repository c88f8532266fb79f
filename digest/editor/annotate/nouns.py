"""Names after the nouns that introduce them: outlets, appointments, places, events and
organisations (``قرية بيت زمران``, ``مهرجان …``), and
speakers named by a noun of speaking."""

from __future__ import annotations

import re
from dataclasses import replace

from ...text.matching import key
from .givennames import _AMBIGUOUS, GIVEN_NAMES
from .lexicon import (
    _ADJECTIVES,
    _NAMED_NOUNS,
    _OF,
    _OFFICES_ACCUSATIVE,
    _OUTLETS,
    _PLACE_NOUNS,
    _SPEAKER_NOUNS,
    _STOP,
    _foreign,
    _keys,
    is_arabic_word,
)
from .matcher import _ADVERBS, Matcher, _advance, _splits
from .people import _SAYING, _family_name, _followed_by_definite, _given_name, _preposition, _speech_follows
from .tokens import _adjective, _Candidate, _future_verb, _name_word, _title_at, _Token


def _after_outlets(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names of outlets between the noun and its adjective: وكالة يونهاب الكورية, صحيفة
    هآرتس الإسرائيلية, قناة فوكس نيوز الأمريكية. A definite adjective agrees with a
    definite noun, so the one, two or three plain words between an outlet's noun and its
    definite feminine nisba are the outlet's name, which is definite as names are;
    a common noun there would be written with the article (صحيفة الشرق الأوسط) or its
    adjective without (شبكة تهريب دولية). ``أنباء`` is part of the noun (وكالة أنباء
    فارس الإيرانية: فارس)."""
    found = []
    for k, token in enumerate(tokens):
        if not any(rest in _OUTLETS for _, rest in _splits(token.norm)):
            continue
        first = k + 1
        if first < len(tokens) and tokens[first].gap == "space" and tokens[first].norm == "انباء":
            first += 1
        last = first
        while last < len(tokens) and last - first < 3 and tokens[last].gap == "space":
            word = tokens[last]
            if word.definite or not _name_word(word, None) or _title_at(tokens, last) is not None:
                break
            last += 1
        if last == first or last >= len(tokens) or tokens[last].gap != "space":
            continue
        adjective = tokens[last].norm
        if not (tokens[last].definite and adjective.startswith("ال") and adjective.endswith("يه")):
            continue
        if len(adjective) >= 6 and adjective not in _ADJECTIVES:
            reason = f"after '{body[token.start : token.end]}'"
            found.append(_Candidate(tokens[first].start, tokens[last - 1].end, reason, 1))
    return found


_APPOINTING = _keys(
    "انتخاب انتخب انتخبت تعيين عين عينت تسمية سمى سمت ترشيح رشح رشحت اختيار اختار اختارت تكليف كلف كلفت"
)
"""Nouns and verbs of appointing: the one appointed follows, then the office in the accusative."""


def _appointed(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names between a word of appointing and the office in the accusative: جرى انتخاب
    سمير الحلبي نائبا لرئيس المجلس, تعيين سامر خليل سفيرا. Bounded on both sides, the
    name may end in a definite family name; it has two words at least, or one that looks
    transliterated (تعيين خبير مستشارا: a common noun)."""
    found = []
    for k, token in enumerate(tokens):
        if not any(rest in _APPOINTING for _, rest in _splits(token.norm)):
            continue
        last = k + 1
        while last < len(tokens) and last - k <= 3 and tokens[last].gap == "space":
            word = tokens[last]
            if word.norm in _OFFICES_ACCUSATIVE:
                break
            if _title_at(tokens, last) is not None or word.tanwin:
                break
            compound = word.norm == "الله" and last > k + 1  # ماهر عطا الله
            if not _name_word(word, None) and not compound and not (last > k + 1 and _family_name(word)):
                break
            last += 1
        name = tokens[k + 1 : last]
        if last >= len(tokens) or tokens[last].gap != "space" or tokens[last].norm not in _OFFICES_ACCUSATIVE:
            continue
        if not name or (len(name) < 2 and not _foreign(name[0].norm)) or name[0].definite:
            continue
        office = tokens[last]
        found.append(_Candidate(name[0].start, name[-1].end, f"before '{body[office.start : office.end]}'", 1))
    return found


_NAMED_AFTER_PLACES = _keys("مخيم ميناء مطار معبر جامعة مستشفى مهرجان معرض قمة مؤتمر منتدى")
"""Of those, what is named after the place it is in: with a registered place after the noun
(مستشفى [[jerash|جرش]] الحكومي, جامعة [[cairo|القاهرة]]) the noun and the place are a name
the registry lacks, not another form of the place's."""


_ORGANISATION_NOUNS = _keys("جامعة مستشفى حزب حركة شركة جمعية نادي مؤسسة هيئة مجلس")
"""Of those, the organisations: a feminine noun in construct with them is a common noun
(هيئة الرقابة, مجلس الإدارة), not a name."""


_PLACE_ADJECTIVES = _keys(
    "الأبيض الأزرق الأحمر الأسود الأخضر الشمالي الشمالية الجنوبي الجنوبية الشرقي الشرقية الغربي الغربية"
    " الأعلى الأوسط الجديد الجديدة الكبرى"
)
"""Adjectives of colour, side and size that end a place's name after its definite word (ولاية
النيل الأبيض, البحر الأحمر, محافظة الوادي الجديد): without them the name is another place's."""
_NAME_ADJECTIVES = _keys(
    "الحكومي الحكومية الدولي الدولية الوطني الوطنية الجامعي الجامعية التخصصي التخصصية الأهلي الأهلية"
    " الميداني الميدانية المركزي المركزية الكبير الكبرى"
)
"""Adjectives that end the official name of a hospital, an airport or a university
(مستشفى جرش الحكومي, مطار بيروت الدولي); a nisba of a nation or a place describes it
(حركة حماس الفلسطينية) and is not part of the name."""
"""What a name is of: never a word of the name after a title (الكاتب بجائزة نوبل)."""


_COMMON_AFTER_NOUN = _keys(
    "أمن الأمن وزراء الوزراء نواب النواب شيوخ الشيوخ شعب الشعب شورى الشورى أمناء الأمناء أركان الأركان"
    " مرور المرور سير السير كهرباء الكهرباء مياه المياه طيران الطيران أعمال الأعمال حكم الحكم شباب"
    " الشباب طلاب الطلاب أطفال الأطفال عمال العمال سلام السلام حرب الحرب دول الدول عالم شرق غرب"
    " نزوح النزوح ملاحة شحن الشحن بحث البحث نقل النقل كتاب الكتاب أفضل أخرى آخر الآخر ميلاد"
    " عمل العمل تجارة التجارة صناعة الصناعة تأمين التأمين سلاح السلاح إنقاذ الإنقاذ إغاثة نازحين لاجئين"
    " ثاني ثالث أول الأول واحد الواحد عدة عديدة كل بعض هذه هذا ذلك تلك نفسها نفسه ذاتها مجاورة مماثلة"
    " عريق عريقة ضخم ضخمة كبرى صغرى حدود الحدود مقاومة المقاومة احتلال الاحتلال تحرير التحرير"
    " مدينة المدينة قرية القرية بلدة البلدة منطقة المنطقة عاصمة العاصمة دولة الدولة بلاد البلاد"
    " ملاهي الملاهي ألعاب الألعاب حيوان الحيوان حيوانات الحيوانات إدارة الإدارة رقابة الرقابة"
    " مشترك مشتركة مستقل مستقلة موحد موحدة مماثل مقبل مقبلة قادم قادمة سابق سابقة مقترح مقترحة"
    " أنباء سكان السكان أهالي الأهالي رئيس الرئيس أعضاء الأعضاء عضو أبناء الأبناء خبراء الخبراء"
)
"""Common nouns in construct with those nouns (مجلس الأمن, حركة المرور, شركة طيران,
مدينة الملاهي, جائزة أفضل …): not names, though they stand where a name would."""


def _masdar(norm: str) -> bool:
    """Shaped as a verbal noun of the derived forms (تطوير, استثمار, احتلال, انتخاب, تعاون),
    with or without the article: a common noun, not a name."""
    stem = norm[2:] if norm.startswith("ال") and len(norm) >= 6 else norm
    if len(stem) == 5 and stem[0] == "ت" and (stem[3] == "ي" or stem[2] == "ا"):
        return True  # تفعيل, تفاعل
    if len(stem) >= 6 and stem.startswith("است"):
        return True
    return len(stem) in (5, 6) and stem[0] == "ا" and stem[-2] == "ا" and stem[1] in "نتسخحجعقصضطظ"


def _indefinite_adjective(body: str, token: _Token) -> bool:
    """An indefinite word shaped as what describes a noun, or as a common noun of that
    place: a nisba (صحفي, محلية; not ى, as in مصطفى), a feminine adjective or noun of five
    letters or more (كبيرة, إدارة; غزة, جدة, حماة are names), a plural (لاجئين, اتصالات,
    ناشطون) or a verbal noun."""
    norm = token.norm
    last = body[token.end - 1 : token.end]
    if _foreign(norm):
        return False
    if last == "ي" and len(norm) >= 4:
        return True
    if last == "ة" and len(norm) >= 5:
        return True
    if len(norm) >= 5 and norm.endswith(("ات", "ون", "يين", "ئين")):
        return True
    return _masdar(norm) or norm in _COMMON_AFTER_NOUN


def _named_genitive(body: str, token: _Token, noun: str, feminine: bool = False) -> bool:
    """A definite word in construct with a place, event or organisation noun that is the
    name (مدينة القدس, مستشفى الشفاء, عيد الفطر, حزب الله) rather than a common noun (مجلس
    الأمن, حركة المرور, هيئة الرقابة) or a definite adjective, which no indefinite noun
    takes (شركة الجديدة is no phrase): not a nisba, not a verbal noun, not a noun of a
    title's complement, and not feminine after an organisation."""
    norm = token.norm
    if norm == "الله":
        return True
    if not (token.definite and norm.startswith("ال")) or token.tanwin or len(norm) < 5 or not is_arabic_word(norm):
        return False
    rest = norm[2:]
    if norm in _STOP or rest in _STOP or rest in _OF or norm in _ADJECTIVES or norm in _COMMON_AFTER_NOUN:
        return False
    if rest in _COMMON_AFTER_NOUN or _masdar(norm):
        return False
    last = body[token.end - 1 : token.end]
    if last == "ي" and len(norm) >= 6 and not _foreign(norm) and not feminine:
        return False  # a nisba: an adjective, which no indefinite noun takes; after a feminine
        # noun it cannot be the noun's adjective either, and is a name (ساحة العمري)
    if last == "ة" and (noun in _ORGANISATION_NOUNS or norm.endswith("يه")):
        return False  # هيئة الرقابة, مجلس الإدارة; مدينة الإسكندرية is lost with the adjectives
    return not norm.endswith(("ات", "ون", "ين"))


def _after_kind_nouns(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """Names after a noun saying what they name, in construct with it: places (قرية, بلدة,
    مدينة, محافظة, منطقة, ولاية, حي), camps, ports and airports, events and awards (قمة,
    مؤتمر, منتدى, مهرجان, عيد, جائزة, معرض, بطولة) and organisations (جامعة, مستشفى, حزب,
    حركة, شركة, جمعية, نادي, مؤسسة, هيئة, مجلس).

    The noun is indefinite (a definite noun takes an adjective: المدينة الجديدة). The name
    is up to three plain words, or ends in one definite word (مخيم عين الحلوة, مدينة القدس);
    an indefinite adjective or common noun after the noun (مؤتمر صحفي, شركة كبيرة, شركة
    طيران, مجلس إدارة) and a definite common noun (حركة المرور, مجلس الأمن) are not names.
    A present verb agreeing with the noun (شركة تعمل في, حزب يسعى إلى) is a relative clause."""
    found = []
    for k, token in enumerate(tokens):
        if token.definite or token.tanwin:
            continue
        noun = next((rest for _, rest in _splits(token.norm) if rest in _PLACE_NOUNS or rest in _NAMED_NOUNS), None)
        if noun is None:
            continue
        feminine = body[token.end - 1 : token.end] == "ة"
        if noun in _NAMED_AFTER_PLACES:
            placed = _after_a_place(body, tokens, k, token, noun)
            if placed is not None:
                found.append(placed)
                continue
        name, j = _kind_name(body, tokens, k, noun, feminine)
        if not name:
            continue
        construct = not name[-1].definite and _followed_by_definite(tokens, j) and tokens[j].norm.startswith("ال")
        if construct and not _adjective(tokens[j]) and not _named_genitive(body, tokens[j], noun, feminine):
            continue  # مجلس إدارة الشركة: a construct of common nouns
        end = name[-1].end
        relative = j < len(tokens) and tokens[j].norm in _RELATIVES  # مهرجان زهرة الربيع الذي: the name ended
        if name[-1].definite and noun not in _PLACE_NOUNS and _followed_by_definite(tokens, j) and not relative:
            if tokens[j].norm not in _NAME_ADJECTIVES:
                continue  # حركة المستقبل الجديد: the name may go on, the shape does not tell how far
            end = tokens[j].end  # مستشفى الأمل التخصصي
        in_place = name[-1].definite and noun in _PLACE_NOUNS and j < len(tokens) and tokens[j].gap == "space"
        if in_place and tokens[j].norm in _PLACE_ADJECTIVES:
            end = tokens[j].end  # ولاية النيل الأبيض, محافظة الوادي الجديد: the adjective names the place too
        if construct and noun not in _PLACE_NOUNS and tokens[j].norm in _NAME_ADJECTIVES:
            end = tokens[j].end  # مستشفى جرش الحكومي: the adjective is part of the name
        elif construct and tokens[j].norm not in _ADJECTIVES and body[tokens[j].end - 1 : tokens[j].end] == "ي":
            if not _person_named(name, tokens, j):
                continue  # مطار سلوان الحريري: a family name or an adjective, which the shape does not tell
            end = tokens[j].end  # ملعب فيصل الحسيني: a given name, so the definite word is the family name
            if j + 1 < len(tokens) and tokens[j + 1].gap == "space" and tokens[j + 1].norm in _NAME_ADJECTIVES:
                end = tokens[j + 1].end  # ملعب فيصل الحسيني الدولي
        glued = body[name[-1].end : name[-1].end + 2]
        if glued[:1] == "ـ" or (glued[:1] in ".-" and glued[1:2].strip()):
            continue  # مجلس روسيا-الناتو, ناخـــ.ــبة: the word goes on past what was read
        if len(name) == 1 and len(name[0].norm) < 3 and name[0].norm != "الله":
            continue
        shown = body[_advance(body, token.start, next(p for p, r in _splits(token.norm) if r == noun)) : token.end]
        if noun in _PLACE_NOUNS:
            found.append(_Candidate(name[0].start, end, f"after '{shown}'", 4))
        else:
            start = _advance(body, token.start, next(p for p, r in _splits(token.norm) if r == noun))
            found.append(_Candidate(start, end, f"named with '{shown}'", 2))
    return found


_NOUN_BEFORE_MENTION = re.compile(r"(?<![\w\]|])(?P<word>\w+)[ \t\u00a0]+\[\[(?P<id>[^\]|\n]*)\|(?P<text>[^\]\n]*)\]\]")


def _named_after_places(body: str, matcher: Matcher) -> list[_Candidate]:
    """``مهرجان [[…|صحار]]``, ``مطار [[…|دبي]]``, ``معبر [[…|رفح]]``: a festival, an airport, a
    crossing named after a registered place is a thing of its own, which the registry lacks (or
    the matcher would have found the longer name). Not after a noun of places (مدينة صحار is
    the town), only after the nouns of what is named (``_NAMED_NOUNS``), without the article."""
    found = []
    for match in _NOUN_BEFORE_MENTION.finditer(body):
        if matcher.types.get(match["id"]) != "place":
            continue
        word = match["word"]
        prefix = next((p for p, rest in _splits(key(word)) if rest in _NAMED_NOUNS), None)
        if prefix is None:
            continue
        start = _advance(body, match.start("word"), prefix)
        name = f"{body[start : match.end('word')]} {match['text']}"
        found.append(_Candidate(start, match.end(), f"named with '{body[start : match.end('word')]}'", 2, name))
    return found


def _person_named(name: list[_Token], tokens: list[_Token], j: int) -> bool:
    """Whether the name read after the noun is a person's, so that the definite word ending in
    ي after it is the family name, not an adjective: one word, a given name (not one that is
    also a common noun, such as رفيق or عزيز), then the family name."""
    return (
        len(name) == 1 and name[0].norm in GIVEN_NAMES and name[0].norm not in _AMBIGUOUS and tokens[j].gap == "space"
    )


_TIMES = _keys("صباحا مساء مساءا ليلا نهارا ظهرا فجرا عصرا أمس اليوم غدا")
"""Times of day written as adverbs: never a word of a name."""


def _kind_name(body: str, tokens: list[_Token], k: int, noun: str, feminine: bool) -> tuple[list[_Token], int]:
    """The words of the name after the noun at token ``k`` (``_after_kind_nouns``) and the
    token after them: up to three plain words, or ending in one definite word that names
    (``_named_genitive``); none if a definite word after them is neither."""
    name: list[_Token] = []
    j = k + 1
    while j < len(tokens) and len(name) < 3 and tokens[j].gap == "space":
        word = tokens[j]
        if word.definite and word.norm.startswith("لل"):
            break  # جائزة نوبل للآداب: what the award is for
        if word.definite and word.norm[:3] in ("بال", "كال") and _preposition_after(tokens, j):
            break  # منطقة تشانكايا بالقرب من: a phrase of place or manner begins (بالقرب من, بالتعاون مع)
        if word.definite and not word.norm.startswith("ال"):
            word = replace(word, definite=False)  # كاليفورنيا, والتون: no proclitic after a noun in construct
        if word.definite:
            if _named_genitive(body, word, noun, feminine):
                name.append(word)
                j += 1
            elif name and not _adjective(word) and not _followed_by_definite(tokens, j):
                name = []  # a definite word that is neither the name's end nor an adjective
            break
        if not _name_word(word, None) or _title_at(tokens, j) is not None or word.norm in _SAYING:
            break
        if word.norm in _ADVERBS or word.norm in _TIMES:
            break  # مثلث سلمى صباحا: the sentence goes on
        if _indefinite_adjective(body, word) or (name and word.norm[:1] in ("و", "ف")):
            break
        if not name and word.norm[:1] == ("ت" if feminine else "ي") and len(word.norm) == 4:
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is None or after.gap != "space" or _preposition(after.norm) or after.norm in _STOP:
                break  # شركة تعمل في, حزب يسعى إلى: a verb, not a name
        name.append(word)
        j += 1
    return name, j


def _preposition_after(tokens: list[_Token], j: int) -> bool:
    """Whether a preposition follows token ``j`` (بالقرب من, بالإضافة إلى, بالتعاون مع)."""
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    return following is not None and following.gap == "space" and _preposition(following.norm)


_RELATIVES = _keys("الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي")
"""Relative pronouns: a clause about the name begins, the name has ended."""


_PLACE_MENTION = re.compile(r"[ \t\u00a0]+\[\[[^\]|\n]*\|([^\]\n]*)\]\]")


def _after_a_place(body: str, tokens: list[_Token], k: int, token: _Token, noun: str) -> _Candidate | None:
    """The noun of what is named after a place, with the mention of the place right after
    it and the adjective of the name after that (مستشفى [[jerash|جرش]] الحكومي)."""
    prefix = next(p for p, r in _splits(token.norm) if r == noun)
    mention = _PLACE_MENTION.match(body, token.end)
    if mention is None or (k + 1 < len(tokens) and tokens[k + 1].start < mention.end()):
        return None
    end = mention.end()
    text = body[_advance(body, token.start, prefix) : token.end] + " " + mention.group(1)
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    follows = after is not None and after.gap == "mention" and not body[end : after.start].strip()
    if after is not None and follows and after.norm in _NAME_ADJECTIVES:
        end, text = after.end, text + " " + body[after.start : after.end]
    elif after is not None and follows and after.definite:
        return None  # جامعة [[cairo|القاهرة]] الأمريكية: what follows may belong to the name
    shown = body[_advance(body, token.start, prefix) : token.end]
    return _Candidate(_advance(body, token.start, prefix), end, f"named with '{shown}'", 2, text)


def _named_speakers(body: str, tokens: list[_Token]) -> list[_Candidate]:
    """A person named by a verb of saying without a title: قال X Y إن, وأضاف X Y، where X Y
    is two words of a name: plain words that are no common speaker (مصدر مسؤول, شهود عيان),
    no function word, verb or adjective (ناشط محلي), or a given name and a definite family
    name (قالت ريم الخطيب إن). Speech must follow the two words at once (a comma, إن/أن or
    a colon), which a subject ends with and an adverb or object does not."""
    found = []
    for k in range(1, len(tokens) - 2):
        verb = tokens[k - 1]
        if not any(rest in _SAYING for _, rest in _splits(verb.norm)):
            continue
        first, second = tokens[k], tokens[k + 1]
        if first.gap != "space" or second.gap != "space" or first.definite:
            continue
        if not _name_word(first, None) or _title_at(tokens, k) is not None or first.norm in _SPEAKER_NOUNS:
            continue
        if any(rest in _SPEAKER_NOUNS for _, rest in _splits(first.norm)[1:]) or _future_verb(first.norm):
            continue
        if body[first.end - 1 : first.end] == "ة" and len(first.norm) >= 5 and not _given_name(first):
            continue
        if first.norm[:1] in "يت" and len(first.norm) == 4 and not _foreign(first.norm):
            continue  # قال يجب, قالت تريد: a verb
        if second.definite:
            if not (_family_name(second) and _given_name(first)) or _adjective(second):
                continue
        else:
            if not _name_word(second, first) or _title_at(tokens, k + 1) is not None:
                continue
            if second.norm[:1] in ("و", "ف") or second.norm in _SPEAKER_NOUNS:
                continue
            if _indefinite_adjective(body, second) and body[second.end - 1 : second.end] != "ة":
                continue
            if body[second.end - 1 : second.end] == "ة" and len(second.norm) >= 5:
                continue  # مصادر محلية
        end = k + 2
        colon = end < len(tokens) and tokens[end].gap == "break" and ":" in body[second.end : tokens[end].start]
        if not (_speech_follows(tokens, end) or colon):
            continue
        found.append(_Candidate(first.start, second.end, f"after '{body[verb.start : verb.end]}'", 2))
    return found
