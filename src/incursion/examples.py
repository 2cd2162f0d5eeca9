"""Documents that ship with :mod:`incursion`, for trying it out and for tests.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib.resources import files

from incursion._records import Document
from incursion._serialization import loads

__all__ = ["kursk_2024", "kursk_2024_json"]


def kursk_2024_json() -> str:
    """The JSON text of the bundled Kursk 2024 document.

    .. versionadded:: 0.1.0
    """
    return files("incursion").joinpath("data", "kursk-2024.json").read_text(encoding="utf-8")


def kursk_2024() -> Document:
    """The figures reported on 12 August 2024 about the Ukrainian incursion into Kursk.

    Syrskyi's "around 1,000 square kilometres (386 square miles)" held; Smirnov's
    12 kilometres (7.5 miles) deep across a 40-kilometre (25-mile) front, 28 settlements,
    12 civilians killed and 121 wounded including 10 children, about 121,000 displaced;
    Putin's 100,000 who fled; a governor's chemical-weapons allegation without public
    evidence; Zelenskyy's nearly 2,000 cross-border strikes on Sumy over the summer; and a
    RUSI analyst's assessment.

    >>> doc = kursk_2024()
    >>> doc.record("syrskyi-0812").area.interval
    (900.0, 1100.0)

    .. versionadded:: 0.1.0
    """
    return loads(kursk_2024_json(), origin="incursion.examples.kursk_2024")
