"""Loading and validating the rule files in ``rules/``.

Every file is validated by strict pydantic models (``extra="forbid"``); a problem raises :class:`RuleFileError`
naming the file and the rule id. The loaded :class:`RuleSet` is immutable and cached per directory.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from nlp.models import ScopeValue
from nlp.scoring.schema import Condition, Criterion, Framework, ScoringRules

RULE_ID = re.compile(r"^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$")
SPAN_MARK = re.compile(r"\[\[(.+?)\]\]")


class RuleFileError(ValueError):
    """A rule file is missing, malformed or inconsistent. The message names the file and the rule id."""


@lru_cache(maxsize=8192)
def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with a cache large enough for every rule regex, shared by validation and the matchers.

    ``re``'s own cache holds 512 patterns and drops the oldest first, so with more rule regexes than that each
    one was compiled anew by every user. Rule regexes are validated here with ``re.IGNORECASE``, the flags the
    matchers use for rules that are not case sensitive, so those are compiled once per process.
    """
    return re.compile(pattern, flags)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Example(_Strict):
    """One example sentence for a rule; ``[[...]]`` marks the expected span."""

    text: str = Field(description="Example text, with the expected span marked [[...]] where known.")
    assertion: dict[str, bool | str] | None = Field(
        default=None, description="Expected assertion flags, e.g. {future: true, scope: tier1}."
    )
    expect: str | int | None = Field(default=None, description="Expected value (metadata rules).")

    @property
    def plain(self) -> str:
        """The text without span marks."""
        return SPAN_MARK.sub(r"\1", self.text)

    @property
    def marked(self) -> list[tuple[int, int]]:
        """Character spans of the marked text in :attr:`plain`."""
        spans: list[tuple[int, int]] = []
        shift = 0
        for m in SPAN_MARK.finditer(self.text):
            start = m.start() - shift
            spans.append((start, start + len(m.group(1))))
            shift += 4
        return spans


def _as_example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Examples(_Strict):
    """Positive and negative examples; both lists must be non-empty."""

    match: list[Example] = Field(min_length=1, description="Texts where the rule must fire.")
    no_match: list[Example] = Field(min_length=1, description="Texts where the rule must not fire.")

    @field_validator("match", "no_match", mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        return [_as_example(v) for v in value] if isinstance(value, list) else value


class LexiconRef(_Strict):
    """A CSV lexicon whose cells are match terms."""

    file: str = Field(description="CSV path relative to the rules directory.")
    columns: list[str] = Field(min_length=1, description="Columns whose cells are terms.")
    separator: str = Field(default=";", description="Separator of several terms in one cell (aliases).")
    where: dict[str, str] = Field(default_factory=dict, description="Keep only rows whose column equals value.")
    min_length: int = Field(default=2, description="Terms shorter than this are ignored.")


class _Matchers(_Strict):
    id: str = Field(description="Stable id, upper case and dotted: XJ.DENIAL.NO_SOURCING, CTX.NEGATED.NOT.")
    phrases: list[str] = Field(default_factory=list, description="Phrases (PhraseMatcher).")
    lexicon: LexiconRef | list[LexiconRef] | None = Field(default=None, description="CSV lexicon(s) of phrases.")
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list, description="spaCy token patterns.")
    regex: list[str] = Field(default_factory=list, description="Regexes over sentence text.")
    case_sensitive: bool = Field(default=False, description="Match case exactly.")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(f"rule id {value!r} must look like AREA.LABEL.NAME (upper case, dotted)")
        return value

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for rx in value:
            try:
                compile_regex(rx, re.IGNORECASE)  # whether a regex compiles does not depend on IGNORECASE
            except re.error as exc:
                raise ValueError(f"regex {rx!r} does not compile: {exc}") from exc
        return value

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, value: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        from spacy.schemas import validate_token_pattern

        for i, pattern in enumerate(value):
            problems = validate_token_pattern(pattern)
            if problems:
                raise ValueError(
                    f"pattern {i + 1} {pattern!r} is not a valid spaCy token pattern: "
                    f"{'; '.join(problems)} (in YAML, quote no/yes/on/off)"
                )
        return value

    @property
    def lexicons(self) -> list[LexiconRef]:
        """Lexicon references as a list."""
        if self.lexicon is None:
            return []
        return self.lexicon if isinstance(self.lexicon, list) else [self.lexicon]

    def has_matcher(self) -> bool:
        """Whether at least one matcher is defined."""
        return bool(self.phrases or self.lexicon or self.patterns or self.regex)


