"""What a statement page shows, computed from a report: highlighted quotes, readings, criteria, what is missing.

The templates only lay these out; every text in them comes from here or from the report, and is escaped there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup

from nlp.models import CriterionScore, Finding, Flag, FrameworkScore, StatementReport
from nlp.scorecards import charts
from nlp.scorecards.config import ScorecardConfig
from nlp.scorecards.grades import is_non_english
from nlp.scorecards.models import CommitmentFollowUp, Grade, YearOverYear


@dataclass(frozen=True)
class Segment:
    """A run of sentence text, highlighted when findings cover it."""

    text: str
    marks: tuple[int, ...] = ()
    title: str = ""


def highlight(sentence: str, spans: Iterable[tuple[int, int, int, str]]) -> list[Segment]:
    """Cut a sentence into plain and highlighted runs.

    Args:
        sentence: The sentence text.
        spans: (start, end, finding index, label) with offsets relative to the sentence; overlapping spans are
            merged into runs that name every finding covering them.

    Returns:
        Segments in order; their texts joined give the sentence back.
    """
    n = len(sentence)
    clipped = [(max(0, a), min(n, b), i, lab) for a, b, i, lab in spans if min(n, b) > max(0, a)]
    bounds = sorted({0, n, *(a for a, _, _, _ in clipped), *(b for _, b, _, _ in clipped)})
    out: list[Segment] = []
    for x, y in pairwise(bounds):
        cover = [(i, lab) for a, b, i, lab in clipped if a <= x and b >= y]
        marks = tuple(i for i, _ in cover)
        title = ", ".join(dict.fromkeys(lab for _, lab in cover))
        if out and out[-1].marks == marks:
            prev = out[-1]
            out[-1] = Segment(prev.text + sentence[x:y], marks, prev.title)
        else:
            out.append(Segment(sentence[x:y], marks, title))
    return out


def finding_segments(finding: Finding, index: int, config: ScorecardConfig) -> list[Segment]:
    """A finding's sentence with its own trigger highlighted."""
    a, b = _relative(finding)
    return highlight(finding.sentence, [(a, b, index, config.label_name(finding.label))])


def _relative(f: Finding) -> tuple[int, int]:
    a, b = f.start - f.sentence_start, f.end - f.sentence_start
    if f.sentence[a:b] != f.text:  # offsets that do not fit the sentence: fall back to the first occurrence
        found = f.sentence.find(f.text)
        if found >= 0:
            return found, found + len(f.text)
    return a, b


@dataclass(frozen=True)
class Chip:
    """One piece of an assertion reading, e.g. ('scope', 'direct suppliers only', 'our direct suppliers')."""

    kind: str
    text: str
    cue: str = ""


def assertion_chips(finding: Finding, config: ScorecardConfig) -> list[Chip]:
    """How a finding is asserted, in words: negated, plan, hedged, reported, scope; or stated."""
    a, words = finding.assertion, config.assertion
    chips = [
        Chip(kind, getattr(words, kind), cue.text)
        for kind, cue in (("negated", a.negated), ("future", a.future), ("hedged", a.hedged), ("reported", a.reported))
        if cue is not None
    ]
    if a.scope is not None:
        chips.append(Chip("scope", words.scope.get(a.scope.value, a.scope.value), a.scope.text))
    return chips or [Chip("stated", words.stated)]


@dataclass(frozen=True)
class FindingItem:
    """A finding under its sentence in the findings list."""

    index: int
    label: str
    name: str
    text: str
    rule_id: str
    specificity: float
    chips: list[Chip]


@dataclass(frozen=True)
class SentenceGroup:
    """A quoted sentence with every finding in it highlighted."""

    page: int | None
    section: str | None
    specificity: float
    segments: list[Segment]
    items: list[FindingItem]


