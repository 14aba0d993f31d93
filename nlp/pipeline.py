"""Build the msa spaCy pipeline from a rules directory."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories with spaCy.
from nlp.components import context, sections, sentences, specificity, targets  # noqa: F401
from nlp.components.sentences import TEXT_KEY
from nlp.ruleset import default_rules_dir, load_ruleset

COMPONENTS = ("msa_sentences", "msa_sections", "msa_targets", "msa_context", "msa_specificity")


def build_pipeline(rules_dir: str | os.PathLike[str] | None = None) -> Language:
    """Build the pipeline: blank English, statement sentences, sections, targets, context, specificity.

    Args:
        rules_dir: Rules directory; resolved by :func:`nlp.ruleset.default_rules_dir` when None.

    Returns:
        A spaCy ``Language`` whose Docs carry ``doc.spans["msa_hits"]`` (with ``span._.msa_assertion``),
        ``doc.spans["msa_specificity"]`` and per-sentence ``sent._.msa_section``.

    Raises:
        nlp.ruleset.RuleFileError: When a rule file is invalid.
    """
    root = str(default_rules_dir(rules_dir))
    ruleset = load_ruleset(root)
    pipeline = spacy.blank("en")
    pipeline.max_length = 50_000_000
    pipeline.add_pipe("msa_sentences")
    for name in COMPONENTS[1:]:
        pipeline.add_pipe(name, config={"rules_dir": root})
    pipeline.meta["msa_rules_fingerprint"] = ruleset.fingerprint
    pipeline.meta["msa_rules_dir"] = root
    return pipeline


def run_pipeline(pipeline: Language, text: str) -> Doc:
    """``pipeline(text)``, handing the components ``text`` itself (``Doc.text`` rebuilds it from every token).

    Args:
        pipeline: A pipeline from :func:`build_pipeline`.
        text: The text to analyse.

    Returns:
        The processed Doc, as ``pipeline(text)`` returns it.
    """
    doc = pipeline.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # spaCy keeps the text verbatim: doc.text == text
    for _, proc in pipeline.pipeline:
        doc = proc(doc)
    return doc
