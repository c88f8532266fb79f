"""Fetch the pages an import answer key lists, for scoring the importer on them.

    python bench/gather_import_pages.py KEY DIR

For each entry of KEY (``tests/fixtures/import_pages/dev.yaml`` or ``holdout.yaml``)
fetches its ``url`` and saves the HTML as ``DIR/<id>.html`` and, when trafilatura finds a
main text in it, that text as ``DIR/<id>.txt`` (the form ``bench/import_accuracy.py``
reads). Prints one line per page and a count; a page that cannot be fetched is one line
``id: cannot fetch URL: reason`` and makes the exit status 1.

The pages belong to their publishers: DIR must stay out of the repository
(``tests/fixtures/import_pages/texts/`` is ignored by git). Needs ``httpx``,
``trafilatura`` and ``lxml_html_clean``, which are not among digest's dependencies:
``pip install httpx trafilatura lxml_html_clean``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
TIMEOUT = 20.0


def entries(key: Path) -> list[dict]:
    """The key's pages that have an ``id`` and a ``url``."""
    data = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    return [p for p in data.get("pages") or [] if p.get("id") and p.get("url")]


def fetch(client, url: str) -> str:
    """The page's HTML; raises on a network error or an HTTP error status."""
    response = client.get(url)
    response.raise_for_status()
    return response.text


def to_text(html: str, url: str) -> str | None:
    """The main text trafilatura finds in the page, or None."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_recall=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("key", type=Path, help="answer key (yaml with a 'pages' list)")
    parser.add_argument("dir", type=Path, help="where to write <id>.html and <id>.txt")
    args = parser.parse_args(argv)
    try:
        import httpx
        import trafilatura  # noqa: F401
    except ImportError as exc:
        print(f"needs httpx and trafilatura ({exc}): pip install httpx trafilatura lxml_html_clean", file=sys.stderr)
        return 2
    pages = entries(args.key)
    args.dir.mkdir(parents=True, exist_ok=True)
    fetched = texts = failed = 0
    headers = {"User-Agent": USER_AGENT, "Accept-Language": "ar,en;q=0.8"}
    with httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers=headers) as client:
        for page in pages:
            pid, url = str(page["id"]), str(page["url"])
            try:
                html = fetch(client, url)
            except (httpx.HTTPError, OSError, ValueError) as exc:
                failed += 1
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                print(f"{pid}: cannot fetch {url}: {reason}")
                continue
            fetched += 1
            (args.dir / f"{pid}.html").write_text(html, encoding="utf-8")
            try:
                text = to_text(html, url)
            except Exception as exc:  # trafilatura on a broken page: keep the HTML, report, go on
                text = None
                print(f"{pid}: fetched, but no text extracted: {type(exc).__name__}: {exc}")
            if text:
                texts += 1
                (args.dir / f"{pid}.txt").write_text(text + "\n", encoding="utf-8")
                print(f"{pid}: ok ({len(html)} bytes of HTML, {len(text)} characters of text)")
            else:
                print(f"{pid}: fetched, no main text found ({len(html)} bytes of HTML)")
    print(f"{len(pages)} pages: {fetched} fetched, {texts} texts written, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
