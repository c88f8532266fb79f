"""Static search: Pagefind indexes of the article pages, written into the staged site.

Pagefind (the ``pagefind`` package and its bundled binary) reads the article pages
of the new site — only what templates mark ``data-pagefind-body``: headline,
summary, body — and writes search bundles under ``pagefind/<lang>/<shard>/``: each
edition searches only its own language, over its articles split into shards of at
most ``SHARD_PAGES`` pages that the search page merges.

Pagefind's Arabic stemmer folds most spelling variants, but not all: ``أمين``
does not find ``الأمين``. Arabic pages therefore also carry their words in a
normalised *search form* (``search_forms``: hamza forms, ة/ى folded, diacritics
dropped, the article ال and its proclitic forms removed), hidden, under their own
heading so results can tell them apart; the search page normalises the query the
same way (``templates/static/search.js`` mirrors ``search_key``).

Each shard is written to a scratch folder and then *put* into the staging tree
like any other output, so the live ``site/`` never holds half an index, files
whose bytes did not change stay as they are, and the writer removes stale ones.
Indexing costs seconds per shard, so a shard is re-indexed only when the bytes of
one of its pages changed or its list of pages did (the shards are recorded in the
build cache), and ``--no-search`` keeps the previous bundles as they are. Without
the binary the build goes on without search and says so once.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Protocol

from markupsafe import Markup

from .textnorm import WORD_RE, normalize, normalized_text
from .writer import KEEP

BUNDLE = "pagefind"
"""The bundle's folder in the site (Pagefind's default name; search.js loads it from there)."""
FORMS_ID = "search-forms"
"""Id of the hidden heading above an article's search forms (search.js skips that section)."""
_ARTICLE_GLOB = "*/articles/*/index.html"
_UNUSED = re.compile(r"^pagefind-(component-ui|modular-ui|ui|highlight)\.")
"""Pagefind's own UIs: the site has its own small search page script, so these are not published."""
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ال")
_TAGS = re.compile(r"<[^>]+>")
_ARABIC = re.compile("[\u0600-\u06ff]")
SCHEME = "6"
"""Bumped when the markup or options given to Pagefind change: part of every shard's key."""


def search_key(word: str) -> str:
    """The search form of one word: letter variants folded, the article ال (after و ف ب ك) and لل removed.

    Mirrored by ``searchKey`` in ``templates/static/search.js``; the tests hold the two together.
    """
    return _without_article(normalize(word).text)


def _without_article(text: str) -> str:
    if text.startswith("لل") and len(text) > 4:
        return text[2:]
    for prefix in _ARTICLE_PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 2:
            return text[len(prefix) :]
    return text


def search_forms(*texts: str, also: Sequence[str] = ()) -> str:
    """The distinct search forms of the Arabic words in ``texts`` (HTML allowed), in order of
    first use, but for those that are a word of the texts as written: Pagefind indexes that
    word itself already (leaving them out makes the pages a quarter smaller to index, and
    keeps such words from counting twice in the ranking).

    The words of ``also`` (texts that are part of ``texts`` but not words of them as
    Pagefind splits them, such as a name joined to a clitic) have their forms added, and
    are left out only where ``texts`` have them as words."""
    forms: list[str] = []
    written: set[str] = set()
    for text in texts:
        for chunk in html.unescape(_TAGS.sub(" ", text)).split():
            words, found = _chunk_forms(chunk)
            written.update(words)
            forms.extend(found)
    for text in also:
        for chunk in html.unescape(_TAGS.sub(" ", text)).split():
            forms.extend(_chunk_forms(chunk)[1])
    return " ".join(form for form in dict.fromkeys(forms) if form not in written)


_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split()
)
"""Elements inside running text: the reader sees their text as part of the words around them."""
_INLINE_TAG = re.compile("\u200d*</?(?:" + "|".join(sorted(_INLINE)) + ")(?=[\\s/>])[^>]*>\u200d*", re.IGNORECASE)
"""An inline element's tag, with the zero-width joiners around it (those that keep letters
joined across the element's edge on screen)."""
_ATTRIBUTES = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\s[^>]*>")
_MENTION = re.compile(r'<(a|span) class="mention[" ][^>]*>(.*?)</\1>', re.DOTALL)
"""A mention (``bodyhtml``): a link, or a ``span`` inside a link of the text."""


