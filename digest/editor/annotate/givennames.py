"""Given names that begin people's names in Arabic news text, as data.

Arabic has no capital letters, so a person named without a title (``التقى سامح شكري
نظيره``) has nothing on the page that marks the words as a name, except the name itself:
a few hundred given names begin most of the names in the news, and a run of words that
starts with one of them is a person's name far more often than anything else.

The lists were compiled by hand for this module from general knowledge of the given names
most common in Arabic news: men's and women's names across the Arab world (Egypt, the
Levant, Iraq, the Gulf, Yemen, Sudan, Libya, the Maghreb in its own spellings: أمحمد,
امبارك, رمطان, زكرياء, لخضر), the Persian, Turkish and Kurdish names of the region's
politics, and the foreign given names Arabic news most often transliterates (heads of
state and government, ministers, officials of international bodies, business people,
footballers), in the spellings outlets use and their common variants (غ and ج for g:
يورغن, يورجن; the hamza dropped or kept: يوآف, يوأف fold alike). They were not taken from
any page the suggester is measured on, nor added because one of those pages needs them.

Left out on purpose: given names that are also common words where they stand in a sentence,
such as علي (read as the preposition على once ى and ي are folded), أمين (secretary), جمال
(beauty), سعيد (happy), حسن (good), عادل (just), كريم, نبيل, صالح (valid), باسم (in the name
of), نضال (struggle), إيمان (faith), أسماء (names), سلام (peace), أمل (hope), نور (light),
رياض (kindergartens: رياض الأطفال), جو (the weather), سام (poisonous), عماد, هادي, رائد,
صلاح, شريف, منصور, فضل, رضا, حنان, دعاء, أميرة (princess), جميلة, هالة, مولود (newborn);
adjectives that follow a noun (موقف حازم, أمر نادر, بشكل سليم, ماهر, مؤمن, منير, نبيه, أسعد
يوم) and يسري (applies: يسري القرار). Likewise nouns (مالك: owner, سلطان, سيف: سيف ذو حدين,
نصر, جهاد, إسلام, نجم, صقر, فارس: Persia and وكالة فارس, ملاك, نسمة: مليون نسمة, حصة, وسيلة,
فضيلة: فضيلة الشيخ, نظير: in return for, سماح: فترة سماح, دوري: دوري أبطال أوروبا, بارون:
بارون المخدرات), the months and days (رمضان, جمعة, خميس), verbs (صادق: ratified, رفعت, حكمت,
نشأت, عزت, شهد: witnessed, هاجر: emigrated, توكل, ضحى, يزيد: increases, يشار: يشار إلى, يولي
اهتماما, مات: died, بان: appeared), adjectives and their feminines (كامل, فريد, مفيد, ثابت,
شامل, وحيد, رشيد: حكم رشيد, تركي, فاتح, متين, مسرور, مظلوم, زكي: هاتف زكي, آمنة: منطقة آمنة,
كريمة: حياة كريمة, مشيرة: مشيرة إلى أن, سامية, نبيلة, لطيفة, رشيدة, مرضية, خيرة: خيرة
الشباب), other words (فيل: elephant, ديك, بيت: house, غير: not, لولا, سلفا: in advance, آنا:
أنا, آبي: أبي, آن: آن الأوان), names that fold into the article and a word (ألان: الآن,
ألبير: البير, أليس: اليس, ألفريد: الفريد, آلدار: الدار, إلكر: الكر, إلهام: الهام) or that a
common word holds after a proclitic's letter, which the rule would read as the proclitic and
the name (يان: بيان رسمي, إيدن: بايدن, ريكس: بريكس, أسيل: باسيل, أوس: لاوس, لامين: للأمين
العام, آفي: كافي, إيف: لايف, ريك, بريت: كبريت, ريما: كريما, رقية: ورقية, عدي: بعدي, حنا:
لحنا), رغد (comfort: رغد العيش), nisbas (عدلي: المجلس العدلي), a name that begins a longer
name more often than a name (حسنين: محمد حسنين هيكل), and names that are as often a place or
an agency (جورجيا, صوفيا, فيكتوريا, سانا, تسنيم, أوسكار). A name in the list that is also a
noun in construct with a definite word (عمر الإنسان: a person's age) is kept in
``_AMBIGUOUS``: it begins a name only before an indefinite word (عمر هاشم)."""

