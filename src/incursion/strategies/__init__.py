"""Hypothesis strategies for figures, records and documents, to property-test your code.

Install Hypothesis with the extra: ``pip install 'incursion[hypothesis]'``.

``st.builds`` cannot see the validators of incursion's records (a claim needs a figure, a
count is a whole number, a range runs upwards, ids are unique, records cite listed
sources), so every strategy here draws each field from values the library accepts, within
realistic ranges.  With incursion installed, Hypothesis also knows them by type:
``st.from_type(TerritorialClaim)`` draws from :func:`territorial_claims`, and so on for
:class:`~incursion.Estimate`, :class:`~incursion.Source`, :class:`~incursion.Citation`,
:class:`~incursion.Span`, :class:`~incursion.Likelihood`, :class:`~incursion.Count`,
:class:`~incursion.Part`, :class:`~incursion.Region`, the six record kinds (territorial
claims, casualty reports, allegations, assessments, materiel losses and measurements) and
:class:`~incursion.Document`.

Records drawn into a document sometimes carry relations to other records' figures
(``within``, ``share_of``, ``revises``) that always name a record, a field and a figure of
a kind the document accepts.

Besides any valid data, :func:`consistent_documents` draws documents on which no built-in
check reports a warning or an error, and :func:`inconsistent_documents` draws one with a
single inconsistency that a named check finds.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

# This module is the package's manifest (its docstring is the API reference's page).  The
# strategies live in private modules, by job: Hypothesis and the drawing helpers in
# ``_draw``, numerals and hedge words in ``_numbers``, unit spellings, figure texts and
# estimates in ``_figures``, sources, citations, spans and likelihoods in ``_fields``,
# relations between figures in ``_relations``, records and documents in ``_records``, and
# the consistent and inconsistent documents in ``_consistent`` and ``_inconsistent``.
from incursion.strategies._consistent import consistent_documents
from incursion.strategies._fields import citations, likelihoods, sources, spans
from incursion.strategies._figures import DIMENSIONS, estimates, figure_texts
from incursion.strategies._inconsistent import INJECTABLE_CHECKS, inconsistent_documents
from incursion.strategies._records import (
    allegations,
    assessments,
    casualty_reports,
    counts,
    documents,
    materiel_losses,
    measurements,
    parts,
    records,
    regions,
    territorial_claims,
)

__all__ = [
    "DIMENSIONS",
    "INJECTABLE_CHECKS",
    "allegations",
    "assessments",
    "casualty_reports",
    "citations",
    "consistent_documents",
    "counts",
    "documents",
    "estimates",
    "figure_texts",
    "inconsistent_documents",
    "likelihoods",
    "materiel_losses",
    "measurements",
    "parts",
    "records",
    "regions",
    "sources",
    "spans",
    "territorial_claims",
]
