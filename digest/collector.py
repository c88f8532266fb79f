"""The cycle collector paused where a build makes millions of objects that are no garbage.

Reading the parse cache, the corpus and the index creates millions of acyclic objects;
the collector's full passes over them, triggered by the allocations alone, would cost
seconds (measured: they tripled the parse cache's load time at 10,000 articles). Every
pause of the build goes through ``paused``, so the trick lives in one place.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused(*, unfreeze: bool = False) -> Iterator[None]:
    """The collector off for the ``with`` block, then as it was. ``unfreeze``: also give
    back to it the objects frozen inside the block (``gc.freeze``, which the build does
    before rendering so that its passes and forked workers' copy-on-write skip the
    objects that live until the end)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if unfreeze:
            gc.unfreeze()
        if collecting:
            gc.enable()


def freeze_and_resume() -> None:
    """Inside ``paused(unfreeze=True)``: freeze every object made so far (the corpus, index
    and plan, which live until the end of the build) and let the collector run again for
    what comes after (rendering's short-lived objects)."""
    gc.freeze()
    gc.enable()