class TargetRule(_Matchers):
    """A rule that produces findings of one label."""

    id: str = Field(description="Stable rule id, e.g. XJ.DENIAL.NO_SOURCING.")
    label: str = Field(description="Label from labels.yaml.")
    description: str = Field(min_length=3, description="One line: what the rule finds.")
    requires: list[list[str]] = Field(default_factory=list, description="Term groups that must all be present.")
    excludes: list[str] = Field(default_factory=list, description="Terms that veto a hit in the sentence.")
    sections: list[str] = Field(default_factory=list, description="Only in these section types.")
    span: Literal["match", "sentence"] = Field(default="match", description="What the finding covers.")
    ignore_cues: list[Literal["NEGATED", "FUTURE", "HEDGED", "REPORTED", "SCOPE"]] = Field(
        default_factory=list,
        description="Cue categories that do not apply to this rule's findings (a denial already means 'not').",
    )
    examples: Examples = Field(description="match / no_match examples.")

    @model_validator(mode="after")
    def _needs_matcher(self) -> TargetRule:
        if not self.has_matcher():
            raise ValueError("a rule needs at least one of phrases, lexicon, patterns, regex")
        return self


class ReferenceRule(_Strict):
    """A reference back to something named earlier: 'the region' after a sentence that names Xinjiang.

    Rules are matched within a sentence, so a claim that names the region only as 'the region' (because the
    sentence before named it) would be missed. A reference rule lets the target rules of ``labels`` read such a
    sentence as if the anaphor were the name itself (``replace_with``), when a finding of ``antecedent`` lies in
    the same sentence before it or in one of the ``window`` sentences before it, with no heading in between.
    """

    id: str = Field(description="Stable id, e.g. REF.REGION.")
    description: str = Field(min_length=3, description="One line: what is referred back to.")
    antecedent: str = Field(description="Label whose finding names the referent (e.g. xinjiang.mention).")
    anaphors: list[str] = Field(min_length=1, description="Phrases that refer back ('the region'), whole words.")
    replace_with: str = Field(min_length=1, description="What the target rules read in place of an anaphor.")
    window: int = Field(default=2, ge=0, le=10, description="How many sentences after the antecedent's it reaches.")
    labels: list[str] = Field(min_length=1, description="Labels whose target rules read the resolved sentence.")
    examples: Examples = Field(description="Passages where an anaphor is (match, marked [[...]]) or is not resolved.")


CueCategory = Literal["NEGATED", "FUTURE", "HEDGED", "REPORTED", "SCOPE", "PSEUDO", "TERMINATE"]


class CueRule(_Matchers):
    """A ConText-style assertion cue."""

    id: str = Field(description="Stable cue id, e.g. CTX.NEGATED.NOT.")
    category: CueCategory = Field(description="What the cue asserts.")
    direction: Literal["forward", "backward", "bidirectional"] = Field(default="forward")
    max_scope: int = Field(default=8, ge=0, le=100, description="Scope in tokens.")
    scope_value: ScopeValue | None = Field(default=None, description="For SCOPE cues: the scope named.")
    list_scope: bool = Field(
        default=False,
        description="Also governs the list items after a lead-in sentence ending with ':' ('Next year we will:').",
    )
    description: str = Field(min_length=3, description="One line: what the cue signals.")
    examples: Examples = Field(description="match / no_match examples (cue marked [[...]]).")

    @model_validator(mode="after")
    def _scope_value(self) -> CueRule:
        if not self.has_matcher():
            raise ValueError("a cue needs at least one of phrases, lexicon, patterns, regex")
        if (self.category == "SCOPE") != (self.scope_value is not None):
            raise ValueError("scope_value is required for SCOPE cues and only for them")
        return self


