"""Infer company, year and jurisdiction from the text (rules/metadata.yaml) when the manifest is silent."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from nlp.ruleset import MetadataRules, MetaRule

YEAR_RANGE = range(2015, 2036)


@lru_cache(maxsize=256)
def _compile(rx: str) -> re.Pattern[str]:
    return re.compile(rx, re.MULTILINE)


def _phrase_rx(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def infer_jurisdiction(text: str, rules: MetadataRules) -> tuple[str, str] | None:
    """The jurisdiction whose phrases occur most often in the text, with the rule id."""
    counts: Counter[tuple[str, str]] = Counter()
    sample = text[:200_000]
    for rule in rules.jurisdiction:
        if not rule.value:
            continue
        n = len(_phrase_rx(tuple(rule.phrases)).findall(sample)) if rule.phrases else 0
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
