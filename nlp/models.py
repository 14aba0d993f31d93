"""Pydantic v2 models: the public contract of msa (documents, findings, reports).

Other tools read ``statements.jsonl`` through these models; ``msa schema`` prints their JSON Schema. Renaming or
removing a field is a breaking change and needs a bump of :data:`REPORT_VERSION`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

REPORT_VERSION = "1.0"
"""Version of the ``StatementReport`` contract (not of the package)."""

ErrorCode = Literal[
    "encrypted", "corrupt", "scanned", "empty", "too_large", "unsupported", "not_found", "timeout", "internal"
]
ScopeValue = Literal["direct", "tier1", "tier2", "beyond_tier1", "raw_material", "all_tiers", "own_operations"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Page(_Frozen):
    """One page of a document and where its text sits in the document text."""

    number: int = Field(description="1-based page number.")
    start: int = Field(description="Offset of the page's first character in Document.text.")
    end: int = Field(description="Offset one past the page's last character in Document.text.")


class DocumentError(_Frozen):
    """Why a document could not be analysed."""

    code: ErrorCode = Field(description="Machine-readable error code.")
    message: str = Field(description="Human-readable explanation, naming the file.")


class Document(_Frozen):
    """A statement as read from its file: text, page map and metadata."""

    id: str = Field(description="sha256 of the file bytes.")
    source: str = Field(description="Path of the file as given by the user.")
    format: str = Field(description="Detected format: pdf, html, docx, txt.")
    text: str = Field(default="", description="Cleaned document text; all offsets refer to it.")
    pages: list[Page] = Field(default_factory=list, description="Page map of the text.")
    company: str | None = Field(default=None, description="Reporting company (manifest, else inferred).")
    year: int | None = Field(default=None, description="Reporting year (manifest, else inferred).")
    jurisdiction: str | None = Field(default=None, description="GB, AU, CA, US-CA... (manifest, else inferred).")
    metadata_source: dict[str, str] = Field(
        default_factory=dict,
        description="For company/year/jurisdiction: 'manifest' or the inferring rule id.",
    )
    extra: dict[str, str] = Field(default_factory=dict, description="Extra manifest columns, carried through.")
    error: DocumentError | None = Field(default=None, description="Set when the document could not be read.")
    warnings: list[str] = Field(default_factory=list, description="Non-fatal reading problems.")


class Cue(_Frozen):
    """The cue that set an assertion flag."""

    text: str = Field(description="Cue text as it appears in the document.")
    start: int = Field(description="Character offset of the cue in the document text.")
    end: int = Field(description="Character offset one past the cue.")
    rule_id: str = Field(description="Id of the context rule that matched the cue.")


class ScopeCue(Cue):
    """A scope cue, with the scope it names."""

    value: ScopeValue = Field(description="Scope named by the cue (direct, tier1, raw_material...).")


class Assertion(_Frozen):
    """How a finding is asserted: each flag is its cue, or null when not set."""

    negated: Cue | None = Field(default=None, description="Negation cue governing the finding.")
    future: Cue | None = Field(default=None, description="Commitment / future cue ('we will').")
    hedged: Cue | None = Field(default=None, description="Hedge cue ('may', 'where possible').")
    reported: Cue | None = Field(default=None, description="Reported-speech cue ('allegedly', 'media reports').")
    scope: ScopeCue | None = Field(default=None, description="Supply-chain scope named for the finding.")


class SpecificityFeature(_Frozen):
    """One feature that makes a claim more (or less) specific."""

    id: str = Field(description="Feature rule id (rules/specificity.yaml).")
    kind: str = Field(description="quantity, date, named_party, tier, method, outcome, commitment, boilerplate, hedge.")
    text: str = Field(description="Matched text.")
    start: int = Field(description="Character offset in the document text.")
    end: int = Field(description="Character offset one past the match.")
    weight: float = Field(description="Points the feature adds (negative for vague language).")


class Specificity(_Frozen):
    """Specificity of the sentence that carries a finding."""

    score: float = Field(description="0-100, from the feature weights, capped.")
    features: list[SpecificityFeature] = Field(default_factory=list, description="Features found.")


class Finding(_Frozen):
    """One labelled claim or disclosure, with its evidence."""

    label: str = Field(description="Namespaced label, e.g. xinjiang.sourcing_denial (rules/labels.yaml).")
    rule_id: str = Field(description="Id of the target rule that matched.")
    text: str = Field(description="Matched text; equals document text[start:end].")
    sentence: str = Field(description="The sentence containing the match.")
    page: int | None = Field(description="1-based page of the match start.")
    start: int = Field(description="Character offset of the match in the document text.")
    end: int = Field(description="Character offset one past the match.")
    sentence_start: int = Field(description="Character offset of the sentence.")
    sentence_end: int = Field(description="Character offset one past the sentence.")
    section: str | None = Field(default=None, description="Section type of the heading above the sentence.")
    assertion: Assertion = Field(default_factory=Assertion, description="Negation, future, hedge, report, scope.")
    specificity: Specificity = Field(description="Specificity of the sentence.")
    reference: str | None = Field(
        default=None,
        description="Id of the reference (rules/references.yaml) the rule read the sentence through: an anaphor such"
        " as 'the region' taken as the region named just before. None when the sentence as written matched.",
    )


class Flag(_Frozen):
    """A red flag or processing flag about a statement, with its evidence."""

    id: str = Field(description="Flag id, e.g. language.non_english.")
    severity: Literal["info", "warning", "red"] = Field(description="How much it matters.")
    message: str = Field(description="Plain-language explanation.")
    evidence: list[int] = Field(default_factory=list, description="Indexes into findings.")


class CriterionScore(_Frozen):
    """One criterion of a framework, with the points it earned and why."""

    id: str = Field(description="Criterion id.")
    title: str = Field(default="", description="Criterion title.")
    applicable: bool = Field(default=True, description="False when the criterion does not apply to this jurisdiction.")
    met: bool = Field(description="Whether any points were earned.")
    level: Literal["mentioned", "described", "evidenced"] | None = Field(
        default=None, description="Highest level reached."
    )
    points: float = Field(description="Points earned.")
    max_points: float = Field(description="Points available.")
    reason: str = Field(description="Why these points (or what is missing).")
    evidence: list[int] = Field(default_factory=list, description="Indexes into findings.")


class FrameworkScore(_Frozen):
    """A statement's score against one framework."""

    framework: str = Field(description="Framework id.")
    title: str = Field(default="", description="Framework title.")
    completeness: float = Field(description="0-100 weighted coverage of the applicable criteria.")
    specificity: float = Field(description="0-100 mean specificity of the sentences that earned points.")
    criteria: list[CriterionScore] = Field(default_factory=list, description="Per-criterion points.")
    missing: list[str] = Field(default_factory=list, description="Titles of applicable criteria not met.")


