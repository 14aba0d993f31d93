"""The data models of scoring rules: frameworks, criteria, levels, conditions, the Xinjiang ladder and red flags.

Files: ``rules/frameworks/*.yaml`` (one framework each) and ``rules/scoring.yaml`` (the Xinjiang ladder, the red
flags and the statement specificity settings). All models are strict (``extra="forbid"``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nlp.models import ScopeValue


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FindingFilter(_Strict):
    """Which findings count: labels plus conditions on their assertion and specificity."""

    labels: list[str] = Field(min_length=1, description="Any of these labels.")
    negated: bool | None = Field(default=False, description="Required negation flag; null: either.")
    future: bool | None = Field(default=None, description="Required future/commitment flag; null: either.")
    hedged: bool | None = Field(default=None, description="Required hedge flag; null: either.")
    scope: list[ScopeValue] | None = Field(default=None, description="Scope must be one of these.")
    not_scope: list[ScopeValue] = Field(default_factory=list, description="Scope must not be one of these.")
    min_specificity: float = Field(default=0, ge=0, le=100, description="Minimum sentence specificity.")
    with_labels: list[str] = Field(
        default_factory=list, description="Another finding of one of these labels must share the sentence."
    )
    features: list[str] = Field(
        default_factory=list, description="The sentence must have a specificity feature of one of these kinds."
    )


class Condition(_Strict):
    """A statement-level condition: exactly one of findings / all / any / none."""

    findings: FindingFilter | None = Field(default=None, description="At least min_count findings match.")
    min_count: int = Field(default=1, ge=1, description="With findings: how many distinct sentences.")
    all: list[Condition] | None = Field(default=None, description="Every sub-condition holds.")
    any: list[Condition] | None = Field(default=None, description="At least one sub-condition holds.")
    none: list[Condition] | None = Field(default=None, description="No sub-condition holds.")

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [k for k in ("findings", "all", "any", "none") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a condition needs exactly one of findings, all, any, none (got {kinds or 'none'})")
        return self


class Level(_Strict):
    """A graded level of a criterion; levels are listed from lowest to highest."""

    name: Literal["mentioned", "described", "evidenced"] = Field(description="Level name.")
    points: float = Field(gt=0, description="Points earned at this level.")
    min_sentences: int = Field(default=1, ge=1, description="Distinct sentences with qualifying findings.")
    min_labels: int = Field(default=1, ge=1, description="Distinct labels among the qualifying findings.")
    min_specificity: float = Field(
        default=0, ge=0, le=100, description="At least one qualifying finding with this specificity."
    )
    completed: bool = Field(default=False, description="At least one qualifying finding is not a commitment.")
    reason: str = Field(min_length=3, description="Why the level is reached, shown to users.")


class Criterion(_Strict):
    """One criterion of a framework."""

    id: str = Field(description="Stable id, e.g. UK.S54.DUE_DILIGENCE.")
    title: str = Field(description="Short title.")
    description: str | None = Field(default=None, description="What the criterion asks (the law's words).")
    weight: float = Field(default=1.0, gt=0, description="Weight in completeness.")
    satisfied_by: list[FindingFilter] = Field(min_length=1, description="Findings that count for it.")
    levels: list[Level] = Field(min_length=1, description="Levels from lowest to highest.")
    missing: str = Field(min_length=3, description="What to say when nothing counts, in plain words.")
    jurisdictions: list[str] = Field(
        default_factory=list, description="Applies only to statements of these jurisdictions (empty: all)."
    )
    aims: str | None = Field(default=None, description="AIMS column this criterion corresponds to.")
    aims_relevant: list[FindingFilter] = Field(
        default_factory=list,
        description=(
            "Findings that make a sentence relevant to the AIMS question without earning points: they answer it "
            "(e.g. 'no remediation was needed'), but the criterion is not met by them."
        ),
    )

    @model_validator(mode="after")
    def _levels_rise(self) -> Criterion:
        points = [lv.points for lv in self.levels]
        if points != sorted(points):
            raise ValueError("levels must be listed from lowest to highest points")
        return self


class Framework(_Strict):
    """A scoring framework: a law's reporting areas or a due-diligence checklist."""

    id: str = Field(description="Stable id, e.g. uk_s54.")
    title: str = Field(description="Title shown to users.")
    description: str = Field(description="What it measures and where it comes from.")
    source: str = Field(description="The law, guidance or NGO ask it encodes.")
    jurisdictions: list[str] = Field(default_factory=list, description="Where it is the legal baseline.")
    criteria: list[Criterion] = Field(min_length=1)


class LadderStep(_Strict):
    """One rung of the Xinjiang ladder."""

    level: int = Field(ge=1, le=5)
    title: str
    when: Condition
    reason: str = Field(description="Shown when this is the statement's level.")


class RedFlag(_Strict):
    """A red flag raised when its condition holds."""

    id: str = Field(description="Flag id, e.g. xinjiang.denial_direct_only.")
    severity: Literal["info", "warning", "red"] = "red"
    message: str = Field(description="Plain-language explanation.")
    when: Condition


class SpecificitySettings(_Strict):
    """How the statement specificity is aggregated from sentence scores."""

    claim_labels: list[str] = Field(min_length=1, description="Label prefixes whose sentences count as claims.")
    top_share: float = Field(
        default=1.0, gt=0, le=1, description="Mean over this share of the most specific claim sentences."
    )
    min_claims: int = Field(default=3, ge=1, description="Fewer claim sentences: the mean is scaled down.")


class ScoringRules(_Strict):
    """rules/scoring.yaml: the Xinjiang ladder, red flags and specificity settings."""

    ladder: list[LadderStep] = Field(min_length=1)
    red_flags: list[RedFlag] = Field(default_factory=list)
    specificity: SpecificitySettings