from __future__ import annotations

from .lexicon import _keys

_ARABIC_MALE_TEXT = (
    "محمد محمود أحمد مصطفى يوسف إبراهيم إسماعيل إسحاق يعقوب موسى عيسى يحيى زكريا داود سليمان هارون خالد طارق هشام"
    " وائل أيمن ياسر سامح سامي هاني رامي فادي زياد طلال فيصل ناصر أنور مجدي حمدي فتحي صبحي رمزي فوزي شوقي عصام هيثم"
    " وسام إياد مازن غسان بشار نزار فؤاد عدنان مروان سعد سعود فهد بندر نايف نواف تميم حمد راشد زايد مشعل عبدالله"
    " عبدالرحمن عبدالعزيز عبدالفتاح عبدالمجيد عبدالحميد عبدالكريم عبداللطيف عبدالسلام عبدالناصر حسين حسام أسامة بلال"
    " جلال خليل جبران سمير إيلي شربل طوني بيار أنطوان إميل ميشال ميشيل جورج جوزيف إلياس نجيب وليد مهند معتز معاذ أنس"
    " حمزة عمرو عثمان قاسم هاشم عباس جعفر مرتضى مقتدى نوري حيدر كاظم جواد مسعود منذر رشاد شادي عمار ياسين عزيز توفيق"
    " لطفي مراد رفيق ربيع زهير تامر حاتم عاطف عاصم أشرف إيهاب ممدوح محسن مدحت بهاء علاء ضياء أكرم مصعب حسني مختار"
    " نعيم نديم وجدي يونس يزن قيس غازي فراس عمر رجب هاكان بدر مهدي حسان صفوان عبيدة سلمان أيوب إدريس نوح لقمان"
    " شعيب آدم جبريل قصي لؤي زيد زيدان سفيان معاوية حذيفة طه عزام همام بسام برزان أدهم أمجد أنيس حامد حمدان حميد خضر"
    " داوود رأفت رضوان رؤوف شاكر صابر صبري صفوت طلعت فاروق فايز فهمي فواز مأمون ناجي نعمان رامز سامر شفيق عزمي معن"
    " رشدي شكري حمادة خيرت حمدين ثروت معتصم سهيل نائل ليث حلمي مسعد باسل بشير وسيم"
    # the Gulf, Yemen, Libya
    " ماجد ثامر سالم خليفة جاسم جابر طحنون غانم فالح مشاري هزاع مقرن حمود مرزوق قابوس مكتوم عيدروس معمر عقيلة مرهف"
    # Iraq
    " باقر عقيل ميثم شعبان أبوبكر"
    # compound names written as one word (the spaced form is read by COMPOUND_HEADS)
    " عبدالقادر عبدالرحيم عبدالحكيم عبدالوهاب عبدالرزاق عبدالغني عبدالحليم عبدالباسط عبدالمنعم عبدالجليل عبدالإله"
    " عبدالرؤوف عبدالهادي عبدالملك عبدالواحد عبدالستار عبدالمحسن عبدالحق عبدالأمير عبدالحسين عبدالمهدي عبدالغفار"
    " عبدالجبار عبدالصمد عبدالمالك عبدالباري عبدربه عبدالعاطي"
    # the Maghreb, in its spellings (أمحمد, امبارك, رمطان, زكرياء), and the Sahel
    " بوعلام حمادي أمحمد محند أعمر بلقاسم لخضر زكرياء جيلالي بوجمعة رمطان مولاي شكيب امبارك محمدو"
    # the Levant's Christian names
    " كميل مارون بطرس بولس يوحنا جرجس إسكندر سركيس إدوار إدمون إدغار ريمون روجيه ريشار رودولف نقولا تيمور جوني روني"
    # Kurdish
    " برهم هوشيار نيجيرفان بافل قباد قوباد آزاد شيركو كاوه سيروان دلشاد آرام ريبوار"
    # Persian
    " فرهاد داريوش بهرام كوروش شهريار عليرضا حميدرضا محمدرضا محمدجواد محمدباقر محمدعلي غلامحسين أميرحسين مجتبى بهروز"
    " شاهين"
    # Turkish
    " دولت خلوصي أوزغور أوزجور بولنت جودت جنكيز كنان حقان ياشار سلجوق فخرالدين سنان"
)
_ARABIC_MALE = _keys(_ARABIC_MALE_TEXT)
"""Men's given names, Arabic and of the Muslim world (رجب, هاكان of Turkey's; مجتبى, بهروز of
Iran's; هوشيار, نيجيرفان of Kurdistan's)."""


