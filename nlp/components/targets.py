"""Target rules: phrases, lexicons, token patterns and regexes -> labelled hits with their rule id."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.matching import CompiledMatchers, CompiledRegex, Gate, LiteralScanner, runs, trim_space
from nlp.components.sentences import INDEX_KEY, doc_text
from nlp.ruleset import ReferenceRule, RuleSet, TargetRule, load_ruleset

HITS_KEY = "msa_hits"
#: ``doc.user_data`` key: the references resolved, as (reference id, anaphor start char, anaphor end char, hits
#: (start token, end token, rule id) the resolved sentence gave that the sentence as written did not).
REFERENCES_KEY = "msa_references"
LIST_ITEM = re.compile(r"^\s*(?:[-•*–·▪●◦■➢►]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")


def terms_regex(terms: list[str]) -> re.Pattern[str]:
    """A case-insensitive regex matching any of ``terms`` as whole words."""
    body = "|".join(re.escape(t.lower()) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


class TermIndex:
    """Which condition terms (``requires`` / ``excludes``) each sentence holds, from one Aho-Corasick pass.

    A term is present in a sentence when it occurs in the sentence's lower-cased text as a whole word: not preceded
    or followed, inside the sentence, by a word character or a hyphen (what :func:`terms_regex` matches).
    """

    def __init__(self, terms: list[str]):
        self._id: dict[str, int] = {}
        for term in terms:
            self._id.setdefault(term.lower(), len(self._id))
        self._scanner = LiteralScanner(list(self._id))

    def ids(self, terms: list[str]) -> frozenset[int]:
        """The ids of ``terms``."""
        return frozenset(self._id[t.lower()] for t in terms)

    def per_sentence(self, text: str, bounds: list[tuple[int, int]]) -> list[frozenset[int]] | None:
        """Per sentence (``bounds`` in text order), the ids of the terms it holds.

        None when lower-casing changes the length of ``text`` (the caller then tests each sentence with the regexes).
        """
        lowered = text.lower()
        if len(lowered) != len(text):
            return None
        found: list[frozenset[int]] = [_NONE] * len(bounds)
        ids, firsts, ks = self._scanner.occurrences(lowered, bounds)
        if not len(ids):
            return found
        # A term counts where it is a whole word inside its sentence: no word character or hyphen just before or
        # just after it within the sentence.
        edges = numpy.array(bounds, dtype=numpy.int64).reshape(-1, 2)
        lasts = firsts + self._scanner.extents[ids]
        codes = numpy.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        glued = _word_chars(lowered, codes, firsts - 1, firsts > edges[ks, 0])
        glued |= _word_chars(lowered, codes, lasts + 1, lasts + 1 < edges[ks, 1])
        keep = ~glued
        width = len(self._id)
        pairs = numpy.unique(ks[keep] * width + ids[keep])
        if not len(pairs):
            return found
        terms = (pairs % width).tolist()
        for k, a, b in runs(pairs // width):
            found[k] = frozenset(terms[a:b])
        return found


_NONE: frozenset[int] = frozenset()
#: ``[\w-]`` on the ASCII code points (the others are tested one by one).
_ASCII_WORD = numpy.array([chr(c).isalnum() or chr(c) in "_-" for c in range(128)], dtype=bool)


def _word_chars(text: str, codes: numpy.ndarray, positions: numpy.ndarray, valid: numpy.ndarray) -> numpy.ndarray:
    """Whether ``text[p]`` is a word character or hyphen (:func:`_word_char`), for each ``p`` where ``valid``."""
    out = numpy.zeros(len(positions), dtype=bool)
    at = numpy.flatnonzero(valid)
    if not len(at):
        return out
    chars = codes[positions[at]]
    ascii_ = chars < 128
    out[at[ascii_]] = _ASCII_WORD[chars[ascii_]]
    for i in at[~ascii_].tolist():
        out[i] = _word_char(text[positions[i]])
    return out


def _word_char(ch: str) -> bool:
    r"""A character ``[\w-]`` matches (a word character of any script, the underscore or a hyphen)."""
    return ch.isalnum() or ch in "_-"


class SentenceIndex:
    """Maps token positions to the sentences of a Doc, with each sentence's character bounds and text.

    ``bounds[i]`` is (start, end) of sentence i in ``doc.text`` with trailing white space left out, and
    ``texts[i]`` the text between them (read off ``doc.text``: cheaper than ``Span.text``, which joins tokens).
    ``sections[i]`` and ``headings[i]`` repeat ``sent._.msa_section`` and ``sent._.msa_heading`` as the sections
    component sets them (a list read is cheaper than a Span extension).
    """

    def __init__(self, doc: Doc):
        self.sents = list(doc.sents)
        self.starts = [s.start for s in self.sents]
        text = doc_text(doc)
        self.bounds: list[tuple[int, int]] = []
        self.texts: list[str] = []
        for s in self.sents:
            begin = s.start_char
            body = text[begin : s.end_char].rstrip()
            self.bounds.append((begin, begin + len(body)))
            self.texts.append(body)
        self.sections: list[str | None] = [None] * len(self.sents)
        self.headings: list[bool] = [False] * len(self.sents)

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
        # The conditions as sets of term ids, answered from one Aho-Corasick pass over the Doc (TermIndex); as
        # regexes (compiled on first use: about half a second) when lower-casing changes the text's length.
        self._condition_regexes: dict[int, tuple[list[re.Pattern[str]], re.Pattern[str] | None]] = {}
        self.terms = TermIndex([t for r in self.rules for group in [*r.requires, r.excludes] for t in group])
        self.requires_ids = [[self.terms.ids(g) for g in r.requires if g] for r in self.rules]
        self.excludes_ids = [self.terms.ids(r.excludes) for r in self.rules]
        self.in_headings = [ruleset.labels[r.label].in_headings for r in self.rules]
        # Rules whose regexes run only in sentences meeting their conditions: those with a required term or a section
        # (selective tests; the other conditions cost about what they save).
        self.gated = frozenset(i for i, r in enumerate(self.rules) if r.requires or r.sections)
        self.position = {r.id: i for i, r in enumerate(self.rules)}
        self.lists = ruleset.lists
        self.lead_in = re.compile("|".join(f"(?:{p})" for p in ruleset.lists.lead_in), re.IGNORECASE)
        self.list_labels = frozenset(name for name, d in ruleset.labels.items() if d.list_items)
        self.gap_labels = {name: d.fill_gaps for name, d in ruleset.labels.items() if d.fill_gaps}
        # References ('the region' after a sentence naming Xinjiang): the anaphors as one whole-word regex, and the
        # regexes of the rules that read a resolved sentence.
        self.references: list[tuple[ReferenceRule, re.Pattern[str], list[CompiledRegex]]] = []
        for ref in ruleset.references:
            wanted = {i for i, r in enumerate(self.rules) if r.label in ref.labels}
            anaphors = sorted({a.lower() for a in ref.anaphors}, key=len, reverse=True)
            pattern = re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in anaphors) + r")(?![\w-])",
                re.IGNORECASE,
            )
            self.references.append((ref, pattern, [rx for rx in self.matchers.regexes if rx.index in wanted]))

    def _accept(self, index: int, sent_text: str, section: str | None, heading: bool) -> bool:
        """Whether rule ``index`` may fire in a sentence (``sent_text`` lower-cased), by its regexes."""
        rule = self.rules[index]
        if heading and not self.in_headings[index]:
            return False
        if rule.sections and section not in rule.sections:
            return False
        compiled = self._condition_regexes.get(index)
        if compiled is None:
            compiled = self._condition_regexes[index] = (
                [terms_regex(g) for g in rule.requires if g],
                terms_regex(rule.excludes) if rule.excludes else None,
            )
        requires, exc = compiled
        if any(rx.search(sent_text) is None for rx in requires):
            return False
        return exc is None or exc.search(sent_text) is None

    def _accept_terms(self, index: int, present: frozenset[int], section: str | None, heading: bool) -> bool:
        """:meth:`_accept` from the ids of the terms present in the sentence (same answers)."""
        if heading and not self.in_headings[index]:
            return False
        sections = self.rules[index].sections
        if sections and section not in sections:
            return False
        if any(not (group & present) for group in self.requires_ids[index]):
            return False
        return not (self.excludes_ids[index] & present)

    def __call__(self, doc: Doc) -> Doc:
        """Find and store the hits of every rule."""
        index = SentenceIndex.for_doc(doc)
        lowered: dict[int, str] = {}
        verdicts: dict[tuple[int, int], bool] = {}
        present = self.terms.per_sentence(doc_text(doc), index.bounds)

        def accept(rule: int, si: int) -> bool:
            # The sentence conditions of a rule, once per (rule, sentence); the matchers ask it before running a
            # rule's regexes in a sentence (a hit there would be dropped here).
            verdict = verdicts.get((rule, si))
            if verdict is None:
                if present is not None:
                    verdict = self._accept_terms(rule, present[si], index.sections[si], index.headings[si])
                else:
                    if si not in lowered:
                        lowered[si] = index.texts[si].lower()
                    verdict = self._accept(rule, lowered[si], index.sections[si], index.headings[si])
                verdicts[rule, si] = verdict
            return verdict

        out: list[Span] = []
        for hit in self.matchers(doc, index.sents, index=index, gate=Gate(self.gated, accept)):
            si = index.of(hit.start)
            if hit.end > index.sents[si].end:
                continue  # a phrase across a sentence boundary is not one claim
            if not accept(hit.index, si):
                continue
            rule = self.rules[hit.index]
            out.append(Span(doc, hit.start, hit.end, label=rule.label, span_id=rule.id))
        if self.references:
            out += self._resolved(doc, index, out)
        if self.list_labels:
            out += self._list_items(doc, index, out)
        if self.gap_labels:
            out += self._gaps(doc, index, out)
        doc.spans[HITS_KEY] = out
        return doc

    def _resolved(self, doc: Doc, index: SentenceIndex, hits: list[Span]) -> list[Span]:
        """Hits of the rules that read a sentence with its anaphors resolved (see :class:`ReferenceRule`).

        The regexes of a reference's labels run on the sentence with each anaphor replaced by the name; a hit they
        give there that the sentence as written did not is kept, mapped back onto the sentence as written. Sentence
        conditions (requires / excludes) are read on the resolved sentence too. Token patterns and phrases are not
        re-run. What was resolved is kept in ``doc.user_data[REFERENCES_KEY]``.
        """
        out: list[Span] = []
        have = {(h.start, h.end, h.id_) for h in hits}
        records: list[tuple[str, int, int, list[tuple[int, int, str]]]] = []
        space = None
        for ref, anaphor, regexes in self.references:
            if not regexes:
                continue
            named: dict[int, int] = {}  # sentence -> where its first antecedent starts
            for h in hits:
                if h.label_ == ref.antecedent:
                    si = index.of(h.start)
                    named[si] = min(named.get(si, h.start_char), h.start_char)
            if not named:
                continue
            last = None
            for si in range(len(index.sents)):
                if si in named:
                    last = si
                elif index.headings[si]:
                    last = None
                if last is None or si - last > ref.window:
                    continue
                begin, _ = index.bounds[si]
                text = index.texts[si]
                floor = named[si] - begin if si in named else 0
                found = [m for m in anaphor.finditer(text) if m.start() >= floor]
                if not found:
                    continue
                pieces: list[str] = []
                shifts: list[tuple[int, int, int, int]] = []  # (resolved start, resolved end, start, end)
                at = length = 0
                for m in found:
                    pieces += [text[at : m.start()], ref.replace_with]
                    length += m.start() - at
                    shifts.append((length, length + len(ref.replace_with), m.start(), m.end()))
                    length += len(ref.replace_with)
                    at = m.end()
                pieces.append(text[at:])
                resolved = "".join(pieces)
                lowered = resolved.lower()
                section, heading = index.sections[si], index.headings[si]
                new: list[tuple[int, int, str]] = []
                verdicts: dict[int, bool] = {}
                for rx in regexes:
                    ok = verdicts.get(rx.index)
                    if ok is None:
                        ok = verdicts[rx.index] = self._accept(rx.index, lowered, section, heading)
                    if not ok:
                        continue
                    for m in rx.pattern.finditer(resolved):
                        if m.end() <= m.start():
                            continue
                        span = doc.char_span(
                            begin + _unshift(m.start(), shifts, True),
                            begin + _unshift(m.end(), shifts, False),
                            alignment_mode="expand",
                        )
                        if span is None or not len(span):
                            continue
                        if space is None:
                            space = doc.to_array(IS_SPACE).tolist()
                        s, e = trim_space(space, span.start, span.end)
                        rule = self.rules[rx.index]
                        if e <= s or (s, e, rule.id) in have:
                            continue
                        have.add((s, e, rule.id))
                        new.append((s, e, rule.id))
                        out.append(Span(doc, s, e, label=rule.label, span_id=rule.id))
                for m in found:
                    records.append((ref.id, begin + m.start(), begin + m.end(), new))
        if records:
            doc.user_data[REFERENCES_KEY] = records
        return out

    def is_list_item(self, text: str) -> bool:
        """Whether a sentence reads as an item of a list.

        An item has a bullet or number, starts in lower case, or is a short fragment without a closing full stop.
        """
        if LIST_ITEM.match(text):
            return True
        if not text or text.endswith(":"):
            return False
        if text[0].islower():
            return True
        return len(text.split()) <= self.lists.fragment_max_words and text[-1] not in ".!?"

    def _list_items(self, doc: Doc, index: SentenceIndex, hits: list[Span]) -> list[Span]:
        """Hits for the items of a list whose lead-in sentence holds a hit of a ``list_items`` label.

        Each item gets one hit per such label, spanning the item, with the rule id of the lead-in's hit. The list
        ends at the first sentence that is not an item, at a heading that cannot carry the label, or after
        ``max_items``.
        """
        by_sent: dict[int, dict[str, Span]] = {}
        for span in hits:
            if span.label_ in self.list_labels:
                by_sent.setdefault(index.of(span.start), {}).setdefault(span.label_, span)
        out: list[Span] = []
        covered: set[tuple[int, str]] = set()
        for si in sorted(by_sent):
            if self.lead_in.search(index.texts[si]) is None:
                continue
            for label, lead in by_sent[si].items():
                heading_ok = self.in_headings[self.position[lead.id_]]
                for j in range(si + 1, min(si + 1 + self.lists.max_items, len(index.sents))):
                    if not self.is_list_item(index.texts[j]) or (index.headings[j] and not heading_ok):
                        break
                    if (j, label) in covered or (j in by_sent and label in by_sent[j]):
                        continue
                    item = _whole_sentence(doc, index, j, label, lead.id_)
                    if item is not None:
                        covered.add((j, label))
                        out.append(item)
        return out

    def _gaps(self, doc: Doc, index: SentenceIndex, hits: list[Span]) -> list[Span]:
        """Hits for the sentences lying between two sentences with a hit of a ``fill_gaps`` label.

        At most ``fill_gaps`` sentences in a row are filled, none of them a heading that cannot carry the label;
        each gets a hit spanning it with the rule id of the hit before the gap.
        """
        out: list[Span] = []
        for label, most in self.gap_labels.items():
            first: dict[int, Span] = {}
            for span in hits:
                if span.label_ == label:
                    first.setdefault(index.of(span.start), span)
            held = sorted(first)
            for before, after in pairwise(held):
                gap = range(before + 1, after)
                if not gap or len(gap) > most:
                    continue
                lead = first[before]
                heading_ok = self.in_headings[self.position[lead.id_]]
                if not heading_ok and any(index.headings[j] for j in gap):
                    continue
                out += [s for j in gap if (s := _whole_sentence(doc, index, j, label, lead.id_)) is not None]
        return out


def _unshift(pos: int, shifts: list[tuple[int, int, int, int]], start: bool) -> int:
    """A position in a resolved sentence, mapped back onto the sentence as written.

    A position inside a replacement maps to the start (``start``) or end of the anaphor it replaced.
    """
    delta = 0
    for new_start, new_end, old_start, old_end in shifts:
        if pos < new_start or (not start and pos == new_start):
            break
        if pos < new_end or (not start and pos == new_end):
            return old_start if start else old_end
        delta = old_end - new_end
    return pos + delta


def _whole_sentence(doc: Doc, index: SentenceIndex, j: int, label: str, rule_id: str) -> Span | None:
    """A hit spanning sentence ``j`` (trailing white space left out), or None when it holds no token."""
    begin, end = index.bounds[j]
    item = doc.char_span(begin, end, alignment_mode="expand")
    if item is None or not len(item):
        return None
    return Span(doc, item.start, item.end, label=label, span_id=rule_id)


@Language.factory("msa_targets", default_config={"rules_dir": None})
def make_targets(nlp: Language, name: str, rules_dir: str | None) -> TargetsComponent:
    """Build the target component from a rules directory."""
    return TargetsComponent(nlp, load_ruleset(rules_dir))
