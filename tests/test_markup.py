"""The body Markdown rules: rendering fixtures, and the facts (positions, context, problems).

Rendering fixtures live in ``tests/fixtures/markup/*.md`` in markdown-it's fixture
format (as in the markdown-it-py and mdit-py-plugins test suites)::

    title of the case
    .
    Markdown input
    .
    expected HTML
    .

Each input is parsed with ``digest.markup.parse_body`` and rendered with the real
page renderer (``digest.markup.bodyhtml.BodyRenderer``) for an Arabic page of an Arabic
body, with the handful of entities defined in ``ENTITIES`` below and the interface
strings of ``templates/i18n/ar.yaml``.

Zero-width joiners (U+200D) are invisible, so the rendered HTML is compared after
``.replace("\\u200d", "{ZWJ}")``: an expected ``{ZWJ}`` in a fixture stands for one
U+200D in the real output. Fixture files hold no ZWJ of their own (editors never
type them); the engine adds them around a mention that splits an Arabic word.

Fixtures whose expected output states the right behaviour but that the engine
does not produce yet are listed in ``KNOWN_BUGS`` (strict xfail, with the reason).
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from markdown_it.utils import read_fixture_file

from digest.diagnostics import Diagnostics
from digest.markup import parse_body
from digest.markup.blocks import BLOCK_KINDS
from digest.markup.bodyhtml import BodyContext, BodyRenderer
from digest.markup.facts import _KIND_FACTS
from digest.model import Article, Body, Entity, Localized, Mention, Position, Quote

from .sitetools import make_article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "markup"
ZWJ = "\u200d"
PATH = "content/articles/2024-10-28-rutte-kursk.ar.md"


def _entity(entity_id: str, kind: str, **names: str) -> Entity:
    return Entity(
        digest="",
        id=entity_id,
        type=kind,
        name=Localized.of(names),
        aliases=(),
        description=None,
        wikidata=None,
        position=Position(f"content/entities/{entity_id}.yaml", 1, 1),
    )


ENTITIES = {
    entity.id: entity
    for entity in (
        _entity("russia", "place", ar="روسيا", en="Russia"),
        _entity("mark-rutte", "person", ar="مارك روته", en="Mark Rutte"),
        _entity("nato", "organization", ar="الناتو", en="NATO"),
        _entity("north-korea", "place", ar="كوريا الشمالية", en="North Korea"),
        _entity("60-minutes", "other", ar="60 دقيقة", en="60 Minutes"),
        # only an English name: an Arabic page shows it, isolated in <bdi>
        _entity("politico", "organization", en="Politico"),
    )
}

KNOWN_BUGS = {
    ("contexts.md", "mention inside a link label renders as a span"): (
        "the link rule parses its label with disableNested=True, and a [[...]] mention (a token starting with '[') "
        "counts as a nested link, so '[text [[id|x]]](url)' is not a link at all; the <span> branch of "
        "bodyhtml._mention is never reached"
    ),
    ("contexts.md", "mention with text inside a table cell"): (
        "the '|' of [[id|text]] splits the table cell: the mention is broken into two cells and reported as "
        "\"unclosed '[['\"; only [[id\\|text]] works"
    ),
    ("contexts.md", "mention inside an image description"): (
        "mentions inside image alt text are dropped from the alt text (renderInlineAsText skips 'mention' "
        "tokens) and are not seen by the facts rule (not recorded, never checked against the entities)"
    ),
}


def _fixtures() -> list[object]:
    params = []
    for file in sorted(FIXTURES.glob("*.md")):
        titles = set()
        for line, title, source, expected in read_fixture_file(file):
            assert title not in titles, f"{file.name}: duplicate fixture title {title!r}"
            titles.add(title)
            marks = []
            reason = KNOWN_BUGS.get((file.name, title))
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            params.append(pytest.param(source, expected, id=f"{file.name}:{line}: {title}", marks=marks))
    return params


def test_known_bugs_name_existing_fixtures() -> None:
    found = {(file.name, case[1]) for file in FIXTURES.glob("*.md") for case in read_fixture_file(file)}
    assert set(KNOWN_BUGS) <= found


STRINGS = yaml.safe_load((ROOT / "templates" / "i18n" / "ar.yaml").read_text(encoding="utf-8"))
CONTEXT = BodyContext(
    body_lang="ar",
    entities=ENTITIES,
    entity_href=lambda entity_id: f"/ar/entities/{entity_id}/",
    strings=STRINGS,
    page_lang="ar",
)
RENDERER = BodyRenderer()


def parse(text: str, first_line: int = 1) -> tuple[Body, list[str]]:
    """Parse a body as the reader does; return it and its diagnostics as printed lines."""
    diags = Diagnostics()
    names = {entity.id: entity.name.pick("ar")[0] for entity in ENTITIES.values()}
    body = RENDERER.prepare(parse_body(RENDERER.md, text, PATH, first_line, diags, names), "ar")
    return body, [d.format() for d in diags]


def article(body: Body) -> Article:
    return make_article(body, position=Position(PATH, 1, 1))


def render(text: str) -> str:
    body, _problems = parse(text)
    return RENDERER.render(article(body), CONTEXT).replace(ZWJ, "{ZWJ}")


@pytest.mark.parametrize(("source", "expected"), _fixtures())
def test_fixture(source: str, expected: str) -> None:
    assert ZWJ not in source and ZWJ not in expected, "write {ZWJ}, not a real U+200D, in fixtures"
    assert render(source) == expected


@pytest.mark.parametrize(("source", "expected"), [pytest.param(*p.values, id=p.id) for p in _fixtures()])
def test_a_body_from_the_cache_renders_as_a_fresh_parse(source: str, expected: str) -> None:
    """The build cache stores prepared bodies (pickled); one loaded from it draws the same page."""
    body, _ = parse(source)
    fresh = RENDERER.render(article(body), CONTEXT)
    cached = pickle.loads(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL))
    assert cached.tokens == ()
    assert BodyRenderer().render(article(cached), CONTEXT) == fresh


def test_rendering_is_the_same_for_every_page_that_asks() -> None:
    """One preparation serves every page: drawing it for another page in between changes nothing,
    and each page gets its own links, titles and labels."""
    body, _ = parse("سبق ل[[russia|روسيا]] و[[mark-rutte]] أن قالا ذلك.\n\n::: quote nato\nنص.\n:::\n")
    first = RENDERER.render(article(body), CONTEXT)
    english = BodyContext("ar", ENTITIES, lambda i: f"/en/entities/{i}/", {}, "en")
    other = RENDERER.render(article(body), english)
    assert RENDERER.render(article(body), CONTEXT) == first
    assert first.count("/ar/entities/") == 3 and "/en/entities/" not in first
    assert other.count("/en/entities/") == 3 and "/ar/entities/" not in other


def test_a_nul_in_the_source_never_becomes_a_slot() -> None:
    """Slots are marked with NUL; the parser turns a NUL of the text into U+FFFD first."""
    body, _ = parse("نص\x00 مع [[russia|روسيا]]\x00\n\n```\ncode\x00\n```\n")
    assert len(body.slots) == 1
    html = RENDERER.render(article(body), CONTEXT)
    assert "\x00" not in html and html.count("\ufffd") == 3


# --- facts: positions, anchors, sentence context -------------------------------------------

FIRST_LINE = 8  # the body starts at line 8 of the file, after six front-matter lines and a blank one

BODY = """\
قال الأمين العام لحلف "[[nato|الناتو]]" [[mark-rutte|مارك روته]] للصحفيين.
وأضاف أن قوات من [[north-korea|كوريا الشمالية]] نُشرت في [[russia|روسيا]]. ودعا ل[[russia|روسيا]] إلى الانسحاب.

