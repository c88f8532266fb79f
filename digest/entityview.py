"""The view of an entity's page, made from its facts (``index.EntityFacts``) with the
pieces every page shares (``views.ViewBuilder``: cards, chips, localised text, links).

Page 1 quotes the entity's sentences from its newest articles and adds what is counted
over all of them: its quotes, the entities most often beside it and two charts (mentions
over time, neighbours) drawn as inline SVG (``charts``). Later pages list only their own
articles' sentences.
"""

from __future__ import annotations

from . import charts as charts_
from . import i18n
from .index import Edition, EntityFacts
from .model import Article, Mention
from .viewmodels import ChartView, EntityView, MentionGroup, Pager, QuoteItem, Snippet, Text, TypeGroup
from .views import ViewBuilder, joined_parts

CHART_NEIGHBOURS = 8
"""Bars in the co-occurrence chart (the list under it shows up to 12 entities)."""
TYPES = ("person", "organization", "place", "event", "other")
"""The entity index's groups, in order."""


def entity_view(
    views: ViewBuilder, facts: EntityFacts, lang: str, number: int = 1, per_page: int = 0, pager: Pager | None = None
) -> EntityView:
    """The entity page, or page ``number`` of it when ``per_page`` splits its articles."""
    entity = facts.entity
    name, name_lang = entity.name.pick(lang)
    shown = facts.articles[(number - 1) * per_page : number * per_page] if per_page else facts.articles
    # Neighbours are counted over every article, once: the list and the chart share them.
    together = facts.cooccurring(views.index.named) if number == 1 else ()
    description = None
    if entity.description:
        value, desc_lang = entity.description.pick(lang)
        description = views.text(value, desc_lang)
    entities = views.index.corpus.entities
    digits = views.digits(lang)
    return EntityView(
        id=entity.id,
        type=entity.type,
        name=views.text(name, name_lang),
        names=tuple(views.text(v, code) for code, v in entity.name.values),
        description=description,
        wikidata_href=f"https://www.wikidata.org/wiki/{entity.wikidata}" if entity.wikidata else None,
        wikidata_id=entity.wikidata,
        first_seen=i18n.date_text(facts.first_seen, lang, digits) if facts.first_seen else None,
        last_seen=i18n.date_text(facts.last_seen, lang, digits) if facts.last_seen else None,
        mention_count=facts.mention_count,
        groups=tuple(group for article in shown if (group := _group(views, facts, article, lang)) is not None),
        quotes=_quotes(views, facts, lang) if number == 1 else (),
        cooccurring=tuple(views.chip(entities[eid], lang, n) for eid, n in together[:12]),
        feed_href=views.urls.href(views.urls.entity_feed(lang, entity.id)),
        pager=pager,
        charts=entity_charts(views, facts, lang, together) if number == 1 else (),
    )


def _group(views: ViewBuilder, facts: EntityFacts, article: Article, lang: str) -> MentionGroup | None:
    """One article's sentences naming the entity, one snippet a sentence with each mention
    in it marked (``None``: the article only quotes it). The link, the name shown for
    ``[[id]]`` and the text's direction are worked out once per article, not per mention."""
    sentences = facts.sentences(article)
    if not sentences:
        return None
    story = views.story_of(article)
    href = views.urls.href(views.urls.article(lang, story.slug))
    named = facts.entity.name.pick(article.lang)[0]
    article_dir = i18n.direction(article.lang)
    snippets = tuple(
        _snippet(mention, others, named, href, article.lang, article_dir) for mention, *others in sentences
    )
    return MentionGroup(views.card(story, article, lang), snippets)


def _snippet(mention: Mention, others: list[Mention], named: str, href: str, lang: str, direction: str) -> Snippet:
    """A sentence around ``mention`` and the ``others`` of the entity in it."""
    if mention.script:
        written = i18n.script_lang(mention.script)
        if i18n.direction(written) != direction:
            lang, direction = written, i18n.direction(written)
    parts = joined_parts(
        [
            mention.before,
            mention.text or named,
            *(piece for other in others for piece in (other.follows or "", other.text or named)),
            (others[-1] if others else mention).after,
        ]
    )
    return Snippet(
        before=parts[0],
        text=parts[1],
        after=parts[-1],
        href=href + "#" + mention.anchor,
        lang=lang,
        dir=direction,
        more=tuple(zip(parts[2:-1:2], parts[3:-1:2], strict=True)),
    )


