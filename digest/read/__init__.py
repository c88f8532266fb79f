"""The read stage: the project's files (``project``), their front matter kept with every
line and column (``frontmatter``), the fields each kind of file may have (``schema``), and
the whole content read into a frozen ``model.Corpus`` with its diagnostics (``reader``).
Article bodies are parsed and compiled once here (``markup``), so a page only fills them in."""
