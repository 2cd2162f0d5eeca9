"""A pause of the cyclic garbage collector while many acyclic objects are made or read."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built or checked.

    Records, estimates and findings hold no reference cycles, and the collector's passes
    over hundreds of thousands of young objects slow a large load by a third and a run of
    the checks by half.  Callers in several threads share one pause; the collector is
    switched back on only if it was on when the first of them began.
    """
    global _pauses, _resume  # noqa: PLW0603 - one process-wide collector, one count
    with _pause_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


_pause_lock = threading.Lock()
_pauses = 0
_resume = False
