"""Embedded posts as pages leave them in a scrape: a signature glued to the next paragraph, a
post with only a picture, and the notice a page shows in place of an embed it did not load."""

from __future__ import annotations

from digest.editor.scrape import parse_scraped

_HEAD = "عنوان تجريبي عن الأخبار العاجلة\n\nقال مسؤول كبير إن القوات وصلت إلى المنطقة الحدودية يوم الاثنين.\n\n"


def _paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p]


def test_a_signature_glued_to_the_next_paragraph_is_split_there() -> None:
    text = _HEAD + (
        "There are NO troops fighting there pic.twitter.com/AbC123 — Slippery Mountaineer (@slippy_mountain) "
        "October 28, 2024 وأضاف المسؤول أن الوضع خطير وأن الحلف يتابع التطورات.\n\n"
        "وختم بالقول إن الحلف سيجتمع قريبا.\n"
    )
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert (post.author, post.handle, post.date, post.lang) == (
        "Slippery Mountaineer",
        "@slippy_mountain",
        "2024-10-28",
        "en",
    )
    assert post.text == "There are NO troops fighting there"
    paragraphs = _paragraphs(scraped.body)
    assert paragraphs[2] == "وأضاف المسؤول أن الوضع خطير وأن الحلف يتابع التطورات."
    assert paragraphs[3] == "وختم بالقول إن الحلف سيجتمع قريبا."
    assert any("glued to the post's signature on line 5" in f for f in scraped.found)
    assert not any("leftover link" in d.message for d in scraped.diagnostics)


def test_an_undated_signature_with_words_after_it_is_not_a_post() -> None:
    text = _HEAD + "وكتب — فلان (@someone) أن الأمر انتهى وأن الجميع عاد إلى بيته.\n"
    scraped = parse_scraped(text, "t.txt")
    assert scraped.posts == ()
    assert _paragraphs(scraped.body)[-1] == "وكتب — فلان (@someone) أن الأمر انتهى وأن الجميع عاد إلى بيته."


def test_a_post_with_only_a_picture_takes_no_paragraph_before_it() -> None:
    text = _HEAD + (
        "Text of an earlier post pic.twitter.com/First1\n\n"
        "— First Account (@first) October 27, 2024\n\n"
        "pic.twitter.com/XyZ987 — Mark Rutte (@SecGenNATO) October 28, 2024\n\n"
        "وختم بالقول إن الحلف سيجتمع قريبا.\n"
    )
    scraped = parse_scraped(text, "t.txt")
    first, picture = scraped.posts
    assert (first.text, first.url) == ("Text of an earlier post", "https://pic.twitter.com/First1")
    assert (picture.author, picture.text, picture.url) == ("Mark Rutte", "", "https://pic.twitter.com/XyZ987")
    assert picture.lang == "ar"  # nothing to tell the language by: the article's
    assert not any("language not clear" in g for g in scraped.guessed)
    assert _paragraphs(scraped.body)[0] == "قال مسؤول كبير إن القوات وصلت إلى المنطقة الحدودية يوم الاثنين."


def test_a_paragraph_ending_in_another_posts_picture_link_is_not_taken() -> None:
    text = _HEAD + (
        "First post text in English pic.twitter.com/One111\n\n"
        "Second post text in English\n\n"
        "— Second Account (@second) October 28, 2024\n"
    )
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert post.text == "Second post text in English"
    assert any("ends with another post's picture link" in g for g in scraped.guessed)
    assert "First post text in English pic.twitter.com/One111" in _paragraphs(scraped.body)


def test_the_notice_in_place_of_an_embed_is_dropped_and_the_post_reported() -> None:
    text = _HEAD + (
        "https://x.com/i/web/status/1234567890 This post can't be displayed because social networks cookies "
        "have been deactivated. You can activate them by clicking إدارة التفضيلات .\n\n"
        "وختم بالقول إن الحلف سيجتمع قريبا.\n"
    )
    scraped = parse_scraped(text, "t.txt")
    assert "cookies" not in scraped.body and "x.com" not in scraped.body
    assert [(d.line, d.reason) for d in scraped.dropped] == [
        (5, "the page's notice in place of an embedded post it did not load")
    ]
    (warning,) = [d for d in scraped.diagnostics if "did not show" in d.message]
    assert warning.line == 5 and "https://x.com/i/web/status/1234567890" in warning.message