class SpecificityDetail(_Frozen):
    """How the statement's specificity was computed."""

    score: float = Field(description="0-100.")
    claim_sentences: int = Field(description="Sentences carrying due-diligence or Xinjiang claims.")
    feature_kinds: dict[str, int] = Field(
        default_factory=dict, description="Claim sentences per specificity feature kind."
    )
    reason: str = Field(description="The computation in words.")


class XinjiangStep(_Frozen):
    """One rung of the Xinjiang ladder and whether the statement reaches it."""

    level: int = Field(description="1-5.")
    title: str = Field(description="What the rung means.")
    met: bool = Field(description="Whether its condition holds.")
    evidence: list[int] = Field(default_factory=list, description="Indexes into findings.")


class XinjiangBlock(_Frozen):
    """The statement's Xinjiang disclosure as a whole."""

    level: int = Field(description="0 (no mention) to 5 (outcomes: exits, remediation, independent verification).")
    title: str = Field(description="Title of the level reached.")
    reason: str = Field(description="Why this level.")
    evidence: list[int] = Field(default_factory=list, description="Findings that reached the level.")
    mentioned: bool = Field(description="Whether the region is named.")
    labels: dict[str, int] = Field(default_factory=dict, description="Count of findings per xinjiang.* label.")
    steps: list[XinjiangStep] = Field(default_factory=list, description="Every rung, met or not.")


class StatementReport(_Frozen):
    """Everything msa says about one input document. One line of statements.jsonl."""

    id: str = Field(description="sha256 of the file bytes (empty when the file could not be read).")
    source: str = Field(description="Path as given.")
    company: str | None = Field(default=None, description="Reporting company.")
    year: int | None = Field(default=None, description="Reporting year.")
    jurisdiction: str | None = Field(default=None, description="GB, AU, CA, US-CA...")
    status: Literal["ok", "error"] = Field(description="ok, or error when the document could not be analysed.")
    error: DocumentError | None = Field(default=None, description="{code, message} when status is error.")
    format: str | None = Field(default=None, description="pdf, html, docx, txt.")
    pages: int = Field(default=0, description="Number of pages (1 for formats without pages).")
    words: int = Field(default=0, description="Number of words in the text.")
    language: str | None = Field(default=None, description="ISO 639-1 code of the dominant language.")
    rules_fingerprint: str = Field(description="sha256 over the rule files used.")
    version: str = Field(description="msa package version.")
    report_version: str = Field(default=REPORT_VERSION, description="Version of this contract.")
    metadata_source: dict[str, str] = Field(
        default_factory=dict, description="Where company/year/jurisdiction came from."
    )
    extra: dict[str, str] = Field(default_factory=dict, description="Extra manifest columns.")
    findings: list[Finding] = Field(default_factory=list, description="All findings, in document order.")
    scores: dict[str, FrameworkScore] = Field(default_factory=dict, description="Per framework id.")
    specificity: float | None = Field(default=None, description="0-100 specificity of the statement.")
    specificity_detail: SpecificityDetail | None = Field(default=None, description="How specificity was computed.")
    xinjiang: XinjiangBlock | None = Field(default=None, description="Xinjiang block for the statement.")
    flags: list[Flag] = Field(default_factory=list, description="Red flags and processing flags.")
    warnings: list[str] = Field(default_factory=list, description="Non-fatal problems met while reading.")
    duplicate_of: str | None = Field(default=None, description="Earlier source with the same bytes, if any.")
