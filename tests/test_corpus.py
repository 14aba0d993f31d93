"""The bundled corpus: every statement reads and analyses; offsets hold; accuracy against gold stays above floors."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.analyse import analyse_document, findings_from_doc
from nlp.evaluate import GoldError, evaluate_gold_dir, evaluate_passages
from nlp.ingest import read_document, read_manifest
from tests.conftest import CORPUS

# Floors pinned below the measured figures (see the issue notes); raise them when the rules improve.
MICRO_F1_FLOOR = 0.85
LABEL_F1_FLOOR = 0.5
# Micro-F1 floors of the challenge sets (corpus/challenge*/): a little under what `msa evaluate passages` measures.
CHALLENGE_FLOORS = {
    "challenge/statement.yaml": 0.95,  # measured .968 (blind .828)
    "challenge/dd.yaml": 0.97,  # .990 (blind .769)
    "challenge/xinjiang.yaml": 0.98,  # .995 (blind .904)
    "challenge/xinjiang_2.yaml": 0.96,  # .978 (blind .908 after the first round)
    "challenge_b/xinjiang.yaml": 0.87,  # .887, kept blind: a floor against regressions, not a target
    "challenge_b/dd.yaml": 0.80,  # .823 (blind .770; odd ids kept blind: .746 -> .752)
    "challenge_b/statement.yaml": 0.85,  # .876 (blind .758; odd ids kept blind: .737 -> .745)
    "challenge_b/xinjiang_2.yaml": 0.89,  # blind .910 (odd ids kept blind)
}


@pytest.fixture(scope="module")
def corpus_reports(corpus_pdfs, pipeline, ruleset):
    items = read_manifest(CORPUS / "manifest.csv")
    return [(item, analyse_document(read_document(item, ruleset), pipeline, ruleset)) for item in items]


def test_corpus_has_enough_statements(corpus_reports):
    formats = {r.format for _, r in corpus_reports}
    assert len(corpus_reports) >= 15
    assert {"txt", "html", "pdf"} <= formats


def test_every_bundled_statement_is_ok(corpus_reports):
    assert [(r.source, r.error) for _, r in corpus_reports if r.status != "ok"] == []


def test_offsets_point_at_the_text(corpus_reports, ruleset):
    for item, report in corpus_reports:
        text = read_document(item, ruleset).text
        for f in report.findings:
            assert text[f.start : f.end] == f.text
            assert text[f.sentence_start : f.sentence_end] == f.sentence
            assert f.sentence_start <= f.start <= f.end <= f.sentence_end


def test_french_statement_flagged(corpus_reports):
    french = [r for _, r in corpus_reports if r.language == "fr"]
    assert french, "the corpus should hold a French statement"
    for r in french:
        assert any(f.id == "language.non_english" for f in r.flags)
        assert r.findings == []


def test_metadata_inferred_when_manifest_is_silent(corpus_reports):
    silent = [(i, r) for i, r in corpus_reports if i.company is None and r.language == "en"]
    assert silent, "the manifest should leave some companies blank"
    for _, r in silent:
        assert r.company and r.metadata_source["company"].startswith("META.")


def test_gold_accuracy_floors(corpus_pdfs):
    result = evaluate_gold_dir(CORPUS / "gold", CORPUS)
    assert result.missing_quotes == []
    assert result.micro.f1 >= MICRO_F1_FLOOR, f"micro-F1 {result.micro.f1:.3f}"
    low = {k: round(v.f1, 3) for k, v in result.labels.items() if v.tp + v.fn >= 5 and v.f1 < LABEL_F1_FLOOR}
    assert low == {}


def test_every_challenge_set_has_a_floor():
    found = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("challenge*/*.yaml")}
    assert found == set(CHALLENGE_FLOORS)


@pytest.mark.parametrize("name", sorted(CHALLENGE_FLOORS))
def test_challenge_set_floors(name):
    result = evaluate_passages(CORPUS / name)
    assert result.micro.f1 >= CHALLENGE_FLOORS[name], f"{name}: micro-F1 {result.micro.f1:.3f}"


def test_passage_evaluation_counts_per_label_and_passage(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "scored: ['xinjiang.']\n"
        "passages:\n"
        "  - {id: A, text: 'We do not source from Xinjiang.', labels: [xinjiang.mention, xinjiang.exit]}\n"
        "  - {id: B, text: 'We sell furniture in Leeds.', labels: []}\n"
        "  - {id: C, text: 'Our canteen is in Leeds.', labels: [xinjiang.uflpa]}\n",
        encoding="utf-8",
    )
    result = evaluate_passages(path)
    assert result.passages == 3 and result.scored == ["xinjiang."]
    assert (result.labels["xinjiang.mention"].tp, result.labels["xinjiang.mention"].fp) == (1, 0)
    # A holds a denial that gold does not list (fp) and no exit (fn); C's gold label is not found (fn).
    assert result.labels["xinjiang.sourcing_denial"].fp == 1
    assert result.labels["xinjiang.exit"].fn == 1 and result.labels["xinjiang.uflpa"].fn == 1
    assert result.exact == pytest.approx(1 / 3)
    assert {(e.kind, e.label, e.document) for e in result.errors} == {
        ("fp", "xinjiang.sourcing_denial", "A"),
        ("fn", "xinjiang.exit", "A"),
        ("fn", "xinjiang.uflpa", "C"),
    }
    path.write_text("passages:\n  - {id: A, text: 'x', labels: [xinjiang.nope]}\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"xinjiang\.nope"):
        evaluate_passages(path)


def test_passage_evaluation_of_one_half_by_id_parity(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "scored: ['xinjiang.']\n"
        "passages:\n"
        "  - {id: XK001, text: 'We do not buy from Xinjiang.', labels: [xinjiang.mention, xinjiang.sourcing_denial]}\n"
        "  - {id: XK002, text: 'We sell furniture in Leeds.', labels: [xinjiang.uflpa]}\n"
        "  - {id: XK013, text: 'Our canteen is in Leeds.', labels: []}\n",
        encoding="utf-8",
    )
    odd, even = evaluate_passages(path, half="odd"), evaluate_passages(path, half="even")
    assert (odd.passages, even.passages, odd.half) == (2, 1, "odd")
    assert odd.exact == 1.0 and odd.micro.fn == 0 and even.exact == 0.0 and even.micro.fn == 1
    path.write_text("passages:\n  - {id: intro, text: 'x', labels: []}\n", encoding="utf-8")
    with pytest.raises(GoldError, match="ending in a number"):
        evaluate_passages(path, half="even")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "We do not source cotton from Xinjiang.",
                "We will audit tier 2 suppliers",
                "\n",
                "\n\n",
                " ",
                "•",
                "Hikvision cameras",
                "the XUAR",
                "may",
                "not",
                "Supplier Code of Conduct",
                "87%",
                "Ltd.",
                "UFLPA",
                "é",
                "-",
                "traceability to raw material",
                "isotope testing",
                "Signed: J Doe, Director",
            ]
        ),
        max_size=25,
    )
)
def test_invariants_on_random_text(pipeline, ruleset, parts):
    text = " ".join(parts)
    first = findings_from_doc(pipeline(text), ruleset)
    second = findings_from_doc(pipeline(text), ruleset)
    assert first == second
    for f in first:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text


def test_regex_prefilter_gives_the_same_hits(corpus_pdfs, pipeline, ruleset):
    from nlp.components.matching import CompiledMatchers

    groups = [
        ("msa_targets", ruleset.targets),
        ("msa_context", ruleset.cues),
        ("msa_specificity", ruleset.specificity),
    ]
    items = read_manifest(CORPUS / "manifest.csv")
    texts = [read_document(i, ruleset).text for i in items]
    for name, records in groups:
        fast = pipeline.get_pipe(name).matchers
        slow = CompiledMatchers(pipeline, records, ruleset, [r.id for r in records], prefilter=False)
        if name == "msa_targets":
            assert sum(1 for rx in fast.regexes if rx.literals) > 0.8 * len(fast.regexes)
        if name == "msa_context":
            assert not fast._patterns_everywhere  # every cue token pattern has an anchor token
        for text in texts:
            doc = pipeline(text)
            sents = list(doc.sents)
            assert sorted(set(fast._regex_hits(doc, sents))) == sorted(set(slow._regex_hits(doc, sents)))
            # token patterns in anchored sentences only, regexes at their lead literals only: same hits
            got = [(h.index, h.span.start, h.span.end) for h in fast(doc, sents)]
            want = [(h.index, h.span.start, h.span.end) for h in slow(doc, sents)]
            assert got == want


def test_rule_conditions_from_one_term_pass_match_the_regexes(corpus_pdfs, pipeline, ruleset):
    """requires / excludes answered from the Aho-Corasick term index equal their regexes, rule by sentence."""
    from nlp.components.sentences import doc_text
    from nlp.components.targets import SentenceIndex

    targets = pipeline.get_pipe("msa_targets")
    conditioned = [i for i, r in enumerate(targets.rules) if r.requires or r.excludes]
    texts = [read_document(i, ruleset).text for i in read_manifest(CORPUS / "manifest.csv")]
    texts.append("Anti-slavery-policy and re-audit; slavery_free 'policy' — politique: Forced labour? (policy)")
    for text in texts:
        doc = pipeline(text)
        index = SentenceIndex.for_doc(doc)
        present = targets.terms.per_sentence(doc_text(doc), index.bounds)
        assert present is not None
        for si, body in enumerate(index.texts):
            low = body.lower()
            for r in conditioned:
                args = (index.sections[si], index.headings[si])
                assert targets._accept(r, low, *args) == targets._accept_terms(r, present[si], *args)


def test_term_index_whole_words_and_length_changing_text():
    from nlp.components.targets import TermIndex

    terms = TermIndex(["policy", "forced labour", "audit"])
    text = "Our policy. Anti-policy audits. A re-audit; forced labour_x. Audit"
    bounds = [(0, 11), (12, 31), (32, 60), (61, 66)]
    got = terms.per_sentence(text, bounds)
    assert got == [terms.ids(["policy"]), frozenset(), frozenset(), terms.ids(["audit"])]
    assert terms.per_sentence("İstanbul policy", [(0, 15)]) is None  # lower-casing adds a character: regexes decide


def test_term_index_non_ascii_neighbours():
    """A letter of any script glued to a term makes it part of a longer word; punctuation does not."""
    from nlp.components.targets import TermIndex

    terms = TermIndex(["policy", "audit"])
    text = "épolicy — policyé. «audit» ok. 監査audit"
    bounds = [(0, 17), (18, 30), (31, 38)]
    assert terms.per_sentence(text, bounds) == [frozenset(), terms.ids(["audit"]), frozenset()]
    assert terms.per_sentence("", []) == []
    assert terms.per_sentence("policyholders audited", [(0, 21)]) == [frozenset()]  # occurrences, none whole
    assert TermIndex([]).per_sentence("policy", [(0, 6)]) == [frozenset()]


def test_literal_scanner_keeps_occurrences_inside_sentences():
    from nlp.components.matching import LiteralScanner, grouped_places, mask_bits, sentence_masks

    scanner = LiteralScanner(["we", "audit", "we audit"])
    text = "we audit. audits we\nwe audit"
    bounds = [(0, 9), (10, 18), (20, 28)]  # "we" at 17-19 crosses the second sentence's end
    ids, firsts, ks = scanner.occurrences(text, bounds)
    got = sorted(zip(ids.tolist(), firsts.tolist(), ks.tolist(), strict=True))
    assert got == [(0, 0, 0), (0, 20, 2), (1, 3, 0), (1, 10, 1), (1, 23, 2), (2, 0, 0), (2, 20, 2)]
    masks = sentence_masks(ids, ks, len(bounds))
    assert masks == {0: 0b101, 1: 0b111, 2: 0b101}
    assert grouped_places(ids, firsts) == {0: [0, 20], 1: [3, 10, 23], 2: [0, 20]}
    assert scanner.occurrences(text, [])[0].tolist() == []
    assert LiteralScanner([]).occurrences(text, bounds)[0].tolist() == []
    for mask in (0, 1, 0b1011, (1 << 40) | (1 << 3), sum(1 << k for k in range(0, 700, 3))):
        assert mask_bits(mask) == [k for k in range(mask.bit_length()) if mask >> k & 1]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([{"ORTH": "may"}], ("ORTH", [["may"]])),
        ([{"LOWER": {"IN": ["was", "is"]}}, {"LOWER": "not"}], ("LOWER", [["is", "not"], ["was", "not"]])),
        ([{"ORTH": ","}, {"LOWER": "yet"}], ("LOWER", [[",", "yet"]])),  # a caseless ORTH value compares on LOWER
        ([{"ORTH": "Yet"}, {"LOWER": "we"}], None),  # a cased ORTH value beside LOWER: Matcher
        ([{"LOWER": "May"}], None),  # matches nothing as a LOWER value: left to the Matcher
        ([{"LOWER": "the", "OP": "?"}, {"LOWER": "board"}], None),
        ([{"LOWER": {"REGEX": "^aud"}}], None),
    ],
)
def test_phrase_patterns(pattern, expected):
    from nlp.components.matching import phrase_patterns

    assert phrase_patterns(pattern) == expected


def test_regex_prefilter_on_lists_and_line_starts(pipeline, ruleset):
    """Same hits with and without the prefilter on text built to exercise every kind of lead."""
    from nlp.components.matching import CompiledMatchers

    text = (
        "Our Structure\n\nThe group is made up of the following entities:\nNorthwind Energy (West) Pty Ltd\n"
        "- Acme Logistics Limited;\nMaple Foods Inc.\n\nWe employ 1,200 people in 14 countries and our labour hire"
        " agencies supply 300 workers. Approved by the Board on 3 May 2024.\nJane Smith\nChief Executive Officer\n"
        "Our Uyghur Region risk assessment covers cotton, PVC and polysilicon; we do not source from Xinjiang.\n"
    )
    for name, records in (("msa_targets", ruleset.targets), ("msa_specificity", ruleset.specificity)):
        fast = pipeline.get_pipe(name).matchers
        slow = CompiledMatchers(pipeline, records, ruleset, [r.id for r in records], prefilter=False)
        doc = pipeline(text)
        sents = list(doc.sents)
        got = sorted(set(fast._regex_hits(doc, sents)))
        assert got == sorted(set(slow._regex_hits(doc, sents)))
        assert got


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            [{"LOWER": {"IN": ["we", "they"]}}, {"LOWER": {"IN": ["plan", "plans", "aim"]}}, {"LOWER": "to"}],
            ("LOWER", {"plan", "plans", "aim"}),
        ),
        ([{"ORTH": "may"}], ("ORTH", {"may"})),
        ([{"LOWER": "the", "OP": "?"}, {"IS_TITLE": True}], None),
        ([{"TEXT": {"IN": ["Yet", "While"]}}, {"LOWER": "we", "OP": "*"}], ("ORTH", {"Yet", "While"})),
    ],
)
def test_token_anchors(pattern, expected):
    from nlp.components.matching import token_anchors

    got = token_anchors(pattern)
    assert (None if got is None else (got[0], set(got[1]))) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (
            r"\b(?:modern[- ]slavery|anti[- ]slavery)\b",
            {"modern slavery", "modern-slavery", "anti slavery", "anti-slavery"},
        ),
        (r"u[iy]gh?ur", {"uighur", "uigur", "uyghur", "uygur"}),  # small classes and optional letters expand
        (r"[a-z]+ing", None),
        (r"(?<!not )\b(?:(?:the )?region|province)", {"the region", "region", "province"}),
        (r"\b\d+ suppliers", {"\\d"}),  # a digit opens it: tried at every digit
        (r"\b(?:\d+|two|three) sites", {"\\d", "two", "three"}),
        (r"(?:about )?\s*\d+ sites", None),  # may open with white space
        (r"(?:we|our) suppliers", {"we suppliers", "our suppliers"}),  # groups of literals spell whole strings
        (r"(?:a|our)[a-z]+", None),  # a single letter does not narrow the search
        (r"(?<=\n)[ \t]*[A-Z]\w+ Ltd", {"(?<=\\n)"}),  # tried just after line breaks (AFTER_NEWLINE)
        (r"(?:supplier|vendor)s?(?: audit)?", {"supplier", "vendor"}),  # longer strings add no place to look
    ],
)
def test_leading_literals(pattern, expected):
    import re

    from nlp.components.matching import _parse, leading_literals

    got = leading_literals(_parse(pattern, re.IGNORECASE))
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # sre_parse factors the common "x" out of the alternation: still sound, still selective
        (
            r"\bdo not source\w* from (?:xinjiang|xuar)\b",
            ({"do not source"}, {" from xinjiang", " from xuar"}),
        ),
        (r"isotop(?:e|ic)", ({"isotope", "isotopic"},)),
        (r"(?:a|b)c", None),
        (r"x{2,}yyy", ({"yyy"},)),
        (r"(?:the )?region", ({"region"},)),
        # a digit is required: \d or [0-9] (DIGIT), also beside literals, and one per branch
        (r"\b(?:ABN|ACN)\s*\d{9}", ({"abn", "acn"}, {"\\d"})),
        (r"[0-9]+ audits", ({"\\d"}, {" audits"})),
        (r"\d+%|\d+ per ?cent", ({"\\d", " percent", " per cent"},)),  # each branch gives its most selective set
        (
            r"labou?r (?:hire|agenc(?:y|ies))",
            ({"labor hire", "labor agency", "labor agencies", "labour hire", "labour agency", "labour agencies"},),
        ),
        (r"\d+%|(?:half|most) of", ({"\\d", "half of", "most of"},)),
        (r"\d+%|[a-z]+", None),
        (r"[0-9a-f]{6}", None),
    ],
)
def test_required_literals(pattern, expected):
    import re

    from nlp.components.matching import _parse, required_literals

    got = required_literals(_parse(pattern, re.IGNORECASE))
    assert (None if got is None else tuple(set(g) for g in got)) == expected


def _rule_regexes(pipeline):
    import re

    from nlp.components.matching import CompiledMatchers

    found = []
    for name in pipeline.pipe_names:
        for value in vars(pipeline.get_pipe(name)).values():
            if isinstance(value, CompiledMatchers):
                found += [(rx, rx.pattern.pattern, rx.pattern.flags & re.IGNORECASE) for rx in value.regexes]
    return found


def test_regex_facts_cache_round_trip(pipeline, tmp_path, monkeypatch):
    """The facts read back from the on-disk cache are those of analysing every rule regex afresh."""
    from nlp.components.matching import RegexFactsCache, analyse_regex

    monkeypatch.setenv("MSA_CACHE_DIR", str(tmp_path))
    regexes = _rule_regexes(pipeline)
    assert len(regexes) > 500
    path = RegexFactsCache.default_path()
    assert path is not None and path.parent == tmp_path
    cold = RegexFactsCache(path)
    assert not cold.entries
    for _, pattern, flags in regexes:
        cold.get(pattern, flags)
    cold.save()
    warm = RegexFactsCache(path)
    assert set(warm.entries) == {(p, f) for _, p, f in regexes}
    for compiled, pattern, flags in regexes:
        facts = analyse_regex(pattern, flags)
        assert warm.get(pattern, flags) == facts, pattern
        # what the session's matchers use, whether it came from a cache or not
        assert (compiled.anchored, compiled.literals, compiled.line_start) == (
            facts.anchored,
            facts.literals,
            facts.line_start,
        )
        assert compiled.leads == (None if facts.anchored else facts.leads)
    assert not warm.dirty


def test_regex_facts_cache_ignores_a_corrupt_file_and_can_be_off(tmp_path, monkeypatch):
    from nlp.components.matching import RegexFactsCache, analyse_regex

    monkeypatch.setenv("MSA_CACHE_DIR", str(tmp_path))
    path = RegexFactsCache.default_path()
    assert path is not None
    path.write_text('[{"pattern": "x"', encoding="utf-8")
    cache = RegexFactsCache(path)
    assert cache.get(r"\bsuppliers?\b", 2) == analyse_regex(r"\bsuppliers?\b", 2)
    cache.save()
    assert RegexFactsCache(path).entries == cache.entries
    assert not list(tmp_path.glob("*.tmp"))
    monkeypatch.setenv("MSA_CACHE_DIR", "off")
    assert RegexFactsCache.default_path() is None
    off = RegexFactsCache.shared()
    off.get("audit", 2)
    off.save()
    assert off.path is None and not off.dirty


BOILERPLATE = [
    "wattle_and_loom_2023",
    "northlight_renewables_2023",
    "pellucid_systems_2023",
    "redgum_pantry_2024",
    "eastmoor_council_2023",
    "tamarack_advisory_2023",
    "coastway_grocers_2024",
]
SPECIFIC = [
    "harbour_apparel_2023",
    "brightfield_solar_2023",
    "corvane_technologies_2023",
    "millbrook_foods_2023",
    "ashworth_valley_nhs_2024",
    "calder_finch_2024",
    "marlowe_pryce_2023",
]


def _by_stem(corpus_reports):
    return {r.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]: r for _, r in corpus_reports}


@pytest.mark.parametrize("specific", SPECIFIC)
@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_boilerplate_less_specific_than_specific(corpus_reports, boilerplate, specific):
    reports = _by_stem(corpus_reports)
    assert reports[boilerplate].specificity < reports[specific].specificity


def test_boilerplate_less_complete_than_its_counterpart(corpus_reports):
    reports = _by_stem(corpus_reports)
    for b, s in zip(BOILERPLATE, SPECIFIC, strict=True):
        for fw in reports[s].scores:
            assert reports[b].scores[fw].completeness <= reports[s].scores[fw].completeness, (b, s, fw)


def test_xinjiang_levels_of_known_statements(corpus_reports):
    reports = _by_stem(corpus_reports)
    assert reports["harbour_apparel_2023"].xinjiang.level == 5
    assert reports["harbour_apparel_2022"].xinjiang.level < reports["harbour_apparel_2023"].xinjiang.level
    assert reports["wattle_and_loom_2023"].xinjiang.level == 2
    assert any(f.id == "xinjiang.denial_direct_only" for f in reports["wattle_and_loom_2023"].flags)
    assert reports["tamarack_advisory_2023"].xinjiang.level <= 1


def test_every_score_explains_itself(corpus_reports):
    for _, r in corpus_reports:
        for score in r.scores.values():
            for c in score.criteria:
                assert c.reason
                assert c.points <= c.max_points
                assert all(0 <= i < len(r.findings) for i in c.evidence)
                if c.met:
                    assert c.evidence


def test_sentence_gating_gives_the_same_findings(corpus_pdfs, pipeline, ruleset, monkeypatch):
    """Cues and specificity features are matched only in sentences with a hit (and list lead-ins), and the regexes of
    rules with required terms or sections only in sentences meeting them: the findings are exactly those of matching
    everything in every sentence."""
    from nlp.analyse import findings_from_doc
    from nlp.components.matching import CompiledMatchers

    items = read_manifest(CORPUS / "manifest.csv")
    texts = [read_document(i, ruleset).text for i in items]
    gated = [findings_from_doc(pipeline(t), ruleset) for t in texts]
    full_call = CompiledMatchers.__call__
    calls = []

    def everywhere(self, doc, sentences=None, only=None, index=None, gate=None):
        calls.append((only is not None, gate is not None and bool(gate.records)))
        return full_call(self, doc, sentences, None, index, None)

    monkeypatch.setattr(CompiledMatchers, "__call__", everywhere)
    full = [findings_from_doc(pipeline(t), ruleset) for t in texts]
    assert any(c[0] for c in calls) and any(c[1] for c in calls)  # both gates were there to lift
    assert sum(len(f) for f in gated) > 1000
    for g, f in zip(gated, full, strict=True):
        assert g == f


def test_fast_and_layout_pdf_engines_give_the_same_findings_and_scores(corpus_pdfs, pipeline, ruleset):
    """pypdfium2 (fast) and pdfplumber (layout) text give the same completeness and Xinjiang level; findings differ
    at most inside a table header (one finding in one of the ten PDFs, where the engines cut a wrapped header cell
    differently), which moves that statement's framework specificity (a mean over its findings) by about a point."""
    from nlp.ingest import InputItem

    differing = 0
    for path in sorted(corpus_pdfs.glob("*.pdf")):
        item = InputItem(path=str(path))
        fast = analyse_document(read_document(item, ruleset, pdf_engine="fast"), pipeline, ruleset)
        layout = analyse_document(read_document(item, ruleset, pdf_engine="layout"), pipeline, ruleset)
        assert fast.status == layout.status == "ok"
        assert {k: s.completeness for k, s in fast.scores.items()} == {
            k: s.completeness for k, s in layout.scores.items()
        }, path.name
        for k, s in fast.scores.items():
            assert abs(s.specificity - layout.scores[k].specificity) <= 1.5, (path.name, k)
        assert (fast.xinjiang.level, fast.xinjiang.labels) == (layout.xinjiang.level, layout.xinjiang.labels), path.name
        a = {(f.label, f.rule_id, f.text) for f in fast.findings}
        b = {(f.label, f.rule_id, f.text) for f in layout.findings}
        differing += len(a ^ b)
        assert len(a ^ b) <= 2, (path.name, a ^ b)
    assert differing <= 2


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?m)^\s*(?:Per|By)\s*:\s*[A-Z]", "Per: Ann Lee\nBy: Bo\n  By: Cy and by: no\nPer:x"),
        (r"^ab", "ab ab\nab"),
        (r"(?m)^x?y*", "a\nxy\nyy\n\nb"),
        (r"(?m)^(?:Signed|Name):[^\n]*$", "Signed: A\nName: B\nsigned: c"),
    ],
)
def test_line_start_regexes_match_as_finditer(pattern, text):
    import re

    from nlp.components.matching import _matches_at_line_starts, _opens_with_caret, _parse

    compiled = re.compile(pattern)
    assert _opens_with_caret(_parse(pattern, 0))
    got = [m.span() for m in _matches_at_line_starts(compiled, text)]
    assert got == [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
