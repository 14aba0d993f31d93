"""Batch-level measures, labelled as such: boilerplate shared across the corpus, and year-over-year copying.

These are the only figures that depend on what else is in the batch, so they are written to their own file
(``corpus.csv``), never into a statement's scores.

- **Boilerplate** follows Lang & Stice-Lawrence (2015): four-word sequences (tetragrams) used by many statements
  are boilerplate. A statement's boilerplate share is the share of its words that sit in sentences holding at least
  one common tetragram (one used by at least ``min_share`` of the statements, and by at least ``min_docs``).
- **Copying**: when the same company appears in consecutive years, the share of this year's sentences (of eight
  words or more) that appear word for word in the previous year's statement.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

import numpy
from pydantic import BaseModel, Field

from nlp.models import StatementReport

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Sentence breaks: white space after . ! or ?, or a run of line breaks; that is SENTENCE_PLAIN, written here to
# start with one white-space character, which the regex engine finds by a fast scan (same splits, three times faster).
SENTENCE_PLAIN = r"(?<=[.!?])\s+|\n+"
SENTENCE = re.compile(r"\s(?:(?<=[.!?]\s)\s*|(?<=\n)\n*)")
MIN_COPY_WORDS = 8


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


# Word hashes of this process: statements share most of their vocabulary, so each word is hashed about once per
# worker. Emptied when it grows past WORD_CACHE entries (a few tens of MB at most).
_WORD_HASHES: dict[str, int] = {}
WORD_CACHE = 300_000


_MIX = numpy.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (2^64 / golden ratio) chaining word hashes into a gram's


def _tetragrams(hashes: numpy.ndarray, sentence_of: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Hashes of the four-word sequences inside each sentence, from the words' hashes, and their sentence indexes.

    A gram's hash chains its four word hashes (multiply by an odd constant, xor the next; modulo 2^64), so it
    depends on the words and their order: one pass over arrays instead of hashing every four-word string.
    """
    if len(hashes) < 4:
        return numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=numpy.int32)
    n = len(hashes) - 3
    grams = hashes[:n].copy()
    for k in (1, 2, 3):
        grams *= _MIX  # wraps modulo 2^64, as intended
        grams ^= hashes[k : k + n]
    inside = sentence_of[:n] == sentence_of[3:]
    return grams[inside], sentence_of[:n][inside]