def test_a_status_link_with_its_own_words_is_not_a_notice() -> None:
    text = _HEAD + "https://x.com/someone/status/42 نشر الحساب هذه التغريدة صباح اليوم.\n"
    scraped = parse_scraped(text, "t.txt")
    assert scraped.dropped == ()
    assert "نشر الحساب هذه التغريدة صباح اليوم." in scraped.body


def test_a_bare_post_address_becomes_a_card_with_its_account_and_link() -> None:
    url = "https://twitter.com/some_account/status/971471599919599617"
    text = _HEAD + f"{url}\n\nوختم بالقول إن الحلف سيجتمع قريبا.\n"
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert (post.author, post.handle, post.url, post.text) == ("@some_account", "@some_account", url, "")
    assert _paragraphs(scraped.body)[2] == "وختم بالقول إن الحلف سيجتمع قريبا."
    (warning,) = [d for d in scraped.diagnostics if "only its address" in d.message]
    assert warning.line == 5
    assert parse_scraped(_HEAD + "https://twitter.com/i/status/1\n", "t.txt").posts == ()
    assert parse_scraped(_HEAD + f"انظر {url}\n", "t.txt").posts == ()


def test_an_imported_address_only_post_checks_and_builds(scratch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from digest.cli import main

    raw = tmp_path / "post.txt"
    url = "https://twitter.com/some_account/status/971471599919599617"
    raw.write_text(_HEAD + "الأحد 12 مايو 2024\n\n" + f"{url}\n\nوختم بالقول إن الحلف سيجتمع قريبا.\n", "utf-8")
    root = ["--root", str(scratch.root)]
    assert main([*root, "import", str(raw), "--slug", "bare-post"]) == 0
    assert main([*root, "check"]) == 0
    assert main([*root, "build", "--no-search"]) == 0
    html = (scratch.site_dir / "ar" / "articles" / "bare-post" / "index.html").read_text("utf-8")
    assert '<span class="post__handle" dir="ltr">@some_account</span> · <a class="post__link"' in html
    card = html[html.index('<figure class="post"') : html.index("</figure>")]
    assert card.count("@some_account") == 1 and f'href="{url}"' in card


def test_a_signature_dated_in_spanish_or_german_ends_a_post() -> None:
    for when, day in (
        ("28 de marzo de 2017", "2017-03-28"),
        ("3. März 2021", "2021-03-03"),
        ("5 мая 2020 г.", "2020-05-05"),
    ):
        text = _HEAD + f"I kept every one of your posts. pic.twitter.com/XyZ789\n— Kept Posts (@keptposts) {when}\n"
        (post,) = parse_scraped(text, "t.txt").posts
        assert (post.handle, post.date, post.text) == ("@keptposts", day, "I kept every one of your posts.")


def test_a_post_flattened_to_its_text_and_a_tco_link_without_a_signature() -> None:
    flat = "إن الذي يصبر على الشدة سيرى الفرج قريبا مهما طال الانتظار https://t.co/AbC123"
    text = _HEAD + flat + "\n\nوتابع المسؤول حديثه.\n"
    scraped = parse_scraped(text, "t.txt")
    (post,) = scraped.posts
    assert (post.author, post.handle, post.url, post.lang) == ("?", None, "https://t.co/AbC123", "ar")
    assert post.text == "إن الذي يصبر على الشدة سيرى الفرج قريبا مهما طال الانتظار"
    assert _paragraphs(scraped.body)[-1] == "وتابع المسؤول حديثه."
    assert any("without its signature line" in d.message for d in scraped.diagnostics)


def test_a_latin_paragraph_with_a_handle_after_the_article_names_a_tweet_is_the_tweet() -> None:
    intro = "وكتب الوزير في تغريدة على حسابه أن بلاده لن تتراجع عن مواقفها.\n\n"
    tweet = "Our people will not bow to pressure from @SomeLeader, whatever the threats made at #Summit2024 today\n"
    scraped = parse_scraped(_HEAD + intro + tweet, "t.txt")
    (post,) = scraped.posts
    assert (post.author, post.lang, post.text) == ("?", "en", tweet.strip())
    assert _paragraphs(scraped.body)[-2] == intro.strip()


def test_a_latin_paragraph_not_after_a_tweet_is_named_stays_in_the_body() -> None:
    latin = "The ministry said the talks with @partners went well and would go on next week in the capital\n"
    scraped = parse_scraped(_HEAD + latin, "t.txt")
    assert scraped.posts == ()
