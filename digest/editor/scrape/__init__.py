"""Read one raw scraped news text into the parts of a content file, saying what was found and what was guessed.

Scrapes of Arabic news pages arrive as plain text: the headline, date lines, a photo
credit, the article, and then whatever the page carried around it (share buttons,
newsletter prompts, a source line, tags, "read also" lists, sometimes a whole second
article). Each outlet lays this out differently, so nothing here trusts a fixed
layout: every line is recognised by what it looks like, and anything the parser had to
infer is listed in ``guessed`` so an editor can check it. The parser never invents a
headline or a date, never raises, and reports every oddity as a warning at the raw
text's own line numbers.

``parse_scraped`` is pure: no file I/O, no clock, no printing.

The package, data flowing one way (each module imports only those above it):

- ``text``: folding and comparing Arabic text, script detection;
- ``model``: the frozen results (``Scraped``, ``ScrapedPost``, ``ReadAlso``, ``Dropped``);
- ``lines``: what kind of line this is (list and tag headers, boilerplate, headline);
- ``shape``: what a line looks like (final punctuation, function words, verb shapes, bullets,
  names, menus, tag lines);
- ``datewords``, ``when``, ``dates``: date vocabulary, reading date parts, resolving date lines;
  ``urldate``: the day a page's address gives;
- ``state``: the lines and findings of one run;
- ``edges``: where a line stands (above the headline, before the first sentence, after the last);
- ``body``, ``meta``, ``credits``, ``tags``, ``related``, ``posts``: one reader per kind of line;
  ``origin``: the outlet the text credits itself to;
- ``furniture``: the body's lines judged by shape and place once the text is read;
- ``byline``: the author's name taken back out of the dropped bylines (for the importer);
- ``parser``: the order the readers are asked in, and the final result.
"""

from .body import SHORT_LINE_WORDS
from .lines import TITLE_MAX
from .model import ReadAlso, Scraped, ScrapedPost
from .parser import parse_scraped
from .posts import TWEET_LIMIT, TWEET_LINK_WEIGHT

__all__ = [
    "SHORT_LINE_WORDS",
    "TITLE_MAX",
    "TWEET_LIMIT",
    "TWEET_LINK_WEIGHT",
    "ReadAlso",
    "Scraped",
    "ScrapedPost",
    "parse_scraped",
]
