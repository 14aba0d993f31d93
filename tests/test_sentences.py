"""The sentence splitter copes with statement text: line breaks, bullets, headings, abbreviations."""

from __future__ import annotations

import pytest
import spacy

from nlp.components.sentences import is_heading_text, set_sentence_starts

BLANK = spacy.blank("en")


def sents(text: str) -> list[str]:
    doc = set_sentence_starts(BLANK.make_doc(text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We audit suppliers. We train staff.", ["We audit suppliers.", "We train staff."], id="stops"),
        pytest.param(
            "Acme Ltd. is the parent. It has 3 sites.",
            ["Acme Ltd. is the parent.", "It has 3 sites."],
            id="abbreviation-ltd",
        ),
        pytest.param(
            "We use tools, e.g. Sedex and SMETA. Next.",
            ["We use tools, e.g. Sedex and SMETA.", "Next."],
            id="abbreviation-eg",
        ),
        pytest.param("Our Supply Chain\nWe buy cotton.", ["Our Supply Chain", "We buy cotton."], id="heading-line"),
        pytest.param(
            "We buy cotton from ten\nsuppliers in India.",
            ["We buy cotton from ten\nsuppliers in India."],
            id="wrapped-line-lowercase",
        ),
        pytest.param(
            "This statement covers FY2023\nThe board approved it",
            ["This statement covers FY2023", "The board approved it"],
            id="no-full-stops-one-per-line",
        ),
        pytest.param(
            "Our steps:\n- audits of suppliers\n- training for buyers",
            ["Our steps:", "- audits of suppliers", "- training for buyers"],
            id="dash-bullets",
        ),
        pytest.param(
            "Steps • audits of suppliers • training",
            ["Steps", "• audits of suppliers", "• training"],
            id="inline-bullets",
        ),
        pytest.param(
            "First paragraph ends here\n\nsecond starts lower",
            ["First paragraph ends here", "second starts lower"],
            id="blank-line",
        ),
        pytest.param(
            'Is it risky? Yes. "We act." Then.',
            ["Is it risky?", "Yes.", '"We act."', "Then."],
            id="question-quotes",
        ),
    ],
)
def test_split(text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Our Supply Chains", True),
        ("MODERN SLAVERY RISKS", True),
        ("# Training", True),
        ("1. Structure and Operations", True),
        ("We have zero tolerance to slavery", False),
        ("We audited 40 suppliers.", False),
        ("- Training for staff", False),
        ("Our Approach to Due Diligence", True),
        ("Risks in Our Operations and Supply Chains", True),
        ("The Group runs a total of 212 Harbour Inn hotels in the UK", False),
        ("The Board of Directors approved this Statement", False),
        ("", False),
    ],
)
def test_heading_text(line, heading):
    assert is_heading_text(line) is heading


def test_every_token_gets_a_boundary_decision():
    doc = set_sentence_starts(BLANK.make_doc("A b c.\n\n\nD e f\n- g h"))
    assert doc[0].is_sent_start
    assert all(t.is_sent_start is not None for t in doc)
