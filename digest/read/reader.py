"""The read stage: content files → a validated ``Corpus`` plus diagnostics.

Every file is read, decoded, split, checked against its schema and (for
articles) parsed, even after errors elsewhere, so one run reports everything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from hashlib import sha256
from zoneinfo import ZoneInfo

from ..buildstate import ParseCache, engine_digest
from ..diagnostics import Diagnostic, Diagnostics, suggest
from ..markup import parse_body
from ..markup.bodyhtml import BodyRenderer
from ..model import Article, Body, Corpus, Entity, Position, SiteConfig, Story
from ..parallel import fork_map, workers
from . import frontmatter, schema
from .project import ArticleFile, EntityFile, Project, SourceFile

MAX_FILE_BYTES = 5 * 1024 * 1024
PARSE_VERSION = "digest-parse-1"
"""Change when parsing changes, so cached parses of unchanged files are not reused."""


@dataclass(frozen=True)
class References:
    """What article bodies are checked and shown against: the entity files that exist."""

    ids: frozenset[str]
    """Every entity file's id, valid or not, so a broken entity file is reported once,
    not again at each of its mentions."""
    names: Mapping[str, Mapping[str, str]]
    """Language → entity id → name, for ``[[id]]``."""


def check_references(body: Body, registry: References, diags: Diagnostics) -> None:
    """Unknown entities in mentions and quotes, for every article (drafts and broken ones too)."""
    for mention in body.mentions:
        if mention.entity_id not in registry.ids:
            pos = mention.position
            hint = suggest(mention.entity_id, registry.ids)
            diags.error(pos.path, pos.line, pos.col, f"unknown entity '{mention.entity_id}'{hint}")
    for quote in body.quotes:
        if quote.speaker not in registry.ids:
            pos = quote.position
            hint = suggest(quote.speaker, registry.ids)
            diags.error(pos.path, pos.line, pos.col, f"quote by unknown speaker '{quote.speaker}'{hint}")


@dataclass(frozen=True)
class ReadResult:
    corpus: Corpus | None
    """``None`` when site.yaml itself is unusable (nothing else can be checked then)."""
    drafts: int = 0


def read_text(file: SourceFile, diags: Diagnostics) -> str | None:
    """Decode a content file as UTF-8 with ``\\n`` line ends; bad bytes are an error at their place."""
    try:
        data = file.path.read_bytes()
    except OSError as exc:
        diags.error(file.display, 0, 0, f"cannot read file: {exc.strerror}")
        return None
    return decode(data, file.display, diags)


def decode(data: bytes, display: str, diags: Diagnostics) -> str | None:
    """The text of a content file's bytes, or ``None`` with a diagnostic at the bad byte."""
    if len(data) > MAX_FILE_BYTES:
        diags.error(display, 0, 0, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        diags.error(display, line, col, f"invalid UTF-8 (byte 0x{data[exc.start]:02x}): save the file as UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\0")
    if nul != -1:
        line = text.count("\n", 0, nul) + 1
        diags.error(display, line, nul - text.rfind("\n", 0, nul), "NUL character in text")
        return None
    return text


def read_site(file: SourceFile, diags: Diagnostics) -> SiteConfig | None:
    text = read_text(file, diags)
    if text is None:
        return None
    doc = frontmatter.load(text, file.display, diags)
    if doc is None:
        return None
    # Languages are needed to check the localised fields, so read them first.
    raw_langs = doc.data.get("languages") if isinstance(doc.data, dict) else None
    try:
        langs = schema.languages(raw_langs, schema.Context()) if raw_langs else ()
    except schema.Invalid:
        langs = ()
    values = schema.check(doc, schema.SITE, schema.Context(languages=langs), diags, "site settings")
    if values is None:
        return None
    return SiteConfig(
        title=values["title"],
        base_url=values["base_url"] if values["base_url"].endswith("/") else values["base_url"] + "/",
        languages=values["languages"],
        description=values["description"],
        timezone=values["timezone"],
        digits=values["digits"],
    )


def read_bytes(file: SourceFile, diags: Diagnostics) -> bytes | None:
    try:
        return file.path.read_bytes()
    except OSError as exc:
        diags.error(file.display, 0, 0, f"cannot read file: {exc.strerror}")
        return None


def read_entity(file: EntityFile, site: SiteConfig, diags: Diagnostics) -> Entity | None:
    data = read_bytes(file, diags)
    return _entity_from(file, site, diags, data) if data is not None else None


def _entity_from(file: EntityFile, site: SiteConfig, diags: Diagnostics, data: bytes) -> Entity | None:
    text = decode(data, file.display, diags)
    if text is None:
        return None
    doc = frontmatter.load(text, file.display, diags)
    if doc is None:
        return None
    ctx = schema.Context(languages=site.languages)
    values = schema.check(doc, schema.ENTITY, ctx, diags, "entity")
    if values is None:
        return None
    return Entity(
        digest=sha256(data).hexdigest(),
        id=file.id,
        type=values["type"],
        name=values["name"],
        aliases=values["aliases"],
        description=values["description"],
        wikidata=values["wikidata"],
        position=Position(file.display, 1, 1),
    )


def read_entities(
    files: tuple[EntityFile, ...],
    site: SiteConfig,
    diags: Diagnostics,
    cache: ParseCache | None = None,
    known: Mapping[str, str] | None = None,
) -> dict[str, Entity]:
    """Every valid entity by id; the invalid ones are reported.

    With a ``cache``, an entity file whose bytes (by ``known`` hash, or read) and site
    languages are unchanged is taken from it with the diagnostics it had.
    """
    entities: dict[str, Entity] = {}
    context = repr((PARSE_VERSION, engine_digest(), site.languages)).encode("utf-8")
    for file in files:
        digest = (known or {}).get(file.location)
        key = sha256(context + file.display.encode() + bytes.fromhex(digest)).hexdigest() if digest else None
        found = cache.get(key) if cache is not None and key else None
        if found is None:
            data = read_bytes(file, diags)
            if data is None:
                continue
            local = Diagnostics()
            found = (_entity_from(file, site, local, data), tuple(local.sorted()))
            if cache is not None:
                cache.put(sha256(context + file.display.encode() + sha256(data).digest()).hexdigest(), found)
        entity, problems = found
        diags.extend(problems)
        if entity is not None:
            entities[entity.id] = entity
    return entities


def read_article(
    file: ArticleFile,
    site: SiteConfig,
    renderer: BodyRenderer,
    registry: References,
    diags: Diagnostics,
    data: bytes,
) -> Article | None:
    """Parse and check one article from its bytes (the caller reads them, to hash and cache)."""
    text = decode(data, file.display, diags)
    if text is None:
        return None
    parts = frontmatter.split(text, file.display, diags)
    if parts is None:
        return None
    doc = frontmatter.load(parts.yaml_text, file.display, diags, parts.yaml_line)
    body = parse_body(renderer.md, parts.body, file.display, parts.body_line, diags, registry.names.get(file.lang))
    # Its HTML is made here, once: pages fill in its slots, and the build cache keeps it.
    body = renderer.prepare(body, file.lang)
    check_references(body, registry, diags)
    if doc is None:
        return None
    tz = ZoneInfo(site.timezone) if site.timezone != "UTC" else UTC
    ctx = schema.Context(languages=site.languages, own_lang=file.lang, tz=tz)
    values = schema.check(doc, schema.ARTICLE, ctx, diags, "front matter")
    if values is None:
        return None
    if values["title"].get(file.lang) is None:
        line, col = doc.at(("title",))
        diags.error(file.display, line, col, f"'title' has no '{file.lang}' text, the language of this file")
        return None
    date, has_time = values["date"]
    updated = values["updated"][0] if values["updated"] else None
    return Article(
        digest=sha256(data).hexdigest(),
        slug=file.slug,
        lang=file.lang,
        position=Position(file.display, 1, 1),
        title=values["title"],
        date=date,
        date_has_time=has_time,
        updated=updated,
        summary=values["summary"],
        source=values["source"],
        tags=values["tags"],
        image_credit=values["image_credit"],
        related=values["related"],
        draft=values["draft"],
        body=body,
        author=values["author"],
    )


def read_project(
    project: Project,
    diags: Diagnostics,
    *,
    drafts: bool = False,
    cache: ParseCache | None = None,
    known: Mapping[str, str] | None = None,
) -> ReadResult:
    """Read and validate all content. Drafts are read (and checked) but left out unless asked.

    With a ``cache``, an article whose bytes and parse context are unchanged is taken
    from it (with the diagnostics it had) instead of being parsed again. ``known``
    gives files' content hashes (path → SHA-256 hex) already taken this build, so
    unchanged files are not even read.
    """
    inventory = project.discover(diags)
    site = read_site(inventory.site, diags) if inventory.site else None
    if site is None:
        return ReadResult(corpus=None)
    entities = read_entities(inventory.entities, site, diags, cache, known)
    registry = References(
        ids=frozenset(f.id for f in inventory.entities),
        names={lang: {e.id: e.name.pick(lang)[0] for e in entities.values()} for lang in site.languages},
    )
    contexts = {lang: _context_key(site, registry, lang) for lang in site.languages}
    renderer = BodyRenderer()
    results, misses = _cached(inventory.articles, site, contexts, diags, cache, known)

    def parse(job: tuple[int, ArticleFile, bytes, str]) -> tuple[Article | None, tuple[Diagnostic, ...]]:
        local = Diagnostics()
        return read_article(job[1], site, renderer, registry, local, job[2]), tuple(local.sorted())

    # Parsing is the read stage's cost: spread it over the cores (results come back in order).
    for (number, _file, _data, key), found in zip(misses, fork_map(parse, misses, workers()), strict=True):
        results[number] = found
        if cache is not None:
            cache.put(key, found)
    articles = []
    for number in sorted(results):
        article, problems = results[number]
        diags.extend(problems)
        if article is not None:
            articles.append(article)
    kept = [a for a in articles if drafts or not a.draft]
    return ReadResult(
        corpus=Corpus(site=site, entities=entities, stories=_stories(kept, site.languages)),
        drafts=len(articles) - len(kept),
    )


def _cached(
    files: Sequence[ArticleFile],
    site: SiteConfig,
    contexts: Mapping[str, bytes],
    diags: Diagnostics,
    cache: ParseCache | None,
    known: Mapping[str, str] | None,
) -> tuple[dict[int, tuple[Article | None, tuple[Diagnostic, ...]]], list[tuple[int, ArticleFile, bytes, str]]]:
    """The articles the parse cache holds (by their number in ``files``), and the others
    with their bytes and cache key, to be parsed. A file whose content hash this build
    already took (``known``) is looked up without being read."""
    results: dict[int, tuple[Article | None, tuple[Diagnostic, ...]]] = {}
    misses: list[tuple[int, ArticleFile, bytes, str]] = []
    for number, file in enumerate(files):
        if file.lang not in site.languages:
            diags.error(
                file.display,
                0,
                0,
                f"unknown language '{file.lang}' in the file name (site languages: {', '.join(site.languages)})"
                + suggest(file.lang, site.languages),
            )
            continue
        digest = (known or {}).get(file.location)
        prefix = contexts[file.lang] + file.display.encode()
        found = cache.get(sha256(prefix + bytes.fromhex(digest)).hexdigest()) if cache is not None and digest else None
        if found is not None:
            results[number] = found
            continue
        data = read_bytes(file, diags)
        if data is None:
            continue
        key = sha256(prefix + sha256(data).digest()).hexdigest()
        found = cache.get(key) if cache is not None else None
        if found is None:
            misses.append((number, file, data, key))
        else:
            results[number] = found
    return results, misses


def _context_key(site: SiteConfig, registry: References, lang: str) -> bytes:
    """What an article's parse depends on besides its bytes: the engine's code, languages, zone,
    entity ids and names."""
    names = sorted(registry.names.get(lang, {}).items())
    text = repr((PARSE_VERSION, engine_digest(), site.languages, site.timezone, sorted(registry.ids), names))
    return sha256(text.encode("utf-8")).digest()


def _stories(articles: list[Article], languages: tuple[str, ...]) -> tuple[Story, ...]:
    by_slug: dict[str, dict[str, Article]] = {}
    for article in articles:
        by_slug.setdefault(article.slug, {})[article.lang] = article
    stories = [
        Story(slug, tuple((lang, versions[lang]) for lang in languages if lang in versions))
        for slug, versions in by_slug.items()
    ]
    return tuple(sorted(stories, key=lambda s: (-s.date.timestamp(), s.slug)))
