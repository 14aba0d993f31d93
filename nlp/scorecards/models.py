"""Public data structures of the scorecards: grade, portfolio row, year-over-year comparison, build summary."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GradeCheck(_Model):
    """One threshold of a grade band and whether the statement meets it."""

    measure: Literal["completeness", "specificity", "xinjiang_level", "red_flags"]
    value: float = Field(description="The statement's value.")
    threshold: float = Field(description="The band's minimum (or maximum for red flags).")
    ok: bool
    text: str = Field(description="The check in words.")


class Grade(_Model):
    """A statement's headline grade and how it was reached."""

    letter: str | None = Field(description="Grade letter; None when the statement could not be graded.")
    label: str = Field(description="One word for the grade, or why there is none.")
    framework: str | None = Field(default=None, description="Baseline framework id whose completeness is used.")
    framework_title: str = Field(default="", description="Its title.")
    completeness: float | None = None
    specificity: float | None = None
    xinjiang_level: int | None = None
    red_flags: int = 0
    checks: list[GradeCheck] = Field(default_factory=list, description="The thresholds of the band reached.")
    next_grade: str | None = Field(default=None, description="The next better grade, if any.")
    next_needs: list[str] = Field(default_factory=list, description="What the next grade needs that is missing.")
    reason: str = Field(default="", description="The grade in one sentence.")


class CriterionChange(_Model):
    """A criterion whose status changed since the previous year."""

    framework: str
    framework_title: str
    criterion: str
    title: str
    change: Literal["newly_met", "lost", "improved", "weakened"]
    before: str = Field(description="Level last year (or 'missing').")
    after: str = Field(description="Level this year (or 'missing').")


class CommitmentFollowUp(_Model):
    """A commitment made last year and whether this year's statement reports it done."""

    label: str
    label_name: str
    sentence: str = Field(description="Last year's commitment sentence.")
    cue: str = Field(description="The future cue ('we will').")
    page: int | None = None
    status: Literal["done", "still_planned", "not_reported"]
    evidence: str | None = Field(default=None, description="This year's sentence reporting it done, if any.")
    evidence_index: int | None = Field(default=None, description="Index of that finding in this year's report.")


class CopiedSentence(_Model):
    """A claim sentence that reads the same as last year's."""

    sentence: str
    words: int


class YearOverYear(_Model):
    """What changed between a company's previous statement and this one."""

    previous_year: int
    previous_source: str
    previous_page: str = Field(description="File name of the previous year's scorecard page.")
    grade_before: str | None
    grade_after: str | None
    completeness_before: float | None
    completeness_after: float | None
    specificity_before: float | None
    specificity_after: float | None
    xinjiang_before: int | None
    xinjiang_after: int | None
    criteria: list[CriterionChange] = Field(default_factory=list)
    commitments: list[CommitmentFollowUp] = Field(default_factory=list)
    copied: list[CopiedSentence] = Field(default_factory=list, description="Claim sentences copied unchanged.")
    claim_sentences: int = Field(default=0, description="This year's distinct claim sentences compared.")
    copied_share: float | None = Field(
        default=None, description="corpus.csv: share of all sentences found word for word last year (0-1)."
    )


class PortfolioRow(_Model):
    """One statement as the portfolio table shows it."""

    index: int = Field(description="Line number in statements.jsonl (0-based).")
    page: str = Field(description="Path of its page, relative to the output folder.")
    company: str
    company_key: str | None = Field(description="Normalised company name (year-over-year matching).")
    year: int | None
    jurisdiction: str | None
    sector: str | None
    status: Literal["ok", "error", "non_english"]
    grade: str | None
    completeness: float | None = Field(description="Completeness against the baseline framework.")
    specificity: float | None
    xinjiang_dd: float | None = Field(description="Completeness of the Xinjiang due-diligence checklist.")
    xinjiang_level: int | None
    red_flags: int
    flags: int
    findings: int
    change: float | None = Field(default=None, description="Baseline completeness change vs the previous year.")


class ScorecardSummary(_Model):
    """What :func:`nlp.scorecards.build_scorecards` wrote."""

    results_dir: str
    out_dir: str
    index: str = Field(description="Path of index.html.")
    pages: int = Field(description="Statement pages written.")
    statements: int
    ok: int
    errors: int
    non_english: int
    grades: dict[str, int] = Field(default_factory=dict, description="Statements per grade ('-' for none).")
    year_over_year: int = Field(description="Pages with a year-over-year section.")
    workbook: str | None = Field(default=None, description="Path of the Excel workbook, if written.")
    index_bytes: int = Field(description="Size of index.html.")
    seconds: float
