"""Language identification by stop-word profiles (spaCy's own stop-word lists; no model, no download)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import import_module
from importlib.util import find_spec, module_from_spec, spec_from_file_location
from pathlib import Path

from nlp.ruleset import LanguageRules

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
EDGE_PUNCT = '.,;:!?()[]{}"“”«»/*•–—-'  # never inside a WORD, and not an apostrophe


@lru_cache(maxsize=16)
def _stop_words(code: str) -> frozenset[str]:
    """SpaCy's stop words of a language, read from ``spacy/lang/<code>/stop_words.py`` alone.

    Importing ``spacy.lang.<code>`` would compile that language's tokenizer exceptions first (tens of seconds for
    French); the stop-word file is plain data and is loaded on its own.
    """
    spec = find_spec("spacy")
    base = Path(next(iter(spec.submodule_search_locations or []))) if spec else None
    path = base / "lang" / code / "stop_words.py" if base else None
    if path is None or not path.is_file():
        module = import_module(f"spacy.lang.{code}.stop_words")
    else:
        file_spec = spec_from_file_location(f"_msa_stop_words_{code}", path)
        assert file_spec is not None and file_spec.loader is not None
        module = module_from_spec(file_spec)
        file_spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS if len(w) > 1)


@lru_cache(maxsize=16)
def _exclusive(codes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Stop words unique to each language (shared ones such as 'a' or 'de' say nothing)."""
    sets = {c: _stop_words(c) for c in codes}
    out = {}
    for code, words in sets.items():
        others = frozenset().union(*(s for c, s in sets.items() if c != code))
        out[code] = words - others
    return out


@lru_cache(maxsize=16)
def _word_language(codes: tuple[str, ...]) -> dict[str, str]:
    """Each distinctive stop word with its language (the exclusive sets are disjoint)."""
    return {word: code for code, words in _exclusive(codes).items() for word in words}


def language_shares(text: str, rules: LanguageRules, sample: int = 200_000) -> tuple[dict[str, float], int]:
    """Share of each language among the distinctive stop words of ``text``.

    Args:
        text: The text to inspect (a prefix of ``sample`` characters is used).
        rules: Language settings (which languages to score).
        sample: Characters read.

    Returns:
        The shares per language code and the number of stop-word hits they are based on.
    """
    codes = tuple(rules.languages)
    counts = dict.fromkeys(_exclusive(codes), 0)
    word_language = _word_language(codes)
    # The words of WORD.findall(text), read per white-space separated chunk (no word spans white space) and per
    # distinct chunk: a chunk that is all letters once its edge punctuation is stripped is one word; scanning
    # 200k characters with WORD costs ~250 ns a character.
    for chunk, n in Counter(text[:sample].split()).items():
        core = chunk.strip(EDGE_PUNCT)
        for word in (core,) if core.isalpha() else WORD.findall(core):
            code = word_language.get(word.lower())
            if code is not None:
                counts[code] += n
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(counts, 0.0), 0
    return {c: n / total for c, n in counts.items()}, total


def detect_language(text: str, rules: LanguageRules) -> tuple[str | None, float]:
    """The dominant language of ``text`` and the English share.

    Args:
        text: Document text.
        rules: Language settings.

    Returns:
        ``(code, english_share)``; code is None when too few stop words were seen to decide.
    """
    shares, total = language_shares(text, rules)
    if total < rules.min_tokens:
        return None, shares.get("en", 0.0)
    best = max(shares, key=lambda c: shares[c])
    return best, shares.get("en", 0.0)
