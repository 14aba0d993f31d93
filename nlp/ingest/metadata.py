"""Infer company, year and jurisdiction from the text (rules/metadata.yaml) when the manifest is silent."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from nlp.ruleset import MetadataRules, MetaRule

YEAR_RANGE = range(2015, 2036)
# The non-ASCII characters that ``re`` matches, ignoring case, to an ASCII character (İ ı ſ K; a test re-derives them).
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=256)
def _compile(rx: str) -> re.Pattern[str]:
    return re.compile(rx, re.MULTILINE)


@lru_cache(maxsize=256)
def _phrase_rx(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=256)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    """The lower-cased ASCII head of each phrase (up to its first non-ASCII character); None if one has none.

    A head that starts with another head is left out: it occurs only where the shorter one does.
    """
    keys = set()
    for phrase in phrases:
        head = phrase[: next((i for i, ch in enumerate(phrase) if not ch.isascii()), len(phrase))]
        if not head:
            return None
        keys.add(head.lower())
    return tuple(sorted(k for k in keys if not any(k != other and k.startswith(other) for other in keys)))


def lowered(text: str) -> str | None:
    """``text.lower()`` for :func:`count_phrases`, or None when the text holds one of :data:`ASCII_LOOKALIKES`."""
    return None if any(ch in text for ch in ASCII_LOOKALIKES) else text.lower()  # `in` is ~50x faster than re


def count_phrases(text: str, phrases: tuple[str, ...], low: str | None) -> int:
    """How many times the phrases occur in ``text`` (whole words, any case): ``len(_phrase_rx(phrases).findall(text))``.

    Scanning the text with a case-insensitive alternation costs ~8 ms per 25k characters, so the regex is only tried
    where the lower-cased text ``low`` (from :func:`lowered`) holds a phrase's ASCII head (``str.find`` is ~100 times
    faster), in the order ``findall`` would try them. That is exact when the text has none of
    :data:`ASCII_LOOKALIKES`: then ``re`` matches each ASCII phrase character only to the same ASCII character in
    either case, and lower-casing keeps every position. Otherwise (``low`` is None, or a phrase starts with a
    non-ASCII character) the plain ``findall`` runs.
    """
    rx = _phrase_rx(phrases)
    keys = _phrase_keys(phrases)
    if keys is None or low is None:
        return len(rx.findall(text))
    starts: set[int] = set()
    for key in keys:
        i = low.find(key)
        while i >= 0:
            starts.add(i)
            i = low.find(key, i + 1)
    count = pos = 0
    for start in sorted(starts):
        if start >= pos and (m := rx.match(text, start)):
            count += 1
            pos = m.end()
    return count


def infer_jurisdiction(text: str, rules: MetadataRules) -> tuple[str, str] | None:
    """The jurisdiction whose phrases occur most often in the text, with the rule id."""
    counts: Counter[tuple[str, str]] = Counter()
    sample = text[:200_000]
    low = lowered(sample)
    for rule in rules.jurisdiction:
        if not rule.value:
            continue
        n = count_phrases(sample, tuple(rule.phrases), low) if rule.phrases else 0
        n += sum(1 for _ in _compile(rule.regex).finditer(sample)) if rule.regex else 0
        if n:
            counts[(rule.value, rule.id)] += n
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def match_rule(rule: MetaRule, text: str, group: str) -> str | None:
    """The value captured by a company or year rule's named group in ``text``, white space folded."""
    if not rule.regex:
        return None
    m = _compile(rule.regex).search(text)
    if m and m.groupdict().get(group):
        return " ".join(m.group(group).split()).strip(" ,;:-–")
    return None


def _first(rules: list[MetaRule], text: str, group: str) -> tuple[str, str] | None:
    for rule in rules:
        value = match_rule(rule, text, group)
        if value:
            return value, rule.id
    return None


def infer_company(text: str, rules: MetadataRules) -> tuple[str, str] | None:
    """The reporting company from the first rule whose regex matches the start of the text."""
    return _first(rules.company, text[: rules.window], "company")


def parse_year(value: str) -> int | None:
    """The reporting year named by a captured value: the year a split financial year ends in.

    "2023" -> 2023, "2023/24" -> 2024, "2023-2024" -> 2024, "FY24" or "24" -> 2024.
    """
    m = re.search(r"((?:19|20)\d\d)\s*[/\-–]\s*(\d{2}(?:\d{2})?)\b", value)
    if m:
        end = m.group(2)
        year = int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
    elif m := re.search(r"(?:19|20)\d\d", value):
        year = int(m.group(0))
    elif m := re.search(r"(?<!\d)(\d{2})(?!\d)", value):
        year = 2000 + int(m.group(1))
    else:
        return None
    return year if year in YEAR_RANGE else None


def infer_year(text: str, rules: MetadataRules) -> tuple[int, str] | None:
    """The reporting year from the first matching rule; else the most frequent plausible year at the start."""
    found = _first(rules.year, text[: rules.window], "year")
    if found:
        year = parse_year(found[0])
        if year is not None:
            return year, found[1]
    years = [int(y) for y in re.findall(r"\b(20[1-3]\d)\b", text[: rules.window]) if int(y) in YEAR_RANGE]
    if years:
        return Counter(years).most_common(1)[0][0], "META.YEAR.MOST_FREQUENT"
    return None