class SectionRule(_Strict):
    """Heading phrases that mark a section type."""

    id: str = Field(description="Stable id, e.g. SEC.RISK_ASSESSMENT.")
    type: str = Field(description="Section type.")
    headings: list[str] = Field(min_length=1, description="Phrases; a heading containing one matches.")
    description: str | None = Field(default=None)
    examples: Examples = Field(description="Headings that must / must not map to this type.")


class SpecificityFeatureRule(_Matchers):
    """A feature that makes a sentence more or less specific."""

    id: str = Field(description="Stable id, e.g. SPEC.QUANTITY.PERCENT.")
    kind: Literal[
        "quantity", "date", "named_party", "tier", "method", "outcome", "commitment", "boilerplate", "hedge"
    ] = Field(description="Kind of feature.")
    weight: float = Field(description="Points; negative for vague language.")
    description: str = Field(min_length=3)
    examples: Examples = Field(description="match / no_match examples.")


class MetaRule(_Strict):
    """A metadata inference rule (jurisdiction, company or year)."""

    id: str = Field(description="Stable id, e.g. META.JUR.UK.")
    value: str | None = Field(default=None, description="Jurisdiction code the phrases imply.")
    phrases: list[str] = Field(default_factory=list, description="Phrases implying the value.")
    regex: str | None = Field(default=None, description="Regex with a named group (company or year).")
    description: str | None = Field(default=None)
    examples: list[Example] = Field(default_factory=list, description="Texts with the expected value.")

    @field_validator("examples", mode="before")
    @classmethod
    def _coerce(cls, value: Any) -> Any:
        return [_as_example(v) for v in value] if isinstance(value, list) else value


class MetadataRules(_Strict):
    """How company, year and jurisdiction are inferred when a manifest is silent."""

    jurisdiction: list[MetaRule] = Field(default_factory=list)
    company: list[MetaRule] = Field(default_factory=list)
    year: list[MetaRule] = Field(default_factory=list)
    window: int = Field(default=3000, description="Characters from the start of the text searched.")


class LanguageRules(_Strict):
    """Language identification settings."""

    languages: list[str] = Field(min_length=1, description="Languages scored (spaCy stop-word lists).")
    min_english_share: float = Field(ge=0, le=1, description="Below this English share: non-English flag.")
    mixed_below: float = Field(default=0.85, ge=0, le=1, description="Below this English share: mixed-language flag.")
    min_tokens: int = Field(ge=1, description="Fewer stop-word hits than this: language undetermined.")


class LabelDef(_Strict):
    """A label of the vocabulary and its definition."""

    definition: str = Field(description="What the label means (annotation guide).")
    not_: str | None = Field(default=None, alias="not", description="What it does not cover.")
    in_headings: bool = Field(default=True, description="Whether a heading line can carry this label.")
    list_items: bool = Field(
        default=False,
        description="Whether the items of a list carry the label when the sentence introducing the list does "
        "('Our suppliers include the following:' then 'Packaging suppliers', 'Logistics firms'); see ListRules.",
    )
    fill_gaps: int = Field(
        default=0,
        ge=0,
        description="Sentences without the label lying between two sentences with it, at most this many in a row, "
        "carry it too (a paragraph describing the business; the name, title and date lines of a signature block). "
        "0: no filling.",
    )


class ListRules(_Strict):
    """How a list is recognised after its lead-in sentence (labels.yaml, ``lists:``)."""

    lead_in: list[str] = Field(
        default_factory=lambda: [r":\s*$"],
        description="Regexes (case-insensitive) one of which matches the end of a sentence that introduces a list.",
    )
    max_items: int = Field(default=12, ge=1, description="At most this many items follow one lead-in.")
    fragment_max_words: int = Field(
        default=10,
        ge=1,
        description="A line without a closing full stop and with at most this many words is a list item even "
        "without a bullet (bullets are often lost in extraction); so is a line that starts in lower case.",
    )

    @field_validator("lead_in")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid lead_in regex {pattern!r}: {exc}") from exc
        return value


