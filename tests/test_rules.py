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