def sentence_groups(findings: Sequence[Finding], config: ScorecardConfig) -> list[SentenceGroup]:
    """Findings grouped by sentence, in document order."""
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        by_sentence.setdefault(f.sentence_start, []).append(i)
    groups = []
    for idxs in by_sentence.values():
        first = findings[idxs[0]]
        spans = [(*_relative(findings[i]), i, config.label_name(findings[i].label)) for i in idxs]
        groups.append(
            SentenceGroup(
                page=first.page,
                section=first.section,
                specificity=first.specificity.score,
                segments=highlight(first.sentence, spans),
                items=[
                    FindingItem(
                        index=i,
                        label=findings[i].label,
                        name=config.label_name(findings[i].label),
                        text=findings[i].text,
                        rule_id=findings[i].rule_id,
                        specificity=findings[i].specificity.score,
                        chips=assertion_chips(findings[i], config),
                    )
                    for i in idxs
                ],
            )
        )
    return groups


@dataclass(frozen=True)
class Quote:
    """One finding quoted on its own: its sentence with the trigger highlighted, and how it is asserted."""

    index: int
    name: str
    page: int | None
    segments: list[Segment]
    chips: list[Chip]


def quote(findings: Sequence[Finding], index: int, config: ScorecardConfig) -> Quote:
    """Quote one finding."""
    f = findings[index]
    return Quote(
        index, config.label_name(f.label), f.page, finding_segments(f, index, config), assertion_chips(f, config)
    )


@dataclass(frozen=True)
class FlagView:
    """A flag with quotes of its evidence (the first few)."""

    id: str
    severity: str
    message: str
    quotes: list[Quote]
    more: int


def flag_view(flag: Flag, findings: Sequence[Finding], config: ScorecardConfig, limit: int = 3) -> FlagView:
    """A flag and its evidence, one quote per sentence."""
    seen: set[int] = set()
    picked = []
    for i in flag.evidence:
        if 0 <= i < len(findings) and findings[i].sentence_start not in seen:
            seen.add(findings[i].sentence_start)
            picked.append(i)
    quotes = [quote(findings, i, config) for i in picked[:limit]]
    return FlagView(flag.id, flag.severity, flag.message, quotes, max(0, len(picked) - limit))


@dataclass(frozen=True)
class CriterionRow:
    """A criterion as the criteria table shows it."""

    id: str
    title: str
    status: str  # met, partly, missing, n/a
    level: str | None
    points: float
    max_points: float
    reason: str
    evidence: list[int]


def criterion_status(c: CriterionScore) -> str:
    """Status of a criterion: met (full points), partly (some points), missing (none), n/a (not applicable)."""
    if not c.applicable:
        return "n/a"
    if not c.met:
        return "missing"
    return "met" if c.points >= c.max_points else "partly"


@dataclass
class FrameworkView:
    """A framework score with its reading and its criteria."""

    id: str
    name: str
    title: str
    completeness: float
    specificity: float
    met: int
    partly: int
    applicable: int
    reading: str
    baseline: bool
    criteria: list[CriterionRow] = field(default_factory=list)
    not_applicable: list[CriterionRow] = field(default_factory=list)


def framework_view(score: FrameworkScore, config: ScorecardConfig, baseline: bool) -> FrameworkView:
    """A framework score, read in plain English."""
    rows = [
        CriterionRow(
            c.id,
            c.title,
            criterion_status(c),
            c.level,
            c.points,
            c.max_points,
            c.reason,
            list(dict.fromkeys(c.evidence)),
        )
        for c in score.criteria
    ]
    applicable = [r for r in rows if r.status != "n/a"]
    met = sum(1 for r in applicable if r.status != "missing")
    partly = sum(1 for r in applicable if r.status == "partly")
    counts = f"{met - partly} of {len(applicable)} criteria met in full" + (f", {partly} in part" if partly else "")
    reading = (
        f"{config.reading('completeness', score.completeness).capitalize()} ({counts}); "
        f"{config.reading('specificity', score.specificity)}."
    )
    return FrameworkView(
        id=score.framework,
        name=config.framework_name(score.framework, score.title),
        title=score.title,
        completeness=score.completeness,
        specificity=score.specificity,
        met=met,
        partly=partly,
        applicable=len(applicable),
        reading=reading,
        baseline=baseline,
        criteria=applicable,
        not_applicable=[r for r in rows if r.status == "n/a"],
    )


