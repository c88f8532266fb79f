"""``bench/import_accuracy.py`` on two invented Arabic articles: the rates it prints are the right ones.

The key is written so that the outcomes do not hang on fine points of the importer: the
second article's key gives as its first sentence the start of its *second* paragraph (so
its start must fail), lists a body line's opening words as furniture (must count as left)
and a word that only occurs inside a sentence (must not), and gives a printed date that
its text does not have (missing).

The other tests score source, tags, mentions and name suggestions on a third invented
article, and dates that a page's address gives (a day, or a month only).
"""

from __future__ import annotations

import importlib.util
import re
import sys

import yaml

from .conftest import ROOT

ARTICLE_1 = """افتتاح مكتبة جديدة في مدينة النخيل
الأحد 12 مايو 2024 10:30 ص
افتتحت بلدية مدينة النخيل اليوم الأحد مكتبة عامة جديدة تضم أكثر من عشرة آلاف كتاب في وسط المدينة.
وقال رئيس البلدية إن المكتبة ستفتح أبوابها للزوار طوال أيام الأسبوع من الصباح حتى المساء.
"""

ARTICLE_2 = """أعلن نادي الرمال الرياضي فوزه ببطولة الشباب لكرة الطائرة بعد مباراة نهائية مثيرة.
وأضاف مدرب الفريق أن اللاعبين قدموا أداء رائعا طوال الموسم.
"""

KEY = {
    "pages": [
        {
            "id": "synth-01",
            "url": "https://example.invalid/1",
            # tatweel and a damma that the page does not have: equal after normalisation
            "headline": "افتتـاح مكتبةٌ جديدة في مدينة النخيل",
            "published": "الأحد 12 مايو 2024 10:30 ص",
            "published_iso": "2024-05-12T10:30",
            "first_sentence": "افتتحت بلدية مدينة النخيل اليوم الأحد مكتبة عامة جديدة",
            "last_sentence": "طوال أيام الأسبوع من الصباح حتى المساء.",
            "furniture": [{"text": "اقرأ أيضاً", "kind": "related"}],
            "embeds": [],
        },
        {
            "id": "synth-02",
            "url": "https://example.invalid/2",
            "headline": None,
            "published": "السبت 1 يونيو 2024",
            "published_iso": "2024-06-01",
            "first_sentence": "وأضاف مدرب الفريق أن اللاعبين",
            "last_sentence": "قدموا أداء رائعا طوال الموسم.",
            "furniture": [
                {"text": "وأضاف مدرب الفريق", "kind": "other"},
                {"text": "الرياضي", "kind": "section"},
            ],
            "embeds": [],
        },
        {"id": "synth-03", "url": "https://example.invalid/3", "headline": "لا نص لهذه الصفحة"},
    ]
}


def load_script():
    spec = importlib.util.spec_from_file_location("import_accuracy", ROOT / "bench" / "import_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def row(output: str, name: str) -> tuple[int, int, str]:
    """(scored, correct, rate) of one table row."""
    match = re.search(rf"^{re.escape(name)}\s+(\d+)\s+(\d+)\s+(\S+)$", output, re.M)
    assert match, f"no row {name!r} in:\n{output}"
    return int(match[1]), int(match[2]), match[3]


def test_rates_on_two_invented_articles(tmp_path, capsys):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "synth-01.txt").write_text(ARTICLE_1, encoding="utf-8")
    (texts / "synth-02.txt").write_text(ARTICLE_2, encoding="utf-8")
    key = tmp_path / "key.yaml"
    key.write_text(yaml.safe_dump(KEY, allow_unicode=True), encoding="utf-8")

    assert load_script().main([str(texts), str(key), "--show", "synth-02"]) == 0
    out = capsys.readouterr().out

    assert "2 pages scored; 1 key entries without a text" in out
    assert row(out, "title") == (1, 1, "100.0%")
    assert row(out, "start") == (2, 1, "50.0%")
    assert row(out, "end") == (2, 2, "100.0%")
    assert row(out, "no furniture") == (2, 1, "50.0%")
    assert "furniture lines left: 1 (5.0 per 10 articles)" in out
    assert row(out, "date exact") == (2, 1, "50.0%")
    assert row(out, "date same day") == (2, 1, "50.0%")
    assert "dates (printed): exact 1, date-only 0, wrong 0, missing 1; invented zone 0" in out
    assert "mentions                   no mention key" in out
    assert "embeds" not in re.findall(r"^(\w+)\s+\d+", out, re.M)  # no entry has embeds
    # the failing list names the page and shows what the body starts with
    assert re.search(r"^start: 1 failing\n  synth-02: got «أعلن نادي الرمال الرياضي", out, re.M)
    assert re.search(r"^  synth-02: 1 left: «وأضاف مدرب الفريق»", out, re.M)
    assert re.search(r"^  synth-02: missing: got none, key 2024-06-01$", out, re.M)
    # --show numbers the parsed paragraphs
    assert "== synth-02" in out and "[2] وأضاف مدرب الفريق" in out


