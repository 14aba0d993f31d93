"""Compile the matchers of rule records (phrases, CSV lexicons, token patterns, regexes) into spaCy matchers."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import re
import sys
import tempfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import ahocorasick
import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.components.sentences import doc_text
from nlp.ruleset import RuleFileError, RuleSet, _Matchers, compile_regex


class SentenceBounds(Protocol):
    """Anything with the character bounds of a Doc's sentences (trailing white space excluded)."""

    bounds: list[tuple[int, int]]


@dataclass(frozen=True)
class Gate:
    """Where the regexes of some records need not run.

    ``test(record, n)`` is False when the caller will drop every hit of ``record`` (one of ``records``) that starts
    in sentence ``n``.
    """

    records: frozenset[int]
    test: Callable[[int, int], bool]


@dataclass(frozen=True)
class Hit:
    """A match of one rule record: its index in the compiled list and its token offsets in ``doc``."""

    index: int
    start: int
    end: int
    doc: Doc = field(repr=False, compare=False)

    @property
    def span(self) -> Span:
        """The matched tokens (made on demand: most hits are read by their offsets alone)."""
        return self.doc[self.start : self.end]


class CompiledMatchers:
    """All matchers of a list of rule records, run together over a Doc.

    Phrase and lexicon terms go to one PhraseMatcher per attribute (LOWER or ORTH), token patterns to one Matcher,
    regexes are run on the text of each sentence. Keys are the record indexes, so hits map back to records.
    """

    def __init__(
        self,
        pipeline: Language,
        records: Sequence[_Matchers],
        ruleset: RuleSet,
        ids: Sequence[str],
        prefilter: bool = True,
    ):
        self.vocab = pipeline.vocab
        self.lower = PhraseMatcher(pipeline.vocab, attr="LOWER")
        self.orth = PhraseMatcher(pipeline.vocab, attr="ORTH")
        self.matcher = Matcher(pipeline.vocab, validate=True)
        self.regexes: list[CompiledRegex] = []
        self._has_lower = self._has_orth = self._has_patterns = False
        # Token patterns run only in sentences holding one of their anchor tokens (see token_anchors).
        anchor_lower: set[str] = set()
        anchor_orth: set[str] = set()
        self._patterns_everywhere = not prefilter
        known = RegexFactsCache.shared()
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
            patterns = list(rec.patterns)
            if prefilter:
                # A pattern of plain token values is a set of phrases: the PhraseMatcher finds them at a fraction
                # of the Matcher's cost (same hits: see phrase_patterns).
                kept = []
                for pattern in patterns:
                    phrases = phrase_patterns(pattern)
                    if phrases is None:
                        kept.append(pattern)
                        continue
                    attr, sequences = phrases
                    docs = [Doc(self.vocab, words=words) for words in sequences]
                    if attr == "ORTH":
                        self.orth.add(key, docs)
                        self._has_orth = True
                    else:
                        self.lower.add(key, docs)
                        self._has_lower = True
                patterns = kept
            if patterns:
                try:
                    self.matcher.add(key, patterns)
                except (ValueError, KeyError) as exc:
                    raise RuleFileError(f"rule {rid}: invalid token pattern: {exc}") from exc
                self._has_patterns = True
                for pattern in patterns:
                    found = token_anchors(pattern)
                    if found is None:
                        self._patterns_everywhere = True
                    else:
                        (anchor_lower if found[0] == "LOWER" else anchor_orth).update(found[1])
            flags = 0 if rec.case_sensitive else re.IGNORECASE
            for rx in rec.regex:
                facts = known.get(rx, flags)
                self.regexes.append(
                    CompiledRegex(
                        index=index,
                        pattern=compile_regex(rx, flags),
                        anchored=facts.anchored,
                        literals=facts.literals if prefilter else None,
                        leads=None if facts.anchored or not prefilter else facts.leads,
                        line_start=prefilter and facts.line_start,
                    )
                )
        known.save()
        self._lead_literals = frozenset(
            lit for rx in self.regexes for lit in rx.leads or () if lit not in (DIGIT, AFTER_NEWLINE)
        )
        self._digit_leads = any(DIGIT in (rx.leads or ()) for rx in self.regexes)
        self._newline_leads = any(AFTER_NEWLINE in (rx.leads or ()) for rx in self.regexes)
        strings = pipeline.vocab.strings
        self._anchor_lower = numpy.array(sorted(strings.add(v) for v in anchor_lower), dtype="uint64")
        self._anchor_orth = numpy.array(sorted(strings.add(v) for v in anchor_orth), dtype="uint64")
        self._digit_literal = any(DIGIT in group for rx in self.regexes for group in rx.literals or ())
        literals = sorted(
            {lit for rx in self.regexes for group in rx.literals or () for lit in group if lit != DIGIT}
            | self._lead_literals
        )
        # One Aho-Corasick automaton finds every occurrence of every literal (required or lead) in one pass; its
        # values are the literals' indexes in ``self._literals``.
        required = {lit for rx in self.regexes for group in rx.literals or () for lit in group if lit != DIGIT}
        self._literals = literals
        self._scanner = LiteralScanner(literals)
        self._is_required = numpy.array([lit in required for lit in literals], dtype=bool)
        self._is_lead = numpy.array([lit in self._lead_literals for lit in literals], dtype=bool)

    def __call__(
        self,
        doc: Doc,
        sentences: Sequence[Span] | None = None,
        only: Iterable[int] | None = None,
        index: SentenceBounds | None = None,
        gate: Gate | None = None,
    ) -> list[Hit]:
        """Run every matcher over ``doc``; regexes run within each sentence.

        Args:
            doc: A tokenised Doc with sentence boundaries.
            sentences: The sentences to run regexes in (default: ``doc.sents``).
            only: Indexes (into ``sentences``) of the only sentences whose hits are wanted. Phrase matchers still
                scan the whole Doc (they are cheap) and their hits are filtered; token patterns and regexes run in
                these sentences alone. Hits are then those of a full run that start in these sentences, provided
                no token pattern crosses a sentence end (callers drop such hits anyway).
            index: The character bounds of ``sentences`` (a :class:`nlp.components.targets.SentenceIndex`
                built on them), to save recomputing them.
            gate: Records whose regexes need not run in some sentences (``n`` in ``gate.test`` is the index in
                ``sentences``). Phrase and token-pattern hits are returned whatever the gate says.

        Returns:
            Hits, deduplicated per (record, start, end), in document order.
        """
        sents = list(sentences) if sentences is not None else list(doc.sents)
        chosen = None if only is None else [sents[i] for i in sorted(set(only))]
        raw: list[tuple[int, int, int]] = []
        for matcher, used in ((self.lower, self._has_lower), (self.orth, self._has_orth)):
            if used:
                raw += [(int(self.vocab.strings[m]), s, e) for m, s, e in matcher(doc)]
        if chosen is not None and raw:
            starts = [s.start for s in chosen]
            ends = [s.end for s in chosen]
            raw = [h for h in raw if (k := bisect_right(starts, h[1]) - 1) >= 0 and h[1] < ends[k]]
        if self._has_patterns:
            if self._patterns_everywhere:
                targets = sents if chosen is None else chosen
            else:
                targets = self._anchored_sentences(doc, sents if chosen is None else chosen)
            for sent in targets:
                base = sent.start
                raw += [(int(self.vocab.strings[m]), base + s, base + e) for m, s, e in self.matcher(sent)]
        if self.regexes:
            picked = range(len(sents)) if only is None else sorted(set(only))
            bounds = [index.bounds[i] for i in picked] if index is not None else None
            if gate is not None and only is not None:
                gate = Gate(gate.records, lambda record, k, test=gate.test: test(record, picked[k]))
            raw += self._regex_hits(doc, sents if chosen is None else chosen, bounds, gate)
        trimmed = set()
        space = doc.to_array(IS_SPACE).tolist() if raw else []
        for index, s, e in raw:
            # A hit never starts or ends on white space (a regex may swallow a line break).
            s, e = trim_space(space, s, e)
            if e > s:
                trimmed.add((index, s, e))
        hits = sorted(trimmed, key=lambda t: (t[1], t[2], t[0]))
        return [Hit(index, s, e, doc) for index, s, e in hits]

    def _anchored_sentences(self, doc: Doc, sentences: list[Span]) -> list[Span]:
        """The sentences holding an anchor token of some token pattern, in order."""
        if not sentences:
            return []
        found = numpy.zeros(0, dtype="int64")
        for attr, anchors in ((LOWER, self._anchor_lower), (ORTH, self._anchor_orth)):
            if len(anchors):
                values = doc.to_array(attr)
                found = numpy.concatenate([found, numpy.flatnonzero(numpy.isin(values, anchors))])
        if not len(found):
            return []
        starts = numpy.array([s.start for s in sentences], dtype="int64")
        ends = numpy.array([s.end for s in sentences], dtype="int64")
        k = numpy.searchsorted(starts, found, side="right") - 1
        inside = (k >= 0) & (found < ends[numpy.clip(k, 0, None)])
        return [sentences[i] for i in sorted(set(k[inside].tolist()))]

    def _regex_hits(
        self,
        doc: Doc,
        sentences: list[Span],
        bounds: list[tuple[int, int]] | None = None,
        gate: Gate | None = None,
    ) -> list[tuple[int, int, int]]:
        """Regex hits, each regex run on the text of each sentence it could match in.

        A regex whose every match must contain certain literal strings (see :func:`required_literals`) is run
        only in the sentences that contain them: a sound prefilter, so the hits are exactly those of running it in
        every sentence. Within a sentence, a regex whose matches all open with a literal (or a digit) is tried only
        where one starts, and one that opens with ``^`` only at line starts (same matches as ``finditer``).
        ``^`` and ``$`` anchor to the sentence. A regex of a gated record is not run in a sentence where the gate's
        test is False (a match there starts in that sentence, whose hits the caller drops).
        """
        text = doc_text(doc)
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lower-cased: no prefilter then
            lowered = ""
        if bounds is None:
            bounds = []
            for s in sentences:
                begin = s.start_char
                bounds.append((begin, begin + len(text[begin : s.end_char].rstrip())))
        # Sentence sets are bit masks (bit k: sentence k), so unions and intersections are integer operations.
        found: dict[str, int] = {}
        places: dict[str, list[int]] = {}
        if lowered and self._literals:
            # One pass over the text: the required literals mark their sentence, the leads note where they start.
            # Only occurrences inside a sentence's own text count (a literal that crosses a sentence end is in no
            # match).
            ids, firsts, ks = self._scanner.occurrences(lowered, bounds)
            names = self._literals
            req = self._is_required[ids]
            if req.any():
                for lid, mask in sentence_masks(ids[req], ks[req], len(bounds)).items():
                    found[names[lid]] = mask
            lead = self._is_lead[ids]
            if lead.any():
                for lid, at in grouped_places(ids[lead], firsts[lead]).items():
                    places[names[lid]] = at

        if self._digit_leads and lowered:
            places[DIGIT] = [m.start() for begin, stop in bounds for m in _DIGIT_RX.finditer(text, begin, stop)]
        if self._newline_leads and lowered:
            after: list[int] = []
            for begin, stop in bounds:
                i = text.find("\n", max(begin - 1, 0), stop - 1)
                while i >= 0:
                    after.append(i + 1)
                    i = text.find("\n", i + 1, stop - 1)
            places[AFTER_NEWLINE] = after
        if self._digit_literal and lowered:
            found[DIGIT] = sum(1 << k for k, (begin, stop) in enumerate(bounds) if _DIGIT_RX.search(text, begin, stop))

        out: list[tuple[int, int, int]] = []
        every = range(len(sentences))
        # Regexes share literal sets and leads (the region's aliases, "we"/"our"): each is resolved once per Doc.
        group_sentences: dict[frozenset[str], int] = {}
        lead_spots: dict[frozenset[str], list[int]] = {}
        gated = gate.records if gate is not None else frozenset()
        for rx in self.regexes:
            test = gate.test if gate is not None and rx.index in gated else None
            candidates: Iterable[int] = every
            if rx.literals is not None and lowered:
                common = -1  # every sentence
                for group in rx.literals:
                    have = group_sentences.get(group)
                    if have is None:
                        have = 0
                        for lit in group:
                            have |= found.get(lit, 0)
                        group_sentences[group] = have
                    common &= have
                    if not common:
                        break
                if not common:
                    continue
                candidates = mask_bits(common)
            spots: list[int] | None = None
            lists: list[list[int]] = []
            if rx.leads is not None and lowered:
                # Each lead's places are in text order and no two leads of a regex start at one place (none is a
                # prefix of another). Few candidate sentences: take each lead's places in the sentence; many: merge
                # the leads' places over the whole Doc once.
                lists = [places[lit] for lit in rx.leads if lit in places]
                if len(lists) == 1:
                    spots = lists[0]
                elif not isinstance(candidates, list) or len(candidates) * len(lists) > sum(map(len, lists)):
                    spots = lead_spots.get(rx.leads)
                    if spots is None:
                        spots = lead_spots[rx.leads] = sorted(p for got in lists for p in got)
                elif not lists:
                    continue
            for si in candidates:
                if test is not None and not test(rx.index, si):
                    continue
                begin, stop = bounds[si]
                if spots is None and lists:
                    here = sorted(p for got in lists for p in got[bisect_left(got, begin) : bisect_left(got, stop)])
                    matches: Iterable[re.Match[str]] = _matches_at(rx.pattern, text, here, begin, stop)
                elif spots is not None:
                    matches = _matches_at(rx.pattern, text, spots, begin, stop)
                elif rx.line_start:
                    matches = _matches_at_line_starts(rx.pattern, text[begin:stop])
                elif rx.anchored:
                    matches = rx.pattern.finditer(text[begin:stop])
                else:
                    matches = rx.pattern.finditer(text, begin, stop)
                shift = begin if rx.anchored else 0
                for m in matches:
                    if m.end() > m.start():
                        span = doc.char_span(shift + m.start(), shift + m.end(), alignment_mode="expand")
                        if span is not None and len(span):
                            out.append((rx.index, span.start, span.end))
        return out