_ARABIC_FEMALE_TEXT = (
    "فاطمة عائشة مريم زينب خديجة سارة ليلى هدى نادية منى رانيا ريم هند سعاد سلمى لينا دينا رنا نسرين ياسمين سميرة"
    " فدوى بدرية لبنى رشا غادة نهى سهى عبير سناء نجلاء شيماء مها ديما كوثر رولا ريهام نيفين هبة لمياء وفاء نوال"
    " سوزان ماجدة سهير بشرى فريدة رحاب منال أروى تغريد إسراء بثينة خلود رباب روان زهراء سلوى سمر سمية سوسن صفية"
    " عبلة علياء فيروز لمى مايا ميرفت ميساء ميسون نادين ناهد نجوى نرمين نعيمة نهلة هيفاء وداد يارا يسرا يسرى"
    " جيهان شيرين لجين مروة إيناس خولة دانيا رزان ميرنا نايلة رندة ناديا لميس فاتن زبيدة حفصة كلثوم مليكة حليمة"
    " فتيحة نورة لولوة فوزية معصومة نرجس مهسا بروين ناريمان داليا ندى كندة جمانة جومانة بلقيس لويزة ياسمينة شادية"
    " سارا"
)
_ARABIC_FEMALE = _keys(_ARABIC_FEMALE_TEXT)
"""Women's given names."""


