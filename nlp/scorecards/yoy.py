"""Year over year: what changed between a company's previous statement and this one.

Statements are paired on the normalised company name (case, accents, punctuation and legal suffixes such as
Limited, plc, Pty Ltd and Inc. ignored); the previous statement is the latest earlier year of the same company.
"""

from __future__ import annotations

import re
import unicodedata

from nlp.models import Finding, StatementReport
from nlp.scorecards.config import ScorecardConfig
from nlp.scorecards.models import CommitmentFollowUp, CopiedSentence, CriterionChange, Grade, YearOverYear

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
SUFFIXES = frozenset(
    {"limited", "ltd", "plc", "inc", "pty", "llc", "corp", "corporation", "co", "group", "the", "sa", "ag", "gmbh"}
)
LEVELS = {None: 0, "mentioned": 1, "described": 2, "evidenced": 3}


def company_key(name: str | None) -> str | None:
    """Normalised company name used to pair statements across years (None when there is no name)."""
    if not name:
        return None
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in WORD.findall(plain) if w not in SUFFIXES]
    return " ".join(words) or None


def _words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())


def _criteria_changes(
    prev: StatementReport, cur: StatementReport, frameworks: list[str], config: ScorecardConfig
) -> list[CriterionChange]:
    out = []
    for fid in frameworks:
        before, after = prev.scores.get(fid), cur.scores.get(fid)
        if before is None or after is None:
            continue
        old = {c.id: c for c in before.criteria}
        for c in after.criteria:
            o = old.get(c.id)
            if o is None or not c.applicable or not o.applicable:
                continue
            a, b = LEVELS[o.level if o.met else None], LEVELS[c.level if c.met else None]
            if a == b:
                continue
            if a == 0:
                change = "newly_met"
            elif b == 0:
                change = "lost"
            else:
                change = "improved" if b > a else "weakened"
            out.append(
                CriterionChange(
                    framework=fid,
                    framework_title=config.framework_name(fid, after.title),
                    criterion=c.id,
                    title=c.title,
                    change=change,  # type: ignore[arg-type]
                    before=o.level if o.met and o.level else "missing",
                    after=c.level if c.met and c.level else "missing",
                )
            )
    return out


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _commitments(prev: StatementReport, cur: StatementReport, config: ScorecardConfig) -> list[CommitmentFollowUp]:
    prefixes = tuple(config.commitment_labels)
    seen: set[tuple[str, int]] = set()
    out = []
    for f in prev.findings:
        cue = f.assertion.future
        if cue is None or f.assertion.negated is not None or not f.label.startswith(prefixes):
            continue
        if (f.label, f.sentence_start) in seen:
            continue
        seen.add((f.label, f.sentence_start))
        same = [(i, g) for i, g in enumerate(cur.findings) if g.label == f.label and g.assertion.negated is None]
        done = [(i, g) for i, g in same if g.assertion.future is None]
        evidence: tuple[int, Finding] | None = None
        if done:
            want = set(_words(f.sentence))
            evidence = max(done, key=lambda ig: (_overlap(want, set(_words(ig[1].sentence))), ig[1].specificity.score))
            status = "done"
        elif same:
            status = "still_planned"
        else:
            status = "not_reported"
        out.append(
            CommitmentFollowUp(
                label=f.label,
                label_name=config.label_name(f.label),
                sentence=f.sentence,
                cue=cue.text,
                page=f.page,
                status=status,  # type: ignore[arg-type]
                evidence=evidence[1].sentence if evidence else None,
                evidence_index=evidence[0] if evidence else None,
            )
        )
    return out


def _copied(prev: StatementReport, cur: StatementReport, min_words: int) -> tuple[list[CopiedSentence], int]:
    before = {" ".join(_words(f.sentence)) for f in prev.findings}
    seen: set[str] = set()
    copied = []
    for f in cur.findings:
        words = _words(f.sentence)
        key = " ".join(words)
        if key in seen:
            continue
        seen.add(key)
        if len(words) >= min_words and key in before:
            copied.append(CopiedSentence(sentence=f.sentence, words=len(words)))
    return copied, len(seen)


def compare(
    prev: StatementReport,
    cur: StatementReport,
    prev_grade: Grade,
    cur_grade: Grade,
    config: ScorecardConfig,
    *,
    previous_page: str,
    copied_share: float | None = None,
) -> YearOverYear:
    """Compare a statement with the same company's previous one.

    Args:
        prev: Last year's report.
        cur: This year's report.
        prev_grade: Last year's grade.
        cur_grade: This year's grade.
        config: Scorecard settings (commitment labels, copy threshold).
        previous_page: File name of last year's scorecard page (for the link).
        copied_share: corpus.csv's share of this year's sentences copied word for word, when known.

    Returns:
        Criteria newly met or lost (baseline framework and Xinjiang checklist), Xinjiang level movement, last
        year's commitments with their follow-up, and claim sentences copied unchanged.
    """
    frameworks = [f for f in (cur_grade.framework, "xinjiang_dd") if f]
    copied, compared = _copied(prev, cur, config.copy_min_words)
    return YearOverYear(
        previous_year=prev.year or 0,
        previous_source=prev.source,
        previous_page=previous_page,
        grade_before=prev_grade.letter,
        grade_after=cur_grade.letter,
        completeness_before=prev.scores[cur_grade.framework].completeness
        if cur_grade.framework in prev.scores
        else prev_grade.completeness,
        completeness_after=cur_grade.completeness,
        specificity_before=prev.specificity,
        specificity_after=cur.specificity,
        xinjiang_before=prev.xinjiang.level if prev.xinjiang else None,
        xinjiang_after=cur.xinjiang.level if cur.xinjiang else None,
        criteria=_criteria_changes(prev, cur, frameworks, config),
        commitments=_commitments(prev, cur, config),
        copied=copied,
        claim_sentences=compared,
        copied_share=copied_share,
    )
