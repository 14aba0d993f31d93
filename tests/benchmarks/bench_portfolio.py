"""Benchmark the scorecards at portfolio scale: 5,000 synthetic statements in headless Chromium.

It synthesises ``--n`` valid ``StatementReport`` records (companies over several years, so year-over-year pages
exist; five frameworks with their real criteria; findings, flags, a Xinjiang block; a few error and non-English
records), writes them as ``statements.jsonl``, runs :func:`nlp.scorecards.build_scorecards` (every statement page,
the portfolio page and the workbook) and then measures the portfolio page in Chromium (``/usr/bin/chromium`` via
Playwright; nothing downloaded):

- the size of ``index.html`` (and gzip size, as a web server would send it);
- time to table rendered: the ``table-rendered`` performance mark the page sets after its first render, from
  navigation start (HTML parse, JSON parse, sort, first page of rows), and the load event;
- a sort (click on a column header) and a filter (typing into the filter box): from the event to the next frame
  painted, median of ``--repeats``;
- rows per page "all": time to the first rows painted, and until every row is added (a chunk per task).

Usage::

    python tests/benchmarks/bench_portfolio.py                 # 5,000 statements
    python tests/benchmarks/bench_portfolio.py --n 500 --json  # smaller, machine-readable
    python tests/benchmarks/bench_portfolio.py --out /tmp/p --keep

Exit status 0 on success, 1 when Chromium is missing or the page fails (console error, table not rendered).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlp import __version__  # noqa: E402
from nlp.models import (  # noqa: E402
    Assertion,
    CriterionScore,
    Cue,
    DocumentError,
    Finding,
    Flag,
    FrameworkScore,
    ScopeCue,
    Specificity,
    SpecificityFeature,
    StatementReport,
    XinjiangBlock,
    XinjiangStep,
)
from nlp.ruleset import load_ruleset  # noqa: E402
from nlp.scorecards import build_scorecards  # noqa: E402
from nlp.scorecards.screenshot import CHROMIUM_ARGS, chromium_path  # noqa: E402

FIRST = [
    "Harbour",
    "Wattle",
    "Redgum",
    "Calder",
    "Northlight",
    "Brightfield",
    "Corvane",
    "Pellucid",
    "Millbrook",
    "Tamarack",
    "Marlowe",
    "Coastway",
]
SECOND = [
    "Apparel",
    "Foods",
    "Solar",
    "Logistics",
    "Mining",
    "Retail",
    "Systems",
    "Fibres",
    "Textiles",
    "Motors",
    "Pharma",
    "Steel",
    "Timber",
    "Energy",
]
SUFFIX = ["Limited", "plc", "Pty Ltd", "Inc.", "Group", "Holdings Ltd", "Corporation"]
SECTORS = ["apparel", "food", "solar", "logistics", "mining", "retail", "electronics", "textiles", "automotive",
           "public_sector", "financial_services", "construction"]  # fmt: skip
JURISDICTIONS = ["GB", "GB", "AU", "CA", "US-CA"]
SENTENCES = [
    (
        "dd.audit",
        "audited",
        "In {year} we audited {n} supplier sites in {country} through unannounced third-party visits.",
    ),
    ("dd.policy", "Supplier Code of Conduct", "Our Supplier Code of Conduct prohibits forced labour at every tier."),
    ("dd.training", "trained", "We trained {n} buyers and sourcing staff on forced-labour indicators in {year}."),
    ("xinjiang.mention", "Xinjiang", "Cotton grown in Xinjiang is a known forced-labour risk for our sector."),
    (
        "xinjiang.sourcing_denial",
        "do not source",
        "We do not source cotton from the region through any tier-1 supplier.",
    ),
    ("xinjiang.traceability", "isotope testing", "We will extend isotope testing of cotton to {n}% of our volume."),
    ("dd.grievance", "hotline", "Workers at {n} factories can reach an independent hotline run by a named provider."),
    ("dd.remediation", "repaid", "Suppliers repaid recruitment fees to {n} migrant workers in {country} this year."),
]
COUNTRIES = ["Bangladesh", "Vietnam", "China", "India", "Türkiye", "Malaysia", "Pakistan"]


def synthesise(n: int, findings_per: int, seed: int) -> list[StatementReport]:
    """``n`` valid reports: about n/3 companies over up to three years, real framework criteria, mixed statuses."""
    rng = random.Random(seed)
    ruleset = load_ruleset()
    frameworks = ruleset.frameworks
    ladder = sorted(ruleset.scoring.ladder, key=lambda s: s.level) if ruleset.scoring else []
    reports: list[StatementReport] = []
    company_n = 0
    while len(reports) < n:
        company_n += 1
        name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {company_n} {rng.choice(SUFFIX)}"
        sector, juris = rng.choice(SECTORS), rng.choice(JURISDICTIONS)
        for year in range(2024 - rng.randint(0, 2), 2025):
            if len(reports) >= n:
                break
            reports.append(_report(rng, len(reports), name, year, juris, sector, frameworks, ladder, findings_per))
    return reports


def _report(rng, i, company, year, juris, sector, frameworks, ladder, findings_per) -> StatementReport:
    source = f"statements/{company.lower().replace(' ', '_').replace('.', '')}_{year}.pdf"
    base = {
        "id": f"{i:064x}",
        "source": source,
        "company": company,
        "year": year,
        "jurisdiction": juris,
        "extra": {"sector": sector},
        "rules_fingerprint": "0" * 64,
        "version": __version__,
        "format": "pdf",
    }
    roll = rng.random()
    if roll < 0.02:
        return StatementReport(
            **base, status="error", error=DocumentError(code="scanned", message=f"{source}: no text layer")
        )
    if roll < 0.04:
        return StatementReport(
            **base,
            status="ok",
            pages=3,
            words=900,
            language="fr",
            flags=[Flag(id="language.non_english", severity="info", message="The statement is in 'fr'.")],
        )
    findings = []
    offset = 0
    for _ in range(findings_per):
        label, trigger, template = rng.choice(SENTENCES)
        sentence = template.format(year=year, n=rng.randint(3, 400), country=rng.choice(COUNTRIES))
        at = sentence.find(trigger)
        future = rng.random() < 0.15
        scope = rng.random() < 0.1
        findings.append(
            Finding(
                label=label,
                rule_id=label.upper().replace(".", "_"),
                text=trigger,
                sentence=sentence,
                page=1 + offset // 3000,
                start=offset + at,
                end=offset + at + len(trigger),
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                section="due_diligence",
                assertion=Assertion(
                    future=Cue(text="will", start=offset, end=offset + 4, rule_id="CTX.FUTURE") if future else None,
                    scope=ScopeCue(text="tier-1", start=offset, end=offset + 6, rule_id="CTX.SCOPE", value="tier1")
                    if scope
                    else None,
                ),
                specificity=Specificity(
                    score=round(rng.uniform(0, 60), 1),
                    features=[
                        SpecificityFeature(
                            id="SPEC.QUANTITY", kind="quantity", text="12", start=offset, end=offset + 2, weight=12
                        )
                    ],
                ),
            )
        )
        offset += len(sentence) + 1
    quality = rng.random()
    scores = {}
    for fw in frameworks:
        criteria = []
        for c in fw.criteria:
            top = c.levels[-1].points * c.weight
            applicable = not c.jurisdictions or juris in c.jurisdictions
            level = rng.choices([None, *c.levels], weights=[2 - quality, 1, 1, 1 + 2 * quality][: 1 + len(c.levels)])[0]
            criteria.append(
                CriterionScore(
                    id=c.id,
                    title=c.title,
                    applicable=applicable,
                    met=applicable and level is not None,
                    level=level.name if applicable and level else None,
                    points=level.points * c.weight if applicable and level else 0,
                    max_points=top if applicable else 0,
                    reason=level.reason if level else c.missing,
                    evidence=rng.sample(range(len(findings)), k=min(3, len(findings))) if level else [],
                )
            )
        available = sum(c.max_points for c in criteria)
        scores[fw.id] = FrameworkScore(
            framework=fw.id,
            title=fw.title,
            completeness=round(100 * sum(c.points for c in criteria) / available, 1) if available else 0.0,
            specificity=round(rng.uniform(0, 35) * quality, 1),
            criteria=criteria,
            missing=[c.title for c in criteria if c.applicable and not c.met],
        )
    level = min(5, max(0, int(rng.gauss(2.5 + 2 * quality, 1.2))))
    steps = [XinjiangStep(level=s.level, title=s.title, met=s.level <= level, evidence=[]) for s in ladder]
    flags = []
    if rng.random() < 0.3:
        flags.append(
            Flag(id="xinjiang.denial_direct_only", severity="red", message="Denial limited to direct suppliers.")
        )
    return StatementReport(
        **base,
        status="ok",
        pages=1 + offset // 3000,
        words=offset // 6,
        language="en",
        findings=findings,
        scores=scores,
        specificity=round(rng.uniform(0, 35) * quality, 1),
        xinjiang=XinjiangBlock(
            level=level,
            title=steps[level - 1].title if level else "No mention",
            reason="Synthetic.",
            mentioned=level >= 2,
            steps=steps,
        ),
        flags=flags,
    )


def _frame_js(action: str) -> str:
    # The action runs synchronously in the page's handlers; the promise resolves after the next frame is painted.
    return (
        "async () => { const t0 = performance.now(); " + action + "; "
        "await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); return performance.now() - t0; }"
    )


def measure(index: Path, repeats: int) -> dict[str, object]:
    """Open the portfolio page in Chromium and time load, sort, filter and render-all."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("Chromium not found at /usr/bin/chromium (apt-get install chromium)")
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            loads, rendered = [], []
            for k in range(repeats):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(index.resolve().as_uri(), wait_until="load")
                page.wait_for_selector("html[data-ready='1']")
                mark = page.evaluate("performance.getEntriesByName('table-rendered')[0].startTime")
                nav = page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
                rendered.append(mark)
                loads.append(nav["loadEventEnd"] or nav["duration"])
                rows = page.locator("#portfolio tbody tr").count()
                if k < repeats - 1:
                    page.close()
            sorts = []
            for key in ["completeness", "grade", "company", "xinjiang_level", "specificity"][:repeats]:
                sorts.append(
                    page.evaluate(_frame_js(f"document.querySelector('th[data-key=\"{key}\"] button').click()"))
                )
            filters = []
            for term in ["steel", "harbour", "gb 2023", "mining", "zz-no-match"][:repeats]:
                filters.append(
                    page.evaluate(
                        _frame_js(
                            "const f = document.getElementById('filter'); f.value = " + json.dumps(term) + "; "
                            "f.dispatchEvent(new Event('input'))"
                        )
                    )
                )
            page.evaluate(
                _frame_js(
                    "const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'))"
                )
            )
            render_first = page.evaluate(
                _frame_js(
                    "const s = document.getElementById('page-size'); s.value = '0'; "
                    "s.dispatchEvent(new Event('change'))"
                )
            )
            page.wait_for_selector("#portfolio[data-complete='1']")
            render_all = page.evaluate(
                "async () => { const s = document.getElementById('page-size'); s.value = '100'; "
                "s.dispatchEvent(new Event('change')); const t0 = performance.now(); s.value = '0'; "
                "s.dispatchEvent(new Event('change')); const t = document.getElementById('portfolio'); "
                "while (t.getAttribute('data-complete') !== '1') { await new Promise(r => setTimeout(r, 5)); } "
                "return performance.now() - t0; }"
            )
            all_rows = page.locator("#portfolio tbody tr").count()
            heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
        finally:
            browser.close()
    if errors:
        raise RuntimeError(f"console errors on the portfolio page: {errors[:3]}")
    return {
        "first_page_rows": rows,
        "table_rendered_ms": round(statistics.median(rendered), 1),
        "table_rendered_ms_all": [round(v, 1) for v in rendered],
        "load_event_ms": round(statistics.median(loads), 1),
        "sort_ms": round(statistics.median(sorts), 1),
        "sort_ms_all": [round(v, 1) for v in sorts],
        "filter_ms": round(statistics.median(filters), 1),
        "filter_ms_all": [round(v, 1) for v in filters],
        "render_all_first_frame_ms": round(render_first, 1),
        "render_all_rows_ms": round(render_all, 1),
        "all_rows": all_rows,
        "js_heap_mb": round(heap / 2**20, 1) if heap else None,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="statements to synthesise (default 5000)")
    parser.add_argument("--findings", type=int, default=25, help="findings per statement (default 25)")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of each browser measure (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-excel", action="store_true", help="skip the workbook (faster build)")
    args = parser.parse_args(argv)
    work = args.out or Path(tempfile.mkdtemp(prefix="msa-portfolio-"))
    results = work / "results"
    results.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    reports = synthesise(args.n, args.findings, args.seed)
    with (results / "statements.jsonl").open("w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(r.model_dump_json() + "\n")
    synth_s = time.perf_counter() - t0
    summary = build_scorecards(results, work / "scorecards", excel=not args.no_excel)
    index = Path(summary.index)
    raw = index.read_bytes()
    figures: dict[str, object] = {
        "statements": summary.statements,
        "graded": summary.ok,
        "year_over_year_pages": summary.year_over_year,
        "synthesise_s": round(synth_s, 1),
        "build_s": summary.seconds,
        "workbook_bytes": Path(summary.workbook).stat().st_size if summary.workbook else None,
        "index_bytes": len(raw),
        "index_gzip_bytes": len(gzip.compress(raw, 6)),
        "statements_jsonl_bytes": (results / "statements.jsonl").stat().st_size,
        "cpus": os.cpu_count(),
        "load_average": [round(v, 2) for v in os.getloadavg()],
    }
    try:
        figures.update(measure(index, args.repeats))
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep and args.out is None:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        f = figures
        mb, gz = f["index_bytes"] / 2**20, f["index_gzip_bytes"] / 2**20  # type: ignore[operator]
        print(f"{f['statements']} statements ({f['graded']} graded), built in {f['build_s']} s")
        print(f"index.html: {mb:.2f} MB ({gz:.2f} MB gzip)")
        print(f"table rendered: {f['table_rendered_ms']} ms from navigation start (load event {f['load_event_ms']} ms)")
        print(f"sort (header click to next frame): {f['sort_ms']} ms median, {f['sort_ms_all']}")
        print(f"filter (keystroke to next frame): {f['filter_ms']} ms median, {f['filter_ms_all']}")
        print(
            f"rows per page 'all': first rows painted after {f['render_all_first_frame_ms']} ms, all {f['all_rows']} "
            f"rows added (in chunks, page responsive) after {f['render_all_rows_ms']} ms; JS heap {f['js_heap_mb']} MB"
        )
        print(f"machine: {f['cpus']} CPUs, load average {f['load_average']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
