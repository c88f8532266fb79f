"""The annotator: Arabic-aware matching, what it never touches, idempotence, name suggestions, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.cli import main
from digest.diagnostics import Diagnostics
from digest.editor.annotate import Matcher, annotate_body, suggest_names
from digest.editor.editing import annotate_text, load_registry
from digest.editor.evaluate import article_texts, perturb, score, score_suggestions, scraped_texts, strip_mentions
from digest.markup import make_parser
from digest.model import Entity, Localized, Position
from digest.read.frontmatter import split
from digest.read.project import Project

from .conftest import ROOT, SEEDS, seed_path

MD = make_parser()
REGISTRY = load_registry(Project(ROOT), Diagnostics())
assert REGISTRY is not None
MATCHER = Matcher(REGISTRY.entities)


def annotate(text: str) -> str:
    return annotate_body(text, MATCHER, MD)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زار روسيا", "زار [[russia|روسيا]]"),
        (
            "وروسيا ولروسيا فروسيا بروسيا كروسيا",
            "و[[russia|روسيا]] ول[[russia|روسيا]] ف[[russia|روسيا]] ب[[russia|روسيا]] ك[[russia|روسيا]]",
        ),
        ("قال للناتو", "قال لل[[nato|ناتو]]"),
        ('وفقا لـ "بوليتيكو"', 'وفقا لـ "[[politico|بوليتيكو]]"'),
        ("«الناتو»", "«[[nato|الناتو]]»"),
        ("كوريا الشمالية", "[[north-korea|كوريا الشمالية]]"),
        ("مقاطعة كورسك وكورسك", "[[kursk-oblast|مقاطعة كورسك]] و[[kursk-oblast|كورسك]]"),
        ("أوكرانيا اوكرانيا إوكرانيا", "[[ukraine|أوكرانيا]] [[ukraine|اوكرانيا]] [[ukraine|إوكرانيا]]"),
        ("أُوكْرَانِيَا", "[[ukraine|أُوكْرَانِيَا]]"),
        ("روســيا", "[[russia|روســيا]]"),
        ("تلفزيون روسيا-1", "تلفزيون [[russia-1|روسيا-1]]"),
        ("الروسية والروس", "الروسية والروس"),  # no match inside a longer word
        ("روسيات", "روسيات"),
        ("`روسيا` و[[russia|روسيا]]", "`روسيا` و[[russia|روسيا]]"),
        ("[روسيا](https://ru.example/روسيا)", "[روسيا](https://ru.example/روسيا)"),
        ("Russia's army and NATO", "[[russia|Russia]]'s army and [[nato|NATO]]"),
        ("```\nروسيا\n```\n\nروسيا", "```\nروسيا\n```\n\n[[russia|روسيا]]"),
        ("::: quote vladimir-putin\nروسيا\n:::\n", "::: quote vladimir-putin\n[[russia|روسيا]]\n:::\n"),
        ('::: post author="روسيا" lang=ar\nروسيا\n:::\n', '::: post author="روسيا" lang=ar\nروسيا\n:::\n'),
        ("كوريا\nالشمالية", "[[north-korea|كوريا\nالشمالية]]"),
        ("كوريا\n\nالشمالية", "كوريا\n\nالشمالية"),
    ],
)
def test_matching(text: str, expected: str) -> None:
    assert annotate(text) == expected


CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "annotate_cases" / "matching.yaml").read_text(encoding="utf-8"))


def _matcher_of(registry: dict[str, list[str]]) -> Matcher:
    """A matcher for entities given as ``id: [Arabic name, aliases…]``."""
    entities = {
        entity_id: Entity(
            entity_id,
            entity_id,
            "other",
            Localized.of({"ar": names[0]}),
            (("ar", tuple(names[1:])),),
            None,
            None,
            Position(f"{entity_id}.yaml"),
        )
        for entity_id, names in registry.items()
    }
    return Matcher(entities)


CASE_MATCHER = _matcher_of(CASES["registry"])


@pytest.mark.parametrize(("text", "expected"), CASES["tanwin"])
def test_a_word_with_tanwin_fath_is_an_adjective_not_the_name(text: str, expected: str) -> None:
    assert annotate_body(text, CASE_MATCHER, MD)[0] == expected


@pytest.mark.parametrize(("text", "expected"), CASES["clitics"])
def test_a_name_that_begins_with_a_proclitics_letter_keeps_it(text: str, expected: str) -> None:
    assert annotate_body(text, CASE_MATCHER, MD)[0] == expected


@pytest.mark.parametrize(("text", "expected"), CASES["adjectives"])
def test_a_name_that_is_also_an_adjective_is_not_matched_as_one(text: str, expected: str) -> None:
    once = annotate_body(text, CASE_MATCHER, MD)[0]
    assert once == expected
    assert annotate_body(once, CASE_MATCHER, MD)[0] == once


@pytest.mark.parametrize(("source", "text", "expected"), CASES["outlet"])
def test_the_outlet_and_its_dateline_are_not_mentions(source: str | None, text: str, expected: str) -> None:
    assert annotate_body(text, CASE_MATCHER, MD, source)[0] == expected


def test_annotate_reads_the_outlet_from_the_front_matter() -> None:
    text = '---\ntitle: "خبر"\nsource: {name: "درب الأردن", url: null}\n---\nدرب الأردن - قال الأردن.\n'
    after, added, _ = annotate_text(text, CASE_MATCHER, MD)
    assert added == 1
    assert after.endswith("درب الأردن - قال [[jordan|الأردن]].\n")


def test_front_matter_is_never_touched() -> None:
    text = '---\ntitle: "روسيا"\ndate: 2024-10-28\n---\nروسيا\n'
    after, added, _ = annotate_text(text, MATCHER, MD)
    assert after == '---\ntitle: "روسيا"\ndate: 2024-10-28\n---\n[[russia|روسيا]]\n' and added == 1


def _sample_bodies(lang: str) -> list[tuple[str, str]]:
    bodies = []
    for path in sorted((ROOT / "content" / "articles").glob(f"*.{lang}.md")):
        parts = split(path.read_text(encoding="utf-8"), str(path), Diagnostics())
        assert parts is not None
        bodies.append((parts.body, lang))
    return bodies


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_re_annotating_the_sample_matches_the_hand_annotations(lang: str) -> None:
    result = score(_sample_bodies(lang), REGISTRY.entities, MD)
    assert result.gold > 80
    assert result.precision >= 0.97 and result.recall >= 0.97, (result.misses, result.extras)


def test_arabic_typed_differently_is_still_found() -> None:
    varied = [(perturb(body, seed), "ar") for seed in range(3) for body, _ in _sample_bodies("ar")]
    assert any(body != original for (body, _), (original, _) in zip(varied, _sample_bodies("ar") * 3, strict=True))
    result = score(varied, REGISTRY.entities, MD)
    assert result.precision >= 0.97 and result.recall >= 0.97, (result.misses[:5], result.extras[:5])


def test_sample_is_already_fully_annotated() -> None:
    for body, _ in _sample_bodies("ar") + _sample_bodies("en"):
        assert annotate(body) == body


def test_a_name_broken_over_two_lines_is_annotated_once() -> None:
    """A registered name that a soft line break splits (``روسيا\n1``) is one mention, and a
    second run leaves it as it is: the existing mention is skipped whole."""
    for text in ("روسيا\n1", "كوريا\nالشمالية"):
        once = annotate_body(text, MATCHER, MD)[0]
        assert once.count("[[") == 1 and annotate_body(once, MATCHER, MD)[0] == once


@given(
    st.lists(
        st.sampled_from(
            [
                "روسيا",
                "ل",
                "و",
                "الناتو",
                "للناتو",
                "كوريا",
                "الشمالية",
                " ",
                "\n",
                "\n\n",
                "`",
                "[[",
                "]]",
                "|",
                "«",
                "»",
                "-",
                "1",
                "أ",
                "ة",
                "ى",
                "\u064e",
                "\u064b",
                "اً",
                "\u0640",
                "Russia",
                "'s",
                "::: quote x\n",
                ":::\n",
                "[a](b)",
                "http://x",
            ]
        )
        | st.text(max_size=5),
        max_size=40,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_annotate_only_adds_brackets_and_is_idempotent(text: str) -> None:
    once, matches = annotate_body(text, MATCHER, MD)
    # The output is the input with exactly one "[[id|" … "]]" pair around each match.
    expected, cursor = [], 0
    for match in matches:
        expected += [text[cursor : match.start], f"[[{match.entity_id}|", text[match.start : match.end], "]]"]
        cursor = match.end
    expected.append(text[cursor:])
    assert once == "".join(expected)
    assert annotate_body(once, MATCHER, MD)[0] == once


def test_strip_mentions_gives_back_the_plain_text() -> None:
    plain, spans = strip_mentions("قال ل[[russia|روسيا]] و[[nato]]", REGISTRY.entities, "ar")
    assert plain == "قال لروسيا والناتو"
    assert {plain[a:b] for a, b, _ in spans} == {"روسيا", "الناتو"}


# -- suggestions -------------------------------------------------------------------

NOBODY = Matcher({})
NAME_KEY = yaml.safe_load((ROOT / "tests" / "fixtures" / "suggestions" / "names.yaml").read_text(encoding="utf-8"))


def _suggested(body: str, matcher: Matcher = NOBODY) -> dict[str, str]:
    return {s.name: s.reason for s in suggest_names(body, matcher, MD)}


@pytest.mark.parametrize(
    "body",
    [
        'وأشار الوزير إلى أن نشر القوات يعد "توسعا خطيرا" للصراع.',
        'وبحث الطرفان مسألة "دعم" الحلفاء للجيش.',
        "وهو المقصود بـ«الموقع» و«الصحيفة» في بقية الجملة.",
        'The page had a "Read also" box.',
        "Read also: the council met. If the talks fail, Last Friday's plan stands.",
        "وقال رئيس مجلس الأمن إن الجلسة انتهت، وأكد الأمين العام للحلف أنه سيتابع الأمر.",
        "وكان الأمين العام قد قال أمس إن المتحدث باسم الرئاسة الكورية الجنوبية سيعلن الموقف.",
        "North Korean troops crossed; Article Four applies, Western allies said on Tuesday.",
        "وقال مسؤولو الوزارة إن ممثلو الدول سيجتمعون في مايو لبحث التكاليف والمصاريف.",
        "أجرى وزير الخارجية والهجرة اتصالاً هاتفياً مع نظيره.",
        "وقال الرئيس الروسي سيزور العاصمة، وقال الوزير لنظيره إن الأمر انتهى.",
        "وقال إن الرئيس الروسي سيزور بكين، وإن الرئيس [[vladimir-putin|بوتين]] سيلتقي نظيره.",
        "وزار رئيس الوزراء الهولندي المصنع برفقة عدد من المسؤولين.",
        "وطالب وزير خارجية الاحتلال مجلس الأمن بعقد جلسة طارئة.",
        "وناقش رئيس وزراء بريطانيا مع نظرائه ملف الهجرة.",
        "والتقى الملك وفدا برلمانيا يضم نوابا من عدة دول.",
        "ووجه الأمين العام نداء عاجلا إلى الأطراف.",
        "وأجرى وزير الخارجية جولة خليجية شملت عدة دول.",
        "ووقع وزير الطاقة اتفاقية جديدة مع الشركة.",
        "وطالب زعيم المعارضة بإجراء انتخابات مبكرة.",
        "وناقش رئيس الوزراء خطة الحكومة لخفض العجز.",
        "وتلقى رئيس الوزراء رسالة من الأمين العام.",
        "وأصدر رئيس الوزراء قرارا بتشكيل لجنة تحقيق.",
        "وبحث الرئيس الفرنسي سبل تعزيز التعاون مع الجانب المغربي.",
        "وقال السفير لدى وصوله إلى المطار إن الزيارة مهمة.",
        "ودعا قائد الجيش الجنود إلى الاستعداد.",
        "وقال المتحدث باسم الوزارة إن التحقيق ما زال جاريا.",
        "وافتتح وزير الثقافة المعرض بحضور لفيف من الفنانين.",
        "واستقبل وزير الخارجية بمشاركة عدد من السفراء الوفد.",
        "وقال وزير الدفاع عقب الاجتماع إن الخطة جاهزة.",
        "وظهر القائد في رسالة بالفيديو، واستخدمت الدولة حق الفيتو، وتحدث الوزير عبر الراديو.",
        "ويستضيف النادي البطولة، وتضيف الوزارة أن الاستعدادات اكتملت.",
        "واستقبل الرئيس وفد الشركة، وبحث معه سبل التعاون.",
        "واستقبل الرئيس السوري وفد البنك، وبحث معه.",
        "وأكد الرئيس ولا عذر بعد اليوم لأحد.",
        'واتهم الصحفي كاتب مقال "زمن الصمت" بالتحريض.',
        "وعين الرئيس نجله قائدا للحرس، واستقبل الوزير زوجته.",
        "وشهدت إدارة بايدن انقسامات، وعهد إليه بالمهمة.",
        "وزار الرئيس ماكرون المعرض، ثم غادر. وافتتح الرئيس السيسي المؤتمر، وألقى كلمة.",
        "وقال الرئيس محمد الخميس إن الاتفاق قريب.",
        "وقدم رئيس الوزراء استقالته، وأعلن الوزير انسحابه، وتسلم السفير الجديد أوراق اعتماده.",
    ],
)
def test_words_that_are_not_names_are_not_suggested(body: str) -> None:
    assert _suggested(body) == {}


@pytest.mark.parametrize(
    ("body", "name", "reason"),
    [
        ("وأثارت المساعدة التي تقدمها للرئيس الروسي فلاديمير بوتين قلق الحلفاء.", "فلاديمير بوتين", "after 'الرئيس'"),
        ("وسيتصل ووزير الدفاع الأوكراني رستم أميروف به.", "رستم أميروف", "after 'وزير'"),
        ('زعم أمين عام حلف "الناتو" مارك روته ذلك.', "مارك روته", "after 'أمين عام'"),
        ("مع رئيس الوزراء الإستوني كريستين ميشال، مشيراً إلى الخطر.", "كريستين ميشال", "after 'رئيس الوزراء'"),
        ("أكد نائب رئيس مجلس الأمن الروسي، دميتري مدفيديف، ذلك.", "دميتري مدفيديف", "after 'رئيس'"),
        ("حذر رئيس حكومة تصريف الأعمال نجيب ميقاتي من ذلك.", "نجيب ميقاتي", "after 'رئيس'"),
        ("وقال إنه سيتصل بالرئيس الكوري الجنوبي يون سوك يول اليوم.", "يون سوك يول", "after 'الرئيس'"),
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن", "سيرغي لافروف", "after 'وزير'"),
        ("والتقى وزيرَي الخارجية أنتوني بلينكن.", "أنتوني بلينكن", "after 'وزيرَي'"),
        ("وقال الأمين العام للناتو مارك روته إن الحلف مستعد.", "مارك روته", "after 'الأمين العام'"),
        ("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن", "أنتوني بلينكن", "after 'وزير'"),
        ("وصرح رئيس الوزراء الهولندي ديك شوف بأن", "ديك شوف", "after 'رئيس الوزراء'"),
        ("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين", "دميتري بيسكوف", "after 'المتحدث باسم'"),
        ("وأعلن الرئيس الفرنسي إيمانويل ماكرون أن", "إيمانويل ماكرون", "after 'الرئيس'"),
        ("وقال الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته إن", "مارك روته", "after 'الأمين العام'"),
        ("وقال الأمين العام لحلف [[nato|الناتو]] مارك روته إن", "مارك روته", "after 'الأمين العام'"),
        ("وقال الناطق باسم الكرملين، دميتري بيسكوف، إن", "دميتري بيسكوف", "after 'الناطق باسم'"),
        ("وقال وزير خارجية [[russia|روسيا]] سيرغي لافروف إن", "سيرغي لافروف", "after 'وزير'"),
        ("وقال وزير خارجية إيران عباس عراقجي إن", "عباس عراقجي", "after 'وزير'"),
        ("ونقلت عن رئيس وزراء هولندا ديك شوف قوله إن", "ديك شوف", "after 'رئيس'"),
        ("وقال المتحدث باسم حماس حازم قاسم إن", "حازم قاسم", "after 'المتحدث باسم'"),
        ("والتقى رئيس مصر عبد الفتاح السيسي بالوفد.", "عبد الفتاح السيسي", "after 'رئيس'"),
        ("واستقبل ملك الأردن عبد الله الثاني وزير الخارجية.", "عبد الله الثاني", "after 'ملك'"),
        ("وشارك أمير قطر تميم بن حمد آل ثاني في القمة.", "تميم بن حمد آل ثاني", "after 'أمير'"),
        ("وقال السفير الروسي لدى واشنطن أناتولي أنطونوف إن", "أناتولي أنطونوف", "after 'السفير'"),
        ("وقالت الممثلة العليا للاتحاد الأوروبي كايا كالاس إن", "كايا كالاس", "after 'الممثلة العليا'"),
        ("وقالت رئيسة المفوضية الأوروبية أورسولا فون دير لاين إن", "أورسولا فون دير لاين", "after 'رئيسة'"),
        ("وقال الرئيس التركي رجب طيب أردوغان إن", "رجب طيب أردوغان", "after 'الرئيس'"),
        ("وأشاد وزير الخارجية الأردني أيمن الصفدي بالجهود.", "أيمن الصفدي", "after 'وزير'"),
        ("وقالت المتحدثة باسم البيت الأبيض كارين جان بيير إن", "كارين جان بيير", "after 'المتحدثة باسم'"),
        ("واستقبل الرئيس الجزائري عبد المجيد تبون وفدا اقتصاديا.", "عبد المجيد تبون", "after 'الرئيس'"),
        ('على شاشة قناة "روسيا-1" أمس.', "روسيا-1", "in quotation marks after 'قناة'"),
        ('وتعني تصريحاته، وفقا لـ "بوليتيكو"، التأكيد.', "بوليتيكو", "in quotation marks after 'وفقا لـ'"),
        ("تقرير لموقع «بوليتيكو» عن الحرب.", "بوليتيكو", "in quotation marks after 'لموقع'"),
        ("بينما تسعى بيونغ يانغ إلى المساعدة.", "بيونغ يانغ", "transliterated name"),
        ("وكتب ومدفيديف على منصة.", "مدفيديف", "transliterated name"),
        ('According to "Politico", the units moved.', "Politico", "in quotation marks"),
        ("NATO Secretary General Mark Rutte said so.", "Mark Rutte", "after 'Secretary General'"),
        ("He met Estonian Prime Minister Kristen Michal today.", "Kristen Michal", "after 'Prime Minister'"),
        ("If North Korea sends troops, it escalates.", "North Korea", "capitalised name"),
    ],
)
def test_names_are_suggested_for_a_reason(body: str, name: str, reason: str) -> None:
    found = _suggested(body)
    assert found.get(name) == reason, found
    assert all(other == name or other in ("NATO", "الناتو") for other in found), found  # no longer span


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("والتقى فيدوروف بالوفد.", {"فيدوروف"}),
        ("ووصل ويتكوف إلى المنطقة.", {"ويتكوف"}),
        ("وكتب ومدفيديف على منصة، وقال لمدفيديف إن", {"مدفيديف"}),
        ("وأضاف وأنطونوف أن", {"أنطونوف"}),
        ("وزار الوفد فيينا وبيونغ يانغ.", {"فيينا", "بيونغ يانغ"}),
        ("وصل إلى بيونغ يانغ، وقال يونغ إن", {"بيونغ يانغ", "يونغ"}),
        ("وكتب بمدفيديف، وقال مدفيديف إن", {"مدفيديف"}),
        ("وقالت الوزيرة كايا كالاس إن", {"كايا كالاس"}),
    ],
)
def test_a_name_that_begins_with_a_proclitics_letter_is_suggested_whole(body: str, names: set[str]) -> None:
    assert set(_suggested(body)) == names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a rank without the article takes no complement; ف after a title is the name's own letter
        ("وقال قائد القوات البرية، ميجور جنرال فالنتين موروز، إن", {"فالنتين موروز": "after 'ميجور جنرال'"}),
        ("وقال الجنرال فالنتين موروز إن", {"فالنتين موروز": "after 'الجنرال'"}),
        # honorifics and professions
        ("وقال الدكتور سامي حداد، أستاذ العلوم السياسية، إن", {"سامي حداد": "after 'الدكتور'"}),
        ("وقالت المحامية هالة سعيد إن", {"هالة سعيد": "after 'المحامية'"}),
        # a definite family name after one given name, where a comma or إن ends the subject
        ("وقالت المهندسة ريم الخطيب إن المشروع تأخر.", {"ريم الخطيب": "after 'المهندسة'"}),
        ("وعلق النواب على خطاب الرئيس القمري أحمد الزبيدي، الذي", {"أحمد الزبيدي": "after 'الرئيس'"}),
        ("وعلق المحللون على خطاب الرئيس التشادي ماهر الكردي، وقالوا إنه", {"ماهر الكردي": "after 'الرئيس'"}),
        # a noun with ة before the title is in construct with it: what follows is the name
        ("وأعلنت الرئاسة تسمية القاضي جميل مراد لرئاسة اللجنة.", {"جميل مراد": "after 'القاضي'"}),
        ("ورحبت الأحزاب بتسمية السفير وليد حمدان لرئاسة الوفد.", {"وليد حمدان": "after 'السفير'"}),
        # a hyphen joins two parts of one word of the name, after two adjectives too
        ("وأشرف الزعيم الكوري الشمالي كيم جونغ-أون على التجربة.", {"كيم جونغ-أون": "after 'الزعيم'"}),
        ("وأشرف قائد البحرية الكورية الجنوبية بارك مين-هو على المناورات.", {"بارك مين-هو": "after 'قائد'"}),
        ("وفي حضور قائد البحرية بارك مين-هو جرت المناورات.", {"بارك مين-هو": "after 'قائد'"}),  # not a third word
        # a transliterated name goes on through a hyphen and a number; “…″ are quotation marks
        ("وأطلقت البحرية صاروخ تايبونغ-5 من قاعدة ساحلية.", {"تايبونغ-5": "transliterated name"}),
        (
            "واختبر الجيش صاروخا من طراز “كوانغسونغ-3″ العام الماضي.",
            {"كوانغسونغ-3": "in quotation marks, transliterated"},
        ),
        ("ويقع المصنع قرب مدينة هايجونج الساحلية.", {"هايجونج": "transliterated name"}),
        # quoted names after a team, a counterpart, a satellite channel
        (
            'ويستضيف فريق "نجوم الساحل" نظيره "النسر الأحمر" يوم السبت.',
            {"نجوم الساحل": "in quotation marks after 'فريق'", "النسر الأحمر": "in quotation marks after 'نظيره'"},
        ),
        (
            "وفق ما نقلته فضائية «الأفق الإخبارية» في نشرتها المسائية.",
            {"الأفق الإخبارية": "in quotation marks after 'فضائية'"},
        ),
    ],
)
def test_names_after_ranks_honorifics_and_in_construct(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an outlet's name stands between its noun and the noun's definite adjective
        ("وقالت وكالة نورسان الأسترالية إن الحريق امتد.", {"نورسان": "after 'وكالة'"}),
        ("ونقلت وكالة أنباء دارين الإيرانية عن مصدر.", {"دارين": "after 'وكالة'"}),
        ("وذكرت صحيفة كابيتال تريبيون الكندية أن", {"كابيتال تريبيون": "after 'صحيفة'"}),
        ("وفككت الشرطة شبكة تهريب دولية، وذكرت قناة تلفزيونية محلية ذلك.", {}),
        ("ونقلت صحيفة الشرق الأوسط عن قناة 12 العبرية أن", {}),
        # a term of office in construct with its holder: two words, not a noun and its adjective
        ("وتراجع الدعم خلال رئاسة ماركوس هيلمان، بحسب مسؤولين.", {"ماركوس هيلمان": "after 'رئاسة'"}),
        ("وفي عهد عادل سليمان تغير الموقف.", {"عادل سليمان": "after 'عهد'"}),
        ("وفي عهد ياسر عرفات تغيرت الأمور.", {"ياسر عرفات": "after 'عهد'"}),
        ("وتولى إدارة مشروع كبير، ثم إدارة ملفات حساسة، ثم إدارة حوار وطني.", {}),
        ("وعهد إليه الرئيس بالملف في عهد جديد، وانتقد سوء إدارة أموال الدولة.", {}),
        # the one appointed, between the word of appointing and the office in the accusative
        ("وجرى انتخاب سمير الحلبي نائبا لرئيس المجلس.", {"سمير الحلبي": "before 'نائبا'"}),
        ("وتقرر تعيين ماهر عطا الله سفيرا.", {"ماهر عطا الله": "before 'سفيرا'"}),
        ("وقرر المجلس تعيين خبير مستشارا، وتعيين الوزير سفيرا، وانتخاب أعضاء المجلس رئيسا.", {}),
        # a particle carries a name on, past its three words too
        ("وقال الرئيس البرازيلي لولا دا سيلفا للصحفيين إن", {"لولا دا سيلفا": "after 'الرئيس'"}),
        (
            "وأعلن الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا عن خطة.",
            {"لويس إيناسيو لولا دا سيلفا": "after 'الرئيس'"},
        ),
        # a name from a verbal noun, without a pronoun
        ("وقالت الوزيرة ابتسام الكردي إن", {"ابتسام الكردي": "after 'الوزيرة'"}),
        # an adverb of time ends a name
        ("والتقى الأمير تشارلز آنذاك بالوفد.", {"تشارلز": "after 'الأمير'"}),
        # الله and بو go on a name
        ("وقال السيد حسن فضل الله إن الاتفاق صامد.", {"حسن فضل الله": "after 'السيد'"}),
        ("وقال الوزير إلياس بو صعب إن الجيش جاهز.", {"إلياس بو صعب": "after 'الوزير'"}),
    ],
)
def test_names_of_outlets_terms_of_office_and_appointments(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


def test_the_written_text_of_more_titles_gives_exactly_its_names() -> None:
    text = (ROOT / "tests" / "fixtures" / "suggestions" / "titles_more.ar.md").read_text(encoding="utf-8")
    shorter = {"وكالة نورسان", "وكالة أنباء دارين", "الأمم المتحدة"}  # in the key, not offered
    assert set(_suggested(text)) == set(NAME_KEY["titles_more.ar.md"]) - shorter


def test_suggestions_are_made_on_the_body_as_annotated() -> None:
    """A registered name is a mention whatever proclitic it has (لبي بي سي), and a name that
    runs on into the mention of a surname (فولوديمر [[…|زيلينسكي]]) is that entity's, not a
    new one; a name before another mention (شي جين بينغ [[…|موسكو]]) is still offered."""
    matcher = _matcher_of(
        {"volodymyr-zelensky": ["فولوديمير زيلينسكي", "زيلينسكي"], "bbc": ["بي بي سي"], "moscow": ["موسكو"]}
    )
    body = "وقالت نائبة معارضة لبي بي سي إن الرئيس فولوديمر زيلينسكي تحدث، وزار الرئيس الصيني شي جين بينغ موسكو."
    expected = {"شي جين بينغ": "after 'الرئيس'"}
    assert _suggested(body, matcher) == expected
    assert _suggested(annotate_body(body, matcher, MD)[0], matcher) == expected
    assert _suggested(body)["فولوديمر زيلينسكي"] == "after 'الرئيس'"  # nothing registered: offered whole


def test_a_word_written_whole_elsewhere_keeps_its_first_letter() -> None:
    """فيدوروف after و (وفيدوروف) shows its ف is its own: ف does not follow و."""
    assert set(_suggested("وقال فيدوروف إن وفيدوروف")) == {"فيدوروف"}
    assert set(_suggested("وقال يونغ إن بيونغ يانغ ولبيونغ يانغ")) == {"يونغ", "بيونغ يانغ"}


def test_a_name_before_the_verbs_object_is_offered_when_it_is_named_again() -> None:
    """After a title that is the subject, two plain words before another noun may be the
    verb's object (بحث الرئيس سبل تعزيز التعاون): they are a name once the text names
    its bearer again as the one who speaks."""
    once = "وسلط الأمين العام للحلف مارت روته الضوء على الخطر."
    assert _suggested(once) == {}
    assert _suggested(once + " وقال روته إن الحلف مستعد.") == {"مارت روته": "after 'الأمين العام'"}
    assert _suggested("وأثارت المساعدة التي تقدمها للرئيس الروسي فلاديمير بوتين قلق الحلفاء.") == {
        "فلاديمير بوتين": "after 'الرئيس'"
    }


def test_a_sentence_opening_word_is_a_name_only_when_capitalised_inside_a_sentence_too() -> None:
    assert _suggested("Tallinn was quiet. Speaking later, he left.") == {}
    assert "Tallinn" in _suggested("Tallinn was quiet. He spoke in Tallinn later.")


def test_registered_names_are_not_suggested() -> None:
    body = annotate("قال الرئيس الروسي فلاديمير بوتين إن بيونغ يانغ حليف، وقال الوزير سيرغي لافروف ذلك.")
    assert _suggested(body, MATCHER) == {"سيرغي لافروف": "after 'الوزير'"}


def test_a_suggestion_shows_its_sentence_shortened_with_mentions_as_text() -> None:
    body = (
        "جملة أولى.\n\nوكان [[russia|روسيا]] قد أعلن في بيان طويل جدا نشره مكتبه الإعلامي صباح اليوم بعد اجتماع"
        " مطول أن الرئيس ألكسندر لوكاشينكو سيزور العاصمة في الأسبوع المقبل ضمن جولة إقليمية تشمل عدة دول مجاورة"
        " أخرى. جملة أخيرة."
    )
    (suggestion,) = suggest_names(body, MATCHER, MD)
    assert suggestion.name == "ألكسندر لوكاشينكو" and suggestion.count == 1
    sentence = suggestion.sentence
    assert sentence.startswith("…") and sentence.endswith("…") and "ألكسندر لوكاشينكو" in sentence
    assert len(sentence) <= 102 and "[[" not in sentence and "جملة" not in sentence
    (short,) = suggest_names("[[russia|روسيا]] قالت إن الرئيس ألكسندر لوكاشينكو سيزورها.", MATCHER, MD)
    assert short.sentence == "روسيا قالت إن الرئيس ألكسندر لوكاشينكو سيزورها."


def _sample_texts() -> list[tuple[str, str, list[str]]]:
    articles = []
    for path in sorted((ROOT / "content" / "articles").glob("*.md")):
        parts = split(path.read_text(encoding="utf-8"), path.name, Diagnostics())
        assert parts is not None
        articles.append((path.name, parts.body, path.name.split(".")[-2]))
    return [(label, body, NAME_KEY[label]) for label, body in article_texts(articles, REGISTRY.entities)]


def _scraped(paths: list[Path]) -> list[tuple[str, str, list[str]]]:
    texts = scraped_texts([(p.name, p.read_text(encoding="utf-8")) for p in paths])
    return [(label, body, NAME_KEY[label]) for label, body in texts]


def test_suggestions_on_the_sample_are_names() -> None:
    """Every name of the sample's articles is a candidate when nothing is registered; with
    the sample's registry, nothing wrong is left (bench/suggestion_precision.py prints both)."""
    texts = _sample_texts()
    alone = score_suggestions(texts, NOBODY, MD)
    assert alone.precision >= 0.95 and alone.suggested >= 50, alone.wrong
    assert alone.recall >= 0.5
    assert score_suggestions(texts, MATCHER, MD).wrong == ()