def trim_space(space: Sequence[bool | int], start: int, end: int) -> tuple[int, int]:
    """The token range ``start:end`` without the white-space tokens at either end (``space``: IS_SPACE per token)."""
    while start < end and space[start]:
        start += 1
    while end > start and space[end - 1]:
        end -= 1
    return start, end


class LiteralScanner:
    """Every occurrence of a set of literal strings in the sentences of a text, from one Aho-Corasick pass."""

    def __init__(self, literals: Sequence[str]):
        self._automaton: ahocorasick.Automaton | None = None
        #: Per literal, its length minus one (first offset + extent = last offset).
        self.extents = numpy.array([len(lit) - 1 for lit in literals], dtype=numpy.int64)
        if literals:
            self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, lit in enumerate(literals):
                self._automaton.add_word(lit, i)
            self._automaton.make_automaton()

    def occurrences(
        self, lowered: str, bounds: Sequence[tuple[int, int]]
    ) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """The occurrences lying inside one of ``bounds`` (sorted, non-overlapping character ranges), in text order.

        Returns:
            Three integer arrays: the literal's index, its first character's offset, and the index of its range.
        """
        if self._automaton is None or not bounds or not lowered:
            empty = numpy.zeros(0, dtype=numpy.int64)
            return empty, empty, empty
        flat = numpy.fromiter(itertools.chain.from_iterable(self._automaton.iter(lowered)), dtype=numpy.int64)
        lasts, ids = flat[0::2], flat[1::2]
        firsts = lasts - self.extents[ids]
        edges = numpy.array(bounds, dtype=numpy.int64).reshape(-1, 2)
        ks = numpy.searchsorted(edges[:, 0], firsts, side="right") - 1
        inside = (ks >= 0) & (lasts < edges[numpy.maximum(ks, 0), 1])
        return ids[inside], firsts[inside], ks[inside]


