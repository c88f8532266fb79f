"""The editor's tools: they write content files, the engine only reads them.

``import`` turns scraped texts, saved pages, URLs and feeds into articles (``importer``,
with ``scrape`` reading plain texts and ``webpage`` HTML pages), ``annotate`` marks the
registered entities' mentions and suggests the names the registry lacks (``annotate``,
``editing``), and ``evaluate`` measures both. Nothing of the build imports this package.
"""
