"""Render the PDF statement sources in ``corpus/pdf_src`` and write bad-input fixtures.

Every ``pdf_src/<stem>.txt`` becomes ``statements/<stem>.pdf``. A source follows the corpus
authoring conventions (see ``corpus/README.md``)::

    %% layout: two-column            (or one-column, the default)
    %% header: Running header text    (optional, drawn at the top of every page)
    %% footer: Running footer text    (optional, drawn at the bottom with "Page N")

    # Heading
    A paragraph, possibly over several lines, ends at a blank line.
    - a bullet item
    | table | row |

Output is deterministic: the documents are built with ``invariant=1``, so the same sources give
the same bytes on every run. Body text is justified and long lower-case words may be hyphenated
at line ends by a small rule-based hyphenator; the analyser's PDF reader has to join them again.
Words are never broken at a hyphen they already contain, so every line-end hyphen is a soft one.

``--bad DIR`` writes, instead, the malformed inputs the analyser must survive: ``empty.pdf``,
``truncated.pdf``, ``random.pdf``, ``encrypted.pdf`` (user password ``msa-user``),
``encrypted_empty_password.pdf`` (owner password only, so it opens without a password) and
``scanned.pdf`` (a page with an image and shapes but no text layer).

Usage::

    python corpus/build_pdfs.py                      # pdf_src/*.txt -> statements/*.pdf
    python corpus/build_pdfs.py --src DIR --out DIR  # other directories
    python corpus/build_pdfs.py --bad DIR            # only write the bad-input fixtures to DIR
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw  # Pillow is a dependency of reportlab
from reportlab import rl_config

# ``reportlab.lib.pdfencrypt`` reads ``rl_config.invariant`` when it is imported to decide
# whether its salts are random; set it first so encrypted fixtures are reproducible too.
rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

CORPUS_DIR = Path(__file__).resolve().parent
DEFAULT_SRC = CORPUS_DIR / "pdf_src"
DEFAULT_OUT = CORPUS_DIR / "statements"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
HEADER_BAND = 12 * mm
FOOTER_BAND = 12 * mm
GUTTER = 8 * mm
_CELL_PADDING = 2

#: The standard PDF fonts only cover this encoding; sources must stay inside it.
PDF_TEXT_ENCODING = "cp1252"
#: User password of ``encrypted.pdf``.
FIXTURE_USER_PASSWORD = "msa-user"
#: Owner password of both encrypted fixtures.
FIXTURE_OWNER_PASSWORD = "msa-owner"
#: Seed for ``random.pdf``, so the fixture bytes never change.
RANDOM_SEED = 20240611

Layout = Literal["one-column", "two-column"]


# --------------------------------------------------------------------------------------------
# Source model and parser
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    """A heading line (``# Text``; more ``#`` for lower levels)."""

    text: str
    level: int


@dataclass(frozen=True)
class Para:
    """A body paragraph: consecutive text lines up to a blank line."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """Consecutive ``- `` items forming one bullet list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    """Consecutive ``| a | b |`` rows; the first row is the header row."""

    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Bullets | TableBlock


@dataclass
class Source:
    """A parsed PDF source file."""

    stem: str
    layout: Layout = "one-column"
    header: str | None = None
    footer: str | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        """Return the first heading (used as PDF metadata title), else the file stem."""
        for block in self.blocks:
            if isinstance(block, Heading):
                return block.text
        return self.stem


class SourceError(ValueError):
    """A PDF source that breaks the authoring conventions."""


_DIRECTIVE = re.compile(r"^%%\s*(?P<key>[a-z-]+)\s*:\s*(?P<value>.*?)\s*$")
_HEADING = re.compile(r"^(?P<hashes>#{1,3})\s+(?P<text>.+?)\s*$")


def _split_row(line: str) -> tuple[str, ...]:
    """Split a ``| a | b |`` table row into stripped cells."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return tuple(cell.strip() for cell in inner.split("|"))


def _apply_directive(source: Source, key: str, value: str, where: str) -> None:
    """Apply a ``%% key: value`` line to ``source``.

    Args:
        source: The source being parsed.
        key: Directive name (``layout``, ``header`` or ``footer``).
        value: Directive value.
        where: ``file:line`` for error messages.

    Raises:
        SourceError: On an unknown directive or layout.
    """
    if key == "layout":
        if value not in ("one-column", "two-column"):
            raise SourceError(f"{where}: unknown layout {value!r}")
        source.layout = value  # type: ignore[assignment]
    elif key == "header":
        source.header = value or None
    elif key == "footer":
        source.footer = value or None
    else:
        raise SourceError(f"{where}: unknown directive {key!r}")


def parse_source(text: str, stem: str) -> Source:
    """Parse the text of a PDF source into a :class:`Source`.

    Args:
        text: The whole source file.
        stem: File stem, used in error messages and as fallback title.

    Returns:
        The parsed source, with blocks in reading order.

    Raises:
        SourceError: On an unknown directive or layout, or a character the PDF fonts lack.
    """
    source = Source(stem=stem)
    bad_chars = sorted({ch for ch in text if not _encodable(ch)})
    if bad_chars:
        raise SourceError(f"{stem}: characters outside {PDF_TEXT_ENCODING}: {bad_chars!r}")

    para_lines: list[str] = []
    bullet_items: list[str] = []
    table_rows: list[tuple[str, ...]] = []

    def flush() -> None:
        if para_lines:
            source.blocks.append(Para(" ".join(para_lines)))
            para_lines.clear()
        if bullet_items:
            source.blocks.append(Bullets(tuple(bullet_items)))
            bullet_items.clear()
        if table_rows:
            source.blocks.append(TableBlock(tuple(table_rows)))
            table_rows.clear()

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if match := _DIRECTIVE.match(line):
            _apply_directive(source, match["key"], match["value"], f"{stem}:{lineno}")
            continue
        if not line:
            flush()
        elif match := _HEADING.match(line):
            flush()
            source.blocks.append(Heading(match["text"], len(match["hashes"])))
        elif line.startswith("- "):
            if para_lines or table_rows:
                flush()
            bullet_items.append(line[2:].strip())
        elif line.startswith("|"):
            if para_lines or bullet_items:
                flush()
            table_rows.append(_split_row(line))
        elif bullet_items:
            # A wrapped bullet: continuation lines belong to the last item.
            bullet_items[-1] = f"{bullet_items[-1]} {line}"
        else:
            if table_rows:
                flush()
            para_lines.append(line)
    flush()
    return source


def _encodable(ch: str) -> bool:
    """Return whether ``ch`` can be drawn with the standard PDF fonts."""
    try:
        ch.encode(PDF_TEXT_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def plain_text(source: Source) -> str:
    """Return the source's text without markup: what a perfect PDF reader would recover.

    Args:
        source: A parsed source.

    Returns:
        Blocks separated by blank lines; table cells separated by tabs, one row per line.
    """
    parts: list[str] = []
    for block in source.blocks:
        if isinstance(block, Heading | Para):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.append("\n".join(block.items))
        else:
            parts.append("\n".join("\t".join(row) for row in block.rows))
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------------------------
# Hyphenation
# --------------------------------------------------------------------------------------------
_VOWELS = frozenset("aeiouy")
#: Consonant pairs that are never split (they spell one sound).
_DIGRAPHS = frozenset({"ch", "sh", "th", "ph", "wh", "ck", "gh", "qu", "ng", "gu"})
#: Consonant pairs that can begin a syllable: break before them (``re-cruited``).
_ONSETS = frozenset({"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "wr"})
_PREFIXES = ("counter", "inter", "under", "over", "trans", "multi", "super", "sub", "non", "pre")
_SUFFIXES = (
    "ability", "ments", "ment", "ness", "ings", "ing", "able", "ible",
    "ance", "ence", "tion", "sion", "ity", "ful", "less",
)  # fmt: skip
#: A line must not end before a bare silent-e ending such as ``-ted`` or ``-les``.
_BAD_TAIL = re.compile(r"^[b-df-hj-np-tv-z]{1,2}e[dsr]?s?$")
_MIN_WORD = 8
_MIN_HEAD = 2
_MIN_TAIL = 3


def hyphenation_points(word: str) -> list[int]:
    """Return the positions where a lower-case word may be broken, in increasing order.

    A small rule set, not a dictionary: after a known prefix, before a known suffix, and inside
    a consonant pair that sits between vowels (``manufac-tured``; before the pair when it can
    start a syllable, ``re-cruited``), never inside a digraph such as ``th`` and never before a
    silent-e ending (``-ted``). Capitalised words (names) and short words are never broken.

    Args:
        word: A single word made of letters.

    Returns:
        Sorted character offsets ``i`` such that ``word[:i] + "-"`` may end a line.
    """
    if len(word) < _MIN_WORD or not word.isalpha() or not word.islower():
        return []
    points: set[int] = set()
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            points.add(len(prefix))
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        # After a double consonant the pair rule below breaks better (``surveil-lance``).
        if word.endswith(suffix) and not (len(stem) > 1 and stem[-1] == stem[-2]):
            points.add(len(stem))
    for i in range(1, len(word) - 2):
        left, c1, c2, right = word[i - 1], word[i], word[i + 1], word[i + 2]
        pair = c1 + c2
        if left in _VOWELS and right in _VOWELS and not _VOWELS & {c1, c2}:
            if pair in _ONSETS:
                points.add(i)
            elif pair not in _DIGRAPHS:
                points.add(i + 1)
    return sorted(p for p in points if _MIN_HEAD <= p <= len(word) - _MIN_TAIL and not _BAD_TAIL.match(word[p:]))


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Yield ``(head, tail)`` splits of ``word``, longest head first (reportlab's protocol).

    Args:
        word: The word reportlab could not fit on the line.

    Yields:
        Pairs whose concatenation is ``word``; reportlab adds the hyphen to ``head``.
    """
    for point in reversed(hyphenation_points(word)):
        yield word[:point], word[point:]


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one layout."""

    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle


def make_styles(layout: Layout, hyphenation: bool = True) -> Styles:
    """Build the paragraph styles for a layout (two columns use a smaller body size).

    Args:
        layout: ``one-column`` or ``two-column``.
        hyphenation: Whether body text may be hyphenated at line ends.

    Returns:
        The styles.
    """
    size = 9.0 if layout == "two-column" else 10.5
    # No ``embeddedHyphenation``: a line never ends at a hyphen that belongs to the word
    # ("own-brand"), so every line-end hyphen in the output is a soft one that a reader may drop.
    hyph: dict[str, object] = {"hyphenationLang": hyphenate} if hyphenation else {}
    body = ParagraphStyle(
        "Body",
        fontName="Helvetica",
        fontSize=size,
        leading=size * 1.3,
        alignment=TA_JUSTIFY,
        spaceAfter=size * 0.6,
        **hyph,
    )
    return Styles(
        title=ParagraphStyle(
            "Title",
            fontName="Helvetica-Bold",
            fontSize=size + 6,
            leading=(size + 6) * 1.2,
            spaceAfter=size,
            alignment=TA_LEFT,
            keepWithNext=1,
        ),
        heading=ParagraphStyle(
            "Heading",
            fontName="Helvetica-Bold",
            fontSize=size + 2.5,
            leading=(size + 2.5) * 1.25,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.4,
            alignment=TA_LEFT,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "Subheading",
            fontName="Helvetica-Bold",
            fontSize=size + 1,
            leading=(size + 1) * 1.25,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.3,
            alignment=TA_LEFT,
            keepWithNext=1,
        ),
        body=body,
        bullet=ParagraphStyle("Bullet", parent=body, spaceAfter=size * 0.3),
        cell=ParagraphStyle("Cell", fontName="Helvetica", fontSize=size - 2, leading=(size - 2) * 1.2),
        header_cell=ParagraphStyle(
            "HeaderCell", fontName="Helvetica-Bold", fontSize=size - 2, leading=(size - 2) * 1.2
        ),
    )


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """Return a Paragraph for plain text (reportlab reads mini-HTML, so escape it)."""
    return Paragraph(escape(text), style)


def column_widths(rows: Sequence[Sequence[str]], width: float, styles: Styles) -> list[float]:
    """Share ``width`` between columns as a browser would for an auto-layout table.

    Every column gets at least its longest word (so no word is split inside a cell); the rest
    of the width goes to columns in proportion to how much more their longest cell needs.

    Args:
        rows: Table rows, all of the same length, first row as header.
        width: Available width in points.
        styles: Styles for the cells.

    Returns:
        One width per column, summing to ``width``.
    """
    pad = 2 * _CELL_PADDING + 1
    ncols = len(rows[0])
    minimum = [0.0] * ncols
    natural = [0.0] * ncols
    for r, row in enumerate(rows):
        style = styles.header_cell if r == 0 else styles.cell
        for c, cell in enumerate(row):
            size, font = style.fontSize, style.fontName
            words = cell.split() or [""]
            minimum[c] = max(minimum[c], *(stringWidth(w, font, size) + pad for w in words))
            natural[c] = max(natural[c], stringWidth(cell, font, size) + pad)
    if sum(natural) <= width:
        return [width * n / sum(natural) for n in natural]
    spare = max(width - sum(minimum), 0.0)
    want = [n - m for n, m in zip(natural, minimum, strict=True)]
    return [m + spare * w / sum(want) for m, w in zip(minimum, want, strict=True)]


def make_table(rows: Sequence[Sequence[str]], width: float, styles: Styles) -> Table:
    """Build a gridded table that fits ``width``, first row as header.

    Args:
        rows: Table rows of cell texts; short rows are padded.
        width: Available width in points.
        styles: Styles for the cells.

    Returns:
        The table flowable, with the header row repeated on a page break.
    """
    ncols = max(len(row) for row in rows)
    padded = [list(row) + [""] * (ncols - len(row)) for row in rows]
    data = [
        [_para(cell, styles.header_cell if r == 0 else styles.cell) for cell in row] for r, row in enumerate(padded)
    ]
    table = Table(data, colWidths=column_widths(padded, width, styles), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
            ]
        )
    )
    return table


def build_story(source: Source, styles: Styles, frame_width: float) -> list[Flowable]:
    """Turn parsed blocks into reportlab flowables.

    Args:
        source: The parsed source.
        styles: Styles for its layout.
        frame_width: Width of one text frame (a column), for tables.

    Returns:
        The story for ``BaseDocTemplate.build``.
    """
    story: list[Flowable] = []
    seen_heading = False
    for block in source.blocks:
        if isinstance(block, Heading):
            style = styles.title if not seen_heading else styles.heading if block.level == 1 else styles.subheading
            seen_heading = True
            story.append(_para(block.text, style))
        elif isinstance(block, Para):
            story.append(_para(block.text, styles.body))
        elif isinstance(block, Bullets):
            items = [ListItem(_para(item, styles.bullet), leftIndent=12) for item in block.items]
            story.append(
                ListFlowable(
                    items,
                    bulletType="bullet",
                    start="\u2022",
                    leftIndent=12,
                    bulletFontName="Helvetica",
                    bulletFontSize=styles.body.fontSize,
                )
            )
            story.append(Spacer(1, styles.body.spaceAfter))
        else:
            story.append(make_table(block.rows, frame_width, styles))
            story.append(Spacer(1, styles.body.fontSize))
    return story


def _frames(layout: Layout) -> list[Frame]:
    """Return the text frames of a page: one full-width frame or two columns."""
    bottom = MARGIN + FOOTER_BAND
    height = PAGE_HEIGHT - 2 * MARGIN - HEADER_BAND - FOOTER_BAND
    width = PAGE_WIDTH - 2 * MARGIN
    if layout == "one-column":
        return [Frame(MARGIN, bottom, width, height, id="body", showBoundary=0)]
    column = (width - GUTTER) / 2
    return [
        Frame(MARGIN, bottom, column, height, id="left", showBoundary=0),
        Frame(MARGIN + column + GUTTER, bottom, column, height, id="right", showBoundary=0),
    ]


def _page_decorator(header: str | None, footer: str | None) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Return an ``onPage`` callback drawing the running header, footer and page number."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.4)
        if header:
            y = PAGE_HEIGHT - MARGIN
            canvas.drawString(MARGIN, y, header)
            canvas.line(MARGIN, y - 3, PAGE_WIDTH - MARGIN, y - 3)
        y = MARGIN
        canvas.line(MARGIN, y + 10, PAGE_WIDTH - MARGIN, y + 10)
        if footer:
            canvas.drawString(MARGIN, y, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, y, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_source(source: Source, out: Path | io.BytesIO, hyphenation: bool = True) -> None:
    """Render a parsed source to a PDF file or buffer.

    Args:
        source: The parsed source.
        out: Destination path or binary buffer.
        hyphenation: Whether body text may be hyphenated at line ends.
    """
    frames = _frames(source.layout)
    styles = make_styles(source.layout, hyphenation)
    doc = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=source.title,
        author="msa corpus (fictional statement)",
        creator="corpus/build_pdfs.py",
        invariant=1,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id=source.layout,
                frames=frames,
                onPage=_page_decorator(source.header, source.footer),
            )
        ]
    )
    doc.build(build_story(source, styles, frames[0].width))


def build_all(src: Path, out: Path, hyphenation: bool = True) -> list[Path]:
    """Render every ``src/*.txt`` to ``out/<stem>.pdf``.

    Args:
        src: Directory of PDF sources.
        out: Output directory (created if missing).
        hyphenation: Whether body text may be hyphenated at line ends.

    Returns:
        The PDFs written, in name order.

    Raises:
        SourceError: If a source breaks the conventions (nothing is half-written for it).
    """
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in sorted(src.glob("*.txt")):
        source = parse_source(path.read_text(encoding="utf-8"), path.stem)
        buffer = io.BytesIO()
        render_source(source, buffer, hyphenation)
        target = out / f"{path.stem}.pdf"
        target.write_bytes(buffer.getvalue())
        written.append(target)
    return written


# --------------------------------------------------------------------------------------------
# Bad-input fixtures
# --------------------------------------------------------------------------------------------
_FIXTURE_TEXT = (
    "Fixture Holdings Ltd: Modern Slavery Statement 2023",
    "This statement is made under section 54 of the Modern Slavery Act 2015 for the financial "
    "year ending 31 December 2023.",
    "Our Supplier Code of Conduct prohibits forced labour, and we audited 12 supplier sites.",
    "This statement was approved by the Board of Directors on 1 March 2024.",
)


def _valid_pdf_bytes() -> bytes:
    """Return a small, valid multi-page text PDF used as the base of ``truncated.pdf``."""
    paragraphs = "\n\n".join(_FIXTURE_TEXT[1:] * 12)
    source = parse_source(f"%% layout: one-column\n# {_FIXTURE_TEXT[0]}\n\n{paragraphs}", "base")
    buffer = io.BytesIO()
    render_source(source, buffer)
    return buffer.getvalue()


def _text_page_pdf(encrypt: StandardEncryption) -> bytes:
    """Return a one-page text PDF encrypted with ``encrypt``."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    canvas.setTitle(_FIXTURE_TEXT[0])
    text = canvas.beginText(MARGIN, PAGE_HEIGHT - MARGIN - 12)
    text.setFont("Helvetica", 10)
    for line in _FIXTURE_TEXT:
        text.textLine(line)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """Return a one-page PDF that looks like a scan: an image and shapes, no text layer."""
    rng = random.Random(RANDOM_SEED)
    width, height, margin = 620, 877, 50
    image = Image.new("L", (width, height), color=246)
    draw = ImageDraw.Draw(image)
    y = margin + 10
    while y < height - margin:
        # Grey bars of varying length stand in for lines of scanned type.
        x = margin
        while x < width - margin:
            word = rng.randint(12, 60)
            right = min(x + word, width - margin)
            draw.rectangle([x, y, right, y + 7], fill=rng.randint(40, 90))
            x += word + rng.randint(6, 10)
        y += rng.choice((16, 16, 16, 30))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, width=PAGE_WIDTH, height=PAGE_HEIGHT)
    canvas.setStrokeColor(colors.black)
    canvas.rect(MARGIN, PAGE_HEIGHT - MARGIN - 30, 60, 30, stroke=1, fill=0)  # a "logo" box
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def write_bad_fixtures(out: Path) -> list[Path]:
    """Write the malformed PDFs that the analyser must report as errors or handle.

    Args:
        out: Output directory (created if missing).

    Returns:
        The fixtures written.
    """
    out.mkdir(parents=True, exist_ok=True)
    valid = _valid_pdf_bytes()
    fixtures = {
        "empty.pdf": b"",
        "truncated.pdf": valid[: int(len(valid) * 0.4)],
        "random.pdf": random.Random(RANDOM_SEED).randbytes(8192),
        "encrypted.pdf": _text_page_pdf(
            StandardEncryption(FIXTURE_USER_PASSWORD, ownerPassword=FIXTURE_OWNER_PASSWORD)
        ),
        "encrypted_empty_password.pdf": _text_page_pdf(
            StandardEncryption("", ownerPassword=FIXTURE_OWNER_PASSWORD, canModify=0)
        ),
        "scanned.pdf": _scanned_pdf(),
    }
    written = []
    for name, data in fixtures.items():
        path = out / name
        path.write_bytes(data)
        written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="PDF sources directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument(
        "--bad",
        type=Path,
        metavar="DIR",
        help="write the bad-input fixtures to DIR (statements are not rendered)",
    )
    parser.add_argument("--no-hyphenation", action="store_true", help="never break words at line ends")
    args = parser.parse_args(argv)
    if args.bad is not None:
        fixtures = write_bad_fixtures(args.bad)
        print(f"wrote {len(fixtures)} bad-input fixtures to {args.bad}")
        return 0
    if not args.src.is_dir():
        parser.error(f"--src {args.src} is not a directory")
    try:
        written = build_all(args.src, args.out, hyphenation=not args.no_hyphenation)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} PDFs to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