@dataclass(frozen=True)
class MissingItem:
    """Something the statement does not do, in plain words."""

    where: str
    title: str
    text: str
    partly: bool = False


@dataclass
class XinjiangView:
    """The Xinjiang panel."""

    level: int
    title: str
    reason: str
    mentioned: bool
    steps: list[tuple[int, str, bool]]
    ladder_svg: Markup
    flags: list[FlagView]
    disclosures: list[Quote]
    places: list[tuple[str, int]]
    commodities: list[tuple[str, int]]


def _distinct(findings: Sequence[Finding], label: str) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for f in findings:
        if f.label == label and f.assertion.negated is None:
            key = " ".join(f.text.lower().split())
            counts[key] += 1
            shown.setdefault(key, " ".join(f.text.split()))
    return [(shown[k], n) for k, n in counts.most_common()]


def xinjiang_view(report: StatementReport, config: ScorecardConfig) -> XinjiangView | None:
    """The Xinjiang panel of a statement (None when the report has no Xinjiang block)."""
    block = report.xinjiang
    if block is None:
        return None
    findings = report.findings
    wanted = set(config.disclosure_labels)
    order = {lab: n for n, lab in enumerate(config.disclosure_labels)}
    seen: set[tuple[str, int]] = set()
    picked = []
    for i, f in enumerate(findings):
        if f.label in wanted and (f.label, f.sentence_start) not in seen:
            seen.add((f.label, f.sentence_start))
            picked.append(i)
    picked.sort(key=lambda i: (order[findings[i].label], i))
    steps = [(s.level, s.title, s.met) for s in sorted(block.steps, key=lambda s: s.level)]
    return XinjiangView(
        level=block.level,
        title=block.title,
        reason=block.reason,
        mentioned=block.mentioned,
        steps=steps,
        ladder_svg=charts.ladder(block.level, [t for _, t, _ in steps]),
        flags=[flag_view(f, findings, config) for f in report.flags if f.id.startswith("xinjiang.")],
        disclosures=[quote(findings, i, config) for i in picked],
        places=_distinct(findings, "xinjiang.mention"),
        commodities=_distinct(findings, "xinjiang.high_risk_commodity"),
    )


def missing_items(report: StatementReport, frameworks: Sequence[FrameworkView]) -> list[MissingItem]:
    """What the statement lacks, in plain words.

    The unmet criteria of the baseline framework and the Xinjiang checklist, then those met only in part, and the
    next rung of the Xinjiang ladder.
    """
    out: list[MissingItem] = []
    shown = [f for f in frameworks if f.baseline or f.id == "xinjiang_dd"]
    for fw in shown:
        out += [MissingItem(fw.name, r.title, r.reason) for r in fw.criteria if r.status == "missing"]
    for fw in shown:
        out += [
            MissingItem(fw.name, r.title, f"Only {r.level}: {r.reason}", partly=True)
            for r in fw.criteria
            if r.status == "partly"
        ]
    block = report.xinjiang
    if block is not None and block.level < 5:
        nxt = next((s for s in block.steps if s.level == block.level + 1), None)
        if nxt is not None:
            out.append(
                MissingItem("Xinjiang ladder", f"Level {nxt.level}: {nxt.title}", "The next rung is not reached.")
            )
    return out


@dataclass(frozen=True)
class CommitmentGroup:
    """Last year's commitment sentence and the follow-up of each thing it promised."""

    sentence: str
    page: int | None
    cues: list[str]
    items: list[CommitmentFollowUp]


