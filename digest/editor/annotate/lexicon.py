"""The words the name suggester reads a sentence by: titles and offices, ranks, kin words,
institutions, stop words, loanwords; each list folded (``key``) as the tokens are."""

from __future__ import annotations

import re

from ...text.matching import key


def _keys(words: str) -> frozenset[str]:
    return frozenset(key(word) for word in words.split())


_TITLES = tuple(
    sorted(
        (
            tuple(key(title).split())
            for title in (
                "الرئيس",
                "الرئيسة",
                "رئيس",
                "رئيسة",
                "نائب الرئيس",
                "رئيس الوزراء",
                "رئيسة الوزراء",
                "الأمين العام",
                "أمين عام",
                "مدير عام",
                "الوزير",
                "الوزيرة",
                "وزير",
                "وزيرة",
                "وزيري",  # وزيرَي, two ministers (diacritics are not compared)
                "وزيرا",
                "المتحدث باسم",
                "المتحدثة باسم",
                "المتحدث الرسمي باسم",
                "الملك",
                "الملكة",
                "الأمير",
                "الأميرة",
                "ولي العهد",
                "الشيخ",
                "السفير",
                "السفيرة",
                "المستشار",
                "المستشارة",
                "المبعوث",
                "المبعوثة",
                "المندوب",
                "المندوبة",
                "الجنرال",
                "اللواء",
                "العميد",
                "العقيد",
                "المشير",
                "قائد",
                "زعيم",
                "الزعيم",
                "النائب",
                "السيناتور",
                "الحاكم",
                "حاكم",
                "المحافظ",
                "محافظ",
                "عمدة",
                "المدير",
                "مدير",
                "البابا",
                "الكاتب",
                "الكاتبة",
                "كاتب",
                "كاتبة",
                "الصحفي",
                "الصحفية",
                "الصحافي",
                "الصحافية",
                "المراسل",
                "المراسلة",
                "الإعلامي",
                "الإعلامية",
                "المذيع",
                "المذيعة",
                "المحلل",
                "المحللة",
                "الباحث",
                "الباحثة",
                "الخبير",
                "الخبيرة",
                "الناشط",
                "الناشطة",
                "المعارض",
                "المعارضة",
                "رجل الأعمال",
                "الملياردير",
                "ملك",
                "ملكة",
                "أمير",
                "أميرة",
                "السلطان",
                "سفير",
                "سفيرة",
                "مبعوث",
                "مبعوثة",
                "مندوب",
                "مندوبة",
                "الممثل",
                "الممثلة",
                "ممثل",
                "ممثلة",
                "الممثل الأعلى",
                "الممثلة العليا",
                "المفوض",
                "المفوضة",
                "المنسق",
                "منسق",
                "منسقة",
                "مستشار",
                "مستشارة",
                "قائدة",
                "زعيمة",
                "نائبة",
                "المتحدث",
                "المتحدثة",
                "الناطق",
                "الناطقة",
                "الناطق باسم",
                "الناطقة باسم",
                "الناطق الرسمي باسم",
                "المتحدثة الرسمية باسم",
                "المرشد الأعلى",
                "المدعي العام",
                "الفريق",
                "الفريق أول",
                "العماد",
                "الأدميرال",
                "الرائد",
                "المقدم",
                "النقيب",
                "الملازم",
                "الرقيب",
                "أدميرال",
                "جنرال",
                "ميجور جنرال",
                "الميجور جنرال",
                "ميجر جنرال",
                "الميجر جنرال",
                "لفتنانت جنرال",
                "اللفتنانت جنرال",
                "بريجادير جنرال",
                "البريجادير جنرال",
                "الكولونيل",
                "كولونيل",
                "الدكتور",
                "الدكتورة",
                "الأستاذ",
                "الأستاذة",
                "البروفيسور",
                "البروفيسورة",
                "البروفسور",
                "المهندس",
                "المهندسة",
                "المحامي",
                "المحامية",
                "القاضي",
                "القاضية",
                "السيد",
                "السيدة",
                "الفنان",
                "الفنانة",
                "الشاعر",
                "الشاعرة",
                "المخرج",
                "المخرجة",
                "المطرب",
                "المطربة",
                "اللاعب",
                "اللاعبة",
                "المدرب",
                "رئاسة",
                "إدارة",
                "عهد",
            )
        ),
        key=len,
        reverse=True,
    )
)
"""Titles and roles after which a name follows (longest first: رئيس الوزراء before رئيس)."""


