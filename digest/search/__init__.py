"""Static search: Pagefind indexes of the article pages, one set of shards per edition.

Three stages of a build use it, one module each: the page kinds put each article's
indexed text on its page (``forms``: the body as read and the search forms of its Arabic
words), the plan names an edition's shards on its search page (``shards``), and after
rendering the staged site is indexed shard by shard (``pagefind``), the bundle made
reproducible (``bundle``) and put into the site beside the pages.
"""
