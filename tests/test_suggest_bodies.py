"""Where a suggested name begins and ends: public bodies by their kind, rank or state and purpose; a
conjoined nisba is no family name; a phrase of place after a place's name and a verb after a title
are not part of a name."""

from __future__ import annotations

import pytest

from .test_annotate import _suggested

BODY = "a public body and its purpose"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقرر الاتحاد الفلسطيني لكرة القدم نقل المباريات.", "الاتحاد الفلسطيني لكرة القدم"),
        ("وحذرت الرئاسة العامة للأرصاد وحماية البيئة من الأمطار.", "الرئاسة العامة للأرصاد وحماية البيئة"),
        ("وأكدت الهيئة العامة للطيران المدني استئناف الرحلات.", "الهيئة العامة للطيران المدني"),
        ("وقال رئيس المؤسسة الوطنية للنفط إن الإنتاج ارتفع.", "المؤسسة الوطنية للنفط"),
        ("وأعلنت اللجنة المركزية لانتخابات المجالس البلدية النتائج.", "اللجنة المركزية لانتخابات المجالس البلدية"),
        ("وأعلنت الشركة السعودية للكهرباء انقطاع التيار.", "الشركة السعودية للكهرباء"),
        ("وقال متحدث باسم والهيئة العامة للطيران المدني إن الرحلات عادت.", "الهيئة العامة للطيران المدني"),
    ],
)
def test_a_body_named_by_its_kind_an_adjective_and_its_purpose_is_suggested(text: str, name: str) -> None:
    assert _suggested(text).get(name) == BODY


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الشركة الوطنية إن الأرباح تراجعت.",  # no purpose: a description
        "وعقدت اللجنة الفنية للمشروع اجتماعها.",  # an adjective of its work
        "ودعا المركز الإعلامي للحكومة الصحفيين.",
        "وقال الاتحاد لكرة القدم إن المباراة تأجلت.",  # no adjective
        "وعقدت اللجنة الفلسطينية اجتماعا لبحث الأوضاع.",
    ],
)
def test_a_description_of_a_body_is_not_suggested(text: str) -> None:
    assert BODY not in _suggested(text).values()


def test_the_purpose_ends_where_the_sentence_goes_on() -> None:
    found = _suggested("وقرر الاتحاد الفلسطيني لكرة القدم مؤخرا نقل المباريات.")
    assert found == {"الاتحاد الفلسطيني لكرة القدم": BODY}


def test_a_nisba_after_and_is_another_phrase_not_a_family_name() -> None:
    found = _suggested("تقبل الرئيس أوراق اعتماد الإيراني مهدي سبحاني والفلسطيني سمير الرفاعي سفيرين.")
    assert "مهدي سبحاني" in found and not any("والفلسطيني" in name for name in found)


def test_a_place_name_ends_before_a_phrase_of_place() -> None:
    found = _suggested("وشعر سكان منازل في منطقة تشانكايا بالقرب من مبنى التلفزيون بالهزات.")
    assert found == {"تشانكايا": "after 'منطقة'"}
    assert _suggested("وأقيم الحفل في مدينة بالتيمور الأمريكية.") == {"بالتيمور": "after 'مدينة'"}


def test_a_verb_after_a_title_and_before_its_preposition_is_not_a_name() -> None:
    assert _suggested("إن الملكة تنضم إلي لنعبر لكم عن صداقتنا.") == {}
    assert _suggested("وقال الرئيس يحيى في كلمته.") == {"يحيى": "after 'الرئيس'"}


def test_a_states_mission_is_named_by_its_nisba() -> None:
    assert _suggested("انفجار قرب مقر السفارة الأمريكية في العاصمة كابول.") == {
        "السفارة الأمريكية": "a state's mission abroad"
    }
    assert _suggested("وأرسلت البعثة الدبلوماسية مذكرة.") == {}
    assert _suggested("وأغلقت السفارة العامة أبوابها.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وتجرى المباراة على ملعب بنجامين مكابا مساء اليوم.", "ملعب بنجامين مكابا"),
        ("ونقل المصاب إلى مجمع فلسطين الطبي في رام الله.", "مجمع فلسطين الطبي"),
        ("واستؤنفت المفاوضات حول سد النهضة.", "سد النهضة"),
    ],
)
def test_a_stadium_a_complex_or_a_dam_is_named_after_its_noun(text: str, name: str) -> None:
    assert name in _suggested(text)


def test_shortness_is_no_palace() -> None:
    assert _suggested("ويعاني الطفل من قصر النظر منذ صغره.") == {}
    assert _suggested("وافتتح الوزير مجمع المدارس الجديد.") == {}


def test_a_place_keeps_its_adjective_of_colour_side_or_size() -> None:
    found = _suggested("وتوقعت الهيئة أمطارا في ولاية النيل الأبيض وولاية البحر الأحمر.")
    assert set(found) == {"النيل الأبيض", "البحر الأحمر"}
    assert set(_suggested("وزار الوفد مدينة القدس أمس.")) == {"القدس"}


def test_still_after_a_title_is_no_name() -> None:
    assert _suggested("وقال رئيس الحزب لازال يحظى بالدعم.") == {}
