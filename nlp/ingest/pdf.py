"""PDF reading: positioned text lines from an engine, then one layout pass shared by every engine.

Engines:
- ``fast`` (default): pypdfium2 text with character boxes, ~200+ pages/s.
- ``layout``: pdfplumber words grouped into lines and cells; slower (pdfminer) but independent, used as a
  cross-check and for awkward layouts.

The layout pass orders two-column pages column by column, drops running headers, footers and page numbers, keeps
table rows as ``cell | cell`` lines, joins lines wrapped inside a paragraph and words hyphenated at a line end.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import struct
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from statistics import median
from typing import Literal

from nlp.models import Page

Engine = Literal["fast", "layout"]
PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.IGNORECASE)
SOFT_HYPHENS = ("\ufffe", "\u00ad", "\u0002")
WORD_START = re.compile("(?<=[ " + "".join(SOFT_HYPHENS) + "])[^ ]")  # after a space or soft hyphen, not a space
BULLET_START = re.compile(r"^\s*(?:[•●▪◦■□➢►▶✓✔·‣⁃*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
MARGIN = 0.08
Box = Callable[[int], tuple[float, float, float, float]]  # char index -> loose (left, bottom, right, top)


class PdfReadError(Exception):
    """The PDF cannot be read; ``code`` is an error code of the report contract."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class Line:
    """A positioned line (or cell) of text; y grows upwards (PDF space)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    first_char: int = -1  # index of the first character in the engine's text page (fast engine only)

    @property
    def height(self) -> float:
        """Line height."""
        return max(self.y1 - self.y0, 0.1)


@dataclass(slots=True)
class PageLines:
    """The lines of one page with its size."""

    number: int
    width: float
    height: float
    lines: list[Line]
    has_images: bool = False


# ----------------------------------------------------------------------------------------------- engines
def _check_pages(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise PdfReadError("too_large", f"{count} pages is over the {max_pages}-page limit (--max-pages; 0 lifts it)")


def _pdfium_pages(data: bytes, max_pages: int | None = None) -> Iterator[PageLines]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise PdfReadError("encrypted", "the PDF is protected by a password") from exc
        raise PdfReadError("corrupt", f"the PDF cannot be opened ({msg})") from exc
    try:
        _check_pages(len(pdf), max_pages)
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                box = _loose_boxes(textpage)
                lines: list[Line] = []
                pos = 0
                for raw in text.split("\r\n"):
                    if raw.strip():
                        lines += _pdfium_line(box, raw, pos)
                    pos += len(raw) + 2
                lines = _mark_cells(box, lines)
                has_images = False
                if not lines:
                    has_images = any(
                        True
                        for _ in page.get_objects(
                            filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH), max_depth=2
                        )
                    )
                textpage.close()
            finally:
                page.close()
            yield PageLines(number + 1, width, height, lines, has_images)
    finally:
        pdf.close()


def _loose_boxes(textpage: object) -> Box:
    """``textpage.get_charbox(index, loose=True)`` as a function, without the wrapper's per-call struct and checks.

    About 150 boxes are read per page, so the call itself matters: the binding's pointer-typed arguments are
    checked on every call, and reading four ctypes fields costs as much again. The same C function is therefore
    called through a prototype taking plain addresses, and the four floats are unpacked in one step.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    rect = pdfium_c.FS_RECTF()
    rect_addr = ctypes.addressof(rect)
    unpack = struct.Struct("4f").unpack_from  # FS_RECTF: float left, top, right, bottom
    # cdecl, as pypdfium2's own bindings (ctypes.CDLL); the C signature is (FPDF_TEXTPAGE, int, FS_RECTF*) -> FPDF_BOOL
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    loose_box = prototype(ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value  # type: ignore[attr-defined]

    def box(index: int) -> tuple[float, float, float, float]:
        if not loose_box(handle, index, rect_addr):
            raise pdfium.PdfiumError("Failed to get charbox.")
        left, top, right, bottom = unpack(rect)
        return left, bottom, right, top

    return box


def _pdfium_line(box: Box, raw: str, pos: int) -> list[Line]:
    """Positioned line(s) for one line of pdfium text starting at char index ``pos``.

    pdfium sometimes runs two visual rows into one text line (a word hyphenated at a line end, table rows). When
    the first and last characters sit on different rows, the line is split where a word starts on a new row.
    """
    stripped = raw.strip()
    first = pos + (len(raw) - len(raw.lstrip()))
    last = first + len(stripped) - 1
    bx0, by0, _, by1 = box(first)
    _, ey0, ex1, ey1 = box(last)
    height = max(by1 - by0, 0.1)
    if abs(by0 - ey0) < 0.5 * height:
        return [Line(stripped, bx0, ex1, min(by0, ey0), max(by1, ey1), first)]
    # Several rows: look at each word start (after a space or a soft hyphen) for a change of row.
    out: list[Line] = []
    seg_start, seg_box = first, (bx0, by0, by1)
    prev_end_x = bx0
    for word in WORD_START.finditer(raw, first - pos + 1, last - pos + 1):
        k = pos + word.start()
        x0, y0, x1, y1 = box(k)
        if abs(y0 - seg_box[1]) >= 0.5 * height or x0 < prev_end_x - 1:
            seg_text = raw[seg_start - pos : k - pos]
            out.append(
                Line(
                    seg_text.strip(),
                    seg_box[0],
                    box(k - 1)[2],
                    seg_box[1],
                    seg_box[2],
                    seg_start + len(seg_text) - len(seg_text.lstrip()),
                )
            )
            seg_start, seg_box = k, (x0, y0, y1)
        prev_end_x = x1
    tail = raw[seg_start - pos : last - pos + 1]
    out.append(Line(tail.strip(), seg_box[0], ex1, seg_box[1], seg_box[2], seg_start + len(tail) - len(tail.lstrip())))
    return [ln for ln in out if ln.text]


def _reads_as_prose(text: str) -> bool:
    """Whether a line's words read as running text: mostly lower case, or punctuation inside the line."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return lower > len(words) / 2 or any(w[-1] in ".,;:" for w in words[:-1])


def _mark_cells(box: Box, lines: list[Line]) -> list[Line]:
    """Mark table cells in sparse lines: a space followed by a wide horizontal jump becomes `` | ``.

    Only lines much wider than their character count suggests are inspected, so body text costs nothing.
    """
    ratios = sorted((ln.x1 - ln.x0) / len(ln.text) for ln in lines if len(ln.text) > 3)
    if not ratios:
        return lines
    char_w = ratios[len(ratios) // 2]
    out = []
    for ln in lines:
        if ln.first_char < 0 or len(ln.text) < 3 or (ln.x1 - ln.x0) / len(ln.text) < 1.4 * char_w:
            out.append(ln)
            continue
        gaps = []
        end = len(ln.text) - 1
        i = ln.text.find(" ", 1)
        while 0 < i < end:
            left = box(ln.first_char + i - 1)[2]
            right = box(ln.first_char + i + 1)[0]
            gaps.append((i, right - left))
            i = ln.text.find(" ", i + 1)
        widths = [g for _, g in gaps]
        if len(widths) >= 2 and max(widths) - min(widths) < 0.15 * max(widths) and _reads_as_prose(ln.text):
            out.append(ln)  # every gap stretched alike and words of running text: justified prose, not a table row
            continue
        parts, last = [], 0
        for i, gap in gaps:
            if gap > 3 * char_w:
                parts.append(ln.text[last:i])
                last = i + 1
        parts.append(ln.text[last:])
        out.append(Line(" | ".join(p.strip() for p in parts if p.strip()), ln.x0, ln.x1, ln.y0, ln.y1, ln.first_char))
    return out


def _plumber_pages(data: bytes, max_pages: int | None = None) -> Iterator[PageLines]:
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("encrypted", "the PDF is protected by a password") from exc
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many types on broken files
        if "password" in type(exc).__name__.lower():
            raise PdfReadError("encrypted", "the PDF is protected by a password") from exc
        raise PdfReadError("corrupt", f"the PDF cannot be opened ({type(exc).__name__}: {exc})") from exc
    with pdf:
        _check_pages(len(pdf.pages), max_pages)
        for page in pdf.pages:
            try:
                height = float(page.height)
                words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
                lines = _words_to_lines(words, height)
                has_images = bool(page.images or page.rects or page.curves) if not lines else False
                yield PageLines(page.page_number, float(page.width), height, lines, has_images)
            finally:
                page.close()


def _words_to_lines(words: list[dict[str, object]], page_height: float) -> list[Line]:
    """Group pdfplumber words into lines, and lines into cells where a wide gap separates words."""
    rows: list[list[dict[str, object]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):  # type: ignore[arg-type]
        if rows and abs(float(rows[-1][0]["top"]) - float(w["top"])) <= 2.0:  # type: ignore[arg-type]
            rows[-1].append(w)
        else:
            rows.append([w])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))  # type: ignore[arg-type]
        size = median(float(w["bottom"]) - float(w["top"]) for w in row)  # type: ignore[arg-type]
        cell: list[dict[str, object]] = [row[0]]
        for w in row[1:]:
            if float(w["x0"]) - float(cell[-1]["x1"]) > 1.5 * size:  # type: ignore[arg-type]
                out.append(_cell_line(cell, page_height))
                cell = [w]
            else:
                cell.append(w)
        out.append(_cell_line(cell, page_height))
    return out


CID = re.compile(r"\(cid:(\d+)\)")


def _cid(text: str) -> str:
    """Pdfminer writes unmapped glyphs as (cid:N); 127 is the usual bullet, the rest are dropped."""
    return CID.sub(lambda m: "•" if m.group(1) in ("127", "149", "183") else "", text)


def _cell_line(cell: list[dict[str, object]], page_height: float) -> Line:
    return Line(
        _cid(" ".join(str(w["text"]) for w in cell)),
        float(cell[0]["x0"]),  # type: ignore[arg-type]
        float(cell[-1]["x1"]),
        page_height - max(float(w["bottom"]) for w in cell),  # type: ignore[arg-type]
        page_height - min(float(w["top"]) for w in cell),
    )  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------------- layout
def _norm_margin(text: str) -> str:
    """The words of a margin line, sorted, without numbers.

    A running footer keeps its key whether the page number comes first (even pages) or last (odd pages).
    """
    return " ".join(sorted(re.findall(r"[^\W\d_]+", text.lower())))


def _in_margin(line: Line, page: PageLines) -> bool:
    mid = (line.y0 + line.y1) / 2
    return mid > page.height * (1 - MARGIN) or mid < page.height * MARGIN


def strip_running_lines(pages: list[PageLines]) -> None:
    """Remove running headers/footers (repeated in the margins of many pages) and bare page numbers."""
    counts: Counter[str] = Counter()
    margin_keys: list[dict[int, str]] = []  # per page: line index -> key, for the lines in its margins
    for page in pages:
        keys = {i: _norm_margin(ln.text) for i, ln in enumerate(page.lines) if _in_margin(ln, page)}
        margin_keys.append(keys)
        counts.update(set(keys.values()))
    need = max(2, (len(pages) + 1) // 2)
    repeated = {t for t, n in counts.items() if n >= need and t}
    for page, keys in zip(pages, margin_keys, strict=True):
        if keys:
            page.lines = [
                ln
                for i, ln in enumerate(page.lines)
                if not (i in keys and (keys[i] in repeated or PAGE_NUMBER.match(ln.text)))
            ]


def order_columns(page: PageLines) -> list[Line]:
    """Reading order: full-width lines above, then each column top to bottom, then full-width lines below."""
    lines = page.lines
    if len(lines) < 8:
        return lines
    mid = page.width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 2]
    right = [ln for ln in lines if ln.x0 >= mid - 2]
    spanning = [ln for ln in lines if ln.x1 > mid + 2 and ln.x0 < mid - 2]
    if len(left) < 4 or len(right) < 4 or len(spanning) > 0.25 * len(lines):
        return lines
    col_top = max(ln.y1 for ln in (*left, *right))
    above = [ln for ln in spanning if ln.y0 >= col_top - 1]
    below = [ln for ln in spanning if ln.y0 < col_top - 1]
    top_down = lambda ln: -ln.y1  # noqa: E731
    return (
        sorted(above, key=top_down)
        + sorted(left, key=top_down)
        + sorted(right, key=top_down)
        + sorted(below, key=top_down)
    )


def _merge_rows(lines: list[Line]) -> list[Line]:
    """Lines on one baseline side by side (table cells) become one ``a | b`` row."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev
            and abs(prev.y0 - ln.y0) < 0.5 * ln.height
            and ln.x0 > prev.x1
            and abs(prev.height - ln.height) < 0.5 * ln.height
        ):
            out[-1] = Line(f"{prev.text} | {ln.text}", prev.x0, ln.x1, min(prev.y0, ln.y0), max(prev.y1, ln.y1))
        else:
            out.append(ln)
    return out


