"""Every example of every rule runs through the real pipeline; broken rule files fail with a useful message."""

from __future__ import annotations

import shutil

import pytest

from nlp.checks import check_case, iter_cases
from nlp.ruleset import RuleFileError, load_ruleset
from tests.conftest import FIXTURES, MIN_RULES

CASES = list(iter_cases(load_ruleset()))


def test_every_target_rule_has_examples():
    ruleset = load_ruleset()
    assert ruleset.targets, "no target rules loaded"
    for rule in ruleset.targets:
        assert rule.examples.match and rule.examples.no_match, rule.id


def test_every_label_has_a_rule():
    ruleset = load_ruleset()
    covered = {r.label for r in ruleset.targets}
    assert set(ruleset.labels) <= covered, sorted(set(ruleset.labels) - covered)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_rule_example(case, pipeline, ruleset):
    message = check_case(case, pipeline, ruleset)
    assert message is None, f"{case.name}: {message} in {case.example.text!r}"


def test_min_rules_examples_pass(min_pipeline, min_ruleset):
    failures = [(c.name, m) for c in iter_cases(min_ruleset) if (m := check_case(c, min_pipeline, min_ruleset))]
    assert failures == []


BROKEN = {
    "unknown_label.yaml": ("BROKEN.LABEL.UNKNOWN", "not in labels.yaml"),
    "missing_no_match.yaml": ("BROKEN.EXAMPLES.MISSING", "no_match"),
    "misspelt_key.yaml": ("BROKEN.KEY.MISSPELT", "phrase"),
    "bad_regex.yaml": ("BROKEN.REGEX.UNBALANCED", "does not compile"),
    "bad_pattern.yaml": ("BROKEN.PATTERN.YAML_BOOLEAN", "not a valid spaCy token pattern"),
    "duplicate_id.yaml": ("T.MENTION.REGION", "already used"),
    "lowercase_id.yaml": ("dd.audit.lower", "must look like"),
    "missing_lexicon.yaml": ("BROKEN.LEXICON.MISSING", "does not exist"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_rule_file_names_file_and_rule(name, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MIN_RULES, rules)
    shutil.copy(FIXTURES / "broken" / name, rules / "targets" / name)
    rule_id, fragment = BROKEN[name]
    with pytest.raises(RuleFileError) as info:
        load_ruleset(rules)
    message = str(info.value)
    assert name in message
    assert rule_id in message
    assert fragment in message


def test_rules_fingerprint_changes_with_content(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MIN_RULES, rules)
    before = load_ruleset(rules).fingerprint
    (rules / "targets" / "min.yaml").write_text(
        (rules / "targets" / "min.yaml").read_text().replace("[Xinjiang, XUAR]", "[Xinjiang, XUAR, Uyghur Region]")
    )
    assert load_ruleset(rules).fingerprint != before


# --- references ('the region' after a sentence naming Xinjiang) ------------------------------------------------------
PASSAGE = (
    "Cotton grown in Xinjiang carries a high risk of state-imposed forced labour. "
    "Our mapping found that two of our yarn spinners buy lint grown in the region."
)


def test_reference_lets_a_rule_read_the_region_named_before(pipeline, ruleset):
    from nlp.analyse import findings_from_doc

    found = [f for f in findings_from_doc(pipeline(PASSAGE), ruleset) if f.label == "xinjiang.sourcing_exposure"]
    assert found, "the admission in the second sentence should be found through REF.REGION"
    f = found[0]
    assert f.reference == "REF.REGION"
    assert f.text == PASSAGE[f.start : f.end]  # evidence is the sentence as written, not the resolved one
    assert f.text.endswith("the region")
    assert f.sentence.startswith("Our mapping found")


def test_reference_needs_its_antecedent(pipeline, ruleset):
    from nlp.analyse import findings_from_doc

    alone = PASSAGE.replace("Xinjiang", "Asia")
    assert not [f for f in findings_from_doc(pipeline(alone), ruleset) if f.label.startswith("xinjiang.sourcing")]


def test_without_references_the_anaphor_is_not_the_region(tmp_path):
    from nlp.analyse import findings_from_doc
    from nlp.pipeline import build_pipeline
    from nlp.ruleset import default_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(None), rules)
    (rules / "references.yaml").unlink()
    plain = load_ruleset(rules)
    assert plain.references == []
    found = findings_from_doc(build_pipeline(str(rules))(PASSAGE), plain)
    assert not [f for f in found if f.label == "xinjiang.sourcing_exposure"]


def test_unshift_maps_resolved_offsets_back():
    from nlp.components.targets import _unshift

    # "buy from the region now" -> "buy from Xinjiang now": "the region" (9..19) became "Xinjiang" (9..17)
    shifts = [(9, 17, 9, 19)]
    assert _unshift(4, shifts, True) == 4  # before the replacement: unchanged
    assert _unshift(9, shifts, True) == 9  # a match starting at the name starts at the anaphor
    assert _unshift(12, shifts, True) == 9
    assert _unshift(17, shifts, False) == 19  # a match ending with the name ends with the anaphor
    assert _unshift(12, shifts, False) == 19
    assert _unshift(21, shifts, False) == 23  # after it: shifted by the difference in length
    assert _unshift(18, shifts, True) == 20


def test_reference_file_errors_name_the_label(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MIN_RULES, rules)
    (rules / "references.yaml").write_text(
        "references:\n  - id: REF.X\n    description: test\n    antecedent: no.such_label\n"
        "    anaphors: [the region]\n    replace_with: Xinjiang\n    labels: [no.such_label]\n"
        "    examples: {match: ['a'], no_match: ['b']}\n"
    )
    with pytest.raises(RuleFileError) as info:
        load_ruleset(rules)
    assert "REF.X" in str(info.value) and "no.such_label" in str(info.value)
