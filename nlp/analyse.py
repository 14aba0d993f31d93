"""From a Document to a StatementReport: run the pipeline, read findings off the Doc, flag, assemble."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import __version__
from nlp.components.context import ASSERTIONS_KEY, FLAG_CATEGORIES, CueHit
from nlp.components.sentences import doc_text
from nlp.components.specificity import FEATURES_KEY
from nlp.components.targets import HITS_KEY, REFERENCES_KEY, SentenceIndex
from nlp.language import detect_language
from nlp.models import (
    Assertion,
    Cue,
    Document,
    Finding,
    Flag,
    Page,
    ScopeCue,
    Specificity,
    SpecificityFeature,
    StatementReport,
)
from nlp.pipeline import run_pipeline
from nlp.ruleset import RuleSet, TargetRule, load_ruleset
from nlp.scoring.engine import FindingIndex, red_flags, score_framework, statement_specificity, xinjiang_block

_FLAG_FIELD = {"NEGATED": "negated", "FUTURE": "future", "HEDGED": "hedged", "REPORTED": "reported"}


_NO_ASSERTION = Assertion()  # shared by the findings without cues (most of them); models are frozen


def _assertion(found: dict[str, CueHit] | None, ignore: Sequence[str] = ()) -> Assertion:
    if not found:
        return _NO_ASSERTION
    values: dict[str, Cue] = {}
    for cat in FLAG_CATEGORIES:
        hit = None if cat in ignore else found.get(cat)
        if hit is None:
            continue
        common = {
            "text": hit.span.text,
            "start": hit.span.start_char,
            "end": hit.span.end_char,
            "rule_id": hit.rule.id,
        }
        if cat == "SCOPE" and hit.rule.scope_value is not None:
            values["scope"] = ScopeCue(value=hit.rule.scope_value, **common)
        elif cat in _FLAG_FIELD:
            values[_FLAG_FIELD[cat]] = Cue(**common)
    return Assertion(**values) if values else _NO_ASSERTION


def _page_of(pages: Sequence[Page], starts: Sequence[int], offset: int) -> int | None:
    if not pages:
        return None
    i = bisect_right(starts, offset) - 1
    return pages[max(i, 0)].number


class _Hit(NamedTuple):
    """A hit read off the Doc with the span its finding will have: findings are built only for the hits kept."""

    label: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence: int  # index in the SentenceIndex
    rule: TargetRule
    span: Span


def _dedupe(hits: list[_Hit]) -> list[_Hit]:
    """Per label, keep one of overlapping hits; return the kept ones in document order.

    A hit whose span is its match beats one that spans the whole sentence (a sentence span is the fallback of
    rules that cannot delimit the claim); among match spans the longest wins (ties: the earlier rule).
    """
    kept: list[_Hit] = []
    # Per label, the kept spans (never overlapping one another) as sorted starts and their ends: a new span
    # overlaps one of them only if it overlaps the last one starting before its end.
    by_label: dict[str, tuple[list[int], list[int]]] = {}

    def key(h: _Hit) -> tuple[bool, int, int]:
        return (h.start, h.end) == (h.sentence_start, h.sentence_end), -(h.end - h.start), h.start

    for h in sorted(hits, key=key):
        starts, ends = by_label.setdefault(h.label, ([], []))
        at = bisect_left(starts, h.end)
        if at and ends[at - 1] > h.start:
            continue
        starts.insert(at, h.start)
        ends.insert(at, h.end)
        kept.append(h)
    return sorted(kept, key=_in_order)


def _in_order(h: _Hit) -> tuple[int, int, str]:
    return h.start, h.end, h.label


def findings_from_doc(
    doc: Doc, ruleset: RuleSet | None = None, pages: Sequence[Page] = (), dedupe: bool = True
) -> list[Finding]:
    """Read the findings off a processed Doc.

    Args:
        doc: A Doc processed by :func:`nlp.pipeline.build_pipeline`.
        ruleset: The rules the pipeline was built from (default rules when None).
        pages: Page map of the document text, for page numbers.
        dedupe: Keep only the longest of overlapping findings of one label.

    Returns:
        Findings in document order, each with evidence, assertion and specificity.
    """
    ruleset = ruleset or load_ruleset()
    rules = {r.id: r for r in ruleset.targets}
    index = SentenceIndex.for_doc(doc)
    hits: list[_Hit] = []
    for span in doc.spans.get(HITS_KEY, []):
        rule = rules[span.id_]
        si = index.of(span.start)
        s_start, s_end = index.bounds[si]
        start, end = (s_start, s_end) if rule.span == "sentence" else (span.start_char, span.end_char)
        hits.append(_Hit(rule.label, start, end, s_start, s_end, si, rule, span))
    # Deduplicate first: about a fifth of the hits are dropped, and building a Finding costs more than a hit.
    hits = _dedupe(hits) if dedupe else sorted(hits, key=_in_order)
    feats_by_sent: dict[int, list[SpecificityFeature]] = {}
    weights = {f.id: f.weight for f in ruleset.specificity}
    text = doc_text(doc)
    for span in doc.spans.get(FEATURES_KEY, []):
        begin, end = span.start_char, span.end_char
        feats_by_sent.setdefault(index.of(span.start), []).append(
            SpecificityFeature(
                id=span.id_,
                kind=span.label_,
                text=text[begin:end],  # = span.text, which joins the span's tokens
                start=begin,
                end=end,
                weight=weights.get(span.id_, 0.0),
            )
        )
    spec_cache: dict[int, Specificity] = {}
    page_starts = [p.start for p in pages]
    through = {hit: ref for ref, _, _, hits in doc.user_data.get(REFERENCES_KEY, ()) for hit in hits}
    assertions = doc.user_data.get(ASSERTIONS_KEY, {})
    out: list[Finding] = []
    for h in hits:
        si = h.sentence
        if si not in spec_cache:
            spec_cache[si] = _specificity(feats_by_sent.get(si, []))
        span = h.span
        out.append(
            Finding(
                label=h.label,
                rule_id=h.rule.id,
                text=text[h.start : h.end],
                sentence=index.texts[si],
                page=_page_of(pages, page_starts, h.start),
                start=h.start,
                end=h.end,
                sentence_start=h.sentence_start,
                sentence_end=h.sentence_end,
                section=index.sections[si],
                assertion=_assertion(assertions.get((span.start, span.end)), h.rule.ignore_cues),
                specificity=spec_cache[si],
                reference=through.get((span.start, span.end, span.id_)) if through else None,
            )
        )
    return out


def _specificity(features: list[SpecificityFeature]) -> Specificity:
    """Score a sentence: each kind of feature counts once, at its strongest weight; the sum is clipped to 0-100.

    So "in March 2024" (a month and a year) counts as one date, and three quantities count as one quantity.
    """
    best: dict[str, float] = {}
    for f in features:
        if f.kind not in best or abs(f.weight) > abs(best[f.kind]):
            best[f.kind] = f.weight
    score = max(0.0, min(100.0, sum(best.values())))
    return Specificity(score=round(score, 1), features=sorted(features, key=lambda f: (f.start, f.id)))


def analyse_document(document: Document, pipeline: Language, ruleset: RuleSet | None = None) -> StatementReport:
    """Analyse one read document.

    Args:
        document: A Document from :mod:`nlp.ingest` (possibly with an error set).
        pipeline: The pipeline from :func:`nlp.pipeline.build_pipeline`.
        ruleset: The rules the pipeline was built from.

    Returns:
        The report; ``status`` is ``error`` when the document carries a reading error.
    """
    ruleset = ruleset or load_ruleset(pipeline.meta.get("msa_rules_dir"))
    base = {
        "id": document.id,
        "source": document.source,
        "company": document.company,
        "year": document.year,
        "jurisdiction": document.jurisdiction,
        "format": document.format,
        "pages": len(document.pages),
        "rules_fingerprint": ruleset.fingerprint,
        "version": __version__,
        "metadata_source": document.metadata_source,
        "extra": document.extra,
        "warnings": document.warnings,
    }
    if document.error is not None:
        return StatementReport(status="error", error=document.error, **base)
    text = document.text
    words = len(text.split())
    language, en_share = detect_language(text, ruleset.language)
    flags: list[Flag] = []
    if language is not None and en_share < ruleset.language.min_english_share:
        flags.append(
            Flag(
                id="language.non_english",
                severity="warning",
                message=f"The statement is in '{language}' (English share of stop words "
                f"{en_share:.0%}); English rules were not applied and it is not scored.",
            )
        )
        return StatementReport(status="ok", language=language, words=words, flags=flags, **base)
    if language is None:
        flags.append(
            Flag(
                id="language.undetermined",
                severity="info",
                message="Too little running text to determine the language; analysed as English.",
            )
        )
    elif en_share < ruleset.language.mixed_below:
        flags.append(
            Flag(
                id="language.mixed",
                severity="info",
                message=f"Only {en_share:.0%} of stop words are English: part of the statement is in "
                "another language and was not analysed by the English rules.",
            )
        )
    doc = run_pipeline(pipeline, text)
    findings = findings_from_doc(doc, ruleset, document.pages)
    index = FindingIndex(findings)
    scores = {fw.id: score_framework(fw, findings, document.jurisdiction, index) for fw in ruleset.frameworks}
    detail = xinjiang = None
    if ruleset.scoring is not None:
        detail = statement_specificity(findings, ruleset.scoring.specificity)
        xinjiang = xinjiang_block(findings, ruleset.scoring, index)
        flags += red_flags(findings, ruleset.scoring, index)
    return StatementReport(
        status="ok",
        language="en",
        words=words,
        findings=findings,
        scores=scores,
        specificity=detail.score if detail else None,
        specificity_detail=detail,
        flags=flags,
        xinjiang=xinjiang,
        **base,
    )
