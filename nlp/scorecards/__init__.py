"""Investor scorecards from ``msa analyse`` results: a page per statement, a portfolio page, an Excel workbook.

>>> from nlp.scorecards import build_scorecards
>>> summary = build_scorecards("results/demo", "results/demo/scorecards")  # doctest: +SKIP

The pages are static and self-contained (inline CSS, JavaScript and SVG; nothing loaded from the network) and
carry a Content-Security-Policy. The headline grade is defined by the bands in ``scorecards.yaml``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlp.scorecards.build import ScorecardError, build_scorecards
    from nlp.scorecards.config import ScorecardConfig, load_config
    from nlp.scorecards.models import Grade, PortfolioRow, ScorecardSummary, YearOverYear

# The public names are imported on first use, so that ``msa analyse`` (whose CLI registers ``msa scorecard``) does
# not load the renderer and openpyxl (~0.6 s) unless scorecards are written.
_HOME = {
    "ScorecardError": "build",
    "build_scorecards": "build",
    "ScorecardConfig": "config",
    "load_config": "config",
    "Grade": "models",
    "PortfolioRow": "models",
    "ScorecardSummary": "models",
    "YearOverYear": "models",
}

__all__ = [
    "Grade",
    "PortfolioRow",
    "ScorecardConfig",
    "ScorecardError",
    "ScorecardSummary",
    "YearOverYear",
    "build_scorecards",
    "load_config",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        value = getattr(importlib.import_module(f"nlp.scorecards.{_HOME[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'nlp.scorecards' has no attribute {name!r}")
