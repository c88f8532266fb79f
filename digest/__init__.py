"""digest: a static-site generator for an annotated, bilingual news digest."""

__version__ = "0.1.0"