def _distinct(values: numpy.ndarray) -> numpy.ndarray:
    """The distinct values of an array, sorted (``numpy.unique`` by sorting: faster on hashes of this size)."""
    ordered = numpy.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[numpy.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _members(values: numpy.ndarray, sorted_set: numpy.ndarray) -> numpy.ndarray:
    """A mask of the ``values`` found in ``sorted_set`` (``numpy.isin`` by binary search)."""
    if not len(sorted_set) or not len(values):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    return sorted_set[at] == values


def _company_key(name: str | None) -> str | None:
    if not name:
        return None
    words = WORD.findall(name.lower())
    suffixes = {"limited", "ltd", "plc", "inc", "pty", "llc", "corp", "corporation", "co", "group", "the"}
    return " ".join(w for w in words if w not in suffixes) or None


@dataclass
class StatementSignature:
    """What the batch measures keep of one statement: words per sentence and hashes, never its text."""

    report_id: str
    source: str
    company: str | None
    year: int | None
    words: numpy.ndarray  # words per sentence
    grams: numpy.ndarray  # tetragram hashes (uint64), 8 bytes each: registry-sized batches fit in memory
    gram_sentence: numpy.ndarray  # sentence index of each tetragram
    sentence_hashes: frozenset[int]  # normalised sentences of MIN_COPY_WORDS words or more


def signature(report: StatementReport, text: str) -> StatementSignature | None:
    """The batch-measure signature of an analysed statement (None for error records or empty text).

    Args:
        report: The statement's report (id, source, company, year).
        text: Its document text.

    Returns:
        The signature, or None.
    """
    if report.status != "ok" or not text:
        return None
    words_per: list[int] = []
    words: list[str] = []
    copies = set()
    for raw in SENTENCE.split(text.lower()):
        found = WORD.findall(raw)
        if not found:
            continue
        words_per.append(len(found))
        words += found
        if len(found) >= MIN_COPY_WORDS:
            copies.add(_hash(" ".join(found)))
    if len(_WORD_HASHES) > WORD_CACHE:
        _WORD_HASHES.clear()
    known = _WORD_HASHES
    for word in set(words).difference(known):
        known[word] = _hash(word)
    # The words of the whole text in one pass (map and fromiter run in C), each sentence's index by repeating it.
    hashes = numpy.fromiter(map(known.__getitem__, words), dtype=numpy.uint64, count=len(words))
    per = numpy.array(words_per, dtype=numpy.int32)
    grams, owners = _tetragrams(hashes, numpy.repeat(numpy.arange(len(per), dtype=numpy.int32), per))
    return StatementSignature(
        report.id, report.source, report.company, report.year, per, grams, owners, frozenset(copies)
    )


def signature_to_json(sig: StatementSignature) -> dict[str, object]:
    """A JSON-safe form of a signature (arrays as base64), for the batch journal."""
    return {
        "report_id": sig.report_id,
        "source": sig.source,
        "company": sig.company,
        "year": sig.year,
        "words": base64.b64encode(sig.words.tobytes()).decode("ascii"),
        "grams": base64.b64encode(sig.grams.tobytes()).decode("ascii"),
        "gram_sentence": base64.b64encode(sig.gram_sentence.tobytes()).decode("ascii"),
        "sentence_hashes": base64.b64encode(
            numpy.array(sorted(sig.sentence_hashes), dtype=numpy.uint64).tobytes()
        ).decode("ascii"),
    }


def signature_from_json(data: dict[str, object]) -> StatementSignature:
    """Inverse of :func:`signature_to_json`."""

    def arr(key: str, dtype: type) -> numpy.ndarray:
        return numpy.frombuffer(base64.b64decode(str(data[key])), dtype=dtype).copy()

    year = data.get("year")
    return StatementSignature(
        str(data["report_id"]),
        str(data["source"]),
        data.get("company"),  # type: ignore[arg-type]
        int(year) if year is not None else None,  # type: ignore[call-overload]
        arr("words", numpy.int32),
        arr("grams", numpy.uint64),
        arr("gram_sentence", numpy.int32),
        frozenset(int(v) for v in arr("sentence_hashes", numpy.uint64)),
    )


class CorpusRow(BaseModel):
    """One statement's batch-level measures (a row of corpus.csv)."""

    statement_id: str
    source: str
    company: str | None = None
    year: int | None = None
    boilerplate_share: float = Field(description="Share of words in sentences holding a common tetragram (0-1).")
    common_tetragrams: int = Field(description="Distinct common tetragrams the statement uses.")
    previous_source: str | None = Field(default=None, description="The same company's previous-year statement.")
    copied_share: float | None = Field(
        default=None, description="Share of this year's sentences found word for word in the previous year's (0-1)."
    )


@dataclass
class CorpusIndex:
    """Collects compact signatures of each analysed statement; computes the batch measures at the end."""

    min_share: float = 0.3
    min_docs: int = 3
    docs: list[StatementSignature] = field(default_factory=list)

    def add(self, report: StatementReport, text: str) -> None:
        """Record a statement (only hashes are kept, not its text)."""
        sig = signature(report, text)
        if sig is not None:
            self.docs.append(sig)

    def add_signature(self, sig: StatementSignature) -> None:
        """Record a statement from its signature (computed where the text was, e.g. in a worker process)."""
        self.docs.append(sig)

    def rows(self) -> list[CorpusRow]:
        """The measures for every recorded statement, in the order they were added."""
        if not self.docs:
            return []
        uniques = [_distinct(d.grams) for d in self.docs]
        pooled = numpy.sort(numpy.concatenate(uniques))
        starts = numpy.flatnonzero(numpy.concatenate(([True], pooled[1:] != pooled[:-1]))) if len(pooled) else pooled
        counts = numpy.diff(numpy.append(starts, len(pooled)))
        need = max(self.min_docs, self.min_share * len(self.docs))
        common = pooled[starts[counts >= need]] if len(pooled) else pooled  # sorted
        by_company: dict[tuple[str, int], StatementSignature] = {}
        for doc in self.docs:
            key = _company_key(doc.company)
            if key and doc.year:
                by_company.setdefault((key, doc.year), doc)
        out = []
        for doc, distinct in zip(self.docs, uniques, strict=True):
            in_boiler = numpy.zeros(len(doc.words), dtype=bool)
            in_boiler[doc.gram_sentence[_members(doc.grams, common)]] = True
            total = int(doc.words.sum()) or 1
            boiler = int(doc.words[in_boiler].sum())
            key = _company_key(doc.company)
            prev = by_company.get((key, doc.year - 1)) if key and doc.year else None
            copied = None
            if prev is not None and doc.sentence_hashes:
                copied = round(len(doc.sentence_hashes & prev.sentence_hashes) / len(doc.sentence_hashes), 3)
            out.append(
                CorpusRow(
                    statement_id=doc.report_id,
                    source=doc.source,
                    company=doc.company,
                    year=doc.year,
                    boilerplate_share=round(boiler / total, 3),
                    common_tetragrams=int(_members(distinct, common).sum()),
                    previous_source=prev.source if prev else None,
                    copied_share=copied,
                )
            )
        return out
