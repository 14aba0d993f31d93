"""Scores explain themselves: levels, points, reasons, evidence; ladder and red flags from data."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.analyse import analyse_document
from nlp.models import Document, Page
from nlp.ruleset import RuleFileError, load_ruleset
from tests.conftest import MIN_RULES


def report(pipeline, ruleset, text, jurisdiction="GB"):
    doc = Document(
        id="x",
        source="t.txt",
        format="txt",
        text=text,
        pages=[Page(number=1, start=0, end=len(text))],
        jurisdiction=jurisdiction,
    )
    return analyse_document(doc, pipeline, ruleset)


def criterion(rep, cid):
    return next(c for c in rep.scores["mini"].criteria if c.id == cid)


def test_levels_rise_with_evidence(min_pipeline, min_ruleset):
    none = report(min_pipeline, min_ruleset, "We value our people and our planet.")
    c = criterion(none, "MINI.AUDIT")
    assert (c.met, c.points, c.max_points, c.level) == (False, 0, 3, None)
    assert c.reason.startswith("No audits.")
    one = report(min_pipeline, min_ruleset, "We audit supplier factories.")
    assert criterion(one, "MINI.AUDIT").level == "mentioned"
    two = report(min_pipeline, min_ruleset, "We audit supplier factories. Suppliers are audited yearly.")
    assert criterion(two, "MINI.AUDIT").level == "described"
    three = report(min_pipeline, min_ruleset, "We audited 87% of supplier factories. Suppliers are audited yearly.")
    c3 = criterion(three, "MINI.AUDIT")
    assert (c3.level, c3.points) == ("evidenced", 3)
    assert "2 finding(s) in 2 sentence(s)" in c3.reason
    assert [three.findings[i].label for i in c3.evidence] == ["dd.audit", "dd.audit"]


def test_commitments_do_not_reach_completed_levels(min_pipeline, min_ruleset):
    rep = report(min_pipeline, min_ruleset, "We will audit 87% of supplier factories. We will audit suppliers yearly.")
    assert criterion(rep, "MINI.AUDIT").level == "described"


def test_negated_findings_do_not_count(min_pipeline, min_ruleset):
    rep = report(min_pipeline, min_ruleset, "We have not audited any supplier factories.")
    assert criterion(rep, "MINI.AUDIT").met is False


def test_jurisdiction_restricted_criterion(min_pipeline, min_ruleset):
    text = "We audit supplier factories.\nSigned by Jane Doe, Director"
    gb = report(min_pipeline, min_ruleset, text, "GB")
    au = report(min_pipeline, min_ruleset, text, "AU")
    assert criterion(gb, "MINI.ENTITY").applicable is False and criterion(gb, "MINI.ENTITY").max_points == 0
    assert criterion(au, "MINI.ENTITY").met is True
    assert gb.scores["mini"].completeness == pytest.approx(100 * 1 / 3, abs=0.1)
    assert au.scores["mini"].completeness == pytest.approx(100 * 2 / 4, abs=0.1)
    assert gb.scores["mini"].missing == []
    assert au.scores["mini"].missing == []


def test_ladder_and_flags(min_pipeline, min_ruleset):
    policy = report(min_pipeline, min_ruleset, "We audit supplier factories.")
    assert policy.xinjiang.level == 1
    assert [f.id for f in policy.flags if f.id == "audits_without_region"] == ["audits_without_region"]
    direct = report(min_pipeline, min_ruleset, "We do not source directly from Xinjiang.")
    assert direct.xinjiang.level == 2
    flag = next(f for f in direct.flags if f.id == "xinjiang.denial_direct_only")
    assert direct.findings[flag.evidence[0]].label == "xinjiang.sourcing_denial"
    full = report(min_pipeline, min_ruleset, "We do not source cotton from Xinjiang.")
    assert full.xinjiang.level == 3
    assert [s.met for s in full.xinjiang.steps] == [False, True, True]
    assert not any(f.id == "xinjiang.denial_direct_only" for f in full.flags)


def test_statement_specificity(min_pipeline, min_ruleset):
    vague = report(min_pipeline, min_ruleset, "We will audit supplier factories.")
    specific = report(min_pipeline, min_ruleset, "We audited 87% of supplier factories. 40% of suppliers were audited.")
    assert vague.specificity < specific.specificity
    assert vague.specificity_detail.reason.endswith("claims.")
    assert specific.specificity_detail.feature_kinds == {"quantity": 2}


def test_scores_do_not_depend_on_the_batch(min_pipeline, min_ruleset):
    text = "We audited 87% of supplier factories."
    assert report(min_pipeline, min_ruleset, text) == report(min_pipeline, min_ruleset, text)


def test_framework_errors_name_file_and_criterion(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MIN_RULES, rules)
    path = rules / "frameworks" / "mini.yaml"
    path.write_text(path.read_text().replace("labels: [dd.audit]", "labels: [dd.audits]"))
    with pytest.raises(RuleFileError, match=r"mini.yaml: criterion MINI.AUDIT: unknown label"):
        load_ruleset(rules)
    path.write_text(path.read_text().replace("points: 3,", "points: 0.5,"))
    with pytest.raises(RuleFileError, match=r"mini.yaml: criterion MINI.AUDIT: .*lowest to highest"):
        load_ruleset(rules)


def test_condition_needs_exactly_one_kind(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MIN_RULES, rules)
    path = rules / "scoring.yaml"
    path.write_text(
        path.read_text().replace(
            "when: {findings: {labels: [dd.audit]}}", "when: {findings: {labels: [dd.audit]}, any: []}"
        )
    )
    with pytest.raises(RuleFileError, match="exactly one of findings, all, any, none"):
        load_ruleset(rules)


def test_corpus_boilerplate_and_copying():
    from nlp.models import StatementReport
    from nlp.scoring.corpus import CorpusIndex

    shared = "We are committed to acting ethically and with integrity in all our business relationships."

    def rep(i, company, year):
        return StatementReport(
            id=str(i), source=f"{i}.txt", company=company, year=year, status="ok", rules_fingerprint="x", version="x"
        )

    index = CorpusIndex(min_share=0.5, min_docs=3)
    index.add(rep(0, "Acme Ltd", 2022), f"{shared}\nWe audited 12 mills in Turkey during the year under review.")
    index.add(
        rep(1, "Acme Limited", 2023),
        f"{shared}\nWe audited 12 mills in Turkey during the year under review.\n"
        "We also traced cotton to the gin for every order placed this year.",
    )
    index.add(rep(2, "Beta plc", 2023), f"{shared}\nOur buyers were trained on forced labour indicators in March.")
    index.add(rep(3, "Gamma plc", 2023), "Completely different words about widgets and their many uses here.")
    rows = {r.statement_id: r for r in index.rows()}
    assert rows["0"].boilerplate_share > 0.3 and rows["3"].boilerplate_share == 0
    assert rows["1"].previous_source == "0.txt"
    assert rows["1"].copied_share == pytest.approx(2 / 3, abs=0.01)
    assert rows["0"].copied_share is None and rows["2"].previous_source is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.!?, \n\t\r\u00a0\u2028’'", max_size=40))
def test_sentence_breaks_equal_the_plain_pattern(text):
    """The fast sentence-break regex of the corpus measures splits as its plain form does."""
    import re

    from nlp.scoring.corpus import SENTENCE, SENTENCE_PLAIN

    assert SENTENCE.split(text) == re.split(SENTENCE_PLAIN, text)


def test_signature_equals_a_sentence_by_sentence_reading():
    """Words per sentence, tetragram hashes and copy hashes, recomputed one sentence at a time."""
    import re

    import numpy

    from nlp.models import StatementReport
    from nlp.scoring.corpus import _MIX, MIN_COPY_WORDS, SENTENCE_PLAIN, WORD, _hash, signature

    text = (
        "Our Policy.  We audited 12 mills in Turkey during 2023!\n\nNo words here: ... \n"
        "Is it the firm’s duty? Yes it's ours, and we traced cotton to the gin for every order\n"
        "a b c\nshort. one two three four five six seven eight nine"
    )
    report = StatementReport(id="1", source="1.txt", status="ok", rules_fingerprint="x", version="x")
    sig = signature(report, text)
    sentences = [w for w in (WORD.findall(p) for p in re.split(SENTENCE_PLAIN, text.lower())) if w]
    assert sig.words.tolist() == [len(w) for w in sentences]
    grams, owners = [], []
    for i, words in enumerate(sentences):
        for k in range(len(words) - 3):
            h = _hash(words[k])
            for word in words[k + 1 : k + 4]:
                h = ((h * int(_MIX)) % 2**64) ^ _hash(word)
            grams.append(h)
            owners.append(i)
    assert sig.grams.dtype == numpy.uint64 and sig.grams.tolist() == grams
    assert sig.gram_sentence.tolist() == owners
    assert sig.sentence_hashes == {_hash(" ".join(w)) for w in sentences if len(w) >= MIN_COPY_WORDS}


def _filters(cond):
    if cond.findings is not None:
        yield cond.findings
    for sub in (cond.all or []) + (cond.any or []) + (cond.none or []):
        yield from _filters(sub)


def test_finding_index_equals_testing_every_finding(ruleset):
    """The label index and the per-filter cache give what testing each finding with matches() gives."""
    import random

    from nlp.models import Assertion, Cue, Finding, ScopeCue, Specificity, SpecificityFeature
    from nlp.scoring.engine import FindingIndex, matches, red_flags, score_criterion, score_framework, xinjiang_block
    from nlp.scoring.schema import FindingFilter

    scoring = ruleset.scoring
    filters = [f for fw in ruleset.frameworks for c in fw.criteria for f in [*c.satisfied_by, *c.aims_relevant]]
    filters += [f for rule in [*scoring.ladder, *scoring.red_flags] for f in _filters(rule.when)]
    labels = [*sorted({label for f in filters for label in [*f.labels, *f.with_labels]}), "other.label"]
    # Every negation setting, alone and with another condition (hits() tests the flag apart from matches()).
    filters += [
        FindingFilter(labels=labels[:3], negated=negated, **extra)
        for negated in (None, True, False)
        for extra in ({}, {"hedged": True}, {"min_specificity": 20})
    ]
    rng = random.Random(5)

    def cue():
        return Cue(text="c", start=0, end=1, rule_id="CTX.X.Y") if rng.random() < 0.3 else None

    findings = []
    for i in range(400):
        sentence = rng.randrange(60) * 100
        scope = rng.choice([None, None, "direct", "tier1", "tier2", "raw_material", "all_tiers"])
        kinds = rng.sample(["quantity", "date", "named_party", "tier", "method", "outcome"], rng.randrange(3))
        findings.append(
            Finding(
                label=rng.choice(labels),
                rule_id="X.Y.Z",
                text="t",
                sentence="s",
                page=1,
                start=sentence + i % 50,
                end=sentence + i % 50 + 1,
                sentence_start=sentence,
                sentence_end=sentence + 99,
                assertion=Assertion(
                    negated=cue(),
                    future=cue(),
                    hedged=cue(),
                    scope=ScopeCue(text="s", start=0, end=1, rule_id="CTX.S.X", value=scope) if scope else None,
                ),
                specificity=Specificity(
                    score=rng.choice([0.0, 10.0, 25.0, 40.0, 70.0]),
                    features=[
                        SpecificityFeature(id="SPEC.X.Y", kind=k, text="x", start=0, end=1, weight=1.0) for k in kinds
                    ],
                ),
            )
        )
    index = FindingIndex(findings)
    for flt in filters:
        expected = [i for i, f in enumerate(findings) if matches(f, flt, index)]
        assert index.hits(flt) == expected
        assert index.hits(flt) == expected  # from the cache
    assert any(index.hits(flt) for flt in filters)
    for jurisdiction in ("GB", "AU", None):
        for fw in ruleset.frameworks:
            for crit in fw.criteria:
                score = score_criterion(crit, FindingIndex(findings), jurisdiction)
                if score.applicable:
                    want = [i for i, f in enumerate(findings) if any(matches(f, x, index) for x in crit.satisfied_by)]
                    assert score.evidence == want
            assert score_framework(fw, findings, jurisdiction, index=index) == score_framework(
                fw, findings, jurisdiction
            )
    assert xinjiang_block(findings, scoring, index=index) == xinjiang_block(findings, scoring)
    assert red_flags(findings, scoring, index=index) == red_flags(findings, scoring)


def test_rule_regexes_are_compiled_once(pipeline, ruleset):
    """The targets' regexes validated at load time are the very patterns the matchers run (one compile each)."""
    import re

    from nlp.ruleset import compile_regex

    matchers = pipeline.get_pipe("msa_targets").matchers
    rules = [r for r in ruleset.targets for _ in r.regex]
    assert len(matchers.regexes) == len(rules) > 0
    for compiled, rule in zip(matchers.regexes, rules, strict=True):
        flags = 0 if rule.case_sensitive else re.IGNORECASE
        assert compiled.pattern is compile_regex(compiled.pattern.pattern, flags)
        assert compiled.pattern.flags == re.compile(compiled.pattern.pattern, flags).flags


