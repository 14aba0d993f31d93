"""Compile the matchers of rule records (phrases, CSV lexicons, token patterns, regexes) into spaCy matchers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.ruleset import RuleFileError, RuleSet, _Matchers


@dataclass(frozen=True)
class Hit:
    """A match of one rule record: its index in the compiled list and the token span."""

    index: int
    span: Span


class CompiledMatchers:
    """All matchers of a list of rule records, run together over a Doc.

    Phrase and lexicon terms go to one PhraseMatcher per attribute (LOWER or ORTH), token patterns to one Matcher,
    regexes are run on the text of each sentence. Keys are the record indexes, so hits map back to records.
    """

    def __init__(self, pipeline: Language, records: Sequence[_Matchers], ruleset: RuleSet, ids: Sequence[str]):
        self.vocab = pipeline.vocab
        self.lower = PhraseMatcher(pipeline.vocab, attr="LOWER")
        self.orth = PhraseMatcher(pipeline.vocab, attr="ORTH")
        self.matcher = Matcher(pipeline.vocab, validate=True)
        self.regexes: list[tuple[int, re.Pattern[str]]] = []
        self.anchored: list[tuple[int, re.Pattern[str]]] = []  # regexes with ^ or $: run on sliced sentences
        self._has_lower = self._has_orth = self._has_patterns = False
        for index, (rec, rid) in enumerate(zip(records, ids, strict=True)):
            key = str(index)
            terms = list(rec.phrases)
            for ref in rec.lexicons:
                terms += ruleset.lexicon_terms(ref)
            if terms:
                docs = list(pipeline.tokenizer.pipe(terms))
                if rec.case_sensitive:
                    self.orth.add(key, docs)
                    self._has_orth = True
                else:
                    self.lower.add(key, docs)
                    self._has_lower = True
            if rec.patterns:
                try:
                    self.matcher.add(key, rec.patterns)
                except (ValueError, KeyError) as exc:
                    raise RuleFileError(f"rule {rid}: invalid token pattern: {exc}") from exc
                self._has_patterns = True
            flags = 0 if rec.case_sensitive else re.IGNORECASE
            for rx in rec.regex:
                compiled = re.compile(rx, flags)
                if _anchored(rx, flags):
                    self.anchored.append((index, compiled))
                else:
                    self.regexes.append((index, compiled))

    def __call__(self, doc: Doc, sentences: Sequence[Span] | None = None) -> list[Hit]:
        """Run every matcher over ``doc``; regexes run within each sentence.

        Args:
            doc: A tokenised Doc with sentence boundaries.
            sentences: The sentences to run regexes in (default: ``doc.sents``).

        Returns:
            Hits, deduplicated per (record, start, end), in document order.
        """
        raw: list[tuple[int, int, int]] = []
        for matcher, used in ((self.lower, self._has_lower), (self.orth, self._has_orth),
                              (self.matcher, self._has_patterns)):
            if used:
                raw += [(int(self.vocab.strings[m]), s, e) for m, s, e in matcher(doc)]
        if self.regexes or self.anchored:
            raw += self._regex_hits(doc, list(sentences) if sentences is not None else list(doc.sents))
        trimmed = set()
        for index, s, e in raw:
            # A hit never starts or ends on white space (a regex may swallow a line break).
            while s < e and doc[s].is_space:
                s += 1
            while e > s and doc[e - 1].is_space:
                e -= 1
            if e > s:
                trimmed.add((index, s, e))
        hits = sorted(trimmed, key=lambda t: (t[1], t[2], t[0]))
        return [Hit(index, doc[s:e]) for index, s, e in hits]

    def _regex_hits(self, doc: Doc, sentences: list[Span]) -> list[tuple[int, int, int]]:
        """Regex hits within sentences.

        Each regex runs once over the whole text; a match that crosses a sentence boundary is discarded and the
        regex is run again on each sentence it touched, so the result equals running it sentence by sentence.
        """
        text = doc.text
        ends = [s.end_char for s in sentences]
        starts = [s.start_char for s in sentences]
        out: list[tuple[int, int, int]] = []

        def add(index: int, start: int, end: int) -> None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((index, span.start, span.end))

        for index, rx in self.regexes:
            rerun: set[int] = set()
            for m in rx.finditer(text):
                if m.end() <= m.start():
                    continue
                first = bisect_right(starts, m.start()) - 1
                last = bisect_right(starts, m.end() - 1) - 1
                if first == last:
                    add(index, m.start(), m.end())
                else:
                    rerun.update(range(max(first, 0), last + 1))
            for si in sorted(rerun):
                base = starts[si]
                for m in rx.finditer(text, base, ends[si]):
                    if m.end() > m.start():
                        add(index, m.start(), m.end())
        for si, sent in enumerate(sentences):
            sent_text = text[starts[si]:ends[si]].rstrip()
            for index, rx in self.anchored:
                for m in rx.finditer(sent_text):
                    if m.end() > m.start():
                        add(index, starts[si] + m.start(), starts[si] + m.end())
        return out


def _anchored(pattern: str, flags: int) -> bool:
    """Whether a regex uses ^, $, \\A or \\Z, which must anchor to the sentence, not to the document."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    at_codes = {"AT_BEGINNING", "AT_END", "AT_BEGINNING_STRING", "AT_END_STRING", "AT_BEGINNING_LINE",
                "AT_END_LINE"}

    def walk(items: object) -> bool:
        for op, arg in items:  # type: ignore[attr-defined]
            if str(op) == "AT" and str(arg) in at_codes:
                return True
            for sub in arg if isinstance(arg, (list, tuple)) else (arg,):
                if isinstance(sub, sre_parse.SubPattern) and walk(sub):
                    return True
                if isinstance(sub, (list, tuple)):
                    for x in sub:
                        if isinstance(x, sre_parse.SubPattern) and walk(x):
                            return True
        return False

    return walk(sre_parse.parse(pattern, flags))