class RuleSet(BaseModel):
    """All rules of one rules directory, validated."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    root: Path
    labels: dict[str, LabelDef]
    lists: ListRules = Field(default_factory=ListRules)
    targets: list[TargetRule]
    rule_files: dict[str, str] = Field(description="Rule id -> file it came from (relative to root).")
    cues: list[CueRule]
    references: list[ReferenceRule] = Field(default_factory=list)
    sections: list[SectionRule]
    specificity: list[SpecificityFeatureRule]
    metadata: MetadataRules
    language: LanguageRules
    frameworks: list[Framework] = Field(default_factory=list)
    scoring: ScoringRules | None = None
    fingerprint: str

    def lexicon_terms(self, ref: LexiconRef) -> list[str]:
        """Terms of a CSV lexicon, deduplicated, in file order."""
        return list(
            _read_lexicon(
                self.root / ref.file,
                tuple(ref.columns),
                ref.separator,
                tuple(sorted(ref.where.items())),
                ref.min_length,
            )
        )

    def rule(self, rule_id: str) -> TargetRule:
        """The target rule with this id."""
        for r in self.targets:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


@lru_cache(maxsize=64)
def _read_lexicon(
    path: Path, columns: tuple[str, ...], separator: str, where: tuple[tuple[str, str], ...], min_length: int
) -> tuple[str, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in (*columns, *(k for k, _ in where)) if c not in (reader.fieldnames or [])]
        if missing:
            raise RuleFileError(f"{path}: lexicon has no column(s) {missing}; it has {reader.fieldnames}")
        seen: dict[str, None] = {}
        for row in reader:
            if any((row.get(k) or "").strip().lower() != v.lower() for k, v in where):
                continue
            for col in columns:
                for term in (row.get(col) or "").split(separator):
                    term = term.strip()
                    if len(term) >= min_length:
                        seen.setdefault(term, None)
    return tuple(seen)


def default_rules_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the rules directory.

    Order: an explicit path, then ``$MSA_RULES``, then the copy shipped inside the wheel (``nlp/_rules``), then the
    ``rules/`` folder of a source checkout that holds this package.

    Args:
        explicit: A path given by the user (``--rules``).

    Returns:
        The directory holding ``labels.yaml``.

    Raises:
        RuleFileError: When no candidate holds ``labels.yaml``.
    """
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get("MSA_RULES"):
        candidates.append(Path(os.environ["MSA_RULES"]))
    else:
        packaged = Path(str(resources.files("nlp"))) / "_rules"
        checkout = Path(str(resources.files("nlp"))).resolve().parent / "rules"
        candidates += [packaged, checkout]
    for cand in candidates:
        if (cand / "labels.yaml").is_file():
            return cand.resolve()
    raise RuleFileError(f"no rules directory found (looked in {', '.join(map(str, candidates))})")


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)  # a safe loader (the C one when available)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML: {exc}") from exc
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read: {exc}") from exc


