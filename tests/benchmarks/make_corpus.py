"""Generate the batch-benchmark corpus: realistic, fictional modern-slavery statement PDFs (5-40 pages each).

Statements come from ``statement_text.py`` (templates and vocabularies, deterministic for a seed) and are rendered
with reportlab: one- or two-column pages, running headers and footers with page numbers in several styles, cover
and contents pages for some, headings (numbered or upper case for some), bullet lists, tables (supplier countries,
KPIs, audit findings, training, entity lists), pull quotes, and soft hyphens at line ends for half of them.

The corpus is written to ``.bench/corpus/`` (outside git) with a stamp, ``.corpus.json`` (hidden, so ``msa
analyse`` skips it), that records the generator version, a hash of the generator sources, the seed and per-file
statistics. A later run with the same version, sources, seed and document count reuses the corpus as it is.

Usage::

    python tests/benchmarks/make_corpus.py                    # 200 documents, seed 20240917, .bench/corpus
    python tests/benchmarks/make_corpus.py --docs 400 --seed 7 --out /tmp/corpus --force
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import json
import math
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "corpus")]

import pypdfium2 as pdfium  # noqa: E402
import statement_text as st  # noqa: E402
from build_pdfs import Styles, hyphenate, make_table  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

#: Bump when the output changes in a way the source hash would not show (e.g. a dependency's behaviour).
GENERATOR_VERSION = 1
DEFAULT_SEED = 20240917
DEFAULT_DOCS = 200
DEFAULT_OUT = ROOT / ".bench" / "corpus"
STAMP_NAME = ".corpus.json"
MIN_PAGES, MAX_PAGES = 5, 40

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_Y = 18 * mm
BAND = 12 * mm
GUTTER = 9 * mm
_FILE_RE = re.compile(r"^\d{4}_[a-z0-9_]+\.pdf$")

#: Body words that fill one page, by layout and body font size (calibrated on this generator's output).
_WORDS_PER_PAGE = {
    ("one-column", 10.0): 460,
    ("one-column", 10.5): 440,
    ("one-column", 11.0): 400,
    ("two-column", 10.0): 490,
    ("two-column", 10.5): 450,
}


def words_per_page(layout: str, body_size: float, section_breaks: bool) -> float:
    """Estimate the body words that fill a page (a section starting on a new page leaves the last one part-empty)."""
    return _WORDS_PER_PAGE[(layout, body_size)] * (0.7 if section_breaks else 1.0)


def target_pages(rng: random.Random) -> int:
    """Draw a page count, log-uniform between ``MIN_PAGES`` and ``MAX_PAGES`` (mean about 17)."""
    return round(math.exp(rng.uniform(math.log(MIN_PAGES), math.log(MAX_PAGES))))


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------
def _bold(font: str) -> str:
    return "Times-Bold" if font.startswith("Times") else "Helvetica-Bold"


def make_styles(s: st.Statement) -> Styles:
    """Paragraph styles of one statement (font, size, leading and hyphenation vary per document)."""
    size, bold = s.body_size, _bold(s.font)
    hyph: dict[str, object] = {"hyphenationLang": hyphenate} if s.hyphenation else {}
    body = ParagraphStyle(
        "Body",
        fontName=s.font,
        fontSize=size,
        leading=s.leading,
        alignment=TA_JUSTIFY if s.hyphenation or s.layout == "two-column" else TA_LEFT,
        spaceAfter=size * 0.7,
        **hyph,
    )
    return Styles(
        title=ParagraphStyle("Title", fontName=bold, fontSize=size + 8, leading=(size + 8) * 1.2,
                             spaceAfter=size * 1.2, keepWithNext=1),
        heading=ParagraphStyle("Heading", fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.25,
                               spaceBefore=size * 1.0, spaceAfter=size * 0.5, keepWithNext=1,
                               textColor=colors.HexColor("#1F3A5F")),
        subheading=ParagraphStyle("Subheading", fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.25,
                                  spaceBefore=size * 0.6, spaceAfter=size * 0.3, keepWithNext=1),
        body=body,
        bullet=ParagraphStyle("Bullet", parent=body, spaceAfter=size * 0.3),
        cell=ParagraphStyle("Cell", fontName=s.font, fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        header_cell=ParagraphStyle("HeaderCell", fontName=bold, fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
    )  # fmt: skip


def _frames(layout: str) -> list[Frame]:
    bottom = MARGIN_Y + BAND
    height = PAGE_HEIGHT - 2 * MARGIN_Y - 2 * BAND
    width = PAGE_WIDTH - 2 * MARGIN_X
    if layout == "one-column":
        return [Frame(MARGIN_X, bottom, width, height, id="body")]
    column = (width - GUTTER) / 2
    return [
        Frame(MARGIN_X, bottom, column, height, id="left"),
        Frame(MARGIN_X + column + GUTTER, bottom, column, height, id="right"),
    ]


def _decorator(s: st.Statement) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Return the ``onPage`` callback that draws the running header, footer and page number."""
    year = str(s.year)

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        number = doc.page - s.page_number_offset
        left, right, top, base = MARGIN_X, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_Y, MARGIN_Y
        canvas.saveState()
        canvas.setFont(s.font, 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.4)
        if s.header and s.header_style != "none":
            if s.header_style == "centre":
                canvas.drawCentredString(PAGE_WIDTH / 2, top, s.header)
            else:
                canvas.drawString(left, top, s.header)
                if s.header_style == "split" and s.footer_style != "header-number":
                    canvas.drawRightString(right, top, year)
            canvas.line(left, top - 4, right, top - 4)
        style, footer = s.footer_style, s.footer
        if style == "header-number":
            canvas.drawRightString(right, top, str(number))
            if footer:
                canvas.drawCentredString(PAGE_WIDTH / 2, base, footer)
        elif style == "page-right":
            if footer:
                canvas.drawString(left, base, footer)
            canvas.drawRightString(right, base, f"Page {number}")
        elif style == "centre":
            canvas.drawCentredString(PAGE_WIDTH / 2, base, str(number))
        elif style == "text-left-number-right":
            canvas.line(left, base + 11, right, base + 11)
            if footer:
                canvas.drawString(left, base, footer)
            canvas.drawRightString(right, base, str(number))
        elif style == "joined":
            canvas.drawCentredString(PAGE_WIDTH / 2, base, f"{footer} | {number}" if footer else str(number))
        else:  # outer: the number on the outside edge, alternating
            if number % 2:
                canvas.drawRightString(right, base, str(number))
                if footer:
                    canvas.drawString(left, base, footer)
            else:
                canvas.drawString(left, base, str(number))
                if footer:
                    canvas.drawRightString(right, base, footer)
        canvas.restoreState()

    return draw