def reading_html(body: str) -> str:
    """An article body's HTML as Pagefind should read it: the text the reader sees, in its
    blocks (paragraphs, headings, list items… as bare tags), and nothing else.

    Pagefind 1.5 breaks a word where an element with an ``id`` starts (the anchor marker
    it writes there has spaces around it, which stay in the indexed text). In the visible
    body every mention is a link with an id, so ``لروسيا`` (``ل[[russia|روسيا]]``) would be
    indexed, and shown in excerpts, as ``ل`` and ``روسيا`` with a joiner, a space and a
    joiner between them, and ``"الناتو"`` as ``" الناتو"``. Here inline elements are
    unwrapped, so their text joins the words around them as on screen, and the zero-width
    joiners of an element's edge go with it (without the edge they join nothing). Blocks
    keep their tags, without attributes (ids), so Pagefind still separates their sentences.
    """
    return _ATTRIBUTES.sub(r"<\1>", _INLINE_TAG.sub("", body))


def mention_names(body: str) -> list[str]:
    """The text of each mention in an article body's HTML, as shown (HTML)."""
    return [found[2] for found in _MENTION.finditer(body)]


@dataclass(frozen=True)
class SearchText:
    """What an article page gives Pagefind to index, in a hidden element of its own."""

    body: Markup
    """The body as read (``reading_html``)."""
    forms: str
    """The search forms of the headline, summary and body (``search_forms``)."""


def search_text(title: str, summary: str, body: str) -> SearchText:
    """The indexed text of an article page with this headline, summary and body HTML.

    A mention written joined to a clitic (``لروسيا``) is one word in the indexed text, as on
    the page, which Pagefind's stemmer does not reduce to the name; the names of mentions
    are therefore also searched for (``search_forms``' ``also``): ``روسيا`` finds the page."""
    reading = reading_html(body)
    return SearchText(Markup(reading), search_forms(title, summary, reading, also=mention_names(body)))


