"""Investor scorecards from ``msa analyse`` results: a page per statement, a portfolio page, an Excel workbook.

>>> from nlp.scorecards import build_scorecards
>>> summary = build_scorecards("results/demo", "results/demo/scorecards")  # doctest: +SKIP

The pages are static and self-contained (inline CSS, JavaScript and SVG; nothing loaded from the network) and
carry a Content-Security-Policy. The headline grade is defined by the bands in ``scorecards.yaml``.
"""

from nlp.scorecards.build import ScorecardError, build_scorecards
from nlp.scorecards.config import ScorecardConfig, load_config
from nlp.scorecards.models import Grade, PortfolioRow, ScorecardSummary, YearOverYear

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
