"""Self-tests of the rules: every example of every rule, run through the real pipeline (``msa rules check``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language

from nlp.analyse import findings_from_doc
from nlp.components.sections import SectionClassifier
from nlp.components.targets import REFERENCES_KEY, SentenceIndex
from nlp.ingest.metadata import infer_jurisdiction, match_rule, parse_year
from nlp.ruleset import Example, RuleSet

Kind = Literal["target", "cue", "section", "specificity", "metadata", "reference"]


@dataclass(frozen=True)
class ExampleCase:
    """One example of one rule, to be checked."""

    kind: Kind
    rule_id: str
    polarity: Literal["match", "no_match"]
    example: Example
    number: int

    @property
    def name(self) -> str:
        """A readable test id."""
        return f"{self.rule_id}:{self.polarity}:{self.number}"


def iter_cases(ruleset: RuleSet) -> Iterator[ExampleCase]:
    """Every example of every rule of the rule set."""
    groups: list[tuple[Kind, list]] = [
        ("target", ruleset.targets),
        ("cue", ruleset.cues),
        ("section", ruleset.sections),
        ("specificity", ruleset.specificity),
        ("reference", ruleset.references),
    ]
    for kind, rules in groups:
        for rule in rules:
            for polarity in ("match", "no_match"):
                for i, ex in enumerate(getattr(rule.examples, polarity), start=1):
                    yield ExampleCase(kind, rule.id, polarity, ex, i)  # type: ignore[arg-type]
    meta = ruleset.metadata
    for rule in (*meta.jurisdiction, *meta.company, *meta.year):
        for i, ex in enumerate(rule.examples, start=1):
            yield ExampleCase("metadata", rule.id, "match", ex, i)


def _spans_text(spans: list[tuple[int, int]], text: str) -> str:
    return ", ".join(repr(text[s:e]) for s, e in spans) or "nothing"


def check_case(case: ExampleCase, pipeline: Language, ruleset: RuleSet) -> str | None:
    """Run one example.

    Args:
        case: The example.
        pipeline: A pipeline built from ``ruleset``.
        ruleset: The rules.

    Returns:
        None when the example behaves as declared, else a message saying what happened.
    """
    ex = case.example
    text = ex.plain
    if case.kind == "section":
        found = SectionClassifier(ruleset).classify(text)
        rule = next(r for r in ruleset.sections if r.id == case.rule_id)
        got = found[0] if found else None
        if (got == rule.type) != (case.polarity == "match"):
            return f"heading {text!r} maps to {got!r}"
        return None
    if case.kind == "metadata":
        return _check_metadata(case, ruleset)
    doc = pipeline(text)
    if case.kind == "target":
        findings = [f for f in findings_from_doc(doc, ruleset, dedupe=False) if f.rule_id == case.rule_id]
        spans = [(f.start, f.end) for f in findings]
        if case.polarity == "no_match":
            return f"fired on {_spans_text(spans, text)}" if findings else None
        if not findings:
            return "did not fire"
        if ex.marked and not set(ex.marked) <= set(spans):
            return f"expected {_spans_text(ex.marked, text)}, got {_spans_text(spans, text)}"
        if ex.assertion:
            target = [f for f in findings if not ex.marked or (f.start, f.end) in ex.marked]
            return _check_assertion(ex.assertion, target[0].assertion.model_dump())
        return None
    if case.kind == "reference":
        # The anaphors resolved in a sentence where some rule fired through the reference (marked [[...]]).
        through = [f for f in findings_from_doc(doc, ruleset, dedupe=False) if f.reference == case.rule_id]
        spans = [
            (a, b)
            for ref, a, b, _ in doc.user_data.get(REFERENCES_KEY, ())
            if ref == case.rule_id and any(f.sentence_start <= a < f.sentence_end for f in through)
        ]
        return _check_spans(case, spans, text)
    if case.kind == "cue":
        ctx = pipeline.get_pipe("msa_context")
        rule = next(c for c in ruleset.cues if c.id == case.rule_id)
        index = SentenceIndex(doc)
        if rule.category in ("PSEUDO", "TERMINATE"):
            spans = [
                (h.span.start_char, h.span.end_char)
                for h in ctx.matchers(doc, index.sents)
                if ctx.cues[h.index].id == case.rule_id
            ]
        else:
            spans = [
                (c.span.start_char, c.span.end_char)
                for items in ctx.cue_hits(doc, index, resolve_overlaps=False).values()
                for c in items
                if c.rule.id == case.rule_id
            ]
        return _check_spans(case, spans, text)
    # Features are matched in every sentence here (the pipeline matches them only where a finding needs them).
    spec = pipeline.get_pipe("msa_specificity")
    index = SentenceIndex(doc)
    spans = [
        (h.span.start_char, h.span.end_char)
        for h in spec.matchers(doc, index.sents)
        if spec.features[h.index].id == case.rule_id and h.span.end <= index.sents[index.of(h.span.start)].end
    ]
    return _check_spans(case, spans, text)


def _check_spans(case: ExampleCase, spans: list[tuple[int, int]], text: str) -> str | None:
    if case.polarity == "no_match":
        return f"fired on {_spans_text(spans, text)}" if spans else None
    if not spans:
        return "did not fire"
    if case.example.marked and not set(case.example.marked) <= set(spans):
        return f"expected {_spans_text(case.example.marked, text)}, got {_spans_text(spans, text)}"
    return None


def _check_assertion(expected: dict[str, bool | str], got: dict[str, object]) -> str | None:
    problems = []
    for key, want in expected.items():
        if key not in got:
            problems.append(f"unknown assertion key {key!r}")
            continue
        value = got[key]
        if key == "scope":
            have = value["value"] if isinstance(value, dict) else None
            if want is False and have is None:
                continue
            if have != want:
                problems.append(f"scope {have!r} != {want!r}")
        elif bool(value) != bool(want):
            problems.append(f"{key} is {'set' if value else 'not set'}")
    return "; ".join(problems) or None


def _check_metadata(case: ExampleCase, ruleset: RuleSet) -> str | None:
    meta = ruleset.metadata
    ex = case.example
    jur = {r.id: r for r in meta.jurisdiction}
    if case.rule_id in jur:
        found = infer_jurisdiction(ex.plain, meta)
        want = ex.expect if ex.expect is not None else jur[case.rule_id].value
        got = found[0] if found else None
        return None if got == want else f"inferred {got!r}, expected {want!r}"
    rule = next(r for r in (*meta.company, *meta.year) if r.id == case.rule_id)
    group = "company" if rule in meta.company else "year"
    got: str | int | None = match_rule(rule, ex.plain, group)
    if group == "year" and got is not None and isinstance(ex.expect, int):
        got = parse_year(str(got))
    if ex.expect is None:
        return None if got is None else f"matched {got!r} where nothing was expected"
    return None if got is not None and str(got) == str(ex.expect) else f"got {got!r}, expected {ex.expect!r}"


def run_all(pipeline: Language, ruleset: RuleSet) -> list[tuple[ExampleCase, str]]:
    """Run every example; return the failures with their messages."""
    failures = []
    for case in iter_cases(ruleset):
        msg = check_case(case, pipeline, ruleset)
        if msg:
            failures.append((case, msg))
    return failures