- بند أول عن [[nato|الناتو]]
- بند ثان
  يذكر [[mark-rutte|روته]] في سطره الثاني.

> نقلت [[politico|بوليتيكو]] عن مسؤولين
> أن [[north-korea|كوريا الشمالية]] أرسلت قوات.

::: quote mark-rutte
أستطيع أن أؤكد إرسال قوات إلى [[russia|روسيا]].
:::

> - بند عن [[nato|الناتو]]
"""


def test_body_fixture_is_well_formed() -> None:
    _body, problems = parse(BODY, FIRST_LINE)
    assert problems == []


def _mention(entity_id: str, text: str | None, line: int, col: int, anchor: str, before: str, after: str) -> Mention:
    return Mention(entity_id, text, Position(PATH, line, col), anchor, before, after)


def test_mention_positions_and_context() -> None:
    body, _ = parse(BODY, FIRST_LINE)
    # Columns count characters of the file line (the damma in "نُشرت" is one of them).
    assert [replace(m, script=None) for m in body.mentions] == [
        _mention("nato", "الناتو", 8, 24, "m1", 'قال الأمين العام لحلف "', '" مارك روته للصحفيين.'),
        _mention("mark-rutte", "مارك روته", 8, 41, "m2", 'قال الأمين العام لحلف "الناتو" ', " للصحفيين."),
        _mention("north-korea", "كوريا الشمالية", 9, 18, "m3", "وأضاف أن قوات من ", " نُشرت في روسيا."),
        _mention("russia", "روسيا", 9, 58, "m4", "وأضاف أن قوات من كوريا الشمالية نُشرت في ", "."),
        # the clitic stays in the context; the engine's joiners do not
        _mention("russia", "روسيا", 9, 82, "m5", "ودعا ل", " إلى الانسحاب."),
        # list items: the marker and the continuation indent are counted
        _mention("nato", "الناتو", 11, 14, "m6", "بند أول عن ", ""),
        _mention("mark-rutte", "روته", 13, 8, "m7", "بند ثان يذكر ", " في سطره الثاني."),
        # block quote: the '> ' prefix is counted, the two lines are one sentence
        _mention("politico", "بوليتيكو", 15, 8, "m8", "نقلت ", " عن مسؤولين أن كوريا الشمالية أرسلت قوات."),
        _mention("north-korea", "كوريا الشمالية", 16, 6, "m9", "نقلت بوليتيكو عن مسؤولين أن ", " أرسلت قوات."),
        _mention("russia", "روسيا", 19, 31, "m10", "أستطيع أن أؤكد إرسال قوات إلى ", "."),
        # a list inside a block quote
        _mention("nato", "الناتو", 22, 12, "m11", "بند عن ", ""),
    ]


def test_mention_anchors_are_the_rendered_ids() -> None:
    body, _ = parse(BODY, FIRST_LINE)
    html = RENDERER.render(article(body), CONTEXT)
    for mention in body.mentions:
        assert f'data-entity="{mention.entity_id}" id="{mention.anchor}"' in html


def test_quote_position_text_and_anchor() -> None:
    body, _ = parse(BODY, FIRST_LINE)
    # the position is the speaker's id, where an unknown speaker is reported
    assert body.quotes == (Quote("mark-rutte", "أستطيع أن أؤكد إرسال قوات إلى روسيا.", Position(PATH, 18, 11), "q1"),)


def test_several_quotes_and_nested_markdown() -> None:
    body, problems = parse(
        "مقدمة.\n\n::: quote nato\nالفقرة **الأولى**.\n\nالفقرة الثانية عن [[russia|روسيا]].\n:::\n\n"
        "   ::: quote mark-rutte\n   نص ثان.\n   :::\n",
        FIRST_LINE,
    )
    assert problems == []
    assert body.quotes == (
        Quote("nato", "الفقرة الأولى.\n\nالفقرة الثانية عن روسيا.", Position(PATH, 10, 11), "q1"),
        Quote("mark-rutte", "نص ثان.", Position(PATH, 16, 14), "q2"),
    )


def test_post_facts() -> None:
    body, problems = parse(
        'مقدمة.\n\n::: post author="Slippery Mountaineer" handle="@slippy_mountain" date=2024-10-23 lang=en '
        'platform=x url="https://pic.twitter.com/S8qCGbfmio"\nThere are NO North Korean troops in Ukraine.\n\n'
        "They are not required.\n:::\n",
        FIRST_LINE,
    )
    assert problems == []
    (post,) = body.posts
    assert (post.author, post.handle, post.date, post.lang, post.platform, post.url) == (
        "Slippery Mountaineer",
        "@slippy_mountain",
        "2024-10-23",
        "en",
        "x",
        "https://pic.twitter.com/S8qCGbfmio",
    )
    assert post.text == "There are NO North Korean troops in Ukraine.\n\nThey are not required."
    assert post.position == Position(PATH, 10, 5)


def test_mentions_in_code_are_not_facts() -> None:
    body, problems = parse("نص `[[nato|الناتو]]` هنا.\n\n```\n[[russia]] و[[unknown|x\n```\n\n    [[mark-rutte]]\n")
    assert body.mentions == ()
    assert problems == []


def test_body_text_is_plain_and_without_joiners() -> None:
    body, _ = parse("سبق ل[[russia|روسيا]] أن **نفت** ذلك.\n\n## [[nato|الناتو]]\n")
    assert body.text == "سبق لروسيا أن نفت ذلك.\n\nالناتو"


def test_long_context_is_trimmed_at_a_word() -> None:
    words = " ".join(["كلمة"] * 80)
    body, _ = parse(f"{words} [[nato|الناتو]] {words}.")
    (mention,) = body.mentions
    assert mention.before.startswith("…") and mention.after.endswith("…")
    assert len(mention.before) <= 241 and len(mention.after) <= 241
    assert mention.before.endswith("كلمة ") and mention.after.startswith(" كلمة")
    assert "  " not in mention.before and "  " not in mention.after


def test_id_only_mentions_keep_their_words_in_context() -> None:
    body, _ = parse(
        "قال [[mark-rutte]] إن [[russia|روسيا]] نشرت قوات.\n\n::: quote nato\nقال [[mark-rutte]] ذلك.\n:::\n"
    )
    assert body.mentions[1].before == "قال مارك روته إن "
    assert body.text.startswith("قال مارك روته إن روسيا")
    assert body.quotes[0].text == "قال مارك روته ذلك."


def test_mention_position_in_a_table_cell() -> None:
    body, _ = parse("| الدولة | الحلف |\n| --- | --- |\n| [[russia\\|روسيا]] | [[nato]] |\n", FIRST_LINE)
    assert [m.position for m in body.mentions] == [Position(PATH, 10, 3), Position(PATH, 10, 23)]


# --- facts: problems -----------------------------------------------------------------------

P = PATH


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "قال [[mark-rutte|مارك روته للصحفيين.",
            [f"{P}:8:5: unclosed '[[': a mention is written [[id|text]] or [[id]]"],
            id="unclosed mention",
        ),
        pytest.param(
            "مقدمة.\n\n- بند عن [[nato|الناتو و[[russia|روسيا]].",
            [f"{P}:10:10: unclosed '[[': a mention is written [[id|text]] or [[id]]"],
            id="mention not closed before the next one, in a list",
        ),
        pytest.param(
            "> قال [[Mark_Rutte|روته]] ذلك.",
            [f"{P}:8:7: invalid entity id 'Mark_Rutte' in mention: use lowercase a-z, 0-9 and '-'"],
            id="invalid id",
        ),
        pytest.param(
            "سبق ل[[russia|]] أن نفت ذلك.",
            [f"{P}:8:6: empty text in mention of 'russia': write [[russia]] to show its name"],
            id="empty text",
        ),
        pytest.param(
            "سبق ل[[russia| ]] أن نفت ذلك.",
            [f"{P}:8:6: empty text in mention of 'russia': write [[russia]] to show its name"],
            id="blank text",
        ),
        pytest.param(
            "مقدمة.\n\n::: quote\nنص.\n:::\n",
            [f"{P}:10:5: a quote needs a speaker: '::: quote <entity-id>'"],
            id="quote without speaker",
        ),
        pytest.param(
            "مقدمة.\n\n::: quote mark-rutte\nنص لا ينتهي.\n\nوفقرة أخرى.\n",
            [f"{P}:10:5: quote block is not closed: add a ':::' line after it"],
            id="unclosed quote",
        ),
        pytest.param(
            '::: post author="X" lang=en\nText.\n',
            [f"{P}:8:5: post block is not closed: add a ':::' line after it"],
            id="unclosed post",
        ),
        pytest.param(
            "::: quote mark-rutte\nنص.\n\nفقرة بعده.\n\n::: quote nato\nنص ثان.\n:::\n",
            [
                f"{P}:8:5: quote block is not closed before the quote block at line 13: add a ':::' line before "
                "that one (to put a block inside another, open the outer one with more colons: '::::')"
            ],
            id="quote not closed before the next quote",
        ),
        pytest.param(
            '::: post author="X" lang=en\nText.\n\n::: quote mark-rutte\nنص.\n:::\n',
            [
                f"{P}:8:5: post block is not closed before the quote block at line 11: add a ':::' line before "
                "that one (to put a block inside another, open the outer one with more colons: '::::')"
            ],
            id="quote opened inside an open post",
        ),
        pytest.param(
            '::: quote mark-rutte\nنص.\n\n:::: post author="X" lang=en\nText.\n::::\n',
            [
                f"{P}:8:5: quote block is not closed before the post block at line 11: add a ':::' line before "
                "that one (to put a block inside another, open the outer one with more colons: '::::')"
            ],
            id="post with a longer fence opened inside an open quote",
        ),
        pytest.param(
            '::: quote mark-rutte\nنص.\n\n::: post author="X" lang=en\nText.\n',
            [
                f"{P}:8:5: quote block is not closed before the post block at line 11: add a ':::' line before "
                "that one (to put a block inside another, open the outer one with more colons: '::::')",
                f"{P}:11:5: post block is not closed: add a ':::' line after it",
            ],
            id="two blocks left open",
        ),
        pytest.param(
            ':::: post author="X" lang=en\nText.\n\n::: quote mark-rutte\nنص.\n\nText.\n::::\n',
            [f"{P}:11:5: quote block is not closed: add a ':::' line after it"],
            id="inner block of a nested pair not closed",
        ),
        pytest.param(
            "> ::: quote mark-rutte\n> نص.\n\nفقرة بعد الاقتباس.\n",
            [f"{P}:8:7: quote block is not closed: add a ':::' line after it"],
            id="unclosed quote in a block quote",
        ),
        pytest.param(
            "- بند\n\n  ::: quote nato\n  نص.\n\nفقرة بعد القائمة.\n:::\n",
            [
                f"{P}:10:7: quote block is not closed: add a ':::' line after it",
                f"{P}:14:1: a ':::' line that closes no block: remove it or open a block before it",
            ],
            id="unclosed quote in a list item",
        ),
        pytest.param(
            "::: qoute mark-rutte\nنص.\n:::\n",
            [f"{P}:8:5: unknown block kind 'qoute' (did you mean 'quote'?) (known: quote, post)"],
            id="misspelt block kind",
        ),
        pytest.param(
            ":::: aside\nنص.\n::::\n",
            [f"{P}:8:6: unknown block kind 'aside' (known: quote, post)"],
            id="unknown block kind",
        ),
        pytest.param(
            "::: quote nato\nنص.\n:::\nفقرة.\n  :::\n\n> :::\n",
            [
                f"{P}:12:3: a ':::' line that closes no block: remove it or open a block before it",
                f"{P}:14:3: a ':::' line that closes no block: remove it or open a block before it",
            ],
            id="closing lines that close no block",
        ),
        pytest.param(
            "::: post lang=en handle=@x\nText.\n:::\n",
            [f"{P}:8:5: a post needs 'author=...'"],
            id="post without author",
        ),
        pytest.param(
            '::: post author="X" lang=english url=example.org date=2024-13-01\nText.\n:::\n',
            [
                f"{P}:8:21: invalid language code 'english' in post",
                f"{P}:8:34: post url must be an absolute http(s) URL, found 'example.org'",
                f"{P}:8:50: invalid post date '2024-13-01': use ISO 8601, e.g. 2024-10-23",
            ],
            id="bad post values",
        ),
        pytest.param(
            '::: post author="X" lang=en url="javascript:alert(1)"\nText.\n:::\n',
            [f"{P}:8:29: post url must be an absolute http(s) URL, found 'javascript:alert(1)'"],
            id="javascript post url",
        ),
        pytest.param(
            '::: post author="X lang=en\nText.\n:::\n',
            [f"{P}:8:5: cannot read the post's attributes: No closing quotation"],
            id="post with an unclosed quotation mark",
        ),
        pytest.param(
            "نص عن [[Russia|روسيا]] و[[|روسيا]] و[[nato|الناتو.\n\n::: quote\n:::\n",
            [
                f"{P}:8:7: invalid entity id 'Russia' in mention: use lowercase a-z, 0-9 and '-'",
                f"{P}:8:25: invalid entity id '' in mention: use lowercase a-z, 0-9 and '-'",
                f"{P}:8:37: unclosed '[[': a mention is written [[id|text]] or [[id]]",
                f"{P}:10:5: a quote needs a speaker: '::: quote <entity-id>'",
            ],
            id="every problem of a body is reported",
        ),
    ],
)
def test_problems(source: str, expected: list[str]) -> None:
    _body, problems = parse(source, FIRST_LINE)
    assert problems == expected


def test_blocks_nest_when_the_outer_fence_is_longer() -> None:
    """``::::`` outside and ``:::`` inside, as markdown-it-container reads them: no problem,
    each block holds its own text, and the post is drawn inside the quote."""
    source = ':::: quote mark-rutte\nقال ما يلي.\n\n::: post author="X" lang=en\nA post.\n:::\n\nوأضاف.\n::::\n\nبعد.\n'
    body, problems = parse(source, FIRST_LINE)
    assert problems == []
    assert [(q.speaker, q.text) for q in body.quotes] == [("mark-rutte", "قال ما يلي.\n\nA post.\n\nوأضاف.")]
    assert [p.text for p in body.posts] == ["A post."]
    html = RENDERER.render(article(body), CONTEXT)
    assert html.index('<figure class="quote"') < html.index('<figure class="post"') < html.index("وأضاف")
    assert html.index("وأضاف") < html.index("</figure>\n<p>بعد.</p>")


def test_a_closed_quote_holds_only_its_own_text() -> None:
    """The text after a closed quote stays prose: the speaker's page shows only the quote."""
    body, problems = parse(
        "مقدمة.\n\n::: quote mark-rutte\nالأول.\n:::\n\nفقرة بين الاقتباسين.\n\n"
        "::: quote nato\nالثاني.\n:::\n\nفقرة أخيرة.\n",
        FIRST_LINE,
    )
    assert problems == []
    assert [(q.speaker, q.text) for q in body.quotes] == [("mark-rutte", "الأول."), ("nato", "الثاني.")]
    html = RENDERER.render(article(body), CONTEXT)
    assert html.count("<figure") == 2 and html.endswith("</figure>\n<p>فقرة أخيرة.</p>\n")