def test_only_scores_one_entry(tmp_path, capsys):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "synth-01.txt").write_text(ARTICLE_1, encoding="utf-8")
    (texts / "synth-02.txt").write_text(ARTICLE_2, encoding="utf-8")
    key = tmp_path / "key.yaml"
    key.write_text(yaml.safe_dump(KEY, allow_unicode=True), encoding="utf-8")

    assert load_script().main([str(texts), str(key), "--only", "synth-01"]) == 0
    out = capsys.readouterr().out
    assert "1 pages scored" in out
    assert row(out, "start") == (1, 1, "100.0%")
    assert row(out, "date exact") == (1, 1, "100.0%")


def test_date_comparison():
    script = load_script()
    assert script.compare_dates("2024-05-12T10:30:00", "2024-05-12T10:30") == ("exact", False)
    assert script.compare_dates("2024-05-12", "2024-05-12T10:30") == ("date-only", False)
    assert script.compare_dates("2024-05-12T10:30:00+03:00", "2024-05-12T10:30") == ("date-only", True)
    assert script.compare_dates("2024-05-12T10:30:00+03:00", "2024-05-12T10:30:00+03:00") == ("exact", False)
    assert script.compare_dates("2024-05-13", "2024-05-12") == ("wrong", False)
    assert script.compare_dates(None, "2024-05-12") == ("missing", False)
    # a key that knows the month only is met by no date, and any day is a day made up
    assert script.compare_dates(None, "2007-11") == ("exact", False)
    assert script.compare_dates("2007-11-03", "2007-11") == ("wrong", False)


# A festival report with a source line, a tag line, four names of a registry and two names
# it lacks. Its key is written to give every outcome once: مدينة النخيل is said three
# times but keyed twice (one found too many), دار الساحل للنشر once but keyed three times
# (two not found); خالد المنصوري (after a title, before قال's إن) is suggested, وادي السدر
# (no cue) is not, and فهد العتيبي, left out of the key, is a wrong suggestion.
ARTICLE_3 = (
    "مهرجان الرمال للكتاب يفتتح أبوابه للزوار\n"
    "المصدر: وكالة النخيل للأنباء\n"
    "افتتح محافظ مدينة النخيل سالم الحارثي اليوم مهرجان الرمال للكتاب في مدينة النخيل.\n"
    "وقال وزير الثقافة خالد المنصوري إن المهرجان يستقبل زوارا من مدينة النخيل ومن وادي السدر، "
    "وأضاف رئيس اللجنة المنظمة فهد العتيبي أن دار الساحل للنشر تشارك للمرة الأولى.\n"
    "وأكد الحارثي أن المهرجان سيقام كل عام.\n"
    "كلمات دلالية: مهرجان الرمال، الكتاب\n"
)

SOURCE_KEY = {
    "pages": [
        # no source or tags printed, none keyed: right
        {"id": "synth-01", "url": "https://example.invalid/1", "source": None, "tags": []},
        # a source and a tag keyed that the text does not print: both wrong
        {"id": "synth-02", "url": "https://example.invalid/2", "source": "نادي الرمال", "tags": ["رياضة"]},
        {
            "id": "synth-10",
            "url": "https://example.invalid/10",
            "source": "وكالة النخيل للأنباء",
            "tags": ["الكتاب", "مهرجان الرمال"],  # order does not matter
        },
        {"id": "synth-11", "url": "https://example.invalid/11"},  # keyed mentions, no text
    ]
}

