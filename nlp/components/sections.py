"""Section detection: heading lines mapped to section types (rules/sections.yaml)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.sentences import is_heading_text
from nlp.components.targets import SentenceIndex
from nlp.ruleset import RuleSet, load_ruleset

if not Span.has_extension("msa_section"):
    Span.set_extension("msa_section", default=None)
if not Span.has_extension("msa_heading"):
    Span.set_extension("msa_heading", default=False)


class SectionClassifier:
    """Maps heading text to a section type by the heading phrases of the rules (first rule wins)."""

    def __init__(self, ruleset: RuleSet):
        self.rules = [
            (
                rule.type,
                rule.id,
                re.compile(r"\b(?:" + "|".join(re.escape(h.lower()) for h in rule.headings) + r")\b"),
            )
            for rule in ruleset.sections
        ]

    def classify(self, heading: str) -> tuple[str, str] | None:
        """Section type and rule id for a heading, or None."""
        low = " ".join(heading.lower().lstrip("#").split())
        for type_, rid, rx in self.rules:
            if rx.search(low):
                return type_, rid
        return None


def is_heading(sent: Span | str) -> bool:
    """Whether a sentence (a Span or its text) is a heading line."""
    text = sent if isinstance(sent, str) else sent.text
    if "\n" in text.rstrip():
        return False
    return is_heading_text(text)


@Language.factory("msa_sections", default_config={"rules_dir": None})
def make_sections(nlp: Language, name: str, rules_dir: str | None) -> SectionsComponent:
    """Build the section component from a rules directory."""
    return SectionsComponent(load_ruleset(rules_dir))


class SectionsComponent:
    """Sets ``sent._.msa_heading`` and ``sent._.msa_section`` on every sentence."""

    def __init__(self, ruleset: RuleSet):
        self.classifier = SectionClassifier(ruleset)

    def __call__(self, doc: Doc) -> Doc:
        """Walk the sentences; a heading that maps to a type opens that section."""
        current: str | None = None
        index = SentenceIndex.for_doc(doc)
        for k, (sent, text) in enumerate(zip(index.sents, index.texts, strict=True)):
            if is_heading(text):
                sent._.msa_heading = index.headings[k] = True
                found = self.classifier.classify(text)
                if found:
                    current = found[0]
            index.sections[k] = current
            if current is not None:  # None is the extension's default
                sent._.msa_section = current
        return doc