def _quotes(views: ViewBuilder, facts: EntityFacts, lang: str) -> tuple[QuoteItem, ...]:
    """Every quote of the entity, with the article it is in."""
    quotes = []
    for ref in facts.quotes:
        story = views.story_of(ref.article)
        title, title_lang = ref.article.title.pick(lang, (ref.article.lang,))
        quotes.append(
            QuoteItem(
                text=views.text(ref.quote.text, ref.article.lang),
                href=views.urls.href(views.urls.article(lang, story.slug)) + "#" + ref.quote.anchor,
                article=views.text(title, title_lang),
                date_text=i18n.date_text(ref.article.date, lang, views.digits(lang)),
            )
        )
    return tuple(quotes)


def entity_charts(
    views: ViewBuilder, facts: EntityFacts, lang: str, together: tuple[tuple[str, int], ...]
) -> tuple[ChartView, ...]:
    """Mentions over time and the entities most often in the same articles (``together``,
    from ``EntityFacts.cooccurring``).

    Made from this entity's own mentions and articles only (the first page's cache
    key already lists them all), so a chart costs in proportion to the entity.
    """
    charts = [_timeline(views, facts, lang), _neighbours(views, together, lang)]
    return tuple(chart for chart in charts if chart is not None)


def _timeline(views: ViewBuilder, facts: EntityFacts, lang: str) -> ChartView | None:
    """Mentions per day, month or year, in the site's zone (as the index groups days)."""
    t, digits = views.strings[lang], views.digits(lang)
    days = []
    for article, count in facts.mentions_per_article(views.index.named):
        days.extend([article.date.astimezone(views.zone).date()] * count)
    spans = charts_.periods(days)
    if not spans:
        return None
    labels = [_period_labels(views, p, i == 0, lang) for i, p in enumerate(spans)]
    bars = tuple(
        charts_.Bar(short, p.count, i18n.number_text(p.count, lang, digits), sub)
        for p, (short, sub, _) in zip(spans, labels, strict=True)
    )
    frame = charts_.Frame(t["chart_timeline_title"], "chart-timeline-title", i18n.direction(lang) == "rtl")
    rows = tuple(
        (views.text(full, lang), bar.value_text) for bar, (_, _, full) in zip(bars, labels, strict=True) if bar.value
    )
    return ChartView(
        id="chart-timeline",
        title=t["chart_timeline_title"],
        svg=charts_.column_chart(bars, frame, lambda n: i18n.number_text(n, lang, digits)),
        headers=(t["chart_period"], t["mentions_label"]),
        rows=rows,
    )


def _neighbours(views: ViewBuilder, together: tuple[tuple[str, int], ...], lang: str) -> ChartView | None:
    """The entities most often in the same articles, as bars."""
    top = together[:CHART_NEIGHBOURS]
    if not top:
        return None
    t, digits = views.strings[lang], views.digits(lang)
    entities = views.index.corpus.entities
    names = [entities[eid].name.pick(lang) for eid, _ in top]
    bars = tuple(
        charts_.Bar(name, n, i18n.number_text(n, lang, digits), kind=entities[eid].type)
        for (eid, n), (name, _) in zip(top, names, strict=True)
    )
    frame = charts_.Frame(t["chart_cooccurring_title"], "chart-cooccurring-title", i18n.direction(lang) == "rtl")
    rows: tuple[tuple[Text, str], ...] = tuple(
        (views.text(name, name_lang), bar.value_text) for bar, (name, name_lang) in zip(bars, names, strict=True)
    )
    return ChartView(
        id="chart-cooccurring",
        title=t["chart_cooccurring_title"],
        svg=charts_.row_chart(bars, frame),
        headers=(t["chart_entity"], t["chart_shared_articles"]),
        rows=rows,
    )


def _period_labels(views: ViewBuilder, period: charts_.Period, first: bool, lang: str) -> tuple[str, str, str]:
    """Axis label, the line under it, and the full name for the table, of one period."""
    d = views.digits(lang)
    day = period.start
    if period.unit == "day":
        sub = i18n.pattern_text(day, "LLL", lang, d) if first or day.day == 1 else ""
        return i18n.pattern_text(day, "d", lang, d), sub, i18n.date_text(day, lang, d)
    if period.unit == "month":
        sub = i18n.pattern_text(day, "y", lang, d) if first or day.month == 1 else ""
        return i18n.pattern_text(day, "LLL", lang, d), sub, i18n.pattern_text(day, "LLLL y", lang, d)
    year = i18n.pattern_text(day, "y", lang, d)
    return year, "", year


def entity_index(views: ViewBuilder, edition: Edition) -> tuple[TypeGroup, ...]:
    """Every entity of the edition by type, most mentioned first, each with its count."""
    groups = []
    lang = edition.lang
    for kind in TYPES:
        found = [f for f in edition.entities.values() if f.entity.type == kind]
        found.sort(key=lambda f: (-f.mention_count, f.entity.name.pick(lang)[0]))
        if found:
            groups.append(TypeGroup(kind, tuple(views.chip(f.entity, lang, f.mention_count) for f in found)))
    return tuple(groups)
