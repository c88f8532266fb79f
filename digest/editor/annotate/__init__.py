"""The annotator: marks registered entities' mentions in article bodies (``matcher``) and
suggests the names the registry lacks (``suggest``, from the rules of ``people``,
``quoted``, ``nouns`` and ``lists``, which read a body as ``tokens`` and by the word
lists of ``lexicon``)."""

from .matcher import Matcher, Suggestion, annotate_body, words_of
from .suggest import suggest_names

__all__ = ["Matcher", "Suggestion", "annotate_body", "suggest_names", "words_of"]