FOREIGN = _keys(
    # English (the United States, Britain and the Commonwealth)
    "دونالد فلاديمير إيمانويل بوريس أنطونيو أنجيلا أولاف جاستن ريشي مارك جون جيمس مايكل ديفيد بيتر سيرغي سيرجي"
    " ديمتري دميتري أليكسي ألكسندر فولوديمير فولوديمر نيكولا نيكولاس بنيامين يائير إيتمار نفتالي يوآف جدعون موشيه"
    " أفيغدور يسرائيل توني باراك هيلاري كامالا مايك ماركو روبرت ريتشارد ستيفن ويليام وليام تشارلز فرانسوا جان كارل"
    " هانز أورسولا كريستين جوزيب أنتوني لويد جيك إيلون جيف كير ليز تيريزا جاك بيير شارل إدوارد ألبرت فرانك ماريو"
    " ناريندرا شهباز عمران كيفن بيني لاري ستيف بيل جيسون جاريد جيريمي جيرمي جوردان جوش جوشوا جيفري جيرالد بوب رونالد"
    " ريان بريان براين سكوت شون تشاك تيد تيم توم توماس دانيال إريك هانتر هنري هاري كيث كريس كريستوفر كيم ليندسي"
    " لينزي ميتش ماثيو نيك نايجل باتريك بول فيليب رون رودي تاكر أليخاندرو ميريك غوردون جوردون مالكولم بيرني وارن"
    " ساتيا سوندار جنسن أليكس أليكسيس ألكسيس مورغان مورجان هوارد غافين جافين غريغ زلماي كولن ساجد سايمون"
    " أموس عاموس أنتونيو بنجامين بينيامين"
    # French
    " دومينيك لوران ليونيل أوليفييه غابرييل جابرييل برونو سيباستيان ستيفان كريستوف تييري ديدييه كيليان رافائيل"
    " جيروم كلود برنار برنارد جيرار جيرارد"
    # Spanish and Portuguese
    " بيدرو خوسيه خوان كارلوس لويس ميغيل ميجيل مانويل فرناندو خافيير خابيير هوغو هوجو غوستافو جوستافو ألبرتو خورخي"
    " ماوريسيو سيرخيو بابلو أندريس دييغو دييجو ريكاردو كريستيانو سيرجيو مارسيلو أنخيل كارلو تشابي شابي فرانسيسكو"
    " فيليبي إيفان رودريغو رودريجو فينيسيوس نيمار لويز جواو باولو فابيو ماركوس جوزيه روبن جاير إيفو ناييب ألفارو"
    # Italian
    " سيلفيو ماتيو جوزيبي فرانشيسكو روبرتو أندريا ماسيميليانو لوتشيانو ستيفانو ليوناردو لويجي جياني جيوفاني"
    " أليساندرو ألساندرو فيديريكو غيدو"
    # German, Dutch and Nordic
    " فريدريش كريستيان هايكو يورغن يورجن غيرهارد جيرهارد هيلموت فولفغانغ فولفجانج ماتياس يوأخيم يواكيم يوليان هانزي"
    " زيغمار أولف يوناس يوهان لارس بيتري بارت كلاوس فلوريان"
    # Russian and Ukrainian
    " ميخائيل فاليري إيغور إيجور أندريه أندري يفغيني يفجيني نيكولاي يوري غينادي جينادي فياتشيسلاف أناتولي ألكساندر"
    " أليكساندر أليكسندر ألكسي أنطون فيكتور بيوتر ماكسيم رومان كونستانتين ليونيد فاسيلي كيريل شوكت دميترو أوليكسي"
    " أوليكساندر أولكسندر دينيس بيترو فيتالي كيريلو رستم سيرهي ميخايلو إيهور"
    # Hebrew
    " غادي هرتسي هيرتسي إيال إيهود أرييل شمعون يتسحاق إسحق مناحيم أفيخاي ياريف أميحاي بتسلئيل تساحي يوسي دافيد"
    " رونين شلومو جلعاد أفيجدور"
    # African and Asian
    " سيريل جاكوب نيلسون يويري فيليكس ماكي باسيرو أسيمي ألاسان أوهورو رياك إسياس إيمرسون جوليوس ساديو صامويل جودلاك"
    " كوفي فوميو شينزو شيغيرو شيجيرو جوكو برابوو فرديناند نواز آصف بينظير بلاول راهول أميت نارندرا نيكول وانغ"
    # footballers; international officials
    " إيرلينغ إيرلينج لوكا فيرجيل ترينت جيمي واين زلاتان مارتن ميكيل أرسين داني فولكر هانس كايا تيدروس"
    " أجاي ستافان كيرياكوس نيكوس كارول"
    # women's
    " جينيفر جيسيكا ستيفاني إليزابيث إيفانكا كاثرين كيت ميلانيا نانسي نيكي كريستي تولسي جانيت كارين جاسيندا"
    " راشيل إيفيت كيمي كاميلا ميغان روبرتا كريستالينا مارين ماري كلوديا ديلما ديلسي جيورجيا أنالينا ماغدالينا"
    " فالنتينا ماريا أولغا تاتيانا ناتاليا يوليا أولينا غولدا جولدا ميري أوريت أييليت تسيبي ريتا هيلين جوليا"
    " كريستينا بريجيت كاترين مارغريت مارجريت إيلينا ليندا كوندوليزا ليزا كارولين كريستيا ميلاني إليز"
)
"""Foreign given names as Arabic news writes them."""


_AMBIGUOUS = _keys("عمر مراد ربيع بدر رفيق عزيز غازي وسام رجب مختار حمد توفيق شعبان خليفة عقيلة مأمون سكوت")
"""Given names that are also nouns in construct (عمر الإنسان: age; وسام الشرف: a medal;
رجب الماضي, شعبان المقبل: the months; مختار القرية: the headman; حمد الله: praise; توفيق
الأوضاع: settling; خليفة البغدادي: a successor; عقيلة الرئيس: a wife; غير مأمون العواقب;
سكوت المجتمع الدولي: silence; مراد, ربيع, بدر, رفيق, عزيز, غازي): a name only before an indefinite word (عمر هاشم, خليفة
حفتر), and not after a preposition (عن عمر يناهز, في رجب)."""


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