def test_every_block_kind_is_read_and_drawn() -> None:
    """A kind added to the registry must be given facts and a page renderer, or its blocks
    would be taken for unknown ones or drawn as bare ``<div>``s."""
    for kind in BLOCK_KINDS:
        assert kind in _KIND_FACTS
        assert {f"container_{kind}_open", f"container_{kind}_close"} <= set(RENDERER.md.renderer.rules)


def test_unknown_post_attribute_message() -> None:
    _body, problems = parse('::: post autor="Slippery Mountaineer" lang=en\nText.\n:::\n', FIRST_LINE)
    messages = [line.split(": ", 1)[1] for line in problems]
    assert messages == [
        "a post needs 'author=...'",
        "unknown post attribute 'autor' (did you mean 'author'?) (known: author, lang, handle, date, url, platform)",
    ]


def test_unknown_post_attribute_is_reported_at_the_attribute() -> None:
    _body, problems = parse('::: post autor="Slippery Mountaineer" lang=en\nText.\n:::\n', FIRST_LINE)
    assert problems == [
        f"{P}:8:5: a post needs 'author=...'",
        f"{P}:8:10: unknown post attribute 'autor' (did you mean 'author'?) "
        "(known: author, lang, handle, date, url, platform)",
    ]


def test_invalid_quote_speaker_is_reported_at_the_id() -> None:
    _body, problems = parse("::: quote Mark_Rutte\nنص.\n:::\n", FIRST_LINE)
    assert problems == [f"{P}:8:11: invalid entity id 'Mark_Rutte' for the quote's speaker"]


def test_quote_inside_a_block_quote_is_closed() -> None:
    _body, problems = parse("> ::: quote mark-rutte\n> نص عن [[russia|روسيا]].\n> :::\n", FIRST_LINE)
    assert problems == []


def test_quote_inside_a_list_item_is_closed() -> None:
    body, problems = parse("- بند\n\n  ::: quote nato\n  نص.\n  :::\n", FIRST_LINE)
    assert problems == []
    assert body.quotes == (Quote("nato", "نص.", Position(PATH, 10, 13), "q1"),)


def test_mentions_record_the_script_of_their_paragraph() -> None:
    body, _ = parse(
        "قال [[mark-rutte|روته]] إن القوات وصلت إلى المنطقة.\n\n"
        "NATO Secretary General [[mark-rutte|Mark Rutte]] said so today.\n"
    )
    assert [m.script for m in body.mentions] == ["arabic", "latin"]
