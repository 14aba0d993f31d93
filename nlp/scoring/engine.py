"""Scores from findings: framework completeness and specificity, the Xinjiang ladder, red flags.

Everything here is a pure function of one statement's findings and the rules: a statement's scores never depend
on what else is in the batch (the corpus-level boilerplate measure lives in :mod:`nlp.scoring.corpus`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from nlp.models import (
    CriterionScore,
    Finding,
    Flag,
    FrameworkScore,
    SpecificityDetail,
    XinjiangBlock,
    XinjiangStep,
)
from nlp.scoring.schema import Condition, Criterion, FindingFilter, Framework, ScoringRules, SpecificitySettings


@dataclass
class FindingIndex:
    """Findings of one statement indexed for condition checks: by label and by sentence.

    Build it once per statement and pass it to :func:`score_framework`, :func:`xinjiang_block` and
    :func:`red_flags` (their ``index`` argument) to share it; the findings passing each filter are computed once
    per index (:meth:`hits`). The findings must not change while the index is in use.
    """

    findings: Sequence[Finding]
    labels_at: dict[int, set[str]] = field(default_factory=dict)
    by_label: dict[str, list[int]] = field(default_factory=dict)
    _hits: dict[int, tuple[FindingFilter, list[int]]] = field(default_factory=dict, init=False, repr=False)
    _negated: list[bool] = field(default_factory=list, init=False, repr=False)
    _labels_with: list[set[str]] = field(default_factory=list, init=False, repr=False)
    _kinds: list[set[str]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        for i, f in enumerate(self.findings):
            self.labels_at.setdefault(f.sentence_start, set()).add(f.label)
            self.by_label.setdefault(f.label, []).append(i)
            self._negated.append(f.assertion.negated is not None)
            self._kinds.append({x.kind for x in f.specificity.features})
        self._labels_with = [self.labels_at[f.sentence_start] for f in self.findings]

    def hits(self, flt: FindingFilter) -> list[int]:
        """Indexes of the findings that pass ``flt``, ascending, computed once per filter (do not modify the list).

        The same as testing every finding with :func:`matches`: a filter passes only findings of its labels.
        """
        cached = self._hits.get(id(flt))
        if cached is not None and cached[0] is flt:  # the filter is kept with its hits, so its id is not reused
            return cached[1]
        labels = flt.labels
        if len(labels) == 1:
            candidates: Sequence[int] = self.by_label.get(labels[0], ())
        else:
            candidates = sorted(i for label in set(labels) for i in self.by_label.get(label, ()))
        # The conditions most filters set (the negation flag, which is false by default; labels in the sentence;
        # feature kinds) are tested on values read once per finding, a pass each; matches() is called only for
        # filters that set another condition.
        found = list(candidates)
        if flt.negated is not None:
            want, negated = flt.negated, self._negated
            found = [i for i in found if negated[i] == want]
        if flt.with_labels:
            with_labels, labels_with = flt.with_labels, self._labels_with
            found = [i for i in found if not labels_with[i].isdisjoint(with_labels)]
        if flt.features:
            features, kinds = flt.features, self._kinds
            found = [i for i in found if not kinds[i].isdisjoint(features)]
        if any(getattr(flt, name) != getattr(_NO_CONDITION, name) for name in _OTHER_CONDITIONS):
            findings = self.findings
            found = [i for i in found if matches(findings[i], flt, self)]
        self._hits[id(flt)] = (flt, found)
        return found


_NO_CONDITION = FindingFilter(labels=["any"])  # every condition at its default
_OTHER_CONDITIONS = tuple(
    name for name in FindingFilter.model_fields if name not in ("labels", "negated", "with_labels", "features")
)


def matches(finding: Finding, flt: FindingFilter, index: FindingIndex) -> bool:
    """Whether a finding passes a filter."""
    if finding.label not in flt.labels:
        return False
    a = finding.assertion
    if flt.negated is not None and (a.negated is not None) != flt.negated:
        return False
    if flt.future is not None and (a.future is not None) != flt.future:
        return False
    if flt.hedged is not None and (a.hedged is not None) != flt.hedged:
        return False
    scope = a.scope.value if a.scope else None
    if flt.scope is not None and scope not in flt.scope:
        return False
    if scope is not None and scope in flt.not_scope:
        return False
    if finding.specificity.score < flt.min_specificity:
        return False
    if flt.with_labels and index.labels_at.get(finding.sentence_start, set()).isdisjoint(flt.with_labels):
        return False
    return not flt.features or any(x.kind in flt.features for x in finding.specificity.features)


def evaluate(condition: Condition, index: FindingIndex) -> tuple[bool, list[int]]:
    """Evaluate a statement-level condition.

    Returns:
        Whether it holds, and the indexes of the findings that made it hold (empty for ``none``).
    """
    if condition.findings is not None:
        hits = index.hits(condition.findings)
        sentences = {index.findings[i].sentence_start for i in hits}
        return len(sentences) >= condition.min_count, list(hits)
    if condition.all is not None:
        results = [evaluate(c, index) for c in condition.all]
        return all(ok for ok, _ in results), sorted({i for ok, ev in results for i in ev})
    if condition.any is not None:
        results = [evaluate(c, index) for c in condition.any]
        return any(ok for ok, _ in results), sorted({i for ok, ev in results if ok for i in ev})
    results = [evaluate(c, index) for c in condition.none or []]
    return not any(ok for ok, _ in results), []


def score_criterion(criterion: Criterion, index: FindingIndex, jurisdiction: str | None) -> CriterionScore:
    """Points of one criterion: the highest level whose requirements the qualifying findings meet."""
    top = criterion.levels[-1].points * criterion.weight
    if criterion.jurisdictions and jurisdiction not in criterion.jurisdictions:
        return CriterionScore(
            id=criterion.id,
            title=criterion.title,
            applicable=False,
            met=False,
            level=None,
            points=0,
            max_points=0,
            reason=f"Not required of {jurisdiction or 'this'} statements (only {', '.join(criterion.jurisdictions)}).",
        )
    if len(criterion.satisfied_by) == 1:
        qualifying = list(index.hits(criterion.satisfied_by[0]))
    else:
        qualifying = sorted({i for flt in criterion.satisfied_by for i in index.hits(flt)})
    found = [index.findings[i] for i in qualifying]
    sentences = len({f.sentence_start for f in found})
    labels = len({f.label for f in found})
    best = max((f.specificity.score for f in found), default=0.0)
    completed = any(f.assertion.future is None for f in found)
    reached = None
    for level in criterion.levels:
        if (
            sentences >= level.min_sentences
            and labels >= level.min_labels
            and best >= level.min_specificity
            and (completed or not level.completed)
        ):
            reached = level
    if reached is None:
        reason = criterion.missing
        if found:
            reason += f" ({len(found)} weaker finding(s) did not reach the first level)"
        return CriterionScore(
            id=criterion.id,
            title=criterion.title,
            met=False,
            level=None,
            points=0,
            max_points=top,
            reason=reason,
            evidence=qualifying,
        )
    return CriterionScore(
        id=criterion.id,
        title=criterion.title,
        met=True,
        level=reached.name,
        points=reached.points * criterion.weight,
        max_points=top,
        reason=f"{reached.reason} ({len(found)} finding(s) in {sentences} sentence(s); best specificity {best:g}).",
        evidence=qualifying,
    )


def score_framework(
    framework: Framework, findings: Sequence[Finding], jurisdiction: str | None, index: FindingIndex | None = None
) -> FrameworkScore:
    """Completeness and specificity of a statement against one framework.

    Completeness is the weighted share of the available points earned over the applicable criteria; specificity is
    the mean specificity of the distinct sentences that earned points. ``index``: a :class:`FindingIndex` of
    ``findings`` to reuse across frameworks (built here when None).
    """
    if index is None:
        index = FindingIndex(findings)
    criteria = [score_criterion(c, index, jurisdiction) for c in framework.criteria]
    available = sum(c.max_points for c in criteria)
    earned = sum(c.points for c in criteria)
    used = {findings[i].sentence_start: findings[i].specificity.score for c in criteria if c.met for i in c.evidence}
    return FrameworkScore(
        framework=framework.id,
        title=framework.title,
        completeness=round(100 * earned / available, 1) if available else 0.0,
        specificity=round(sum(used.values()) / len(used), 1) if used else 0.0,
        criteria=criteria,
        missing=[c.title for c in criteria if c.applicable and not c.met],
    )


def statement_specificity(findings: Sequence[Finding], settings: SpecificitySettings) -> SpecificityDetail:
    """Specificity of a statement: the mean specificity of its claim sentences, scaled down when they are few.

    Claim sentences are those carrying a finding whose label starts with one of ``settings.claim_labels``. Every
    feature of those sentences is counted by kind in the detail.
    """
    per_sentence: dict[int, Finding] = {}
    claim_labels = tuple(settings.claim_labels)
    for f in findings:
        if f.label.startswith(claim_labels) and f.assertion.negated is None:
            per_sentence.setdefault(f.sentence_start, f)
    scores = sorted((f.specificity.score for f in per_sentence.values()), reverse=True)
    kinds: Counter[str] = Counter()
    for f in per_sentence.values():
        kinds.update({x.kind for x in f.specificity.features})
    if not scores:
        return SpecificityDetail(score=0.0, claim_sentences=0, reason="No due-diligence or Xinjiang claims found.")
    top = scores[: max(1, round(len(scores) * settings.top_share))]
    mean = sum(top) / len(top)
    scale = min(1.0, len(scores) / settings.min_claims)
    score = round(mean * scale, 1)
    reason = f"Mean specificity {mean:.1f} over the top {len(top)} of {len(scores)} claim sentence(s)"
    if scale < 1:
        reason += f", scaled by {scale:.2f} for having fewer than {settings.min_claims} claims"
    return SpecificityDetail(
        score=score, claim_sentences=len(scores), feature_kinds=dict(sorted(kinds.items())), reason=reason + "."
    )


def xinjiang_block(
    findings: Sequence[Finding], rules: ScoringRules, index: FindingIndex | None = None
) -> XinjiangBlock:
    """The statement's Xinjiang ladder level (0-5): the highest rung whose condition holds, with every rung.

    ``index``: a :class:`FindingIndex` of ``findings`` to reuse (built here when None).
    """
    if index is None:
        index = FindingIndex(findings)
    steps = []
    for step in sorted(rules.ladder, key=lambda s: s.level):
        ok, evidence = evaluate(step.when, index)
        steps.append(XinjiangStep(level=step.level, title=step.title, met=ok, evidence=evidence if ok else []))
    reached = [s for s in steps if s.met]
    mentioned = any(f.label == "xinjiang.mention" for f in findings)
    labels = Counter(f.label for f in findings if f.label.startswith("xinjiang."))
    if not reached:
        return XinjiangBlock(
            level=0,
            title="No mention",
            reason="The statement does not address the Uyghur Region or forced labour policy.",
            mentioned=mentioned,
            labels=dict(sorted(labels.items())),
            steps=steps,
        )
    best = reached[-1]
    rule = next(s for s in rules.ladder if s.level == best.level)
    return XinjiangBlock(
        level=best.level,
        title=best.title,
        reason=rule.reason,
        evidence=best.evidence,
        mentioned=mentioned,
        labels=dict(sorted(labels.items())),
        steps=steps,
    )


def red_flags(findings: Sequence[Finding], rules: ScoringRules, index: FindingIndex | None = None) -> list[Flag]:
    """The red flags whose conditions hold, each with the findings that raised it.

    ``index``: a :class:`FindingIndex` of ``findings`` to reuse (built here when None).
    """
    if index is None:
        index = FindingIndex(findings)
    out = []
    for flag in rules.red_flags:
        ok, evidence = evaluate(flag.when, index)
        if ok:
            out.append(Flag(id=flag.id, severity=flag.severity, message=flag.message, evidence=evidence))
    return out
