"""Evaluation against gold annotations: precision, recall and F1 per label, counted per (label, sentence)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language

from nlp.analyse import findings_from_doc
from nlp.components.targets import SentenceIndex
from nlp.ingest import InputItem, read_document
from nlp.pipeline import build_pipeline, run_pipeline
from nlp.ruleset import RuleSet, load_ruleset


class GoldError(ValueError):
    """A gold file is malformed or names a missing document."""


class GoldFinding(BaseModel):
    """One gold annotation."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: str
    quote: str = Field(min_length=2)


class GoldFile(BaseModel):
    """The gold annotations of one document."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    document: str
    findings: list[GoldFinding] = Field(default_factory=list)


class LabelScore(BaseModel):
    """Counts and P/R/F1 for one label (or micro-averaged)."""

    model_config = ConfigDict(frozen=True)
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn), 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class EvalError(BaseModel):
    """A false positive or false negative, for error analysis."""

    kind: str
    label: str
    document: str
    sentence: str


class GoldResult(BaseModel):
    """Evaluation of a gold folder."""

    documents: int
    labels: dict[str, LabelScore]
    micro: LabelScore
    macro_f1: float
    errors: list[EvalError] = Field(default_factory=list)
    missing_quotes: list[str] = Field(default_factory=list, description="Gold quotes not found in the text.")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case text with white space runs folded to one space, and the map back to original offsets."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch.lower())
            prev_space = False
        index.append(i)
    return "".join(out), index


def locate(quote: str, text: str, norm: tuple[str, list[int]] | None = None) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``, ignoring case and white space differences."""
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    ntext, index = norm or _normalise(text)
    nquote = re.sub(r"\s+", " ", quote.strip().lower())
    pos = ntext.find(nquote)
    if pos < 0:
        return None
    return index[pos], index[pos + len(nquote) - 1] + 1


def load_gold(path: Path) -> GoldFile:
    """Read and validate one gold file."""
    try:
        return GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (ValidationError, yaml.YAMLError, OSError) as exc:
        raise GoldError(f"{path}: {exc}") from exc


def _label_scores(counts: dict[str, list[int]]) -> tuple[dict[str, LabelScore], LabelScore, float]:
    """Scores per label from [tp, fp, fn] counts, their micro average, and the macro-F1 over labels with gold."""
    labels = {k: LabelScore(tp=v[0], fp=v[1], fn=v[2]) for k, v in counts.items()}
    micro = LabelScore(
        tp=sum(s.tp for s in labels.values()),
        fp=sum(s.fp for s in labels.values()),
        fn=sum(s.fn for s in labels.values()),
    )
    with_gold = [s.f1 for s in labels.values() if s.tp + s.fn]
    return labels, micro, (sum(with_gold) / len(with_gold) if with_gold else 0.0)


