"""Scorecard settings (``scorecards.yaml``): grade bands, plain-English readings and wording."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

DEFAULT_CONFIG = Path(__file__).with_name("scorecards.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GradeBand(_Strict):
    """One grade and the thresholds a statement must meet to get it."""

    grade: str = Field(description="The grade letter shown, e.g. A.")
    label: str = Field(description="One word for it, e.g. Leading.")
    min_completeness: float | None = Field(default=None, description="Baseline framework completeness (0-100).")
    min_specificity: float | None = Field(default=None, description="Statement specificity (0-100).")
    min_xinjiang_level: int | None = Field(default=None, description="Xinjiang ladder level (0-5).")
    max_red_flags: int | None = Field(default=None, description="Red flags (severity red) allowed.")


class GradeSettings(_Strict):
    """How the headline grade is computed."""

    baseline: dict[str, str] = Field(description="Jurisdiction -> framework id of its legal baseline.")
    legal_frameworks: list[str] = Field(description="Framework ids that are legal baselines somewhere.")
    fallback: Literal["best", "mean"] = Field(default="best", description="For a jurisdiction with no baseline.")
    bands: list[GradeBand] = Field(min_length=1, description="Best first; the first band whose thresholds hold.")

    @model_validator(mode="after")
    def _last_band_is_open(self) -> GradeSettings:
        last = self.bands[-1]
        if any(v is not None for k, v in last.model_dump().items() if k.startswith(("min_", "max_"))):
            raise ValueError(f"the last grade band ({last.grade}) must have no thresholds")
        return self


class Reading(_Strict):
    """A band of a 0-100 score and how it reads."""

    min: float
    text: str


class Readings(_Strict):
    """Plain-English readings of completeness and specificity."""

    completeness: list[Reading]
    specificity: list[Reading]


class AssertionWords(_Strict):
    """How each assertion flag reads."""

    stated: str
    negated: str
    future: str
    hedged: str
    reported: str
    scope: dict[str, str]


class ScorecardConfig(_Strict):
    """Everything the scorecards take from ``scorecards.yaml``."""

    grade: GradeSettings
    readings: Readings
    frameworks: dict[str, str] = Field(default_factory=dict)
    jurisdictions: dict[str, str] = Field(default_factory=dict)
    languages: dict[str, str] = Field(default_factory=dict)
    labels: dict[str, str] = Field(default_factory=dict)
    disclosure_labels: list[str] = Field(default_factory=list)
    assertion: AssertionWords
    commitment_labels: list[str] = Field(default_factory=list)
    copy_min_words: int = 8
    errors: dict[str, str] = Field(default_factory=dict)

    def label_name(self, label: str) -> str:
        """Short plain name of a finding label."""
        return self.labels.get(label, label)

    def framework_name(self, framework: str, title: str = "") -> str:
        """Short name of a framework."""
        return self.frameworks.get(framework, title or framework)

    def reading(self, kind: Literal["completeness", "specificity"], value: float) -> str:
        """The one-line reading of a score."""
        for band in getattr(self.readings, kind):
            if value >= band.min:
                return band.text
        return ""


@lru_cache(maxsize=8)
def _load(path: str) -> ScorecardConfig:
    with open(path, encoding="utf-8") as fh:
        return ScorecardConfig.model_validate(yaml.safe_load(fh))


def load_config(path: str | Path | None = None) -> ScorecardConfig:
    """Load scorecard settings.

    Args:
        path: A YAML file in the format of ``nlp/scorecards/scorecards.yaml``; default: that file.

    Returns:
        The validated settings.
    """
    return _load(str(Path(path or DEFAULT_CONFIG).resolve()))