def _paragraphs(lines: list[Line]) -> list[tuple[str, bool]]:
    """Join wrapped lines into paragraphs. Returns (text, is_heading) blocks.

    A new block starts at a heading, a bullet, a table row, a vertical gap wider than the usual line pitch, a jump
    upwards (next column), or after a short line that ends a sentence.
    """
    if not lines:
        return []
    body_h = median(ln.height for ln in lines)
    pitches = [a.y0 - b.y0 for a, b in itertools.pairwise(lines) if 0 < a.y0 - b.y0 < 3 * body_h]
    pitch = median(pitches) if pitches else 1.2 * body_h
    widths = sorted(ln.x1 - ln.x0 for ln in lines)
    full = widths[int(0.9 * (len(widths) - 1))]
    blocks: list[tuple[str, bool]] = []
    current = ""
    prev: Line | None = None
    prev_heading = False
    for ln in lines:
        text = ln.text
        heading = is_heading_line(ln, body_h)
        if prev is None:
            new_block = True
        else:
            step = prev.y0 - ln.y0
            new_block = (
                heading != prev_heading
                or step > 1.3 * pitch * (ln.height / body_h if heading else 1)
                or (step < -0.5 * body_h and not _continues(prev, ln, full))  # next column
                or bool(BULLET_START.match(text))
                or " | " in text
                or " | " in prev.text
                or (
                    not heading
                    and prev.text.rstrip().endswith((".", "!", "?", ":"))
                    and (prev.x1 - prev.x0) < 0.8 * full
                )
            )
        if new_block:
            if current and prev is not None:
                blocks.append((_clean(current), prev_heading))
            current = text
        else:
            current = join_wrapped(current, text)
        prev, prev_heading = ln, heading
    if current and prev is not None:
        blocks.append((_clean(current), prev_heading))
    return blocks


