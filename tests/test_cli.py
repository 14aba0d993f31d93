"""The command line: analyse writes the contract files, exit codes tell a script what happened."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from nlp.cli import app
from nlp.models import StatementReport
from tests.conftest import MIN_RULES

runner = CliRunner()


def test_analyse_writes_contract_files_in_input_order(tmp_path, bad_files):
    (tmp_path / "a.txt").write_text("We do not source cotton from Xinjiang. We audit supplier factories.")
    (tmp_path / "b.txt").write_text("Nothing relevant here at all.")
    (tmp_path / "a_copy.txt").write_text("We do not source cotton from Xinjiang. We audit supplier factories.")
    inputs = [
        str(tmp_path / "b.txt"),
        str(bad_files / "encrypted.pdf"),
        str(tmp_path / "a.txt"),
        str(tmp_path / "a_copy.txt"),
        str(tmp_path / "missing.pdf"),
    ]
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyse", *inputs, "--out", str(out), "--rules", str(MIN_RULES), "--quiet"])
    assert result.exit_code == 1, result.output  # some documents failed
    lines = (out / "statements.jsonl").read_text().splitlines()
    reports = [StatementReport.model_validate(json.loads(line)) for line in lines]
    assert [r.source for r in reports] == inputs
    assert [r.status for r in reports] == ["ok", "error", "ok", "ok", "error"]
    assert reports[1].error.code == "encrypted" and reports[4].error.code == "not_found"
    assert reports[3].duplicate_of == inputs[2]
    assert reports[3].findings == reports[2].findings
    text = (tmp_path / "a.txt").read_text()
    assert {f.label for f in reports[2].findings} >= {
        "xinjiang.mention",
        "xinjiang.sourcing_denial",
        "dd.audit",
    }
    for f in reports[2].findings:
        assert text[f.start : f.end] == f.text
    with (out / "findings.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(reports[2].findings) + len(reports[3].findings)
    with (out / "scores.csv").open() as fh:
        scores = list(csv.DictReader(fh))
    assert [s["source"] for s in scores] == inputs
    assert "documents" in result.output and "encrypted: 1" in result.output


def test_analyse_all_ok_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text("We audit supplier factories.")
    result = runner.invoke(
        app, ["analyse", str(tmp_path), "--out", str(tmp_path / "o"), "--rules", str(MIN_RULES), "--quiet"]
    )
    assert result.exit_code == 0, result.output


def test_analyse_nothing_to_do_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["analyse", "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_bad_manifest_is_a_usage_error(tmp_path):
    (tmp_path / "m.csv").write_text("file,company\nx.txt,X\n")
    result = runner.invoke(app, ["analyse", "--manifest", str(tmp_path / "m.csv"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "path" in result.output


def test_schema_is_json_schema_of_report():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "StatementReport"
    for field in ("id", "source", "status", "error", "findings", "scores", "flags", "rules_fingerprint"):
        assert field in schema["properties"]


def test_explain_highlights(tmp_path):
    (tmp_path / "a.txt").write_text("We will audit tier 2 suppliers.")
    result = runner.invoke(app, ["explain", str(tmp_path / "a.txt"), "--rules", str(MIN_RULES)])
    assert result.exit_code == 0, result.output
    assert "dd.audit" in result.output and "future: 'will'" in result.output and "scope: tier2" in result.output


def test_rules_check_ok_and_broken(tmp_path):
    assert runner.invoke(app, ["rules", "check", "--rules", str(MIN_RULES)]).exit_code == 0
    import shutil

    broken = tmp_path / "rules"
    shutil.copytree(MIN_RULES, broken)
    path = broken / "targets" / "min.yaml"
    path.write_text(
        path.read_text().replace(
            'match: ["Cotton from [[Xinjiang]] is banned."]', 'match: ["Cotton from [[Egypt]] is banned."]'
        )
    )
    result = runner.invoke(app, ["rules", "check", "--rules", str(broken)])
    assert result.exit_code == 1
    assert "T.MENTION.REGION" in result.output and "did not fire" in result.output


def test_non_english_statement_is_flagged_not_scored(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "Cette déclaration est publiée conformément à la loi. Nous avons évalué les risques de travail forcé "
        "dans nos chaînes d'approvisionnement et nous avons formé nos employés. Les fournisseurs doivent "
        "respecter notre code de conduite, qui interdit le travail des enfants et le travail forcé. "
        "Nous ne nous approvisionnons pas en coton du Xinjiang. " * 3
    )
    out = tmp_path / "o"
    result = runner.invoke(
        app, ["analyse", str(tmp_path / "fr.txt"), "--out", str(out), "--rules", str(MIN_RULES), "--quiet"]
    )
    assert result.exit_code == 0
    report = StatementReport.model_validate_json((out / "statements.jsonl").read_text())
    assert report.language == "fr"
    assert [f.id for f in report.flags] == ["language.non_english"]
    assert report.findings == [] and report.scores == {}


def test_evaluate_passages_prints_scores_and_errors(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(
        "passages:\n"
        "  - {id: P1, text: 'We do not source from Xinjiang.', labels: [xinjiang.mention, xinjiang.sourcing_denial]}\n"
        "  - {id: P2, text: 'Our canteen serves local food.', labels: [xinjiang.uflpa]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["evaluate", "passages", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())  # the console wraps long lines
    assert "2 passages, scored xinjiang." in flat
    assert "fn xinjiang.uflpa P2" in flat
    as_json = runner.invoke(app, ["evaluate", "passages", str(path), "--json"])
    (data,) = json.loads(as_json.output)
    assert data["labels"]["xinjiang.sourcing_denial"]["tp"] == 1 and data["exact"] == 0.5
    (tmp_path / "second.yaml").write_text(
        "passages:\n  - {id: Q1, text: 'We buy tea in Kenya.', labels: []}\n", encoding="utf-8"
    )
    both = runner.invoke(app, ["evaluate", "passages", str(tmp_path), "--json"])
    assert [d["passages"] for d in json.loads(both.output)] == [1, 2]  # a folder: every *.yaml, second before set
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = runner.invoke(app, ["evaluate", "passages", str(empty)])
    assert nothing.exit_code != 0 and "no challenge set" in " ".join(nothing.output.split())
    broken = tmp_path / "broken.yaml"
    broken.write_text("passages: [{id: X}]\n", encoding="utf-8")
    failed = runner.invoke(app, ["evaluate", "passages", str(broken)])
    assert failed.exit_code != 0 and "broken.yaml" in " ".join(failed.output.split())


def test_evaluate_aims_half_keeps_the_statements_of_one_parity(tmp_path):
    path = tmp_path / "aims.csv"
    path.write_text(
        "statement_id,sentence_orig_idxs,sentence,C1 (reporting entity)\n"
        "S1,0,Signed by Jane Doe,1\nS2,0,We make parts.,0\nS2,1,The board approved it.,1\nS3,0,We sell tea.,0\n",
        encoding="utf-8",
    )
    common = ["evaluate", "aims", str(path), "--rules", str(MIN_RULES), "--framework", "mini", "--jurisdiction", "AU"]
    odd = runner.invoke(app, [*common, "--half", "odd"])
    assert odd.exit_code == 0, odd.output
    assert "2 statements (ids ending in an odd number), 2 sentences" in " ".join(odd.output.split())
    data = json.loads(runner.invoke(app, [*common, "--half", "even", "--json"]).output)
    assert (data["statements"], data["sentences"], data["half"]) == (1, 2, "even")
    wrong = runner.invoke(app, [*common, "--half", "first"])
    assert wrong.exit_code != 0 and "--half must be all, odd or even" in " ".join(wrong.output.split())
