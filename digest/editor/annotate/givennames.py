"""Given names that begin people's names in Arabic news text, as data.

Arabic has no capital letters, so a person named without a title (``التقى سامح شكري
نظيره``) has nothing on the page that marks the words as a name, except the name itself:
a few hundred given names begin most of the names in the news, and a run of words that
starts with one of them is a person's name far more often than anything else.

The lists were compiled by hand for this module from general knowledge of the given names
most common across the Arab world (Egypt, the Levant, Iraq, the Gulf, the Maghreb), with
the spellings news outlets use, and of the foreign given names Arabic news most often
transliterates (heads of state and government, ministers, business people). They were
not taken from any page the suggester is measured on.

Left out on purpose: given names that are also common words where they stand in a
sentence, such as علي (read as the preposition على once ى and ي are folded), أمين
(secretary), جمال (beauty), سعيد (happy), حسن (good), عادل (just), كريم, نبيل, صالح
(valid), باسم (in the name of), نضال (struggle), إيمان (faith), أسماء (names), سلام
(peace), أمل (hope), نور (light), رياض (kindergartens: رياض الأطفال), جو (the weather),
سام (poisonous), عماد, هادي, رائد, صلاح, شريف, منصور, فضل, رضا, حنان, دعاء, أميرة
(princess), جميلة, هالة, مولود (newborn); adjectives that follow a noun (موقف حازم, أمر
نادر, بشكل سليم, ماهر, مؤمن, منير, نبيه, أسعد يوم) and يسري (applies: يسري القرار). A
name in the list that is also a noun in construct with a definite word (عمر الإنسان: a
person's age) is kept in ``_AMBIGUOUS``: it begins a name only before an indefinite word
(عمر هاشم)."""

from __future__ import annotations

from .lexicon import _keys

_ARABIC_MALE_TEXT = (
    "محمد محمود أحمد مصطفى يوسف إبراهيم إسماعيل إسحاق يعقوب موسى عيسى يحيى زكريا داود سليمان هارون"
    " خالد طارق هشام وائل أيمن ياسر سامح سامي هاني رامي فادي زياد طلال فيصل ناصر أنور مجدي حمدي"
    " فتحي صبحي رمزي فوزي شوقي عصام هيثم وسام إياد مازن غسان بشار نزار فؤاد عدنان مروان سعد"
    " سعود فهد بندر نايف نواف تميم حمد راشد زايد مشعل عبدالله عبدالرحمن عبدالعزيز عبدالفتاح"
    " عبدالمجيد عبدالحميد عبدالكريم عبداللطيف عبدالسلام عبدالناصر حسين حسام أسامة بلال جلال"
    " خليل إبراهيم جبران سمير إيلي شربل طوني بيار أنطوان إميل ميشال ميشيل جورج جوزيف إلياس"
    " نجيب وليد مهند معتز معاذ أنس حمزة عمرو عثمان قاسم هاشم عباس جعفر مرتضى مقتدى نوري"
    " حيدر كاظم جواد مسعود منذر رشاد شادي عمار ياسين عزيز توفيق لطفي مراد رفيق ربيع زهير"
    " تامر حاتم عاطف عاصم أشرف إيهاب ممدوح محسن مدحت بهاء علاء ضياء"
    " أكرم مصعب حسني مختار نعيم نديم وجدي يونس يزن قيس غازي فراس"
    " عمر رجب هاكان بدر"
)
_ARABIC_MALE = _keys(_ARABIC_MALE_TEXT)
"""Men's given names, Arabic and of the Muslim world (رجب, هاكان of Turkey's)."""


_ARABIC_FEMALE_TEXT = (
    "فاطمة عائشة مريم زينب خديجة سارة ليلى هدى نادية منى رانيا ريم هند سعاد سلمى لينا دينا رنا نسرين"
    " ياسمين سميرة فدوى بدرية لبنى رشا غادة نهى سهى عبير سناء نجلاء شيماء مها ديما كوثر رولا"
    " ريهام نيفين هبة لمياء وفاء نوال سوزان ماجدة سهير بشرى فريدة رحاب منال أروى تغريد"
)
_ARABIC_FEMALE = _keys(_ARABIC_FEMALE_TEXT)
"""Women's given names."""


FOREIGN = _keys(
    "دونالد فلاديمير إيمانويل ايمانويل بوريس أنطونيو أنجيلا أولاف جاستن ريشي مارك جون جيمس مايكل"
    " ديفيد بيتر سيرغي سيرجي ديمتري دميتري أليكسي ألكسندر فولوديمير فولوديمر نيكولا نيكولاس بنيامين"
    " يائير إيتمار نفتالي يوآف جدعون موشيه أفيغدور يسرائيل جورج توني باراك هيلاري كامالا مايك"
    " ماركو روبرت ريتشارد ستيفن ويليام وليام تشارلز فرانسوا جان كارل هانز أورسولا كريستين جوزيب"
    " أنتوني لويد جيك إيلون جيف كير ليز تيريزا جاك بيير شارل إدوارد ألبرت أنتونيو فرانك"
    " ماريو ناريندرا شهباز عمران كيفن بيني لاري ستيف بيل"
)
"""Foreign given names as Arabic news writes them."""


_AMBIGUOUS = _keys("عمر مراد ربيع بدر رفيق عزيز غازي وسام رجب مختار حمد توفيق")
"""Given names that are also nouns in construct (عمر الإنسان: age; وسام الشرف: a medal;
رجب الماضي: the month; مختار القرية: the headman; حمد الله: praise; توفيق الأوضاع:
settling; مراد, ربيع, بدر, رفيق, عزيز, غازي): a name only before an indefinite word
(عمر هاشم), and not after a preposition (عن عمر يناهز, في رجب)."""


GIVEN_NAMES = _ARABIC_MALE | _ARABIC_FEMALE | FOREIGN
"""Every given name of the lists, folded as the tokens are (``key``)."""


WRITTEN_WITH_ALEF_MAQSURA = _keys(
    " ".join(word for word in (_ARABIC_MALE_TEXT + " " + _ARABIC_FEMALE_TEXT).split() if word.endswith("ى"))
)
"""Given names that end in ى, which folding makes ي: spelled with ي they are as often
other words (يحيي ذكرى: commemorates; مني: from me; لبني إسرائيل), so they begin a name
only where the text writes the ى."""


COMPOUND_HEADS = _keys("عبد")
"""The first word of a compound given name written as two (عبد الله, عبد الرحمن): with the
word after it, a given name whatever that word is."""