def _cover_decorator(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#1F3A5F"))
    canvas.rect(0, PAGE_HEIGHT * 0.62, PAGE_WIDTH, PAGE_HEIGHT * 0.38, stroke=0, fill=1)
    canvas.restoreState()


def _heading_text(s: st.Statement, text: str, level: int, number: int) -> str:
    if level == 1 and s.numbered_headings and not text.startswith(("Appendix", "Case study")):
        text = f"{number}. {text}"
    if level == 1 and s.upper_headings:
        text = text.upper()
    return text


def build_story(s: st.Statement, styles: Styles, frame_width: float) -> list[Flowable]:
    """Turn a statement's blocks (and cover and contents pages) into reportlab flowables."""
    story: list[Flowable] = []
    if s.cover:
        big = ParagraphStyle("Cover", parent=styles.title, fontSize=26, leading=31, textColor=colors.white)
        sub = ParagraphStyle("CoverSub", parent=styles.body, fontSize=14, leading=18, textColor=colors.white)
        story += [Spacer(1, 40 * mm), Paragraph(escape(s.cover[0]), big), Spacer(1, 6 * mm)]
        story += [Paragraph(escape(line), sub) for line in s.cover[1:]]
        story += [NextPageTemplate("body"), PageBreak()]
    if s.toc:
        story.append(Paragraph("Contents", styles.title))
        toc_style = ParagraphStyle("Toc", parent=styles.body, alignment=TA_LEFT, spaceAfter=0)
        rows = [[Paragraph(escape(_heading_text(s, t, 1, i)), toc_style), Paragraph(str(p), toc_style)]
                for i, (t, p) in enumerate(s.toc, start=1)]  # fmt: skip
        table = Table(rows, colWidths=[frame_width - 30, 30], hAlign="LEFT")
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
        story += [table, PageBreak()]
    callout = ParagraphStyle(
        "Callout", parent=styles.body, fontName=_bold(s.font), fontSize=s.body_size + 2,
        leading=(s.body_size + 2) * 1.3, textColor=colors.HexColor("#1F3A5F"), alignment=TA_LEFT,
        backColor=colors.HexColor("#EEF2F7"), borderPadding=6, spaceBefore=8, spaceAfter=12,
    )  # fmt: skip
    number = 0
    for block in s.blocks:
        if isinstance(block, st.Heading):
            if block.level == 0:
                story.append(Paragraph(escape(block.text), styles.title))
                continue
            number += block.level == 1
            style = styles.heading if block.level == 1 else styles.subheading
            story.append(Paragraph(escape(_heading_text(s, block.text, block.level, number)), style))
        elif isinstance(block, st.Para):
            story.append(Paragraph(escape(block.text), styles.body))
        elif isinstance(block, st.Callout):
            story.append(Paragraph(escape(block.text), callout))
        elif isinstance(block, st.Bullets):
            items = [ListItem(Paragraph(escape(item), styles.bullet), leftIndent=12) for item in block.items]
            story.append(ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=12,
                                      bulletFontName=s.font, bulletFontSize=s.body_size))  # fmt: skip
            story.append(Spacer(1, styles.body.spaceAfter))
        elif isinstance(block, st.Table):
            table = make_table(block.rows, frame_width, styles)
            story.append(KeepTogether([table]) if len(block.rows) <= 12 else table)
            story.append(Spacer(1, s.body_size))
        elif isinstance(block, st.SectionBreak):
            story.append(PageBreak())
    return story


