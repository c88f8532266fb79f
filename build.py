"""The digest command line: python build.py [build|check|serve] ... (see README.md)."""

from digest.cli import run

run()
