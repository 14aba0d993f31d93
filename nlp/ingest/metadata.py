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
    for rule in rules.jurisdiction:
        if rule.value and rule.phrases:
            n = len(_phrase_rx(tuple(rule.phrases)).findall(text[:200_000]))
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


def infer_year(text: str, rules: MetadataRules) -> tuple[int, str] | None:
    """The reporting year from the first matching rule; else the most frequent plausible year at the start."""
    found = _first(rules.year, text[: rules.window], "year")
    if found:
        digits = re.findall(r"\d{4}", found[0])
        if digits and int(digits[-1]) in YEAR_RANGE:
            return int(digits[-1]), found[1]
    years = [int(y) for y in re.findall(r"\b(20[1-3]\d)\b", text[: rules.window]) if int(y) in YEAR_RANGE]
    if years:
        return Counter(years).most_common(1)[0][0], "META.YEAR.MOST_FREQUENT"
    return None