def _continues(left: Line, right: Line, full: float) -> bool:
    """Whether ``right`` (top of the next column) continues the sentence of ``left`` (bottom of the previous).

    True when ``left`` ends mid-sentence and either ``right`` starts in lower case or ``left`` runs the full width
    of its column (a paragraph that is cut, not ended).
    """
    if left.text.rstrip().endswith((".", "!", "?", ":", ";")) or BULLET_START.match(right.text):
        return False
    return right.text[:1].islower() or (left.x1 - left.x0) >= 0.9 * full


def is_heading_line(line: Line, body_h: float) -> bool:
    """A short line clearly taller than body text is (part of) a heading."""
    return line.height > 1.18 * body_h and len(line.text.split()) <= 14


def _clean(text: str) -> str:
    """Drop soft-hyphen marks left inside a paragraph (those at line ends were used by the join)."""
    for mark in SOFT_HYPHENS:
        text = text.replace(mark, "")
    return text


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped lines, mending a word hyphenated at the break."""
    stripped = left.rstrip()
    if stripped.endswith(SOFT_HYPHENS):
        return stripped[:-1] + right.lstrip()
    if stripped.endswith("-") and len(stripped) > 1 and stripped[-2].isalpha() and right[:1].islower():
        return stripped[:-1] + right.lstrip()
    if stripped.endswith("-") and len(stripped) > 1 and stripped[-2].isalnum():
        return stripped + right.lstrip()
    return f"{stripped} {right.lstrip()}"


def assemble(pages: list[PageLines]) -> tuple[str, list[Page]]:
    """Build the document text and page map from laid-out pages.

    Paragraphs are separated by a blank line, headings stand on their own line; a paragraph cut by a page break
    is joined to its continuation.
    """
    parts: list[str] = []
    page_map: list[Page] = []
    length = 0
    for page in pages:
        blocks = _paragraphs(_merge_rows(order_columns(page)))
        start = length
        for i, (text, _heading) in enumerate(blocks):
            if parts and i == 0 and text[:1].islower() and not parts[-1].rstrip().endswith((".", ":", "!", "?")):
                joined = join_wrapped(parts[-1], text)
                length += len(joined) - len(parts[-1])
                start = length - len(text.lstrip())
                parts[-1] = joined
                continue
            sep = "\n\n" if parts else ""
            if i == 0:
                start = length + len(sep)
            parts.append(sep + text if sep else text)
            length += len(sep) + len(text)
        page_map.append(Page(number=page.number, start=min(start, length), end=length))
    return "".join(parts), page_map


def read_pdf(data: bytes, engine: Engine = "fast", max_pages: int | None = None) -> tuple[str, list[Page], list[str]]:
    """Read a PDF into text, page map and warnings.

    Args:
        data: The file bytes.
        engine: ``fast`` (pypdfium2) or ``layout`` (pdfplumber).
        max_pages: Refuse PDFs with more pages (``too_large``) before reading them; None for no limit.

    Returns:
        ``(text, pages, warnings)``.

    Raises:
        PdfReadError: ``encrypted``, ``corrupt``, ``scanned`` (no text layer), ``empty`` (no pages or content)
            or ``too_large`` (over ``max_pages``).
    """
    reader = _pdfium_pages if engine == "fast" else _plumber_pages
    try:
        pages = list(reader(data, max_pages))
    except PdfReadError:
        raise
    except Exception as exc:  # a broken file can fail deep inside an engine
        raise PdfReadError("corrupt", f"the PDF is damaged ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise PdfReadError("empty", "the PDF has no pages")
    textless = [p.number for p in pages if not p.lines]
    if len(textless) == len(pages):
        if any(p.has_images for p in pages):
            raise PdfReadError(
                "scanned",
                f"no text layer on any of its {len(pages)} page(s): an image-only (scanned) PDF; run OCR first",
            )
        raise PdfReadError("empty", f"no text on any of its {len(pages)} page(s)")
    warnings = []
    if textless:
        warnings.append(f"{len(textless)} page(s) without a text layer (scanned?): {_ranges(textless)}")
    strip_running_lines(pages)
    text, page_map = assemble(pages)
    return text, page_map, warnings


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and out[-1].split("-")[-1] == str(n - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)