def test_suggestions_on_the_written_texts_are_names() -> None:
    """The texts written for these tests (tests/fixtures/suggestions/*.md): names after role
    phrases, role phrases with no name or with the verb's object after them, names that
    begin with a proclitic's letter."""
    paths = sorted((ROOT / "tests" / "fixtures" / "suggestions").glob("*.md"))
    texts = [(p.name, p.read_text(encoding="utf-8"), NAME_KEY[p.name]) for p in paths]
    assert len(texts) >= 6
    for matcher in (NOBODY, MATCHER):
        result = score_suggestions(texts, matcher, MD)
        assert result.precision >= 0.9 and result.recall >= 0.4, result.wrong


def test_suggestions_on_the_importers_texts_are_names() -> None:
    texts = _scraped(sorted((ROOT / "tests" / "fixtures" / "scrape").glob("*.txt")))
    for matcher in (NOBODY, MATCHER):
        result = score_suggestions(texts, matcher, MD)
        assert result.precision >= 0.95 and result.suggested >= 3, result.wrong


def test_suggestions_on_the_scraped_seeds_are_names() -> None:
    texts = _scraped([seed_path(name) for name in SEEDS])
    alone = score_suggestions(texts, NOBODY, MD)
    assert alone.precision >= 0.95 and alone.suggested >= 15, alone.wrong
    assert score_suggestions(texts, MATCHER, MD).wrong == ()


