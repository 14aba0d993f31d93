"""ConText-style assertions: negated, future/commitment, hedged, reported and scope, each with its cue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.matching import CompiledMatchers
from nlp.components.targets import HITS_KEY, LIST_ITEM, SentenceIndex
from nlp.ruleset import CueRule, RuleSet, load_ruleset

FLAG_CATEGORIES = ("NEGATED", "FUTURE", "HEDGED", "REPORTED", "SCOPE")
CUES_KEY = "msa_cues"
#: ``doc.user_data`` key: the assertion of each hit, keyed by its token range (start, end).
ASSERTIONS_KEY = "msa_assertions"


def assertion_of(span: Span) -> dict[str, CueHit] | None:
    """The cues governing a hit (``span._.msa_assertion``), or None when the context component did not assert it."""
    return span.doc.user_data.get(ASSERTIONS_KEY, {}).get((span.start, span.end))


if not Span.has_extension("msa_assertion"):
    Span.set_extension("msa_assertion", getter=assertion_of)


@dataclass(frozen=True)
class CueHit:
    """A cue found in a sentence, with the token range it governs."""

    rule: CueRule
    span: Span
    scope_start: int
    scope_end: int


class ContextComponent:
    """Finds cues, computes their scopes within the sentence, and asserts every hit (``span._.msa_assertion``).

    ``msa_assertion`` maps a category (NEGATED, FUTURE, HEDGED, REPORTED, SCOPE) to the nearest governing
    :class:`CueHit`. A negation inside the hit's own span is part of it (a denial is not a negated finding); other
    cues inside the span apply ("will not source directly from ..." is a future denial scoped to direct suppliers).
    PSEUDO cues cancel the cues they overlap; TERMINATE cues end scopes.
    """

    def __init__(self, pipeline: Language, ruleset: RuleSet):
        self.cues: list[CueRule] = list(ruleset.cues)
        self.matchers = CompiledMatchers(pipeline, self.cues, ruleset, [c.id for c in self.cues])

    def cue_hits(
        self,
        doc: Doc,
        index: SentenceIndex,
        resolve_overlaps: bool = True,
        only: Iterable[int] | None = None,
    ) -> dict[int, list[CueHit]]:
        """Cues per sentence index, with scopes computed.

        A cue never crosses a sentence end (such a match is dropped).

        Args:
            doc: The Doc.
            index: Its sentence index.
            resolve_overlaps: Keep only the longest of overlapping cues (off to test each cue's own matcher).
            only: The sentence indexes whose cues are wanted (default: all).
        """
        by_sent: dict[int, list[tuple[CueRule, Span]]] = {}
        for hit in self.matchers(doc, index.sents, only=only, index=index):
            si = index.of(hit.start)
            if hit.end > index.sents[si].end:
                continue
            by_sent.setdefault(si, []).append((self.cues[hit.index], hit.span))
        out: dict[int, list[CueHit]] = {}
        for si, items in by_sent.items():
            sent = index.sents[si]
            pseudo = [span for rule, span in items if rule.category == "PSEUDO"]
            terms = sorted(span.start for rule, span in items if rule.category == "TERMINATE")
            term_ends = sorted(span.end for rule, span in items if rule.category == "TERMINATE")
            kept: list[CueHit] = []
            candidates = [
                (rule, span)
                for rule, span in items
                if rule.category not in ("PSEUDO", "TERMINATE")
                and not any(p.start < span.end and span.start < p.end for p in pseudo)
            ]
            # Of overlapping cues the longest wins ("cannot rule out" is a hedge, not also a negation).
            candidates.sort(key=lambda rs: (-(rs[1].end - rs[1].start), rs[1].start))
            chosen: list[tuple[CueRule, Span]] = []
            for rule, span in candidates:
                if not resolve_overlaps or not any(c.start < span.end and span.start < c.end for _, c in chosen):
                    chosen.append((rule, span))
            for rule, span in sorted(chosen, key=lambda rs: rs[1].start):
                lo, hi = span.start, span.end
                if rule.direction in ("forward", "bidirectional"):
                    stop = min([sent.end, span.end + rule.max_scope, *[t for t in terms if t >= span.end]])
                    hi = stop
                if rule.direction in ("backward", "bidirectional"):
                    begin = max([sent.start, span.start - rule.max_scope, *[t for t in term_ends if t <= span.start]])
                    lo = begin
                kept.append(CueHit(rule, span, lo, hi))
            out[si] = kept
        return out

    def _lead_in(self, index: SentenceIndex, si: int) -> int | None:
        """For a list item, the sentence that introduces its list (ending with ':'), if any."""
        texts = index.texts
        if not LIST_ITEM.match(texts[si]):
            return None
        j = si - 1
        while j >= 0 and LIST_ITEM.match(texts[j]):
            j -= 1
        if j >= 0 and texts[j].endswith(":"):
            return j
        return None

    def __call__(self, doc: Doc) -> Doc:
        """Assert every hit in ``doc.spans["msa_hits"]``."""
        hits = list(doc.spans.get(HITS_KEY, []))
        index = SentenceIndex.for_doc(doc)
        # Cues matter only in sentences with a hit and in the lead-ins of their lists.
        wanted = {index.of(t.start) for t in hits}
        wanted |= {lead for si in list(wanted) if (lead := self._lead_in(index, si)) is not None}
        cues = self.cue_hits(doc, index, only=wanted) if hits else {}
        assertions: dict[tuple[int, int], dict[str, CueHit]] = {}
        doc.user_data[ASSERTIONS_KEY] = assertions
        doc.spans[CUES_KEY] = [c.span for items in cues.values() for c in items]
        for target in hits:
            found: dict[str, CueHit] = {}
            for cue in cues.get(index.of(target.start), []):
                inside = cue.span.start < target.end and target.start < cue.span.end
                if inside and cue.rule.category == "NEGATED":
                    continue  # a negation inside the target is part of it ("do not source from ..." is a denial)
                if not inside and not (target.start < cue.scope_end and cue.scope_start < target.end):
                    continue
                cat = cue.rule.category
                dist = min(abs(cue.span.start - target.end), abs(target.start - cue.span.end))
                prev = found.get(cat)
                if prev is None or dist < min(abs(prev.span.start - target.end), abs(target.start - prev.span.end)):
                    found[cat] = cue
            lead = self._lead_in(index, index.of(target.start))
            if lead is not None:
                for cue in cues.get(lead, []):
                    if cue.rule.list_scope and cue.rule.category not in found:
                        found[cue.rule.category] = cue
            assertions[target.start, target.end] = found
        return doc


@Language.factory("msa_context", default_config={"rules_dir": None})
def make_context(nlp: Language, name: str, rules_dir: str | None) -> ContextComponent:
    """Build the context component from a rules directory."""
    return ContextComponent(nlp, load_ruleset(rules_dir))