def render(s: st.Statement) -> bytes:
    """Render a statement to PDF bytes (deterministic: reportlab's invariant mode)."""
    frames = _frames(s.layout)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=s.title,
        author=s.company,
        creator="tests/benchmarks/make_corpus.py",
        invariant=1,
    )
    body = PageTemplate(id="body", frames=frames, onPage=_decorator(s))
    if s.cover:
        cover_frame = Frame(MARGIN_X, MARGIN_Y, PAGE_WIDTH - 2 * MARGIN_X, PAGE_HEIGHT - 2 * MARGIN_Y, id="cover")
        doc.addPageTemplates([PageTemplate(id="cover", frames=[cover_frame], onPage=_cover_decorator), body])
    else:
        doc.addPageTemplates([body])
    doc.build(build_story(s, make_styles(s), frames[0].width))
    return buffer.getvalue()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40]


def page_word_counts(data: bytes) -> list[int]:
    """Return the number of words pdfium extracts from each page of a PDF."""
    pdf = pdfium.PdfDocument(data)
    try:
        counts = []
        for page in pdf:
            textpage = page.get_textpage()
            counts.append(len(textpage.get_text_range().split()))
            textpage.close()
            page.close()
        return counts
    finally:
        pdf.close()


def build_statement(index: int, seed: int) -> tuple[st.Statement, bytes, list[int], int, int]:
    """Generate and render document ``index``; return (statement, PDF bytes, words per page, target, attempts).

    The page count is drawn first; if the rendered statement misses it by more than a quarter (or leaves the
    5-40 range), the same statement is regenerated with its word budget scaled by the miss, up to three times.
    """
    scale, attempts = 1.0, 0
    while True:
        rng = random.Random(f"{seed}:{index}")
        pages_wanted = target_pages(rng)
        statement = st.generate(rng, "", pages_wanted, words_per_page, budget_scale=scale)
        data = render(statement)
        page_words = page_word_counts(data)
        pages, attempts = len(page_words), attempts + 1
        low, high = max(MIN_PAGES, 0.8 * pages_wanted), min(MAX_PAGES, 1.25 * pages_wanted)
        if low <= pages <= high or attempts == 4:
            break
        scale *= (pages_wanted - 0.5) / (pages - 0.5)
    return statement, data, page_words, pages_wanted, attempts