def test_aims_evaluation_counts_and_lists_disagreements(tmp_path):
    import csv

    from nlp.evaluate import GoldError, evaluate_aims

    column = "C1 (reporting entity)"
    rows = [
        ("S1", "0", "We make parts.", "0"),
        ("S1", "1", "Signed by Jane Doe, Director", "1"),  # tp
        ("S2", "0", "Signed by John Roe, Director", "0"),  # fp
        ("S2", "1", "The board approved this statement.", "1"),  # fn
    ]
    path = tmp_path / "aims.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["statement_id", "sentence_orig_idxs", "sentence", column])
        writer.writerows(rows)
    errors = tmp_path / "errors.csv"
    result = evaluate_aims(path, MIN_RULES, framework_id="mini", jurisdiction="AU", errors=errors)
    (crit,) = result.criteria
    assert (crit.tp, crit.fp, crit.fn) == (1, 1, 1)
    with errors.open(encoding="utf-8") as fh:
        listed = list(csv.DictReader(fh))
    assert [(r["statement_id"], r["sentence_index"], r["error"]) for r in listed] == [
        ("S2", "0", "fp"),
        ("S2", "1", "fn"),
    ]
    assert listed[0]["rules"] == "T.SIGNATURE.SENTENCE"
    assert listed[1]["rules"] == "" and listed[1]["sentence"] == "The board approved this statement."
    # Outside the criterion's jurisdictions nothing is predicted.
    other = evaluate_aims(path, MIN_RULES, framework_id="mini", jurisdiction="GB")
    assert (other.criteria[0].tp, other.criteria[0].fp, other.criteria[0].fn) == (0, 0, 2)
    # Halves by the parity of the number ending the statement id: S1 is odd, S2 even.
    odd = evaluate_aims(path, MIN_RULES, framework_id="mini", jurisdiction="AU", half="odd")
    assert (odd.statements, odd.sentences, odd.half) == (1, 2, "odd")
    assert (odd.criteria[0].tp, odd.criteria[0].fp, odd.criteria[0].fn) == (1, 0, 0)
    even = evaluate_aims(path, MIN_RULES, framework_id="mini", jurisdiction="AU", half="even")
    assert (even.criteria[0].tp, even.criteria[0].fp, even.criteria[0].fn) == (0, 1, 1)
    with path.open("a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["intro", "0", "We make parts.", "0"])
    with pytest.raises(GoldError, match="ending in a number: intro"):
        evaluate_aims(path, MIN_RULES, framework_id="mini", jurisdiction="AU", half="odd")
