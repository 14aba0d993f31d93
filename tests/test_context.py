"""Assertions (negated, future, hedged, reported, scope) carry their cue; engine behaviour on stable fixture rules."""

from __future__ import annotations

import pytest

from nlp.analyse import findings_from_doc


def find(pipeline, ruleset, text, label=None):
    return [f for f in findings_from_doc(pipeline(text), ruleset) if label is None or f.label == label]


def test_negation_with_cue(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We have not audited any supplier.", "dd.audit")
    assert f.assertion.negated is not None
    assert f.assertion.negated.text == "not"
    assert f.assertion.negated.rule_id == "CTX.NEGATED.NOT"
    assert "We have not audited any supplier."[f.assertion.negated.start : f.assertion.negated.end] == "not"


def test_span_extension_reads_the_assertion(min_pipeline, min_ruleset):
    """``span._.msa_assertion`` gives each hit its governing cues; a span that is not a hit has none."""
    from nlp.components.targets import HITS_KEY

    doc = min_pipeline("We have not audited any supplier.")
    (hit,) = [h for h in doc.spans[HITS_KEY] if h.label_ == "dd.audit"]
    assert hit._.msa_assertion["NEGATED"].span.text == "not"
    assert doc[0:1]._.msa_assertion is None


def test_pseudo_cue_cancels_negation(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We not only audit suppliers but train them.", "dd.audit")
    assert f.assertion.negated is None


def test_terminate_cue_ends_scope(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We did not train buyers, but we audit factories.", "dd.audit")
    assert f.assertion.negated is None


def test_max_scope_limits_reach(min_pipeline, min_ruleset):
    text = "No training was given to the buyers in the period although suppliers had an audit."
    (f,) = find(min_pipeline, min_ruleset, text, "dd.audit")
    assert f.assertion.negated is None


def test_future_hedged_scope(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We will audit tier 2 suppliers.", "dd.audit")
    assert f.assertion.future.text == "will"
    assert f.assertion.scope.value == "tier2"
    (g,) = find(min_pipeline, min_ruleset, "Factories may be audited next year.", "dd.audit")
    assert g.assertion.hedged.text == "may"


def test_case_sensitive_cue_ignores_month(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "In May 2024 we audited all factories.", "dd.audit")
    assert f.assertion.hedged is None


def test_backward_reported(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "Xinjiang factories reportedly use transferred labour.", "xinjiang.mention")
    assert f.assertion.reported.text == "reportedly"


def test_cue_inside_denial_is_part_of_it(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We do not source cotton from Xinjiang.", "xinjiang.sourcing_denial")
    assert f.text == "do not source cotton from Xinjiang"
    assert f.assertion.negated is None


def test_scope_direct_on_denial(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We do not source directly from the XUAR.", "xinjiang.mention")
    assert f.assertion.scope.value == "direct"


def test_requires_and_excludes(min_pipeline, min_ruleset):
    assert find(min_pipeline, min_ruleset, "The audit went well.", "dd.audit") == []
    assert (
        find(
            min_pipeline,
            min_ruleset,
            "The audit of the financial statements covered supplier payments.",
            "dd.audit",
        )
        == []
    )


def test_sentence_span_rule_covers_sentence(min_pipeline, min_ruleset):
    text = "Approved by the board.\nSigned by Jane Doe, Director"
    (f,) = find(min_pipeline, min_ruleset, text, "statement.signature")
    assert f.text == "Signed by Jane Doe, Director"
    assert (f.start, f.end) == (f.sentence_start, f.sentence_end)


def test_section_set_from_heading(min_pipeline, min_ruleset):
    text = "Our Risks\nWe audit supplier factories.\nBoard Approval\nSuppliers were audited."
    fs = find(min_pipeline, min_ruleset, text, "dd.audit")
    assert [f.section for f in fs] == ["risk_assessment", "approval"]


def test_specificity_features_and_score(min_pipeline, min_ruleset):
    (f,) = find(min_pipeline, min_ruleset, "We audited 87% of suppliers.", "dd.audit")
    assert [x.id for x in f.specificity.features] == ["SPEC.QUANTITY.PERCENT"]
    assert f.specificity.score == 20
    (g,) = find(min_pipeline, min_ruleset, "We will audit suppliers.", "dd.audit")
    assert g.specificity.score == 0


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Xinjiang"])
def test_degenerate_texts(min_pipeline, min_ruleset, text):
    for f in find(min_pipeline, min_ruleset, text):
        assert text[f.start : f.end] == f.text


def test_anchored_regex_anchors_to_each_sentence(min_pipeline, min_ruleset):
    text = "First sentence here. Approved by the board on 2 May.\nSecond line. It was approved by the board."
    fs = find(min_pipeline, min_ruleset, text, "statement.approval")
    assert [f.text for f in fs] == ["Approved by the board"]


def test_lead_in_commitment_governs_its_list(min_pipeline, min_ruleset):
    text = "Next year we will:\n- audit supplier factories in India\n- train buyers\n\nWe audit suppliers today."
    fs = find(min_pipeline, min_ruleset, text, "dd.audit")
    assert [f.assertion.future is not None for f in fs] == [True, False]
    assert fs[0].assertion.future.text == "will"


def test_match_span_beats_sentence_span(min_pipeline, min_ruleset):
    text = "We do not source cotton from Xinjiang and will never buy Hikvision cameras."
    fs = find(min_pipeline, min_ruleset, text, "xinjiang.sourcing_denial")
    assert [f.rule_id for f in fs] == ["T.DENIAL.REGEX"]


LIST_TEXT = """Our supply chain is made up of the following categories of suppliers:
- Packaging and labels
- Logistics and haulage firms
Cleaning and security contractors
We thank our colleagues for their hard work during a difficult year for everyone.
- Printed leaflets
"""


def test_list_items_inherit_the_label_of_their_lead_in(pipeline, ruleset):
    """Items after a lead-in ending with ':' carry its list_items label: bulleted lines and a short fragment; the
    list ends at the first full sentence, so a later bullet is not part of it."""
    assert ruleset.labels["statement.supply_chains"].list_items
    found = find(pipeline, ruleset, LIST_TEXT, "statement.supply_chains")
    texts = [f.text for f in found]
    for item in ("- Packaging and labels", "- Logistics and haulage firms", "Cleaning and security contractors"):
        assert item in texts
    assert not any("Printed leaflets" in t or "colleagues" in t for t in texts)
    item = next(f for f in found if f.text == "- Packaging and labels")
    assert item.sentence == item.text and item.rule_id.startswith("ST.SUPPLY.")


def test_list_items_need_a_lead_in_with_the_label(pipeline, ruleset):
    text = "We are proud of what we achieved this year:\n- Packaging and labels\n- Logistics and haulage firms\n"
    assert not find(pipeline, ruleset, text, "statement.supply_chains")


def test_list_items_off_for_labels_without_the_flag(pipeline, ruleset):
    """xinjiang.mention is a span-level label: the items of a list after a mention are not mentions."""
    assert not ruleset.labels["xinjiang.mention"].list_items
    text = "We reviewed our exposure to Xinjiang in these areas:\n- Packaging and labels\n- Cotton yarn\n"
    found = find(pipeline, ruleset, text, "xinjiang.mention")
    assert [f.text for f in found] == ["Xinjiang"]


GAP_TEXT = """Harrowgate Foods designs and manufactures chilled ready meals for supermarkets.
Its kitchens in Leeds and Hull prepare around two hundred recipes.
We operate 12 sites across the north of England.
Modern slavery training was completed by all buyers.
Our goals for next year include a review of labour agencies.
We operate 3 distribution centres in Scotland.
"""


def test_fill_gaps_labels_the_sentence_between_two_with_the_label(pipeline, ruleset):
    """statement.operations has fill_gaps 1: a sentence between two operations sentences carries the label (with the
    rule id of the one before); a gap of two sentences is not filled."""
    assert ruleset.labels["statement.operations"].fill_gaps == 1
    found = find(pipeline, ruleset, GAP_TEXT, "statement.operations")
    sentences = {f.sentence for f in found}
    assert "Its kitchens in Leeds and Hull prepare around two hundred recipes." in sentences
    assert not any("training" in s or "goals" in s for s in sentences)
    between = next(f for f in found if f.sentence.startswith("Its kitchens"))
    first = next(f for f in found if f.sentence.startswith("Harrowgate"))
    assert between.rule_id == first.rule_id and between.text == between.sentence


def test_fill_gaps_off_for_labels_without_it(pipeline, ruleset):
    assert not ruleset.labels["dd.training"].fill_gaps
    text = (
        "Our buyers received modern slavery training.\nThe canteen was refurbished.\n"
        "Our drivers received modern slavery training too.\n"
    )
    found = find(pipeline, ruleset, text, "dd.training")
    assert len({f.sentence for f in found}) == 2
    assert not any("canteen" in f.sentence for f in found)


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("- Packaging", True),
        ("(a) Packaging", True),
        ("packaging and labels used in our stores", True),
        ("Packaging and labels", True),
        ("We buy packaging and labels from forty suppliers in six countries.", False),
        ("The following applies:", False),
    ],
)
def test_is_list_item(pipeline, line, item):
    assert pipeline.get_pipe("msa_targets").is_list_item(line) is item