def make_one(args: tuple[int, int, str]) -> dict[str, object]:
    """Generate, render and write document ``index``; return its statistics (run in a worker process)."""
    index, seed, out = args
    statement, data, page_words, pages_wanted, attempts = build_statement(index, seed)
    name = f"{index:04d}_{_slug(statement.short)}_{statement.year}.pdf"
    (Path(out) / name).write_bytes(data)
    return {
        "file": name,
        "bytes": len(data),
        "pages": len(page_words),
        "target_pages": pages_wanted,
        "words": sum(page_words),
        "page_words": page_words,
        "layout": statement.layout,
        "body_size": statement.body_size,
        "cover": statement.cover is not None,
        "toc": statement.toc is not None,
        "section_breaks": statement.section_breaks,
        "hyphenation": statement.hyphenation,
        "header": statement.header if statement.header_style != "none" else None,
        "header_style": statement.header_style,
        "footer": statement.footer,
        "footer_style": statement.footer_style,
        "page_number_offset": statement.page_number_offset,
        "attempts": attempts,
        "xinjiang": statement.xinjiang,
        "sector": statement.sector,
        "jurisdiction": statement.jurisdiction,
        "company": statement.company,
        "year": statement.year,
    }


# --------------------------------------------------------------------------------------------
# Stamp, statistics, command line
# --------------------------------------------------------------------------------------------
def source_hash() -> str:
    """Return a hash of the sources that determine the output (generator, renderer, build_pdfs helpers).

    The hash is taken over each file's syntax tree, not its bytes, so reformatting or re-commenting the sources
    keeps the cached corpus; any change to what the code does regenerates it.
    """
    digest = hashlib.sha256()
    for path in (HERE / "statement_text.py", HERE / "make_corpus.py", ROOT / "corpus" / "build_pdfs.py"):
        digest.update(ast.dump(ast.parse(path.read_text(encoding="utf-8"))).encode())
    return digest.hexdigest()[:16]


