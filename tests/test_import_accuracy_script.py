"""``bench/import_accuracy.py`` on two invented Arabic articles: the rates it prints are the right ones.

The key is written so that the outcomes do not hang on fine points of the importer: the
second article's key gives as its first sentence the start of its *second* paragraph (so
its start must fail), lists a body line's opening words as furniture (must count as left)
and a word that only occurs inside a sentence (must not), and gives a printed date that
its text does not have (missing).
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
    assert script.compare_dates("2007-11-03", "2007-11") == ("date-only", False)
