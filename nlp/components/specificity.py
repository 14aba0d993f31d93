"""Specificity features (quantities, dates, named parties, tiers, methods, outcomes; vague language)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.matching import CompiledMatchers
from nlp.components.targets import HITS_KEY, SentenceIndex
from nlp.ruleset import RuleSet, SpecificityFeatureRule, load_ruleset

FEATURES_KEY = "msa_specificity"


class SpecificityComponent:
    """Writes every feature match to ``doc.spans["msa_specificity"]`` (label = kind, id = feature id)."""

    def __init__(self, pipeline: Language, ruleset: RuleSet):
        self.features: list[SpecificityFeatureRule] = list(ruleset.specificity)
        self.matchers = CompiledMatchers(pipeline, self.features, ruleset, [f.id for f in self.features])

    def __call__(self, doc: Doc) -> Doc:
        """Find the feature matches in the sentences that hold a hit (the only ones a score reads).

        A feature never crosses a sentence end (such a match is dropped).
        """
        index = SentenceIndex.for_doc(doc)
        wanted = {index.of(t.start) for t in doc.spans.get(HITS_KEY, [])}
        spans = []
        for hit in self.matchers(doc, index.sents, only=wanted, index=index) if wanted else []:
            if hit.end > index.sents[index.of(hit.start)].end:
                continue
            feat = self.features[hit.index]
            spans.append(Span(doc, hit.start, hit.end, label=feat.kind, span_id=feat.id))
        doc.spans[FEATURES_KEY] = spans
        return doc


@Language.factory("msa_specificity", default_config={"rules_dir": None})
def make_specificity(nlp: Language, name: str, rules_dir: str | None) -> SpecificityComponent:
    """Build the specificity component from a rules directory."""
    return SpecificityComponent(nlp, load_ruleset(rules_dir))
