"""Text in its own right, below every stage: ``matching`` (Arabic-aware normalisation for
matching names and search, with a map back to the original characters), ``invisibles``
(bidi controls and invisible characters in names and prose), ``typeset`` (build-time
width estimates and unbreakable names) and ``english`` (the command line's plurals)."""
