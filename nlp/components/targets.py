"""Target rules: phrases, lexicons, token patterns and regexes -> labelled hits with their rule id."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.matching import CompiledMatchers
from nlp.components.sentences import INDEX_KEY
from nlp.ruleset import RuleSet, TargetRule, load_ruleset

HITS_KEY = "msa_hits"


def terms_regex(terms: list[str]) -> re.Pattern[str]:
    """A case-insensitive regex matching any of ``terms`` as whole words."""
    body = "|".join(re.escape(t.lower()) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


class SentenceIndex:
    """Maps token positions to the sentences of a Doc, with each sentence's character bounds and text.

    ``bounds[i]`` is (start, end) of sentence i in ``doc.text`` with trailing white space left out, and
    ``texts[i]`` the text between them (read off ``doc.text``: cheaper than ``Span.text``, which joins tokens).
    """

    def __init__(self, doc: Doc):
        self.sents = list(doc.sents)
        self.starts = [s.start for s in self.sents]
        text = doc.text
        self.bounds: list[tuple[int, int]] = []
        self.texts: list[str] = []
        for s in self.sents:
            begin = s.start_char
            body = text[begin : s.end_char].rstrip()
            self.bounds.append((begin, begin + len(body)))
            self.texts.append(body)

    @classmethod
    def for_doc(cls, doc: Doc) -> SentenceIndex:
        """The index of ``doc``, built once and kept in ``doc.user_data`` (sentence boundaries are set first)."""
        found = doc.user_data.get(INDEX_KEY)
        if not isinstance(found, cls):
            found = doc.user_data[INDEX_KEY] = cls(doc)
        return found

    def of(self, token_i: int) -> int:
        """Index of the sentence holding token ``token_i``."""
        return bisect_right(self.starts, token_i) - 1


class TargetsComponent:
    """Runs every target rule; writes the hits (trigger spans) to ``doc.spans["msa_hits"]``.

    Each hit span has ``label_`` = the rule's label and ``id_`` = the rule id. Sentence conditions (requires,
    excludes, sections) are applied here; the finding span (match or sentence), assertion and deduplication are
    applied when findings are read off the Doc (:func:`nlp.analyse.findings_from_doc`).
    """

    def __init__(self, pipeline: Language, ruleset: RuleSet):
        self.rules: list[TargetRule] = list(ruleset.targets)
        self.matchers = CompiledMatchers(pipeline, self.rules, ruleset, [r.id for r in self.rules])
        self.requires = [[terms_regex(g) for g in r.requires if g] for r in self.rules]
        self.excludes = [terms_regex(r.excludes) if r.excludes else None for r in self.rules]
        self.in_headings = [ruleset.labels[r.label].in_headings for r in self.rules]

    def _accept(self, index: int, sent_text: str, section: str | None, heading: bool) -> bool:
        rule = self.rules[index]
        if heading and not self.in_headings[index]:
            return False
        if rule.sections and section not in rule.sections:
            return False
        if any(rx.search(sent_text) is None for rx in self.requires[index]):
            return False
        exc = self.excludes[index]
        return exc is None or exc.search(sent_text) is None

    def __call__(self, doc: Doc) -> Doc:
        """Find and store the hits of every rule."""
        index = SentenceIndex.for_doc(doc)
        hits = self.matchers(doc, index.sents, index=index)
        lowered: dict[int, str] = {}
        out: list[Span] = []
        for hit in hits:
            si = index.of(hit.span.start)
            sent = index.sents[si]
            if hit.span.end > sent.end:
                continue  # a phrase across a sentence boundary is not one claim
            if si not in lowered:
                lowered[si] = index.texts[si].lower()
            if not self._accept(hit.index, lowered[si], sent._.msa_section, sent._.msa_heading):
                continue
            rule = self.rules[hit.index]
            out.append(Span(doc, hit.span.start, hit.span.end, label=rule.label, span_id=rule.id))
        doc.spans[HITS_KEY] = out
        return doc


@Language.factory("msa_targets", default_config={"rules_dir": None})
def make_targets(nlp: Language, name: str, rules_dir: str | None) -> TargetsComponent:
    """Build the target component from a rules directory."""
    return TargetsComponent(nlp, load_ruleset(rules_dir))
