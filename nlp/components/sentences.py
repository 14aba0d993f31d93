"""Sentence splitter for statement text: survives PDF line breaks, bullet lists, headings and missing full stops.

The ingest layer joins lines wrapped inside a paragraph, so a line break usually ends a sentence. A single line
break is not a boundary when the next line starts in lower case after a line that neither ends a sentence nor looks
like a heading (a wrapped line that slipped through).
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

TERMINAL = frozenset({".", "!", "?", "…", "。"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
BULLETS = frozenset({"•", "●", "▪", "◦", "■", "□", "➢", "►", "▶", "✓", "✔", "", "·", "‣", "⁃"})
LINE_BULLETS = BULLETS | {"-", "–", "—", "*", "o"}
# The last characters of the tokens _ends_sentence can accept: a cheap test ahead of it.
ENDING_CHARS = frozenset({*TERMINAL, *CLOSERS, ":", "."})
# Abbreviations whose full stop does not end a sentence (tokenizer keeps most of them as one token).
ABBREVIATIONS = frozenset(
    {
        "e.g.",
        "i.e.",
        "etc.",
        "vs.",
        "no.",
        "nos.",
        "co.",
        "ltd.",
        "inc.",
        "corp.",
        "plc.",
        "pty.",
        "st.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "approx.",
        "fig.",
        "p.",
        "pp.",
        "para.",
        "s.",
        "ss.",
        "art.",
        "cf.",
        "u.s.",
        "u.k.",
    }
)
HEADING_MAX_WORDS = 14
# Lower-case finite verbs: a line holding one after its first word is a sentence, however many capitals it has.
FINITE_VERBS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "shall",
        "would",
        "should",
        "can",
        "could",
        "must",
        "does",
        "did",
    }
)
INDEX_KEY = "msa_sentence_index"  # doc.user_data key of the cached SentenceIndex (dropped when boundaries change)
TEXT_KEY = "msa_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _line_ranges(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of text lines (whitespace tokens holding a newline separate lines)."""
    lines, start = [], 0
    for i, (word, space) in enumerate(zip(words, spaces, strict=True)):
        if space and "\n" in word:
            lines.append((start, i))
            start = i + 1
    lines.append((start, len(words)))
    return [(s, e) for s, e in lines if e > s]


def is_heading_text(text: str) -> bool:
    """Whether a line of text looks like a heading: short, no closing full stop, title or upper case.

    Args:
        text: One line of text.

    Returns:
        True for heading-like lines.
    """
    stripped = text.strip().lstrip("#").strip()
    if not stripped or stripped[-1] in ".!?;,":
        return False
    words = stripped.split()
    if len(words) > HEADING_MAX_WORDS or (stripped[0] in LINE_BULLETS and len(stripped) > 1 and stripped[1] == " "):
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit() or text.lstrip().startswith("#")):
        return False
    alpha = [w for w in words if w[0].isalpha()]
    if not alpha:
        return False
    if any(w in FINITE_VERBS for w in alpha[1:]):
        return False  # 'This data is reviewed by the Ethics Committee': a sentence that lost its full stop
    small = {
        "and",
        "of",
        "the",
        "in",
        "on",
        "for",
        "to",
        "a",
        "an",
        "our",
        "with",
        "by",
        "at",
        "&",
        "or",
        "its",
    }
    if stripped.isupper():
        return True
    # Title case is judged on the words that carry it: small words ("of", "the", "our") are neutral either way,
    # so "The Group operates a total of 534 stores in the UK" is a sentence, "Our Approach to Due Diligence" a title.
    content = [w for w in alpha if w.lower() not in small]
    if not content:
        return alpha[0][0].isupper()
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 2 / 3


def _ends_sentence(words: list[str], i: int) -> bool:
    """Whether token i (not whitespace) closes a sentence by its punctuation."""
    text = words[i]
    if text in CLOSERS and i > 0 and words[i - 1] in TERMINAL:
        return True
    if text in TERMINAL or text == ":":
        return True
    if text.endswith(".") and len(text) > 1:
        low = text.lower()
        return low not in ABBREVIATIONS and not (len(text) == 2 and text[0].isalpha())
    return False


def set_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``.

    Args:
        doc: A tokenised Doc.

    Returns:
        The same Doc with sentence boundaries set.
    """
    doc.user_data.pop(INDEX_KEY, None)
    if not len(doc):
        return doc
    # Token attributes read once, as arrays: each Token object a loop creates costs more than the test on it.
    text = doc_text(doc)
    table = doc.to_array([IDX, LENGTH, IS_SPACE, SPACY])
    offsets = table[:, 0].tolist()
    words = [text[at : at + size] for at, size in zip(offsets, table[:, 1].tolist(), strict=True)]
    spaces = table[:, 2].astype(bool).tolist()
    trailing = table[:, 3].astype(bool).tolist()
    lines = _line_ranges(words, spaces)
    line_starts = [s for s, _ in lines]
    heading_cache: dict[tuple[int, int], bool] = {}

    def heading(k: int) -> bool:
        at = bisect_right(line_starts, k) - 1
        if at < 0 or k >= lines[at][1]:
            return False  # a whitespace token between lines
        rng = lines[at]
        if rng not in heading_cache:
            last = rng[1] - 1
            heading_cache[rng] = is_heading_text(text[offsets[rng[0]] : offsets[last] + len(words[last])])
        return heading_cache[rng]

    starts = [False] * len(words)
    starts[0] = True
    for i in range(1, len(words)):
        if spaces[i]:
            continue
        word = words[i]
        j = i - 1
        while j >= 0 and spaces[j]:
            j -= 1
        if j < 0:
            starts[i] = True
            continue
        prev = words[i - 1]
        if spaces[i - 1] and "\n" in prev:
            first = word[:1]
            if (
                "\n\n" in prev.replace("\r", "").replace(" ", "")
                or word in LINE_BULLETS
                or _ends_sentence(words, j)
                or heading(j)
                or heading(i)
            ):
                starts[i] = True
            else:
                starts[i] = not first.islower()
            continue
        if word in BULLETS:
            starts[i] = True
            continue
        if (
            (trailing[i - 1] or spaces[i - 1])
            and words[j][-1] in ENDING_CHARS
            and _ends_sentence(words, j)
            and words[j] != ":"
        ):
            first = word[:1]
            starts[i] = first.isupper() or first.isdigit() or word in BULLETS or first in "\"'“‘("
    # One array write: setting token.is_sent_start one by one re-checks the whole Doc each time (quadratic).
    values = numpy.array([1 if flag else -1 for flag in starts], dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


@Language.component("msa_sentences")
def msa_sentences(doc: Doc) -> Doc:
    """SpaCy component: statement-aware sentence boundaries."""
    return set_sentence_starts(doc)