def read_stamp(out: Path) -> dict | None:
    """Return the corpus stamp in ``out``, or None if absent or unreadable."""
    try:
        return json.loads((out / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def corpus_is_current(out: Path, seed: int, docs: int) -> dict | None:
    """Return the stamp if ``out`` holds exactly this generator's corpus for ``seed`` and ``docs``, else None."""
    stamp = read_stamp(out)
    if not stamp:
        return None
    wanted = {"generator_version": GENERATOR_VERSION, "source_hash": source_hash(), "seed": seed, "docs": docs}
    if any(stamp.get(k) != v for k, v in wanted.items()):
        return None
    for entry in stamp.get("files", []):
        path = out / entry["file"]
        if not path.is_file() or path.stat().st_size != entry["bytes"]:
            return None
    return stamp


def summarise(files: list[dict]) -> dict[str, object]:
    """Corpus statistics: documents, pages, words per page, layout and content mix."""
    pages = [f["pages"] for f in files]
    words = [f["words"] for f in files]
    # A "full" text page: not a document's first or last page (title, cover, sign-off) and not a contents page.
    full = [w for f in files for w in f["page_words"][1 + f["toc"] : -1]]
    n = len(files)
    return {
        "docs": n,
        "pages": sum(pages),
        "pages_mean": round(statistics.mean(pages), 1),
        "pages_median": statistics.median(pages),
        "pages_min": min(pages),
        "pages_max": max(pages),
        "words": sum(words),
        "words_per_page": round(sum(words) / sum(pages), 1),
        "words_per_full_page_median": statistics.median(full) if full else None,
        "words_per_full_page_p10_p90": [round(q) for q in statistics.quantiles(full, n=10)[::8]] if full else None,
        "share_two_column": round(sum(f["layout"] == "two-column" for f in files) / n, 3),
        "share_cover": round(sum(f["cover"] for f in files) / n, 3),
        "share_xinjiang": round(sum(f["xinjiang"] for f in files) / n, 3),
        "jurisdictions": dict(Counter(f["jurisdiction"] for f in files).most_common()),
        "sectors": dict(Counter(f["sector"] for f in files).most_common()),
        "bytes": sum(f["bytes"] for f in files),
    }


def print_summary(summary: dict[str, object]) -> None:
    """Print corpus statistics in a few lines."""
    s = summary
    print(
        f"corpus: {s['docs']} documents, {s['pages']} pages (mean {s['pages_mean']}, median {s['pages_median']}, "
        f"{s['pages_min']}-{s['pages_max']}), {s['words']:,} words, {s['bytes'] / 1e6:.1f} MB"
    )
    print(
        f"  words/page {s['words_per_page']} overall, median {s['words_per_full_page_median']} on full text pages "
        f"(p10-p90 {s['words_per_full_page_p10_p90']}); two-column {s['share_two_column']:.0%}, "
        f"cover {s['share_cover']:.0%}, Xinjiang paragraphs {s['share_xinjiang']:.0%}"
    )
    print(f"  jurisdictions {s['jurisdictions']}")
    print(f"  sectors {s['sectors']}")


def generate_corpus(out: Path, docs: int, seed: int, jobs: int, force: bool = False) -> dict:
    """Generate the corpus into ``out`` unless it is already current; return the stamp."""
    if not force and (stamp := corpus_is_current(out, seed, docs)):
        print(f"corpus in {out} is current (generator v{GENERATOR_VERSION}, seed {seed}, {docs} docs): reused")
        print_summary(stamp["summary"])
        return stamp
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():  # only files this script writes
        if old.name == STAMP_NAME or _FILE_RE.match(old.name):
            old.unlink()
    print(f"generating {docs} statements into {out} (seed {seed}, {jobs} processes)...", flush=True)
    started = time.perf_counter()
    files: list[dict] = []
    tasks = [(i, seed, str(out)) for i in range(docs)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for entry in pool.map(make_one, tasks, chunksize=1):
            files.append(entry)
            if len(files) % 20 == 0 or len(files) == docs:
                done_pages = sum(f["pages"] for f in files)
                elapsed = time.perf_counter() - started
                print(f"  [{len(files):4d}/{docs}] {done_pages:6d} pages  {elapsed:6.1f}s", flush=True)
    seconds = time.perf_counter() - started
    summary = summarise(files)
    stamp = {
        "generator_version": GENERATOR_VERSION,
        "source_hash": source_hash(),
        "seed": seed,
        "docs": docs,
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(seconds, 1),
        "summary": summary,
        "files": files,
    }
    (out / STAMP_NAME).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    print(f"generated in {seconds:.1f}s")
    print_summary(summary)
    return stamp


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"corpus directory (default {DEFAULT_OUT})")
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help="number of statements (default 200)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all CPUs)")
    parser.add_argument("--force", action="store_true", help="regenerate even if the corpus is current")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    generate_corpus(args.out, args.docs, args.seed, max(1, args.jobs), args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