def commitment_groups(yoy: YearOverYear) -> list[CommitmentGroup]:
    """Last year's commitments grouped by sentence, in order."""
    by_sentence: dict[str, list[CommitmentFollowUp]] = {}
    for c in yoy.commitments:
        by_sentence.setdefault(c.sentence, []).append(c)
    return [
        CommitmentGroup(sentence, items[0].page, list(dict.fromkeys(c.cue for c in items)), items)
        for sentence, items in by_sentence.items()
    ]


@dataclass
class StatementView:
    """Everything a statement page shows."""

    report: StatementReport
    kind: str  # ok, error, non_english
    title: str
    grade: Grade
    grade_colour: str
    jurisdiction_name: str
    language_name: str
    sector: str | None
    extra: list[tuple[str, str]]
    frameworks: list[FrameworkView]
    scores_svg: Markup | None
    coverage_svg: Markup | None
    xinjiang: XinjiangView | None
    missing: list[MissingItem]
    groups: list[SentenceGroup]
    other_flags: list[FlagView]
    yoy: YearOverYear | None
    yoy_quotes: dict[int, Quote]
    commitments: list[CommitmentGroup]
    error_help: str
    copied_share: float | None


def display_name(report: StatementReport) -> str:
    """The company name, or the file name when it is unknown."""
    return report.company or report.source.replace("\\", "/").rsplit("/", 1)[-1] or "Unnamed statement"


def statement_view(
    report: StatementReport,
    grade: Grade,
    config: ScorecardConfig,
    yoy: YearOverYear | None = None,
    copied_share: float | None = None,
) -> StatementView:
    """Build the view of one statement page."""
    kind = "error" if report.status == "error" else "non_english" if is_non_english(report) else "ok"
    frameworks: list[FrameworkView] = []
    scores_svg = coverage_svg = None
    if kind == "ok" and report.scores:
        ordered = sorted(
            report.scores.values(),
            key=lambda s: (s.framework != grade.framework, s.framework != "xinjiang_dd", s.framework),
        )
        frameworks = [framework_view(s, config, s.framework == grade.framework) for s in ordered]
        scores_svg = charts.score_bars(
            [charts.BarRow(f.name, f.completeness, f.specificity, f.baseline) for f in frameworks]
        )
        coverage_svg = charts.criteria_coverage(
            [
                (
                    f.name,
                    [
                        charts.CoverageCell(r.title, r.level if r.status != "missing" else None, r.points, r.max_points)
                        for r in f.criteria
                    ],
                )
                for f in frameworks
            ]
        )
    yoy_quotes = {}
    if yoy is not None:
        for c in yoy.commitments:
            if c.evidence_index is not None:
                yoy_quotes[c.evidence_index] = quote(report.findings, c.evidence_index, config)
    skip = {"language.non_english"} if kind == "non_english" else set()
    return StatementView(
        report=report,
        kind=kind,
        title=display_name(report),
        grade=grade,
        grade_colour=charts.grade_colour(grade.letter),
        jurisdiction_name=config.jurisdictions.get(report.jurisdiction or "", ""),
        language_name=config.languages.get(report.language or "", report.language or "another language"),
        sector=report.extra.get("sector") or None,
        extra=[(k, v) for k, v in sorted(report.extra.items()) if k != "sector" and v],
        frameworks=frameworks,
        scores_svg=scores_svg,
        coverage_svg=coverage_svg,
        xinjiang=xinjiang_view(report, config) if kind == "ok" else None,
        missing=missing_items(report, frameworks) if kind == "ok" else [],
        groups=sentence_groups(report.findings, config) if kind == "ok" else [],
        other_flags=[
            flag_view(f, report.findings, config)
            for f in report.flags
            if not f.id.startswith("xinjiang.") and f.id not in skip
        ],
        yoy=yoy,
        yoy_quotes=yoy_quotes,
        commitments=commitment_groups(yoy) if yoy else [],
        error_help=config.errors.get(report.error.code, "") if report.error else "",
        copied_share=copied_share,
    )