# -- command line ------------------------------------------------------------------


def _project_with_plain_article(scratch: Project) -> Path:
    article = scratch.content_dir / "articles" / "2024-10-29-plain.ar.md"
    article.write_text(
        "---\ntitle: روسيا\ndate: 2024-10-29\n---\nقال الرئيس الروسي فلاديمير بوتين إن روسيا "
        "لن تتراجع، وقال الوزير سيرغي لافروف ذلك.\n",
        encoding="utf-8",
    )
    return article


def test_cli_dry_run_prints_a_diff_and_writes_nothing(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project_with_plain_article(scratch)
    before = article.read_bytes()
    assert main(["--root", str(scratch.root), "annotate", "--dry-run", str(article)]) == 0
    out = capsys.readouterr().out
    assert "+قال الرئيس الروسي [[vladimir-putin|فلاديمير بوتين]] إن [[russia|روسيا]]" in out
    names = out.split("likely unregistered names (add one with --new-entity ID NAME):\n")[1]
    assert names.startswith(
        "    1  سيرغي لافروف  (after 'الوزير')\n"
        "       content/articles/2024-10-29-plain.ar.md: قال الرئيس الروسي فلاديمير بوتين إن روسيا لن تتراجع،"
        " وقال الوزير سيرغي لافروف ذلك.\n"
    )
    assert article.read_bytes() == before


def test_cli_annotates_in_place_and_a_second_run_changes_nothing(
    scratch: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    article = _project_with_plain_article(scratch)
    assert main(["--root", str(scratch.root), "annotate", str(article)]) == 0
    first = article.read_text(encoding="utf-8")
    assert "[[russia|روسيا]]" in first and first.startswith("---\ntitle: روسيا\n")
    assert "content/articles/2024-10-29-plain.ar.md: added 2 mentions\n" in capsys.readouterr().out
    assert main(["--root", str(scratch.root), "annotate"]) == 0
    assert article.read_text(encoding="utf-8") == first
    assert capsys.readouterr().out.endswith("annotated 7 files: nothing to add\n")


def test_cli_new_entity_writes_a_stub_and_uses_it(scratch: Project, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project_with_plain_article(scratch)
    code = main(
        ["--root", str(scratch.root), "annotate", "--new-entity", "sergei-lavrov", "سيرغي لافروف", str(article)]
    )
    assert code == 0
    stub = scratch.content_dir / "entities" / "sergei-lavrov.yaml"
    assert 'name: {ar: "سيرغي لافروف"}' in stub.read_text(encoding="utf-8")
    assert "[[sergei-lavrov|سيرغي لافروف]]" in article.read_text(encoding="utf-8")
    assert main(["--root", str(scratch.root), "check"]) == 0
    assert main(["--root", str(scratch.root), "annotate", "--new-entity", "sergei-lavrov", "x"]) == 1
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a place after its noun, without the noun; camps, events, awards, organisations with it
        ("وقصفت الطائرات قرية بيت زمران شمال المدينة.", {"بيت زمران": "after 'قرية'"}),
        ("ووصل الوفد إلى مدينة القدس المحتلة صباح اليوم.", {"القدس": "after 'مدينة'"}),
        ("وانطلقت القمة في ولاية كاليفورنيا.", {"كاليفورنيا": "after 'ولاية'"}),
        ("ويقع مخيم عين الحلوة قرب الساحل.", {"مخيم عين الحلوة": "named with 'مخيم'"}),
        ("وفاز الشاعر بجائزة نوبل للآداب.", {"جائزة نوبل": "named with 'جائزة'"}),
        ("واحتفل الأهالي بعيد الفطر.", {"عيد الفطر": "named with 'عيد'"}),
        ("وقال حزب الله إن مقاتليه ردوا.", {"حزب الله": "named with 'حزب'"}),
        ("ونقل الجرحى إلى مستشفى سلوان الحكومي.", {"مستشفى سلوان الحكومي": "named with 'مستشفى'"}),
        ("وتجمعوا في ساحة العمري أمس.", {"ساحة العمري": "named with 'ساحة'"}),
        # common nouns and adjectives after those nouns
        ("وافتتحت شركة كبيرة فرعا في مدينة جديدة، وعقد مؤتمر صحفي.", {}),
        ("وتسببت حركة المرور في تأخير الوفود، واجتمع مجلس إدارة الشركة.", {}),
        ("وتقع المدينة المنورة في الحجاز، وبنيت المدينة الجديدة قرب النهر.", {}),
        ("وتعمل شركة تعمل في مجال الطاقة، وأصدرت جمعية خيرية بيانا.", {}),
        ("ونظمت هيئة الرقابة الإدارية حملة، ونقلوا إلى مستشفى ميداني في منطقة عسكرية.", {}),
        ("وهبطت الطائرة في مطار رفيق الحريري الدولي، وأعلنت حركة المستقبل الجديد موقفها.", {}),
        ("ولا يمكن أن يكون هناك مجلس مشترك، وألغي مجلس روسيا-الناتو.", {}),
        # a person named by a verb of saying, without a title
        ("وقال سامر حداد إن الأسعار ارتفعت.", {"سامر حداد": "after 'وقال'"}),
        ("وقالت ريم الخطيب إن الوضع صعب.", {"ريم الخطيب": "after 'وقالت'"}),
        ("وقال مصدر مسؤول إن الاتفاق قريب، وقالت مصادر محلية إن القصف استمر.", {}),
        ("وقال شهود عيان إن الانفجار كان قويا، وقال ترامب أمس إن الصفقة جيدة.", {}),
        ("وقالت فرنسا وبريطانيا إن الحل سياسي، وقال ناشط محلي إن الطريق مغلق.", {}),
        # a chain of names ends in a family name
        ("وقالت الأستاذة فدوى عبدالله العبيد إن", {"فدوى عبدالله العبيد": "after 'الأستاذة'"}),
        # verbal nouns and plurals with a doubled ي are not transliterations
        ("وأعلن المجلس تعيينه، وبدأت الحملة بتنظيف الشوارع لتبدو أجمل وفق المعايير بعد تغييره.", {}),
    ],
)
def test_names_after_place_event_and_organisation_nouns_and_speech_verbs(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


def test_a_place_mentioned_after_the_noun_of_what_is_named_after_it() -> None:
    matcher = _matcher_of({"jerash": ["جرش"]})
    body = "وقال مدير مستشفى جرش الحكومي إن الحالات مستقرة."
    assert _suggested(body, matcher) == {"مستشفى جرش الحكومي": "named with 'مستشفى'"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a governor and the place he governs, then the name
        ("وقال محافظ حمص سامي الخطيب إن الطريق فتح.", {"سامي الخطيب": "after 'محافظ'"}),
        # a family name before an object, named again alone as a speaker
        (
            "ونقل النائب فادي الخوالدة رسالة من الأهالي. وقال الخوالدة إن المطالب واضحة.",
            {"فادي الخوالدة": "after 'النائب'"},
        ),
        # a title in apposition after an adjective, and the outlet spoken to
        (
            "وقال مدير المستشفى الميداني الدكتور ماهر العلي لصحيفة محلية إن الحالات مستقرة.",
            {"ماهر العلي": "after 'الدكتور'"},
        ),
        # a name in quotation marks after the noun of an organisation, read whole (not ب + لدى)
        ("ونظمت حركة “بلدنا” الأمسية.", {"بلدنا": "in quotation marks after 'حركة'"}),
        ('ونظمت حركة "بلدي" الأمسية.', {"بلدي": "in quotation marks after 'حركة'"}),
        # a relative pronoun ends the name of an event
        ("وانطلق مهرجان زهرة الربيع الذي تنظمه البلدية.", {"مهرجان زهرة الربيع": "named with 'مهرجان'"}),
        # not: a group noun that speaks, a family name with no other sign
        ("واستقبل الوزير خالد الوفد في مكتبه، وقال الوفد إن اللقاء مثمر.", {}),
        ("واستقبل الوزير خالد الوفد في مكتبه.", {}),
        ("ورحب ولي العهد رئيس مجلس الوزراء، وقادة دول الجوار، بالضيوف.", {}),
    ],
)
def test_names_after_a_governor_an_apposition_and_named_again(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


def test_the_outlet_spoken_to_may_be_a_mention() -> None:
    matcher = _matcher_of({"petra": ["وكالة الأنباء الأردنية"]})
    body = "وقال مدير الدائرة المركزية الدكتور سامر العلي لوكالة الأنباء الأردنية إن العمل مستمر."
    assert _suggested(body, matcher) == {"سامر العلي": "after 'الدكتور'"}


def _places(*names: str) -> Matcher:
    entities = {
        f"place-{n}": Entity("", f"place-{n}", "place", Localized.of({"ar": name}), (), None, None, Position("t"))
        for n, name in enumerate(names)
    }
    return Matcher(entities)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # two registered places in the list: the others are places too
        (
            "وستجري الانتخابات في بلديات هي زوارة وكابو وغدامس وتيرمين.",
            {"كابو": "listed with 'زوارة'", "تيرمين": "listed with 'زوارة'"},
        ),
        # one registered place after في كل من; a first item of two words, definite items
        (
            "وأعلنت اللجنة النتائج في كل من بئر الغنم، وغدامس، والقويعة، وتمرزين، مشيرة إلى ارتفاع الإقبال.",
            {"بئر الغنم": "listed with 'غدامس'", "القويعة": "listed with 'غدامس'", "تمرزين": "listed with 'غدامس'"},
        ),
        # any list after a plural noun of places
        (
            "وقصفت الطائرات أطراف بلدات سلوى وعين زيتا وكفر تل.",
            {"سلوى": "listed after 'بلدات'", "عين زيتا": "listed after 'بلدات'", "كفر تل": "listed after 'بلدات'"},
        ),
        # not: common nouns, a verb, a noun and its adjective, وغيرها, one place alone
        ("وزار الوفد زوارة وغدامس والمنطقة ودول الجوار والمنظمات الدولية.", {}),
        ("وزار الوفد زوارة وغدامس وأجرى محادثات، ثم زوارة وغدامس وغيرها من المدن.", {}),
        ("وزار الوفد زوارة وتيرمين.", {}),
        # a clause that begins after the list: a verb, with or without its object
        ("وزار الوفد زوارة وغدامس وتفقد المشاريع، ثم زوارة وغدامس وعاد.", {}),
        ("وزار الوفد زوارة وغدامس وافتتح المدرسة الجديدة.", {}),
        ("وانتشرت الحرائق في مناطق واسعة، وفي مناطق ومدن عديدة.", {}),
        # after a plural noun of things, its feminine adjectives and common nouns
        ("وشاركت دول عربية وأجنبية، وتقع في مدن كبيرة وصغيرة، وفي قرى نائية ومعزولة.", {}),
        ("وتضررت بلدات حدودية، ومنازل.", {}),
    ],
)
def test_places_in_a_list_with_other_places(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body, _places("زوارة", "غدامس")) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an abbreviation used as an adjective, as a nation's is
        ("We remember the victims despite UK pressure and EU threats.", {}),
        ("وكتب في تغريدة: We remember the victims despite UK pressure.", {}),
        # before a verb, and a name in a sentence or a line of names, it is offered
        ("The UN said the talks would resume.", {"UN": "capitalised name"}),
        ("وأطلق حساب يحمل اسم Silent Owl حملة جديدة.", {"Silent Owl": "capitalised name"}),
        (
            "ومن مواقعه:\n\nBlue Harbor, Red Valley\n\nوهي مواقع إخبارية.",
            {"Blue Harbor": "capitalised name", "Red Valley": "capitalised name"},
        ),
    ],
)
def test_an_abbreviation_used_as_an_adjective_is_no_name(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وأعلنت وزارة الصحة الفلسطينية أن الحصيلة ارتفعت.", {"وزارة الصحة الفلسطينية": "named with 'وزارة'"}),
        ("وقال المتحدث باسم الخارجية التونسية إن الوفد وصل.", {"الخارجية التونسية": "a ministry and its state"}),
        ("وأكدت الدفاع الروسية أن الهجوم صد.", {"الدفاع الروسية": "a ministry and its state"}),
        # an adjective of a definite noun, a noun in construct, an adjective of titles
        ("وتغيرت السياسة الخارجية المصرية، ووقعت منظمة الصحة العالمية الاتفاق.", {}),
        ("وقال وزير الخارجية المصرية إن، وعقدت وزارة الخارجية الرسمية لقاء.", {}),
        ("ويهدف البرنامج إلى تعزيز الصحة النفسية للأطفال.", {}),
        ("وأعلنت الخارجية الليبية أن السفير غادر.", {"الخارجية الليبية": "a ministry and its state"}),
    ],
)
def test_ministries_named_by_a_noun_and_its_state(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected


def test_a_ministrys_state_of_two_words() -> None:
    body = "واستدعت وزارة الخارجية الكورية الشمالية السفير."
    assert _suggested(body) == {"وزارة الخارجية الكورية الشمالية": "named with 'وزارة'"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("ووقع الحادث على مثلث الرمانة قرب الجسر.", {"الرمانة": "after 'مثلث'"}),
        ("وازدحم السير عند مثلث سلمى صباحا.", {"سلمى": "after 'مثلث'"}),
        ("وأصيب بدوار شديد بعد الحادث.", {}),
        ("وأحيا الحفل عمو “بطوط” للأطفال.", {"عمو بطوط": "a nickname in quotation marks"}),
        ('ونقلت الرسالة لأبو "سمير" أمس.', {"أبو سمير": "a nickname in quotation marks"}),
        # a quoted common word after a word of kin that is no nickname's is still none
        ('وقالت الأم "شكرا" للجميع.', {}),
    ],
)
def test_places_at_junctions_and_nicknames_after_words_of_kin(body: str, expected: dict[str, str]) -> None:
    assert _suggested(body) == expected