def _by_first_word(titles: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, title in enumerate(titles):
        index.setdefault(title[0], []).append((order, title))
    return index


_TITLES_BY_FIRST = _by_first_word(_TITLES)
"""``_TITLES`` by their first word, each with its place in the list (the longest wins)."""


_RANKS = _keys("جنرال أدميرال كولونيل")
"""Ranks written without the article that take no complement: the name follows them."""


_TENURES = _keys("رئاسة إدارة عهد")
"""Nouns of a term of office, in construct with the one who held it (رئاسة ماركوس هيلمان,
إدارة جو بايدن): no complement, and more often a common noun after them (إدارة مشروع,
إدارة ملفات حساسة), so the name has two words or looks transliterated."""


_DIPLOMATS = _keys("السفير السفيرة سفير سفيرة المندوب المندوبة مندوب مندوبة المبعوث المبعوثة مبعوث مبعوثة الممثل ممثل")
"""Titles whose complement may be where the holder is posted: السفير الروسي لدى واشنطن."""


_POSTED_AT = key("لدى")
"""لدى, normalised (لدي): where an ambassador is posted."""


_REGNAL = _keys("الملك ملك الملكة ملكة البابا الأمير أمير السلطان")
"""Titles after which a name may end in an ordinal: الملك تشارلز الثالث."""


_ORDINALS = _keys("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")


_ADJECTIVES = _keys(
    "العام العامة الخاص الخاصة الأعلى العليا السابق السابقة الأسبق المنتخب المنتخبة الجديد الجديدة الحالي"
    " الحالية الدائم الدائمة الأول الأولى المساعد المساعدة المؤقت المؤقتة المكلف المكلفة المناوب الأكبر الكبير"
    " الكبرى المتحدة المشترك المشتركة المستقيل المستقيلة الراحل الراحلة الشهير الشهيرة المعروف المعروفة"
    " الدولي الوطني الرسمي الإقليمي المحلي الشعبي العالمي الحكومي الاتحادي الملكي الرئاسي"
)
"""Adjectives of titles that are not nisbas (الأمين العام, الرئيس السابق, الأمم المتحدة),
and nisbas that are no family name (مطار الملك خالد الدولي)."""


_INSTITUTIONS = _keys(
    "حلف مجلس وزارة حكومة منظمة حركة حزب جهاز وكالة لجنة جمعية جامعة شركة هيئة قناة صحيفة جريدة مجلة موقع مؤسسة"
    " مكتب دائرة منصة برنامج إذاعة تلفزيون شبكة مجموعة جماعة تنظيم تحالف اتحاد جبهة كتلة ائتلاف مركز معهد"
    " بنك صندوق محكمة قوات جيش عملية مبادرة مؤتمر منتدى قمة تطبيق فيلم كتاب مسلسل فرقة نادي"
    " فضائية فريق منتخب صاروخ"
)
"""Nouns that a name in quotation marks names (قناة "روسيا-1", حلف "الناتو"), and that stand
between a title and a name as what the title is of (الأمين العام لحلف "الناتو" مارك روته)."""


_OF = _INSTITUTIONS | _keys(
    "خارجية دفاع داخلية مالية عدل اقتصاد صحة تعليم إعلام نفط طاقة تجارة شؤون شمال جنوب شرق غرب وزراء هيئة أركان"
    " بلدية ولاية مدينة محافظة إقليم مقاطعة جمهورية مملكة إمارة سلطنة دولة"
)
"""Nouns a title's complement is made of (وزير خارجية …, حلف شمال الأطلسي): never the name."""


_COUNTERPARTS = _keys("نظير نظيره نظيرها نظيرته نظيرتها نظيرهم")
"""Its counterpart: a quoted text after it names a team, a party or a country (نظيره "الفتح")."""


_KIN = _keys("عمو خالو العم الخال العمة الخالة أبو أم")
"""Words of kin that begin a nickname (عمو "فتوش", أبو "سمير"): with the quoted word after
them, what a person is called."""


_ATTRIBUTION = _keys("وفقا طبقا تبعا استنادا نقلا نقلت نقل نسبة")
"""Before ل or عن, a quoted name is a source: وفقا لـ "بوليتيكو"."""


_STOP = _keys(
    "في من على إلى الى عن مع أن إن ان قد ذلك تلك هذا هذه هؤلاء التي الذي الذين اللذين كما وقد لم لن لا ما ماذا"
    " بعد قبل عام عامة أو ثم حيث بين اليوم أمس غدا الآن أنه أنها إنه إنها أنهم كان كانت كانوا يكون تكون سيكون"
    " قال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت أشار أشارت يشير أعلن أعلنت تابع تابعت كتب كتبت ذكر ذكرت"
    " أوضح أوضحت اعتبر اعتبرت دعا دعت زعم زعمت نفى نفت رد ردت مشيرا مضيفا مؤكدا موضحا معتبرا لافتا قائلا"
    " خلال عبر نحو حول ضد منذ عند لدى لكن بل كل كلا بعض أي غير دون سوى فقط أيضا هو هي هم هن نحن أنا"
    " وفقا بحسب حسب إذا إذ لو حتى عندما بينما فيما أمام وراء فوق تحت هناك هنا ثمة سوف لقد ليس ليست يجب يمكن"
    " نظير نظيره نظيرته نظيرها نظراء نظرائه"
    " حضور مشاركة رفقة صحبة لفيف عدد عقب إثر قبيل أثناء طوال إبان تجاه إزاء جراء"
    " لازال مازال لايزال مايزال لاتزال ماتزال"
    " آنذاك حينذاك وقتذاك يومذاك حينها وقتها آنئذ"
    " نجله نجلها ابنه ابنها ابنته ابنتها زوجته زوجها شقيقه شقيقها شقيقته والده والدته عائلته أسرته"
    " به بها بهم له لها لهم منه منها منهم عنه عنها عنهم إليه إليها إليهم عليه عليها عليهم معه معها معهم فيه فيها"
    " مجددا مؤخرا سابقا لاحقا شخصيا رسميا علنا قوله قولها"
    " تم جرى مساء صباح ظهر مطلع أوائل أواخر منتصف يوم شهر سنة أسبوع ساعة الماضي المقبل كبير جديد نفسه ذاته"
    " الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"
    " يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
    " كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"
    " زار زارت يزور تزور التقى التقت يلتقي تلتقي استقبل استقبلت يستقبل تستقبل بحث بحثت يبحث تبحث وصل وصلت"
    " يصل تصل غادر غادرت يغادر تغادر حذر حذرت يحذر تحذر طالب طالبت يطالب تطالب هدد هددت يهدد تهدد اتهم اتهمت"
    " يتهم تتهم رفض رفضت يرفض ترفض وافق وافقت يوافق توافق شدد شددت يشدد تشدد أعرب أعربت يعرب تعرب جدد جددت"
    " يجدد تجدد طلب طلبت يطلب تطلب عقد عقدت يعقد تعقد ترأس ترأست يترأس تترأس شارك شاركت يشارك تشارك ألقى"
    " ألقت يلقي تلقي وجه وجهت يوجه توجه أجرى أجرت يجري تجري كشف كشفت يكشف تكشف أفاد أفادت يفيد تفيد صرح"
    " صرحت يصرح تصرح رحب رحبت يرحب ترحب أشاد أشادت يشيد تشيد ناقش ناقشت يناقش تناقش تلقى تلقت يتلقى تتلقى"
    " اعترف اعترفت يعترف تعترف قرر قررت يقرر تقرر أبلغ أبلغت يبلغ تبلغ هنأ هنأت أدان أدانت يدين تدين"
)
"""Function words, prepositions with a pronoun, adverbs, verbs of saying and of news (زار,
التقى, حذر) and time words: what follows a title, or a name, and is not a name."""


_NAME_JOINERS = _keys("عبد أبو أبي ابن بن بنت بني ولد آل ذو بو")
"""Name parts after which the next part may start with ال (عبد الله، آل ثاني)."""


_FOREIGN_ENDING = re.compile(
    r"(?:سكي|سكايا|فيتش|يتش|نكو|نغ|ونج|ينج|انج|برغ|بورغ|غراد)$"  # Slavic, Chinese and Korean, German endings
    r"|.{4,}(?:وف|يف)$"  # Lavrov, Medvedev: at six letters or more (ظروف, تصريف are Arabic)
)


_FOREIGN_LETTERS = re.compile("[پچژڤگ]")


_MONTHS = _keys("مايو يونيو يوليو")


_LOANWORDS = _keys(
    "فيديو راديو استوديو ستوديو سيناريو فيتو بيانو كازينو تانغو مترو كيلو كاكاو ديكو بورصة"
    " ماركتينغ باركينغ شوبينغ ميتينغ بلوغ"
)
"""Common nouns borrowed with a foreign spelling (بالفيديو, الفيتو): not names."""


_QUOTE_CHARS = '"«»“”„″'


def _foreign(word: str) -> bool:
    """A normalised Arabic word spelled as Arabic words are not: a transliterated name.

    The signs are letters Arabic does not use (پ چ ژ ڤ گ), a doubled ي inside the word
    (كييف, سكابييفا), endings of Slavic, Korean or German names (ـسكي, ـفيتش, ـنغ, ـبرغ,
    ـوف/ـيف in long words) and a final و after a consonant in a word that is neither a verb
    (يدعو) nor a participle's plural (ممثلو, لاجئو): بوليتيكو, الناتو. Each sign misses many
    names; together they are rarely wrong."""
    stem = word
    for article in ("ال", "لل", "وال", "فال", "بال", "كال"):
        if word.startswith(article) and len(word) - len(article) >= 3:  # not والاس, كالاس
            stem = word[len(article) :]
            break
    if len(stem) < 4 or not is_arabic_word(stem) or stem in _LOANWORDS:
        return False
    if re.fullmatch("[وف]?[بلك]?ت..ي.", stem) or re.fullmatch("[وف]?[بلك]?ت.يي.(?:ه|ها|هم|ا|ات)?", stem):
        return False  # بتنظيف, تعيينه, تغييرا, تغييرات: a verbal noun of the form تفعيل
    if re.fullmatch("[وف]?[بلك]?(?:ال)?م.ايي.", stem):
        return False  # معايير, بالمعايير, مقاييس: a broken plural
    if _FOREIGN_LETTERS.search(stem) or _FOREIGN_ENDING.search(stem):
        if stem.endswith("يف") and re.match("[وف]?س?[يت]", stem):
            return False  # ويستضيف, تضيف: a verb in the present, not a name in ـيف
        return not (len(stem) == 6 and stem[2] == "ا" and stem[4] in "وي")  # تكاليف, مصاريف: broken plurals
    if re.search("يي(?!ن$|ه$)", stem[1:]):  # not the plural ending (عسكريين, تعيين)
        return True
    if stem.endswith("و") and re.match("[لوف][يتنا]", stem):
        return False  # لتبدو, ليدعو: a verb in the present after ل or و
    if stem.endswith("و") and stem not in _MONTHS and stem[0] not in "ميتناإأ":
        return (len(stem) >= 5 or stem is not word) and not (len(stem) == 5 and stem[1] == "ا")
    return False


def is_arabic_word(word: str) -> bool:
    return all("\u0621" <= char <= "\u064a" or char in "پچژڤگ" for char in word)


_PARTICLES = _keys("فون فان دي دير دو دا ديل دن")
"""Particles inside European names (أورسولا فون دير لاين): not counted in a name's three
words, and never last."""


_LINEAGE = _keys("بن بنت ابن بني ولد آل بو")
"""Words of lineage, not counted either: a name goes on through them (محمد بن عبد الرحمن
آل ثاني, عبد الله بو حبيب, where بو is أبو as written in Lebanon and the Maghreb)."""


_OUTLETS = _keys("وكالة صحيفة جريدة قناة فضائية مجلة إذاعة شبكة")
"""Outlets named by an indefinite word after them (وكالة يونهاب)."""


_OFFICES_ACCUSATIVE = _keys(
    "رئيسا نائبا وزيرا سفيرا مديرا أمينا قائدا مستشارا متحدثا ناطقا عضوا مندوبا مبعوثا محافظا حاكما ممثلا"
)
"""Titles in the accusative, the office someone is appointed to (انتخاب … نائبا لرئيس المجلس)."""


_PLACE_NOUNS = _keys("قرية بلدة مدينة محافظة منطقة ولاية حي مقاطعة مثلث")
"""Nouns of a place, in construct with its name (مدينة حلب, بلدة بيت لاهيا): the name is
offered without the noun."""


_NAMED_NOUNS = _keys(
    "مخيم ميناء مطار معبر ساحة ميدان شارع مسجد جامع كنيسة سجن قمة مؤتمر منتدى مهرجان عيد جائزة معرض بطولة"
    " جامعة مستشفى حزب حركة شركة جمعية نادي منتخب مؤسسة هيئة مجلس ملعب استاد مجمع معهد سد جسر"
)
"""Nouns of a camp, a port, an event, an award, a stadium, a dam, a team or an organisation, whose
name is the noun and the word after it (منتخب جورجيا, مطار رفيق الحريري, مهرجان قرطاج, جائزة نوبل, حزب الله, ملعب
بنجامين مكابا, سد النهضة). Not قصر, which is as often "shortness" (قصر النظر)."""


_KIND_NOUNS = _PLACE_NOUNS | _NAMED_NOUNS


_SPEAKER_NOUNS = _keys(
    "مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين متحدث متحدثة ناطق مراسل مراسلة مراسلنا شاهد شهود شاهدة ناشط"
    " ناشطة ناشطون سكان ساكن مواطن مواطنة مواطنون خبير خبيرة خبراء محلل محللة محللون مراقب مراقبون بيان"
    " تقرير تقارير طبيب طبيبة أطباء مسعف مسعفون عامل عمال شخص أشخاص رجل امرأة سيدة شاب فتاة طفل جندي"
    " جنود ضابط ضباط دبلوماسي دبلوماسيون مسؤولو أحد أحدهم بعضهم معظم أغلب قائد زعيم رئيس مدير مديرة"
    " نائب وزير عضو أعضاء مستشار باحث باحثة أستاذ أستاذة كاتب كاتبة صحفي صحفية طالب طالبة لاجئ نازح"
    " موظف موظفة موظفون إسرائيل روسيا أمريكا إيران تركيا مصر فرنسا بريطانيا الصين وفد"
)
"""Nouns that speak in the news without being named (قال مصدر مسؤول, قالت مصادر محلية,
قال شهود عيان): a speech verb's subject, but no one's name."""


_SPEAKING_NOUNS = _SPEAKER_NOUNS | _INSTITUTIONS | _KIND_NOUNS
"""Nouns of what speaks without being a name (وقال الوفد, وقالت الوزارة, وقال المجلس)."""
