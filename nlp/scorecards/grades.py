"""The headline grade: bands of thresholds from ``scorecards.yaml`` applied to a statement's scores."""

from __future__ import annotations

from nlp.models import FrameworkScore, StatementReport
from nlp.scorecards.config import GradeBand, ScorecardConfig
from nlp.scorecards.models import Grade, GradeCheck

NON_ENGLISH_FLAG = "language.non_english"


def is_non_english(report: StatementReport) -> bool:
    """Whether the report was set aside as not written in English."""
    return report.status == "ok" and any(f.id == NON_ENGLISH_FLAG for f in report.flags)


def baseline_framework(report: StatementReport, config: ScorecardConfig) -> FrameworkScore | None:
    """The framework score whose completeness stands for the statement.

    The jurisdiction's legal baseline when it has one and it was scored; otherwise the legal framework the statement
    covers best (``fallback: best``) or, with ``fallback: mean``, a framework-shaped mean over the legal frameworks.
    """
    fid = config.grade.baseline.get(report.jurisdiction or "")
    if fid and fid in report.scores:
        return report.scores[fid]
    legal = [report.scores[f] for f in config.grade.legal_frameworks if f in report.scores]
    if not legal:
        return None
    if config.grade.fallback == "best":
        return max(legal, key=lambda s: (s.completeness, s.specificity))
    return FrameworkScore(
        framework="legal_mean",
        title="Mean over " + ", ".join(s.title for s in legal),
        completeness=round(sum(s.completeness for s in legal) / len(legal), 1),
        specificity=round(sum(s.specificity for s in legal) / len(legal), 1),
    )


def red_flag_count(report: StatementReport) -> int:
    """Flags of severity red."""
    return sum(1 for f in report.flags if f.severity == "red")


def _checks(band: GradeBand, values: dict[str, float]) -> list[GradeCheck]:
    out = []
    names = {
        "completeness": "completeness",
        "specificity": "specificity",
        "xinjiang_level": "Xinjiang level",
        "red_flags": "red flags",
    }
    for measure, threshold, is_max in (
        ("completeness", band.min_completeness, False),
        ("specificity", band.min_specificity, False),
        ("xinjiang_level", band.min_xinjiang_level, False),
        ("red_flags", band.max_red_flags, True),
    ):
        if threshold is None:
            continue
        value = values[measure]
        ok = value <= threshold if is_max else value >= threshold
        sign = "at most" if is_max else "at least"
        out.append(
            GradeCheck(
                measure=measure,  # type: ignore[arg-type]
                value=value,
                threshold=threshold,
                ok=ok,
                text=f"{names[measure]} {value:g} ({sign} {threshold:g})",
            )
        )
    return out


def grade_report(report: StatementReport, config: ScorecardConfig) -> Grade:
    """Grade a statement.

    Args:
        report: One line of statements.jsonl.
        config: Scorecard settings (grade bands).

    Returns:
        The grade, the checks of the band reached, and what the next better grade needs.
    """
    if report.status == "error":
        code = report.error.code if report.error else "error"
        return Grade(letter=None, label="Not analysed", reason=f"The document could not be analysed ({code}).")
    if is_non_english(report):
        return Grade(
            letter=None,
            label="Not graded",
            reason=f"The statement is not in English ({report.language or 'unknown language'}); "
            "the English rules were not applied.",
        )
    base = baseline_framework(report, config)
    level = report.xinjiang.level if report.xinjiang else 0
    reds = red_flag_count(report)
    values = {
        "completeness": base.completeness if base else 0.0,
        "specificity": report.specificity or 0.0,
        "xinjiang_level": float(level),
        "red_flags": float(reds),
    }
    bands = config.grade.bands
    reached = len(bands) - 1
    for i, band in enumerate(bands):
        if all(c.ok for c in _checks(band, values)):
            reached = i
            break
    band = bands[reached]
    nxt = bands[reached - 1] if reached > 0 else None
    needs = [c.text for c in _checks(nxt, values) if not c.ok] if nxt else []
    checks = _checks(band, values)
    if checks:
        reason = f"Grade {band.grade} ({band.label}): " + "; ".join(c.text for c in checks) + "."
    else:
        reason = f"Grade {band.grade} ({band.label}): the thresholds of every better grade are not met."
    return Grade(
        letter=band.grade,
        label=band.label,
        framework=base.framework if base else None,
        framework_title=base.title if base else "",
        completeness=base.completeness if base else None,
        specificity=report.specificity,
        xinjiang_level=level,
        red_flags=reds,
        checks=checks,
        next_grade=nxt.grade if nxt else None,
        next_needs=needs,
        reason=reason,
    )