def evaluate_gold_dir(gold_dir: str | Path, corpus_dir: str | Path, rules_dir: str | Path | None = None) -> GoldResult:
    """Evaluate the pipeline on every gold file of a folder.

    A sentence annotated with a label is a gold positive of that label; a sentence holding a finding of that
    label is a predicted positive.

    Args:
        gold_dir: Folder of ``*.yaml`` gold files.
        corpus_dir: Folder that the files' ``document`` paths are relative to.
        rules_dir: Rules directory (default rules when None).

    Returns:
        Per-label and micro-averaged scores, macro-F1 over labels with gold, and the errors.
    """
    ruleset = load_ruleset(rules_dir)
    pipeline = build_pipeline(rules_dir)
    files = sorted(Path(gold_dir).glob("*.yaml"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold *.yaml files")
    counts: dict[str, list[int]] = {}
    errors: list[EvalError] = []
    missing: list[str] = []
    for path in files:
        gold = load_gold(path)
        doc_path = Path(corpus_dir) / gold.document
        document = read_document(InputItem(path=str(doc_path)), ruleset)
        if document.error is not None:
            raise GoldError(f"{path}: cannot read {doc_path}: {document.error.message}")
        doc = run_pipeline(pipeline, document.text)
        index = SentenceIndex(doc)
        norm = _normalise(document.text)
        gold_set: set[tuple[str, int]] = set()
        for g in gold.findings:
            where = locate(g.quote, document.text, norm)
            if where is None:
                missing.append(f"{path.name}: {g.quote!r}")
                counts.setdefault(g.label, [0, 0, 0])[2] += 1
                continue
            first = doc.char_span(where[0], where[1], alignment_mode="expand")
            if first is None:
                continue
            gold_set.add((g.label, index.of(first.start)))
        pred_set = {
            (f.label, index.of(doc.char_span(f.start, f.end, alignment_mode="expand").start))
            for f in findings_from_doc(doc, ruleset, document.pages)
        }
        for label, si in gold_set | pred_set:
            c = counts.setdefault(label, [0, 0, 0])
            if (label, si) in gold_set and (label, si) in pred_set:
                c[0] += 1
                continue
            kind = "fp" if (label, si) in pred_set else "fn"
            c[1 if kind == "fp" else 2] += 1
            errors.append(
                EvalError(kind=kind, label=label, document=gold.document, sentence=index.sents[si].text.strip())
            )
    labels, micro, macro = _label_scores(counts)
    errors.sort(key=lambda e: (e.label, e.kind, e.document))
    return GoldResult(
        documents=len(files),
        labels=labels,
        micro=micro,
        macro_f1=macro,
        errors=errors,
        missing_quotes=missing,
    )


class Passage(BaseModel):
    """One passage of a challenge set and the labels an expert gives it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    text: str = Field(min_length=1)
    labels: list[str] = Field(default_factory=list, description="Every scored label the passage carries.")
    note: str = ""


class PassageSet(BaseModel):
    """A challenge set: short passages, each with the exhaustive list of its labels in the scored families."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    scored: list[str] = Field(
        default_factory=list,
        description="Label prefixes scored (e.g. 'xinjiang.'); default: the families of the labels used.",
    )
    passages: list[Passage]


#: Which items an evaluation keeps, by the parity of the number that ends their id.
Half = Literal["all", "odd", "even"]


class PassageResult(BaseModel):
    """Evaluation of a challenge set, counted per (label, passage)."""

    file: str
    passages: int
    scored: list[str]
    labels: dict[str, LabelScore]
    micro: LabelScore
    macro_f1: float
    exact: float = Field(description="Share of passages whose predicted label set equals the gold set.")
    errors: list[EvalError] = Field(default_factory=list)
    half: Half = Field(default="all", description="Which passages, by the parity of the id.")


_ID_NUMBER = re.compile(r"(\d+)$")


def _in_half(ids: Iterable[str], half: Half, where: str | Path) -> set[str]:
    """The ids of ``half``: all of them, or those ending in an odd (even) number (``P7``, ``SID_401`` are odd).

    Raises:
        GoldError: When ``half`` is odd or even and an id does not end in a number.
    """
    ids = list(ids)
    if half == "all":
        return set(ids)
    numbers = {i: _ID_NUMBER.search(i) for i in ids}
    missing = sorted(i for i, m in numbers.items() if m is None)
    if missing:
        raise GoldError(f"{where}: --half needs ids ending in a number: {', '.join(missing[:5])}")
    parity = 1 if half == "odd" else 0
    return {i for i, m in numbers.items() if m is not None and int(m.group(1)) % 2 == parity}


def evaluate_passages(
    path: str | Path,
    rules_dir: str | Path | None = None,
    *,
    ruleset: RuleSet | None = None,
    pipeline: Language | None = None,
    half: Half = "all",
) -> PassageResult:
    """Evaluate the rules on a challenge set of passages (``corpus/challenge/*.yaml``).

    Each passage is analysed on its own as a tiny statement; a label in the scored families is predicted when a
    finding of that label lies in the passage. A passage's gold labels are exhaustive for those families, so every
    other predicted label of the family is a false positive.

    Args:
        path: YAML file with ``passages: [{id, text, labels, note}]`` and optional ``scored`` prefixes.
        rules_dir: Rules directory (default rules when None).
        ruleset: The loaded rules, to reuse across sets (loaded from ``rules_dir`` when None).
        pipeline: The pipeline built on them, likewise (built from ``rules_dir`` when None).
        half: ``odd`` or ``even``: only the passages whose id ends in an odd (even) number, for sets split into a
            development half and a half kept blind.

    Returns:
        Per-label and micro-averaged scores, macro-F1 over labels with gold, exact-set accuracy and the errors.

    Raises:
        GoldError: When the file is malformed or uses a label the rules do not declare.
    """
    try:
        data = PassageSet.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    except (ValidationError, yaml.YAMLError, OSError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    if half != "all":
        kept = _in_half((p.id for p in data.passages), half, path)
        data = data.model_copy(update={"passages": [p for p in data.passages if p.id in kept]})
    ruleset = ruleset or load_ruleset(rules_dir)
    unknown = sorted({lab for p in data.passages for lab in p.labels} - set(ruleset.labels))
    if unknown:
        raise GoldError(f"{path}: labels not in labels.yaml: {', '.join(unknown)}")
    scored = data.scored or sorted({lab.split(".")[0] + "." for p in data.passages for lab in p.labels})
    pipeline = pipeline or build_pipeline(rules_dir)
    counts = {lab: [0, 0, 0] for lab in ruleset.labels if lab.startswith(tuple(scored))}
    errors: list[EvalError] = []
    exact = 0
    for p in data.passages:
        doc = run_pipeline(pipeline, p.text)
        predicted = {f.label for f in findings_from_doc(doc, ruleset) if f.label.startswith(tuple(scored))}
        gold = set(p.labels)
        exact += predicted == gold
        for label in predicted | gold:
            c = counts.setdefault(label, [0, 0, 0])
            if label in predicted and label in gold:
                c[0] += 1
            else:
                kind = "fp" if label in predicted else "fn"
                c[1 if kind == "fp" else 2] += 1
                errors.append(EvalError(kind=kind, label=label, document=p.id, sentence=p.text))
    labels, micro, macro = _label_scores({k: v for k, v in sorted(counts.items()) if any(v)})
    errors.sort(key=lambda e: (e.label, e.kind, e.document))
    return PassageResult(
        file=str(path),
        passages=len(data.passages),
        scored=scored,
        labels=labels,
        micro=micro,
        macro_f1=macro,
        exact=exact / len(data.passages) if data.passages else 0.0,
        errors=errors,
        half=half,
    )


class CriterionEval(BaseModel):
    """Sentence-level scores of one AIMS criterion."""

    criterion: str = Field(description="Framework criterion id.")
    column: str = Field(description="AIMS column.")
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class AimsResult(BaseModel):
    """Sentence-level evaluation against an AIMS-layout CSV."""

    file: str
    statements: int
    sentences: int
    framework: str
    criteria: list[CriterionEval]
    macro_f1: float = Field(description="Mean F1 over all criteria (F1 = 1 where nothing is to be found or predicted).")
    macro_f1_with_positives: float = Field(description="Mean F1 over the criteria with gold positives.")
    half: Half = Field(default="all", description="Which statements, by the parity of the number that ends their id.")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_aims(
    csv_path: str | Path,
    rules_dir: str | Path | None = None,
    framework_id: str = "au_s16",
    jurisdiction: str | None = None,
    errors: str | Path | None = None,
    half: Half = "all",
) -> AimsResult:
    """Evaluate the rules sentence by sentence against a CSV in the AIMS column layout.

    Each statement is rebuilt from its sentences in order (one per line), run through the normal pipeline, and a
    sentence is predicted positive for a criterion when a finding that satisfies the criterion (its
    ``satisfied_by`` filters in the framework, or its ``aims_relevant`` filters: findings that answer the question
    without meeting the criterion) overlaps the sentence. Criteria restricted to other jurisdictions predict
    nothing for the statement.

    Args:
        csv_path: CSV with ``statement_id, sentence_orig_idxs, sentence`` and one 0/1 column per criterion.
        rules_dir: Rules directory.
        framework_id: Framework whose criteria carry ``aims`` column names.
        jurisdiction: Jurisdiction of every statement; inferred from each statement's text when None.
        errors: Where to write a CSV of every disagreement (one row per sentence and criterion: ``fp`` or ``fn``,
            the rules behind the prediction, the findings the sentence holds, its section), to read errors by.
        half: ``odd`` or ``even``: only the statements whose id ends in an odd (even) number (``SID_401`` is odd),
            so that one half can be used to write rules and the other kept to measure them on unseen statements.

    Returns:
        Per-criterion precision, recall and F1, and macro-F1.
    """
    import csv
    from collections import OrderedDict

    from nlp.ingest.metadata import infer_jurisdiction
    from nlp.scoring.engine import FindingIndex, matches

    ruleset = load_ruleset(rules_dir)
    pipeline = build_pipeline(rules_dir)
    framework = next((f for f in ruleset.frameworks if f.id == framework_id), None)
    if framework is None:
        raise GoldError(f"no framework {framework_id!r} in {ruleset.root / 'frameworks'}")
    criteria = [c for c in framework.criteria if c.aims]
    with Path(csv_path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        columns = reader.fieldnames or []
    missing = [c.aims for c in criteria if c.aims not in columns]
    if missing or "sentence" not in columns:
        raise GoldError(f"{csv_path}: columns {missing or ['sentence']} not found (AIMS layout expected)")
    statements: OrderedDict[str, list[dict[str, str]]] = OrderedDict()
    for row in rows:
        statements.setdefault(row["statement_id"], []).append(row)
    kept = _in_half(statements, half, csv_path)
    statements = OrderedDict((sid, sid_rows) for sid, sid_rows in statements.items() if sid in kept)
    counts = {c.id: [0, 0, 0] for c in criteria}
    disagreements: list[dict[str, str | int]] = []
    for sid, sid_rows in statements.items():
        sid_rows.sort(
            key=lambda r: int(r.get("sentence_orig_idxs") or 0) if (r.get("sentence_orig_idxs") or "0").isdigit() else 0
        )
        spans: list[tuple[int, int]] = []
        parts: list[str] = []
        pos = 0
        for r in sid_rows:
            sentence = " ".join(r["sentence"].split())
            spans.append((pos, pos + len(sentence)))
            parts.append(sentence)
            pos += len(sentence) + 1
        text = "\n".join(parts)
        juris = jurisdiction or (found[0] if (found := infer_jurisdiction(text, ruleset.metadata)) else None)
        doc = run_pipeline(pipeline, text)
        findings = findings_from_doc(doc, ruleset)
        index = FindingIndex(findings)
        sections = [(s.start_char, s._.msa_section or "") for s in doc.sents] if errors is not None else []
        for crit in criteria:
            applies = not crit.jurisdictions or juris in crit.jurisdictions
            filters = [*crit.satisfied_by, *crit.aims_relevant]
            hits = [f for f in findings if applies and any(matches(f, flt, index) for flt in filters)]
            for k, ((start, end), r) in enumerate(zip(spans, sid_rows, strict=True)):
                pred = any(f.start < end and start < f.end for f in hits)
                gold = (r.get(crit.aims or "") or "0").strip() == "1"
                if errors is not None and pred != gold:
                    inside = [f for f in findings if f.start < end and start < f.end]
                    disagreements.append(
                        {
                            "statement_id": sid,
                            "sentence_index": k,
                            "criterion": crit.aims or crit.id,
                            "error": "fp" if pred else "fn",
                            "rules": " ".join(sorted({f.rule_id for f in hits if f.start < end and start < f.end})),
                            "findings": " ".join(sorted({f"{f.label}:{f.rule_id}" for f in inside})),
                            "section": next((sec for at, sec in reversed(sections) if at <= start), ""),
                            "sentence": parts[k],
                        }
                    )
                c = counts[crit.id]
                if pred and gold:
                    c[0] += 1
                elif pred:
                    c[1] += 1
                elif gold:
                    c[2] += 1
    if errors is not None:
        with Path(errors).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(
                fh,
                fieldnames=[
                    "statement_id",
                    "sentence_index",
                    "criterion",
                    "error",
                    "rules",
                    "findings",
                    "section",
                    "sentence",
                ],
            )
            writer.writeheader()
            writer.writerows(disagreements)
    evals = []
    for crit in criteria:
        tp, fp, fn = counts[crit.id]
        p, r, f1 = _prf(tp, fp, fn)
        evals.append(
            CriterionEval(
                criterion=crit.id,
                column=crit.aims or "",
                tp=tp,
                fp=fp,
                fn=fn,
                precision=round(p, 4),
                recall=round(r, 4),
                f1=round(f1, 4),
            )
        )
    with_pos = [e.f1 for e in evals if e.tp + e.fn]
    return AimsResult(
        file=str(csv_path),
        statements=len(statements),
        sentences=sum(len(sid_rows) for sid_rows in statements.values()),
        framework=framework_id,
        criteria=evals,
        macro_f1=round(sum(e.f1 for e in evals) / len(evals), 4) if evals else 0.0,
        macro_f1_with_positives=round(sum(with_pos) / len(with_pos), 4) if with_pos else 0.0,
        half=half,
    )