@lru_cache(maxsize=1 << 17)
def _chunk_forms(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a chunk of text without white space, as written, and their search forms.

    Normalising (``normalized_text``) maps each character on its own and never turns white
    space into a letter, so the words of a text are those of its chunks, in order. Taken
    chunk by chunk, they are memoised: an archive's articles share most of their words, and
    normalising and splitting every article page's whole text took a third of its view."""
    forms = (_form(word) for word in WORD_RE.findall(normalized_text(chunk)))
    return tuple(WORD_RE.findall(chunk)), tuple(form for form in forms if form is not None)


@lru_cache(maxsize=1 << 16)
def _form(word: str) -> str | None:
    """The search form of a normalised word, ``None`` for a word with no Arabic letter.
    Memoised: an archive's articles share most of their vocabulary."""
    return _without_article(word) if _ARABIC.search(word) else None


SHARD_PAGES = 1000
"""Most pages in one Pagefind index. Pagefind holds a whole index in memory (about
330 KB per Arabic article page) and indexes mostly on one core (about 4 CPU-seconds per
1,000 pages), so an edition's articles are split into shards of at most this many pages:
each indexed in its own process, two at a time on two cores, each process about 330 MB, and an edit
re-indexes only its article's shard (about 3 s). The search page merges an edition's
shards (Pagefind's ``mergeIndex``), which ranks their results together."""


def shard_count(pages: int) -> int:
    """Shards for an edition of ``pages`` searchable pages (none for none)."""
    return -(-pages // SHARD_PAGES)


def shard_of(page: str, count: int) -> int:
    """The shard of a page: by a hash of its path, so adding or removing an article changes one
    shard (all of them when the number of shards changes, every 1,000 articles), and every
    shard gets a random sample of the edition (comparable ranking statistics)."""
    return _page_hash(page) % count


@lru_cache(maxsize=1 << 17)
def _page_hash(page: str) -> int:
    """A page path's hash, memoised: every build shards every page again (twice), and a
    rebuild in ``serve`` should not hash 26,000 paths for the one that changed."""
    return int.from_bytes(hashlib.sha256(page.encode("utf-8")).digest()[:8], "big")


def shards(pages: Sequence[str]) -> dict[int, list[str]]:
    """One edition's pages by shard number (shards that would be empty are left out), sorted."""
    count = shard_count(len(pages))
    groups: dict[int, list[str]] = {}
    for page in sorted(pages):
        groups.setdefault(shard_of(page, count), []).append(page)
    return dict(sorted(groups.items()))


def shard_folder(lang: str, number: int) -> str:
    """A shard's folder in the site: ``pagefind/<lang>/<n>/``."""
    return f"{BUNDLE}/{lang}/{number}/"


@dataclass(frozen=True)
class SearchOutput:
    """What indexing added to the staged site."""

    keys: dict[str, str]
    """Bundle files (site-relative) → digest of their bytes, to be listed with the other outputs."""
    written: tuple[str, ...]
    """Bundle files whose bytes differ from the live site's."""
    pages: int
    """Article pages indexed this time (0 when every shard was kept)."""
    notice: str | None = None
    """One line for the user when search could not be built."""
    record: _Previous | None = None
    """What the build cache should say about the bundle once the new site is live
    (``None``: nothing, so the next build indexes again). See ``save_record``."""


def save_record(cache_dir: Path, output: SearchOutput | None) -> None:
    """Record the bundle now in ``site/``; with ``None``, forget it.

    The build forgets the record before the new site is swapped in and saves it after,
    like its manifest: a build killed in between leaves no record, never one that
    describes a bundle the live site does not have.
    """
    record = cache_dir / "search.json"
    if output is None or output.record is None:
        record.unlink(missing_ok=True)
    else:
        _save(record, output.record)


@dataclass(frozen=True)
class _Shard:
    key: str
    """Digest of the shard's page list, the shard count, the scheme and the Pagefind version."""
    files: dict[str, str]
    """The shard's files (site-relative) → digest of their bytes."""
    stale: bool = False
    """Its pages changed while indexing was off (``--no-search``)."""


@dataclass(frozen=True)
class _Previous:
    shards: dict[str, _Shard]
    """By shard folder (``pagefind/ar/0/``)."""
    stale: bool = False
    """The shards no longer match the pages (added, removed or missing ones)."""


def is_stale(cache_dir: Path) -> bool:
    """Whether a build skipped indexing (``--no-search``) after article pages changed."""
    previous = _load(cache_dir / "search.json")
    return previous is not None and (previous.stale or any(s.stale for s in previous.shards.values()))


class StagedSite(Protocol):
    """What indexing needs of the writer's staging: the tree being assembled, the live site, ``put``."""

    path: Path
    site_dir: Path

    def put(self, relpath: str, data: bytes | object) -> bool: ...


def plan_shards(pages: Sequence[str]) -> dict[str, tuple[str, list[str]]]:
    """Shard folder → (its key, its pages), for ``pages`` grouped by edition (their first path part)."""
    by_lang: dict[str, list[str]] = {}
    for page in pages:
        by_lang.setdefault(page.split("/", 1)[0], []).append(page)
    version = _pagefind_version()
    planned: dict[str, tuple[str, list[str]]] = {}
    for lang, found in sorted(by_lang.items()):
        count = shard_count(len(found))
        for number, group in shards(found).items():
            key = hashlib.sha256(repr((SCHEME, version, count, group)).encode("utf-8")).hexdigest()
            planned[shard_folder(lang, number)] = (key, group)
    return planned


def index_site(
    staging: StagedSite,
    pages: Sequence[str],
    written: Iterable[str],
    cache_dir: Path,
    *,
    enabled: bool = True,
    meanwhile: Callable[[], object] = lambda: None,
    present: Callable[[str], bool] | None = None,
) -> SearchOutput:
    """Index ``pages`` (article pages) of the complete staged site and ``put`` the bundle beside them.

    Call once every page is staged and before the swap. ``written`` are the outputs whose
    bytes differ from the live site's: a shard is re-indexed only when one of its pages is
    among them, its list of pages changed, or its files are missing from the live site.
    A change that leaves article pages as they were (most template and code changes)
    re-indexes nothing. ``meanwhile`` is called once, in this thread, while the Pagefind
    processes run (the build saves its parse cache there); its errors are not Pagefind's.
    ``present`` tells whether a file of the live site is the one the last build left there
    (``buildstate.LiveSite``): a shard is kept only if every file of it is; by default,
    whether the file exists.
    """
    put, live = staging.put, staging.site_dir
    previous = _load(cache_dir / "search.json")
    if present is None:
        prefix, isfile = str(live) + os.sep, os.path.isfile

        def present(path: str) -> bool:
            return isfile(prefix + path)

    kept: dict[str, _Shard] = {}
    if previous is not None:
        for folder, shard in previous.shards.items():
            if all(present(path) for path in shard.files):
                kept[folder] = shard
    wanted = plan_shards(pages)
    changed = set(written)

    def fresh(folder: str, key: str, group: list[str]) -> bool:
        shard = kept.get(folder)
        return shard is not None and shard.key == key and not shard.stale and changed.isdisjoint(group)

    if not enabled:
        # Keep the live bundle as it is; the next build with search catches up.
        meanwhile()
        if previous is None:
            return SearchOutput({}, (), 0, record=_Previous({}, stale=True))
        for shard in kept.values():
            for path in shard.files:
                put(path, KEEP)
        marked = {
            folder: replace(shard, stale=folder not in wanted or not fresh(folder, *wanted[folder]))
            for folder, shard in kept.items()
        }
        stale = previous.stale or kept.keys() != wanted.keys()
        files = {path: digest for shard in kept.values() for path, digest in shard.files.items()}
        return SearchOutput(files, (), 0, record=_Previous(marked, stale=stale))
    todo = {folder: group for folder, (key, group) in wanted.items() if not fresh(folder, key, group)}
    done: dict[str, _Shard] = {}
    written: list[str] = []
    cache_dir.mkdir(parents=True, exist_ok=True)
    for folder in wanted.keys() - todo.keys():
        done[folder] = kept[folder]
        for path in kept[folder].files:
            put(path, KEEP)
    notice = None
    with tempfile.TemporaryDirectory(prefix="search-", dir=cache_dir) as scratch:
        running = _run_shards(staging.path, Path(scratch), todo)
        try:
            next(running)  # every shard's job is under way
            meanwhile()
            try:
                # Each bundle is put into the site as soon as its shard is indexed, beside the
                # indexing of the others (creating its files costs about as much as indexing).
                for folder, bundle in running:  # type: ignore[misc]
                    files = canonical_bundle(_bundle_files(bundle))
                    shutil.rmtree(bundle, ignore_errors=True)
                    digests = {}
                    for rel, data in files.items():
                        path = folder + rel
                        digests[path] = hashlib.sha256(data).hexdigest()
                        if put(path, data):
                            written.append(path)
                    done[folder] = _Shard(wanted[folder][0], digests)
            except (ImportError, FileNotFoundError) as exc:
                notice = f"search not built, Pagefind is not available ({exc}); pip install 'pagefind[bin]'"
            except Exception as exc:  # noqa: BLE001 - search is optional: the site is published without it
                notice = f"search not built, Pagefind failed: {exc}"
        finally:
            running.close()  # after a failure, waits for the Pagefind processes still running
    # The shards already put are part of the site either way. After a failure the record
    # says the bundle is behind, so the next build runs again and indexes the missing shards.
    done = dict(sorted(done.items()))
    files = {path: digest for shard in done.values() for path, digest in shard.files.items()}
    indexed = sum(len(group) for folder, group in todo.items() if folder in done)
    return SearchOutput(files, tuple(sorted(written)), indexed, notice, _Previous(done, stale=notice is not None))


def _run_shards(staged: Path, scratch: Path, todo: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, Path] | None]:
    """Index each shard in its own Pagefind process, as many at once as there are cores;
    yield ``None`` once every job is submitted, then each shard's folder and bundle as it is done.

    Pagefind indexes mostly on one core, so two shards at once keep both busy.
    """
    from .parallel import before_fork, workers

    before_fork()

    def job(number: int, group: Sequence[str]) -> Path:
        bundle, config = scratch / f"bundle-{number}", scratch / f"config-{number}"
        pattern = shard_glob(group)
        if pattern is not None:
            _run_pagefind(staged, bundle, config, pattern)
            return bundle
        source = scratch / f"site-{number}"
        _mirror(staged, source, group)
        try:
            _run_pagefind(source, bundle, config, _ARTICLE_GLOB)
        finally:
            shutil.rmtree(source, ignore_errors=True)
        return bundle

    jobs = sorted(todo.items())
    with ThreadPoolExecutor(max_workers=max(1, min(workers(), len(jobs)))) as pool:
        futures = {pool.submit(job, number, group): folder for number, (folder, group) in enumerate(jobs)}
        try:
            yield None
            for future in as_completed(futures):
                yield futures[future], future.result()
        finally:
            for future in futures:
                future.cancel()


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return ""


def _load(record: Path) -> _Previous | None:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        shards = {
            str(folder): _Shard(
                str(shard["key"]), {str(k): str(v) for k, v in shard["files"].items()}, bool(shard.get("stale"))
            )
            for folder, shard in data["shards"].items()
        }
        return _Previous(shards, bool(data.get("stale", False)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _save(record: Path, previous: _Previous) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    shards = {
        folder: {"key": shard.key, "files": shard.files, "stale": shard.stale}
        for folder, shard in previous.shards.items()
    }
    data = {"shards": shards, "stale": previous.stale}
    record.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


_PAGE = re.compile(r"([a-z]+(?:-[a-z0-9]+)*)/articles/([a-z0-9]+(?:-[a-z0-9]+)*)/index\.html")
"""An article page whose path needs no quoting in a glob (ids and slugs are checked when read)."""


def shard_glob(pages: Sequence[str]) -> str | None:
    """A glob matching exactly ``pages`` (one edition's article pages) in the staged site, or
    ``None`` when some path is not a plain article page (then the shard is indexed from a mirror).

    The staging tree may still hold pages of deleted articles until the swap, and the pages
    of other shards: the glob names each page of the shard, so Pagefind reads only those,
    straight from the staged site.
    """
    langs, slugs = set(), []
    for page in pages:
        found = _PAGE.fullmatch(page)
        if found is None:
            return None
        langs.add(found[1])
        slugs.append(found[2])
    if len(langs) != 1 or not slugs:
        return None
    names = slugs[0] if len(slugs) == 1 else "{" + ",".join(slugs) + "}"
    return f"{langs.pop()}/articles/{names}/index.html"


def _mirror(staged: Path, target: Path, pages: Sequence[str]) -> None:
    """Exactly the new site's pages of one shard, hard-linked (copied across file systems),
    for pages that ``shard_glob`` cannot name."""
    for rel in pages:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(staged / rel, dest)
        except OSError:
            shutil.copyfile(staged / rel, dest)


def _run_pagefind(source: Path, bundle: Path, config: Path, pattern: str) -> None:
    """Run the Pagefind binary over the pages of ``source`` that ``pattern`` matches, writing the bundle.

    The command line rather than the Python API's service: once the process has exited
    every file of the bundle is complete, and it indexes faster than the service. The glob
    goes in a ``pagefind.json`` in its own folder (Pagefind reads it from its working
    folder): a shard's glob names up to 1,000 pages, more than one argument may hold.
    """
    from pagefind.service import get_executable

    from .parallel import die_with_parent

    binary = get_executable()
    if binary is None or not binary.is_file():
        raise FileNotFoundError(f"no Pagefind binary at {binary}" if binary else "no Pagefind binary")
    config.mkdir(parents=True, exist_ok=True)
    (config / "pagefind.json").write_text(json.dumps({"glob": pattern}), encoding="utf-8")
    command = [str(binary), "--site", str(source.resolve()), "--output-path", str(bundle.resolve()), "--silent"]
    # Killed with the build, whichever way the build ends (``parallel.die_with_parent``).
    with_parent = partial(die_with_parent, os.getpid())
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=config, preexec_fn=with_parent)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"exit status {done.returncode}")


def _bundle_files(bundle: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        rel = path.relative_to(bundle).as_posix()
        if not _UNUSED.match(rel):
            files[rel] = path.read_bytes()
    return files


_SIGNATURE = b"pagefind_dcd"


def canonical_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle with Pagefind's hash-map orders sorted, so the same pages give the same bytes.

    Pagefind 1.5 writes each filter's values, the list of filters in each language's
    ``pf_meta`` and the languages in ``pagefind-entry.json`` in hash-map order. These files
    are re-encoded sorted and renamed after their content, the way Pagefind names them. Any
    layout this does not recognise leaves the bundle as Pagefind wrote it.
    """
    try:
        renamed: dict[str, str] = {}
        out = {rel: data for rel, data in files.items() if not rel.startswith("filter/") and ".pf_meta" not in rel}
        for rel, data in files.items():
            if rel.startswith("filter/"):
                name, values = _unpack(data)
                lang = rel[len("filter/") :].split("_", 1)[0]
                payload = _cbor([name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda x: x[0])])
                renamed[rel[len("filter/") : -len(".pf_filter")]] = new = f"{lang}_{_digest(payload, 7)}"
                out[f"filter/{new}.pf_filter"] = _pack(payload)
        languages: dict[str, str] = {}
        for rel, data in files.items():
            if rel.endswith(".pf_meta"):
                meta = _unpack(data)
                meta[3] = sorted(([name, renamed[old]] for name, old in meta[3]), key=lambda x: x[0])
                payload = _cbor(meta)
                old_hash = rel[len("pagefind.") : -len(".pf_meta")]
                languages[old_hash] = new = f"{old_hash.split('_', 1)[0]}_{_digest(payload, 10)}"
                out[f"pagefind.{new}.pf_meta"] = _pack(payload)
        entry = json.loads(files["pagefind-entry.json"])
        for info in entry["languages"].values():
            info["hash"] = languages[info["hash"]]
        entry["languages"] = dict(sorted(entry["languages"].items()))
        out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return dict(sorted(out.items()))
    except (ValueError, KeyError, IndexError, TypeError, OSError, EOFError):
        return files


def _digest(payload: bytes, length: int) -> str:
    return hashlib.sha256(payload).hexdigest()[:length]


def _pack(payload: bytes) -> bytes:
    return gzip.compress(_SIGNATURE + payload, mtime=0)


def _unpack(data: bytes):  # type: ignore[no-untyped-def]
    raw = gzip.decompress(data)
    if not raw.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind data file")
    value, end = _uncbor(raw, len(_SIGNATURE))
    if end != len(raw):
        raise ValueError("trailing bytes")
    return value


def _uncbor(buf: bytes, i: int):  # type: ignore[no-untyped-def]
    """Decode the CBOR subset Pagefind's metadata and filter files use: integers, strings, arrays."""
    major, info = buf[i] >> 5, buf[i] & 31
    i += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg, i = int.from_bytes(buf[i : i + size], "big"), i + size
    else:
        raise ValueError("unsupported CBOR item")
    if major == 0:
        return arg, i
    if major in (2, 3):
        chunk = buf[i : i + arg]
        return (chunk.decode("utf-8") if major == 3 else bytes(chunk)), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _uncbor(buf, i)
            items.append(item)
        return items, i
    raise ValueError("unsupported CBOR item")


def _cbor(value) -> bytes:  # type: ignore[no-untyped-def]
    if isinstance(value, bool) or value is None:
        raise ValueError("unsupported value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_cbor(item) for item in value)
    raise ValueError("unsupported value")


def _head(major: int, arg: int) -> bytes:
    """A CBOR item head in its shortest form (as Pagefind's encoder writes it)."""
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large")