def _errors(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(record)"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


def _records(path: Path, key: str, model: type[BaseModel]) -> list[Any]:
    data = _load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise RuleFileError(f"{path}: expected a mapping with a list under '{key}:'")
    extra = set(data) - {key, "version", "description"}
    if extra:
        raise RuleFileError(f"{path}: unknown top-level key(s) {sorted(extra)}")
    out = []
    for i, raw in enumerate(data[key]):
        rid = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
        try:
            out.append(model.model_validate(raw))
        except ValidationError as exc:
            raise RuleFileError(f"{path}: rule {rid}: {_errors(exc)}") from exc
    return out


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(p for p in root.glob(pattern) if p.is_file())


def fingerprint(root: Path) -> str:
    """sha256 over the names and bytes of every rule file (yaml and csv) under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".yaml", ".yml", ".csv"} and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _check_unique(ids: Iterable[tuple[str, Path]]) -> None:
    seen: dict[str, Path] = {}
    for rid, path in ids:
        if rid in seen:
            raise RuleFileError(f"{path}: rule {rid}: id already used in {seen[rid]}")
        seen[rid] = path


def _load_framework(path: Path, labels: dict[str, LabelDef]) -> Framework:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: expected a framework mapping")
    try:
        framework = Framework.model_validate(data)
    except ValidationError as exc:
        # Validated once; on failure, name the first invalid criterion when one is to blame.
        for i, raw in enumerate(data.get("criteria") or []):
            if isinstance(raw, dict):
                try:
                    Criterion.model_validate(raw)
                except ValidationError as exc_criterion:
                    raise RuleFileError(
                        f"{path}: criterion {raw.get('id', f'#{i + 1}')}: {_errors(exc_criterion)}"
                    ) from exc_criterion
        raise RuleFileError(f"{path}: {_errors(exc)}") from exc
    seen: set[str] = set()
    for crit in framework.criteria:
        if crit.id in seen:
            raise RuleFileError(f"{path}: criterion {crit.id}: id used twice")
        seen.add(crit.id)
        for flt in [*crit.satisfied_by, *crit.aims_relevant]:
            unknown = set(flt.labels) | set(flt.with_labels)
            unknown -= set(labels)
            if unknown:
                raise RuleFileError(f"{path}: criterion {crit.id}: unknown label(s) {sorted(unknown)}")
    return framework


def _check_condition_labels(path: Path, scoring: ScoringRules, labels: dict[str, LabelDef]) -> None:
    def walk(cond: Condition, where: str) -> None:
        if cond.findings is not None:
            unknown = (set(cond.findings.labels) | set(cond.findings.with_labels)) - set(labels)
            if unknown:
                raise RuleFileError(f"{path}: {where}: unknown label(s) {sorted(unknown)}")
        for sub in (cond.all or []) + (cond.any or []) + (cond.none or []):
            walk(sub, where)

    for step in scoring.ladder:
        walk(step.when, f"ladder level {step.level}")
    for flag in scoring.red_flags:
        walk(flag.when, f"red flag {flag.id}")


def load_ruleset(rules_dir: str | os.PathLike[str] | None = None) -> RuleSet:
    """Load and validate every rule file.

    Args:
        rules_dir: The rules directory; resolved with :func:`default_rules_dir` when None.

    Returns:
        The validated rule set (cached per resolved directory and fingerprint).

    Raises:
        RuleFileError: On any invalid file, naming the file and the rule id.
    """
    root = default_rules_dir(rules_dir)
    return _load_cached(root, fingerprint(root))


@lru_cache(maxsize=8)
def _load_cached(root: Path, fp: str) -> RuleSet:
    labels_raw = _load_yaml(root / "labels.yaml")
    if not isinstance(labels_raw, dict) or not isinstance(labels_raw.get("labels"), dict):
        raise RuleFileError(f"{root / 'labels.yaml'}: expected 'labels:' mapping")
    labels: dict[str, LabelDef] = {}
    for name, raw in labels_raw["labels"].items():
        try:
            labels[name] = LabelDef.model_validate(raw)
        except ValidationError as exc:
            raise RuleFileError(f"{root / 'labels.yaml'}: label {name}: {_errors(exc)}") from exc
    try:
        lists = ListRules.model_validate(labels_raw.get("lists") or {})
    except ValidationError as exc:
        raise RuleFileError(f"{root / 'labels.yaml'}: lists: {_errors(exc)}") from exc

    targets: list[TargetRule] = []
    owners: list[tuple[str, Path]] = []
    for path in _files(root, "targets/*.yaml"):
        for rule in _records(path, "rules", TargetRule):
            if rule.label not in labels:
                raise RuleFileError(f"{path}: rule {rule.id}: label {rule.label!r} is not in labels.yaml")
            targets.append(rule)
            owners.append((rule.id, path))
    cues: list[CueRule] = []
    for path in _files(root, "context/*.yaml"):
        for cue in _records(path, "cues", CueRule):
            cues.append(cue)
            owners.append((cue.id, path))
    references: list[ReferenceRule] = []
    if (root / "references.yaml").is_file():
        references = _records(root / "references.yaml", "references", ReferenceRule)
        owners += [(r.id, root / "references.yaml") for r in references]
        for ref in references:
            for name in (ref.antecedent, *ref.labels):
                if name not in labels:
                    raise RuleFileError(f"{root / 'references.yaml'}: {ref.id}: label {name!r} is not in labels.yaml")
    sections: list[SectionRule] = []
    if (root / "sections.yaml").is_file():
        sections = _records(root / "sections.yaml", "sections", SectionRule)
        owners += [(s.id, root / "sections.yaml") for s in sections]
    section_types = {s.type for s in sections}
    for rule in targets:
        unknown = set(rule.sections) - section_types
        if unknown:
            path = next(p for rid, p in owners if rid == rule.id)
            raise RuleFileError(f"{path}: rule {rule.id}: unknown section type(s) {sorted(unknown)}")
    spec: list[SpecificityFeatureRule] = []
    if (root / "specificity.yaml").is_file():
        spec = _records(root / "specificity.yaml", "features", SpecificityFeatureRule)
        owners += [(s.id, root / "specificity.yaml") for s in spec]
    _check_unique(owners)
    rule_files = {rid: path.relative_to(root).as_posix() for rid, path in owners}

    metadata = MetadataRules()
    if (root / "metadata.yaml").is_file():
        raw = _load_yaml(root / "metadata.yaml")
        try:
            metadata = MetadataRules.model_validate(raw)
        except ValidationError as exc:
            raise RuleFileError(f"{root / 'metadata.yaml'}: {_errors(exc)}") from exc
        for rule in (*metadata.company, *metadata.year):
            if rule.regex:
                try:
                    re.compile(rule.regex)
                except re.error as exc:
                    raise RuleFileError(f"{root / 'metadata.yaml'}: rule {rule.id}: bad regex: {exc}") from exc
    language = LanguageRules(languages=["en", "fr", "de", "es"], min_english_share=0.6, min_tokens=30)
    if (root / "language.yaml").is_file():
        try:
            language = LanguageRules.model_validate(_load_yaml(root / "language.yaml"))
        except ValidationError as exc:
            raise RuleFileError(f"{root / 'language.yaml'}: {_errors(exc)}") from exc

    frameworks = [_load_framework(path, labels) for path in _files(root, "frameworks/*.yaml")]
    ids = [f.id for f in frameworks]
    if len(set(ids)) != len(ids):
        raise RuleFileError(f"{root / 'frameworks'}: framework ids must be unique, got {ids}")
    scoring = None
    if (root / "scoring.yaml").is_file():
        try:
            scoring = ScoringRules.model_validate(_load_yaml(root / "scoring.yaml"))
        except ValidationError as exc:
            raise RuleFileError(f"{root / 'scoring.yaml'}: {_errors(exc)}") from exc
        _check_condition_labels(root / "scoring.yaml", scoring, labels)

    ruleset = RuleSet(
        root=root,
        labels=labels,
        lists=lists,
        targets=targets,
        rule_files=rule_files,
        cues=cues,
        references=references,
        sections=sections,
        specificity=spec,
        metadata=metadata,
        language=language,
        frameworks=frameworks,
        scoring=scoring,
        fingerprint=fp,
    )
    # Read every lexicon now so a missing file or column fails at load time, naming the rule.
    for item in (*targets, *cues, *spec):
        for ref in item.lexicons:
            where = root / rule_files[item.id]
            if not (root / ref.file).is_file():
                raise RuleFileError(f"{where}: rule {item.id}: lexicon file {ref.file} does not exist in {root}")
            try:
                ruleset.lexicon_terms(ref)
            except RuleFileError as exc:
                raise RuleFileError(f"{where}: rule {item.id}: {exc}") from exc
    return ruleset