MENTIONS = {
    "pages": {
        "synth-10": [
            {"id": "nakheel-city", "type": "place", "names": ["مدينة النخيل"], "count": 2},
            {"id": "salem-alharthi", "type": "person", "names": ["سالم الحارثي", "الحارثي"], "count": 2},
            {"id": "sahel-house", "type": "organization", "names": ["دار الساحل للنشر"], "count": 3},
            {"id": "khaled-almansouri", "type": "person", "names": ["خالد المنصوري"], "count": 1, "registered": False},
            {"id": "wadi-alsidr", "type": "place", "names": ["وادي السدر"], "count": 1, "registered": False},
        ],
        "synth-11": [{"id": "nakheel-city", "type": "place", "names": ["مدينة النخيل"], "count": 1}],
        "other-set-01": [{"id": "nakheel-city", "type": "place", "names": ["مدينة النخيل"], "count": 9}],
    }
}


def write_set(tmp_path, key: dict, texts: dict[str, str], mentions: dict | None = None):
    folder = tmp_path / "texts"
    folder.mkdir()
    for pid, text in texts.items():
        (folder / f"{pid}.txt").write_text(text, encoding="utf-8")
    key_path = tmp_path / "key.yaml"
    key_path.write_text(yaml.safe_dump(key, allow_unicode=True), encoding="utf-8")
    if mentions is not None:
        (tmp_path / "mentions.yaml").write_text(yaml.safe_dump(mentions, allow_unicode=True), encoding="utf-8")
    return folder, key_path


def test_source_tags_mentions_and_suggestions(tmp_path, capsys):
    texts, key = write_set(
        tmp_path, SOURCE_KEY, {"synth-01": ARTICLE_1, "synth-02": ARTICLE_2, "synth-10": ARTICLE_3}, MENTIONS
    )
    assert load_script().main([str(texts), str(key)]) == 0  # mentions.yaml beside the key is read
    out = capsys.readouterr().out

    assert row(out, "source") == (3, 2, "66.7%")
    assert row(out, "source named") == (2, 1, "50.0%")
    assert row(out, "tags") == (3, 2, "66.7%")
    assert row(out, "tags listed") == (2, 1, "50.0%")
    assert re.search(r"^  synth-02: got «none», key «نادي الرمال»$", out, re.M)
    assert re.search(r"^  synth-02: missing \['رياضة'\], extra \[\]$", out, re.M)
    # mentions: found 3 + 2 + 1, right 2 + 2 + 1, keyed 2 + 2 + 3
    assert "mentions P/R               precision 0.833 (5/6), recall 0.714 (5/7) on 1 pages" in out
    assert "suggestions P/R            precision 0.500 (1/2), recall 0.500 (1/2) of the names the registry lacks" in out
    assert "mentions key pages without a text: synth-11" in out
    assert "  synth-10: precision 0.833 (5/6), recall 0.714 (5/7)" in out
    assert re.search(r"^    nakheel-city: found 3, key 2: …محافظ \[مدينة النخيل\] سالم…", out, re.M)
    assert re.search(r"^    sahel-house: found 1, key 3: …أن \[دار الساحل للنشر\] تشارك…$", out, re.M)
    assert "salem-alharthi:" not in out  # found as often as keyed
    assert re.search(r"^suggestions: 1 wrong\n  synth-10: «فهد العتيبي» \(", out, re.M)
    assert re.search(r"^suggestions: 1 names not suggested\n  synth-10: wadi-alsidr «وادي السدر»$", out, re.M)