def sentence_masks(ids: numpy.ndarray, ks: numpy.ndarray, n: int) -> dict[int, int]:
    """Per literal index in ``ids``, the bit mask of the ranges ``ks`` (parallel to ``ids``) it occurs in."""
    if not len(ids):
        return {}
    pairs = numpy.unique(ids * n + ks)
    lids, rows = numpy.unique(pairs // n, return_inverse=True)
    table = numpy.zeros((len(lids), n), dtype=bool)
    table[rows, pairs % n] = True
    packed = numpy.packbits(table, axis=1, bitorder="little")
    return {int(lid): int.from_bytes(row.tobytes(), "little") for lid, row in zip(lids.tolist(), packed, strict=True)}


def grouped_places(ids: numpy.ndarray, firsts: numpy.ndarray) -> dict[int, list[int]]:
    """Per literal index in ``ids``, its offsets ``firsts`` (parallel to ``ids``, in text order) as a sorted list."""
    if not len(ids):
        return {}
    order = numpy.argsort(ids, kind="stable")
    values = firsts[order].tolist()
    return {key: values[a:b] for key, a, b in runs(ids[order])}


def runs(keys: numpy.ndarray) -> list[tuple[int, int, int]]:
    """The runs of equal values in a sorted, non-empty integer array, as (value, start, end)."""
    cuts = (numpy.flatnonzero(numpy.diff(keys)) + 1).tolist()
    starts = [0, *cuts]
    ends = [*cuts, len(keys)]
    return list(zip(keys[starts].tolist(), starts, ends, strict=True))


def mask_bits(mask: int) -> list[int]:
    """The positions of the set bits of a non-negative ``mask``, in increasing order."""
    if mask.bit_count() <= 16:
        out = []
        while mask:
            low = mask & -mask
            out.append(low.bit_length() - 1)
            mask ^= low
        return out
    raw = numpy.frombuffer(mask.to_bytes((mask.bit_length() + 7) // 8, "little"), dtype=numpy.uint8)
    return numpy.flatnonzero(numpy.unpackbits(raw, bitorder="little")).tolist()


def _matches_at(
    pattern: re.Pattern[str], text: str, spots: list[int], begin: int, stop: int
) -> Iterable[re.Match[str]]:
    """The matches ``pattern.finditer(text, begin, stop)`` gives, trying only the positions in ``spots``.

    Exact when every match of the pattern starts with one of its lead literals and ``spots`` holds every position
    (sorted) where one starts: the leftmost match is then at the first spot where the pattern matches, and the
    next is searched from the end of the last, as ``finditer`` does. Such a pattern never matches empty.
    """
    k = bisect_left(spots, begin)
    resume = begin
    while k < len(spots):
        pos = spots[k]
        if pos >= stop:
            break
        k += 1
        if pos < resume:
            continue
        m = pattern.match(text, pos, stop)
        if m is not None:
            yield m
            resume = m.end()


def _matches_at_line_starts(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """The non-empty matches ``pattern.finditer(text)`` gives, for a pattern that opens with ``^``.

    Such a match starts at the start of ``text`` or (with MULTILINE) just after a line break: only those positions
    are tried. An empty match hands the text to ``finditer`` (it may go on differently after one).
    """
    spots = [0]
    if pattern.flags & re.MULTILINE:
        i = text.find("\n")
        while i >= 0:
            spots.append(i + 1)
            i = text.find("\n", i + 1)
    resume = 0
    for pos in spots:
        if pos < resume:
            continue
        m = pattern.match(text, pos)
        if m is None:
            continue
        if m.end() == m.start():
            yield from (x for x in pattern.finditer(text, pos) if x.end() > x.start())
            return
        yield m
        resume = m.end()


@dataclass(frozen=True)
class CompiledRegex:
    """A compiled regex of a rule, with what the engine knows about it."""

    index: int
    pattern: re.Pattern[str]
    anchored: bool
    literals: tuple[frozenset[str], ...] | None  # every match contains one string of each set; None: no prefilter
    leads: frozenset[str] | None = None  # every match starts with one of these (lower-cased); None: unknown
    line_start: bool = False  # the pattern opens with ^: matches start at line starts only


@functools.cache
def _engine_digest() -> str:
    """A hash of this module's source and the Python version: what decides the analysis of a regex."""
    return hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class RegexFacts:
    """What the literal analysis of a regex found (see :func:`analyse_regex`); plain data, so it can be stored."""

    anchored: bool
    literals: tuple[frozenset[str], ...] | None
    leads: frozenset[str] | None
    line_start: bool


def analyse_regex(pattern: str, flags: int) -> RegexFacts:
    """Parse a regex and work out its anchoring, required literals, leading literals and whether it opens with ^.

    Args:
        pattern: The regex source.
        flags: ``re`` flags it is compiled with (``re.IGNORECASE`` or 0).

    Returns:
        The facts the matchers' prefilter relies on.
    """
    parsed = _parse(pattern, flags)
    anchored = _anchored(parsed)
    return RegexFacts(
        anchored=anchored,
        literals=required_literals(parsed),
        leads=None if anchored else leading_literals(parsed),
        line_start=_opens_with_caret(parsed),
    )


class RegexFactsCache:
    """The analysis of every rule regex, kept on disk between runs: parsing ~900 regexes takes 1.5-2 s of each start-up.

    The file lives in ``$MSA_CACHE_DIR`` (default ``$XDG_CACHE_HOME/msa`` or ``~/.cache/msa``; ``MSA_CACHE_DIR=off``
    disables it). Its name carries a hash of this module's source and of the Python version, since both decide the
    analysis; entries are keyed by the regex and its flags, so an edited rule is simply analysed anew. A missing,
    unreadable or corrupt file is ignored, and writes go through a temporary file and an atomic rename, so worker
    processes that start together cannot read half a file.
    """

    _shared: RegexFactsCache | None = None

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[tuple[str, int], RegexFacts] = {}
        self.dirty = False
        if path is not None:
            try:
                for row in json.loads(path.read_text(encoding="utf-8")):
                    literals = row["literals"]
                    self.entries[(row["pattern"], row["flags"])] = RegexFacts(
                        anchored=bool(row["anchored"]),
                        literals=None if literals is None else tuple(frozenset(group) for group in literals),
                        leads=None if row["leads"] is None else frozenset(row["leads"]),
                        line_start=bool(row["line_start"]),
                    )
            except (OSError, ValueError, TypeError, KeyError):
                self.entries = {}

    @classmethod
    def default_path(cls) -> Path | None:
        """Where the cache file is, or None when caching is off."""
        configured = (os.environ.get("MSA_CACHE_DIR") or "").strip()
        if configured.lower() in ("off", "0", "false", "no"):
            return None
        if configured:
            root = Path(configured)
        else:
            root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "msa"
        return root / f"regex-facts-{_engine_digest()}.json"

    @classmethod
    def shared(cls) -> RegexFactsCache:
        """The process's cache, read from :meth:`default_path` once (again if the setting changes)."""
        path = cls.default_path()
        if cls._shared is None or cls._shared.path != path:
            cls._shared = cls(path)
        return cls._shared

    def get(self, pattern: str, flags: int) -> RegexFacts:
        """The facts of a regex: from the cache, or analysed now (and stored at the next :meth:`save`)."""
        key = (pattern, flags)
        facts = self.entries.get(key)
        if facts is None:
            facts = self.entries[key] = analyse_regex(pattern, flags)
            self.dirty = self.path is not None
        return facts

    def save(self) -> None:
        """Write the cache if it gained entries; a failure to write only costs the next run its head start."""
        if not self.dirty or self.path is None:
            return
        rows = [
            {
                "pattern": pattern,
                "flags": flags,
                "anchored": facts.anchored,
                "literals": None if facts.literals is None else [sorted(group) for group in facts.literals],
                "leads": None if facts.leads is None else sorted(facts.leads),
                "line_start": facts.line_start,
            }
            for (pattern, flags), facts in self.entries.items()
        ]
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as fh:
                json.dump(rows, fh)
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)


def _parse(pattern: str, flags: int) -> object:
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    return sre_parse.parse(pattern, flags)


def _items(node: object) -> list[tuple[object, object]]:
    data = getattr(node, "data", None)  # a parsed sequence keeps its items in a list: read it, do not copy it
    return data if isinstance(data, list) else list(node)  # type: ignore[call-overload]


AT_CODES = frozenset(
    {"AT_BEGINNING", "AT_END", "AT_BEGINNING_STRING", "AT_END_STRING", "AT_BEGINNING_LINE", "AT_END_LINE"}
)


def _anchored(parsed: object) -> bool:
    r"""Whether a parsed regex uses ^, $, \A or \Z anywhere."""
    for op, arg in _items(parsed):
        if op.name == "AT" and arg.name in AT_CODES:  # type: ignore[attr-defined]
            return True
        for sub in _subpatterns(op, arg):
            if _anchored(sub):
                return True
    return False


def _subpatterns(op: object, arg: object) -> list[object]:
    name = op.name  # type: ignore[attr-defined]
    if name == "SUBPATTERN":
        return [arg[-1]]  # type: ignore[index]
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [arg[2]]  # type: ignore[index]
    if name == "BRANCH":
        return list(arg[1])  # type: ignore[index]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [arg[1]]  # type: ignore[index]
    return []


MIN_LITERAL = 3

Conjunction = tuple[frozenset[str], ...]


def _useful(options: set[str]) -> bool:
    # short ASCII literals select nothing; two CJK characters are selective enough; a digit (DIGIT) rules out the
    # many sentences without one
    return bool(options) and not any(len(x) < MIN_LITERAL and x.isascii() and x != DIGIT for x in options)


def required_literals(parsed: object) -> Conjunction | None:
    r"""Sets of literal strings (lower-cased) such that every match contains one string of EACH set, or None.

    Computed on the parsed regex: a run of literal characters is required; a group or a repeat of at least one
    is required if its content is; an alternation requires one of its branches' literals; ``\d`` or ``[0-9]``
    requires a digit (the string :data:`DIGIT` stands for any digit). Sets with a literal of under three ASCII
    characters select nothing and are dropped. None when nothing usable is required.
    """
    _fresh()
    found = [frozenset(_minimal(o, prefix=False)) for o in _required(parsed) if _useful(o)]
    return tuple(found) or None


def _minimal(strings: set[str], prefix: bool) -> set[str]:
    """Drop the strings that contain (``prefix``: start with) another of the set: they add no place to look."""
    return {s for s in strings if not any(t != s and (s.startswith(t) if prefix else t in s) for t in strings)}


MAX_CLASS = 4  # a character class of at most this many literal characters extends a run of literals
MAX_RUN_STRINGS = 16  # a run of literals is cut where it would spell more strings than this


def _chars(op: object, arg: object) -> set[str] | None:
    """The strings one item matches (lower-cased) when they are few and known, else None.

    A literal character, a small class of them, or a group or alternation of such sequences (``(?:Ltd|Inc)``,
    ``[- ]``) of at most :data:`MAX_RUN_STRINGS` strings. An optional one (``u?``, ``(?:the )?``) adds the empty
    string.
    """
    name = op.name  # type: ignore[attr-defined]
    if name == "LITERAL":
        return {chr(arg).lower()}  # type: ignore[arg-type]
    if name == "IN":
        items = list(arg)  # type: ignore[call-overload]
        if 0 < len(items) <= MAX_CLASS and all(a.name == "LITERAL" for a, _ in items):
            return {chr(b).lower() for _, b in items}
        return None
    if name == "SUBPATTERN":
        return _sequence_strings(arg[-1])  # type: ignore[index]
    if name == "BRANCH":
        found: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            got = _sequence_strings(branch)
            if got is None:
                return None
            found |= got
            if len(found) > MAX_RUN_STRINGS:
                return None
        return found
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] == 0 and arg[1] == 1:  # type: ignore[index]
        inner = _sequence_strings(arg[2])  # type: ignore[index]
        if inner is not None and len(inner) < MAX_RUN_STRINGS:
            return inner | {""}
    return None


# The strings of each sequence of the regex being analysed, by node id: the analyses visit a nested group once per
# level above it. Emptied when an analysis of a new regex starts (:func:`_fresh`), so an id is never reused.
_SEQUENCES: dict[int, frozenset[str] | None] = {}
_GROUPED: dict[int, list[tuple[str, object, frozenset[str] | set[str] | None]]] = {}


def _fresh() -> None:
    _SEQUENCES.clear()
    _GROUPED.clear()


def _grouped(node: object) -> list[tuple[str, object, frozenset[str] | set[str] | None]]:
    """The items of a sequence as (name, argument, :func:`_chars` strings), a run of literal characters as one item.

    Extending a run by one string at a time or by the whole chunk gives the same strings, so the analyses below
    take literal runs whole ("modern slavery" is one item, not fourteen).
    """
    key = id(node)
    found = _GROUPED.get(key)
    if found is None:
        found = _GROUPED[key] = []
        chunk: list[str] = []
        for op, arg in _items(node):
            name = op.name  # type: ignore[attr-defined]
            if name == "LITERAL":
                chunk.append(chr(arg).lower())  # type: ignore[arg-type]
                continue
            if chunk:
                found.append(("LITERAL", None, frozenset({"".join(chunk)})))
                chunk = []
            found.append((name, arg, _chars(op, arg)))
        if chunk:
            found.append(("LITERAL", None, frozenset({"".join(chunk)})))
    return found


def _sequence_strings(node: object) -> frozenset[str] | None:
    """Every string a sequence matches, when each of its items is known to :func:`_chars` and they are few."""
    key = id(node)
    if key in _SEQUENCES:
        return _SEQUENCES[key]
    found = _SEQUENCES[key] = _spell(node)
    return found


def _spell(node: object) -> frozenset[str] | None:
    run: set[str] = {""}
    for name, _, chars in _grouped(node):
        if name in ZERO_WIDTH:
            continue  # zero-width
        if chars is None or len(run) * len(chars) > MAX_RUN_STRINGS:
            return None
        run = _extend(run, chars)
    return frozenset(run)


def _extend(run: set[str], chars: set[str]) -> set[str]:
    return {r + c for r in run for c in chars}


def _required(node: object) -> list[set[str]]:
    """The required literal sets of a sequence (a conjunction of disjunctions)."""
    options: list[set[str]] = []
    run: set[str] = {""}

    def close_run() -> None:
        nonlocal run
        if run != {""}:
            options.append(run)
        run = {""}

    for name, arg, chars in _grouped(node):
        if chars is not None:
            if len(run) * len(chars) > MAX_RUN_STRINGS:
                close_run()
            run = _extend(run, chars)
            continue
        if name in ZERO_WIDTH:
            continue  # zero-width: does not break a run of literals
        close_run()
        if name == "SUBPATTERN":
            options += _required(arg[-1])  # type: ignore[index]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:  # type: ignore[index]
            options += _required(arg[2])  # type: ignore[index]
        elif name == "BRANCH":
            best = [_best(_required(b)) for b in arg[1]]  # type: ignore[index]
            if all(best):
                options.append(set().union(*best))  # type: ignore[arg-type]
        elif name == "IN" and _is_digit_class(arg):
            options.append({DIGIT})
    close_run()
    return options


def _is_digit_class(arg: object) -> bool:
    r"""Whether a parsed character class is exactly ``\d`` or ``[0-9]``."""
    items = [(a.name, getattr(b, "name", b)) for a, b in arg]  # type: ignore[union-attr]
    return items in ([("CATEGORY", "CATEGORY_DIGIT")], [("RANGE", (48, 57))])


def _best(options: list[set[str]]) -> set[str] | None:
    usable = [o for o in options if _useful(o)]
    return max(usable, key=lambda o: (min(len(x) for x in o), -len(o))) if usable else None


ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
MIN_LEAD = 2
DIGIT = "\\d"  # the lead of a regex whose matches open with a digit (\d): tried at every digit
AFTER_NEWLINE = "(?<=\\n)"  # the lead of a regex that opens with (?<=\n): tried just after each line break
_DIGIT_RX = re.compile(r"\d")
RARE_SIGNS = frozenset("$#@")  # single characters rare enough in running text to be leads


def leading_literals(parsed: object) -> frozenset[str] | None:
    r"""Literal strings (lower-cased) one of which opens every match of a parsed regex, or None.

    Zero-width items (``\b``, look-arounds) are skipped; an optional item adds its own leads to those of what
    follows it; an alternation needs leads in every branch. None when some match could open otherwise, or when a
    lead is a single ASCII character (too common to narrow the search) other than a rare sign such as ``$``.
    Two-letter leads ("we", "it") are kept: trying a regex at each of their places costs less than scanning every
    position of a sentence. A regex that opens with the lookbehind ``(?<=\n)`` has the lead :data:`AFTER_NEWLINE`:
    it is tried just after line breaks.
    """
    _fresh()
    items = _items(parsed)
    if items and items[0][0].name == "ASSERT":  # type: ignore[attr-defined]
        direction, body = items[0][1]  # type: ignore[misc]
        if direction == -1 and [(op.name, arg) for op, arg in _items(body)] == [("LITERAL", 10)]:  # type: ignore[attr-defined]
            return frozenset({AFTER_NEWLINE})
    found = _leads(items, 0)
    if not found or any(len(x) < MIN_LEAD and x.isascii() and x not in (DIGIT, *RARE_SIGNS) for x in found):
        return None
    return frozenset(_minimal(found, prefix=True))


def _leads(items: list[tuple[object, object]], i: int) -> set[str] | None:
    while i < len(items):
        op, arg = items[i]
        name = op.name  # type: ignore[attr-defined]
        if name in ZERO_WIDTH:
            i += 1
            continue
        chars = _chars(op, arg)
        if chars is not None:
            # a run of literal characters and small classes: its strings open every match (cut where it would
            # spell too many; a prefix of a match still opens it). An optional item may open it ("(?:US)?\$"
            # opens with "us$" or "$") when what follows in the run is not optional.
            run = chars
            j = i + 1
            while j < len(items) and (more := _chars(*items[j])) is not None:
                if len(run) * len(more) > MAX_RUN_STRINGS:
                    break
                run = _extend(run, more)
                j += 1
            if "" not in run:
                return run
        if name == "SUBPATTERN":
            inner = _leads(_items(arg[-1]), 0)  # type: ignore[index]
            return inner
        if name == "BRANCH":
            branches = [_leads(_items(b), 0) for b in arg[1]]  # type: ignore[index]
            if any(b is None for b in branches):
                return None
            return set().union(*branches)  # type: ignore[arg-type]
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            inner = _leads(_items(arg[2]), 0)  # type: ignore[index]
            if inner is None:
                return None
            if arg[0] >= 1:  # type: ignore[index]
                return inner
            rest = _leads(items, i + 1)
            return None if rest is None else inner | rest
        if name == "IN" and _is_digit_class(arg):
            return {DIGIT}
        return None
    return None


MAX_PHRASES = 5000  # a token pattern spelling more phrases than this stays with the Matcher


def phrase_patterns(pattern: list[dict[str, object]]) -> tuple[str, list[list[str]]] | None:
    """The token sequences a plain token pattern matches, and the attribute to compare, or None.

    A pattern is plain when each token is one ``LOWER`` or ``ORTH``/``TEXT`` value or ``IN`` list of values, with no
    ``OP``: its matches are then exactly the phrases of the product of its values, compared on ``ORTH`` when every
    token is, else on ``LOWER`` (an ``ORTH`` value then needs to be caseless, like "," or "-"; a ``LOWER`` value with
    a capital, which matches nothing, stays with the Matcher).
    """
    attrs: list[str] = []
    values: list[list[str]] = []
    for spec in pattern:
        if not isinstance(spec, dict) or len(spec) != 1:
            return None
        ((name, value),) = spec.items()
        attr = {"LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH"}.get(str(name).upper())
        if attr is None:
            return None
        if isinstance(value, str):
            options = [value]
        elif isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
            options = value["IN"]
        else:
            return None
        if not options or not all(isinstance(v, str) and v and not any(c.isspace() for c in v) for v in options):
            return None
        attrs.append(attr)
        values.append(options)
    if not values:
        return None
    if all(a == "ORTH" for a in attrs):
        attr = "ORTH"
    else:
        for a, options in zip(attrs, values, strict=True):
            if a == "ORTH" and any(v.lower() != v or v.upper() != v for v in options):
                return None
            if a == "LOWER" and any(v.lower() != v for v in options):
                return None
        attr = "LOWER"
    size = 1
    for options in values:
        size *= len(set(options))
    if size > MAX_PHRASES:
        return None
    return attr, [list(words) for words in itertools.product(*(sorted(set(o)) for o in values))]


def token_anchors(pattern: list[dict[str, object]]) -> tuple[str, frozenset[str]] | None:
    """The attribute and values of a token every match of a spaCy token pattern must hold, or None.

    Of the tokens a pattern requires (no ``OP``, or ``OP: "+"``) given by ``LOWER`` or ``ORTH``/``TEXT`` (a string
    or ``{"IN": [...]}``), the most selective: the one whose shortest value is longest, then with fewest values.
    """
    best: tuple[tuple[int, int], str, frozenset[str]] | None = None
    for spec in pattern:
        keys = {str(k).upper(): v for k, v in spec.items()}
        if keys.get("OP", "1") not in ("1", "+"):
            continue
        for attr, name in (("LOWER", "LOWER"), ("ORTH", "ORTH"), ("TEXT", "ORTH")):
            value = keys.get(attr)
            if isinstance(value, str):
                values = frozenset({value})
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                values = frozenset(str(v) for v in value["IN"])
            else:
                continue
            if not values:
                continue
            rank = (min(len(v) for v in values), -len(values))
            if best is None or rank > best[0]:
                best = (rank, name, values)
    return None if best is None else (best[1], best[2])


def _opens_with_caret(parsed: object) -> bool:
    r"""Whether every match of a parsed regex starts where ``^`` holds (its first item is ``^`` or ``\A``)."""
    items = _items(parsed)
    if not items:
        return False
    op, arg = items[0]
    name = op.name  # type: ignore[attr-defined]
    if name == "AT":
        return arg.name in ("AT_BEGINNING", "AT_BEGINNING_STRING")  # type: ignore[attr-defined]
    if name == "SUBPATTERN":
        return _opens_with_caret(arg[-1])  # type: ignore[index]
    if name == "BRANCH":
        return all(_opens_with_caret(b) for b in arg[1])  # type: ignore[index]
    return False