def test_mentions_file_given_or_absent(tmp_path, capsys):
    texts, key = write_set(tmp_path, SOURCE_KEY, {"synth-10": ARTICLE_3})
    script = load_script()
    assert script.main([str(texts), str(key)]) == 0
    assert "mentions                   no mention key" in capsys.readouterr().out
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(yaml.safe_dump(MENTIONS, allow_unicode=True), encoding="utf-8")
    assert script.main([str(texts), str(key), "--mentions", str(elsewhere)]) == 0
    out = capsys.readouterr().out
    assert "mentions P/R               precision 0.833 (5/6), recall 0.714 (5/7) on 1 pages" in out


DATED_BY_URL = {
    "pages": [
        # the address gives a month only and the text prints no date: no date is right
        {
            "id": "synth-20",
            "url": "https://example.invalid/2023/09/festival",
            "published": None,
            "published_iso": "2023-09",
        },
        # a day, whatever its source, against a month-only key is a day made up
        {
            "id": "synth-21",
            "url": "https://example.invalid/2023/09/festival-2",
            "published": None,
            "published_iso": "2023-09",
        },
        # the address gives the day: the importer reads it (the scorer passes the url)
        {
            "id": "synth-22",
            "url": "https://example.invalid/2024/03/05/festival-3",
            "published": None,
            "published_iso": "2024-03-05",
        },
    ]
}


def test_month_only_dates_from_the_address(tmp_path, capsys):
    texts, key = write_set(
        tmp_path,
        DATED_BY_URL,
        {"synth-20": ARTICLE_2, "synth-21": "السبت 2 سبتمبر 2023\n" + ARTICLE_2, "synth-22": ARTICLE_2},
    )
    assert load_script().main([str(texts), str(key)]) == 0
    out = capsys.readouterr().out
    assert row(out, "date month only (no day)") == (2, 1, "50.0%")
    assert re.search(
        r"^date month only \(no day\): 1 failing\n  synth-21: a day made up: got 2023-09-02, "
        r"the key gives the month 2023-09 only$",
        out,
        re.M,
    )
    assert row(out, "date exact (from URL)") == (1, 1, "100.0%")
    assert row(out, "date same day (from URL)") == (1, 1, "100.0%")
    assert "dates (printed): exact 0, date-only 0, wrong 0, missing 0; invented zone 0" in out


def test_an_embed_shown_only_as_a_placeholder_is_kept_when_its_address_is_reported():
    script = load_script()
    from digest.editor.scrape import parse_scraped

    url = "https://x.com/i/web/status/1234567890"
    notice = f"{url} This post can't be displayed because social networks cookies have been deactivated."
    body = "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره بحث فيه تطورات الأوضاع في المنطقة.\n\n"
    reported = parse_scraped(f"عنوان تجريبي للخبر\n\n{body}{notice}\n", "t.txt")
    silent = parse_scraped(f"عنوان تجريبي للخبر\n\n{body}\n", "t.txt")
    embeds = [{"url": url, "handle": None, "shown": "placeholder"}]
    expected = (True, "0 posts for 0 embeds with text; 1 of 1 placeholders reported")
    assert script.score_embeds(embeds, reported) == expected
    assert script.score_embeds(embeds, silent)[0] is False
    with_post = [*embeds, {"handle": "@someone"}]
    assert script.score_embeds(with_post, reported)[0] is False


def test_a_subheading_listed_with_the_furniture_is_not_counted_as_left():
    script = load_script()
    from digest.editor.scrape import parse_scraped

    text = (
        "عنوان تجريبي للخبر\n\nقال الوزير إن الاجتماع كان مثمرا وإن الحوار سيستمر.\n\n"
        "الصحف المحلية\n\nوأضاف أن الجانبين اتفقا.\n"
    )
    scraped = parse_scraped(text, "t.txt")
    furniture = [{"text": "الصحف المحلية", "kind": "subheading"}]
    report = script.Report()
    script.score_page(report, {"id": "x", "furniture": furniture}, scraped)
    assert "no furniture" not in report.fields and report.furniture_left == 0
    report = script.Report()
    script.score_page(report, {"id": "x", "furniture": [{"text": "الصحف المحلية", "kind": "other"}]}, scraped)
    assert report.furniture_left == 1 and report.fields["no furniture"].correct == 0
