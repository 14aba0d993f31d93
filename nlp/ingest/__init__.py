"""Reading statements: every file (PDF, HTML, DOCX, text) becomes one :class:`nlp.models.Document`.

Reading never raises for a bad file: the Document carries ``error`` (code and message) instead.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlp.ingest.metadata import infer_company, infer_jurisdiction, infer_year
from nlp.ingest.pdf import Engine, PdfReadError, read_pdf
from nlp.models import Document, DocumentError, ErrorCode, Page
from nlp.ruleset import RuleSet

SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
}
DEFAULT_MAX_BYTES = 150 * 1024 * 1024
DEFAULT_MAX_PAGES = 600
MANIFEST_COLUMNS = ("path", "company", "year", "jurisdiction")


@dataclass(frozen=True)
class InputItem:
    """One document to read: its path and what the manifest says of it."""

    path: str
    company: str | None = None
    year: int | None = None
    jurisdiction: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


class ManifestError(ValueError):
    """The manifest CSV is unusable (missing file or ``path`` column)."""


def read_manifest(manifest: str | os.PathLike[str]) -> list[InputItem]:
    """Read a CSV manifest: ``path, company, year, jurisdiction`` and any extra columns (carried through).

    A relative path is resolved against the manifest's folder, then against its parent folders (a manifest kept in
    ``corpus/statements/`` may list ``statements/uk/a.txt``), then against the working directory; when it exists in
    none of them, the manifest-folder path is kept and reported as ``not_found``.

    Args:
        manifest: Path of the CSV.

    Returns:
        Items in file order.

    Raises:
        ManifestError: When the file is missing or has no ``path`` column.
    """
    mpath = Path(manifest)
    try:
        with mpath.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if "path" not in (reader.fieldnames or []):
                raise ManifestError(f"{mpath}: the manifest needs a 'path' column (has {reader.fieldnames})")
            rows = list(reader)
    except OSError as exc:
        raise ManifestError(f"{mpath}: cannot read the manifest: {exc}") from exc
    items = []
    for row in rows:
        raw = (row.get("path") or "").strip()
        if not raw:
            continue
        path = _resolve(Path(raw), mpath.parent)
        year_txt = (row.get("year") or "").strip()
        items.append(
            InputItem(
                path=str(path),
                company=(row.get("company") or "").strip() or None,
                year=int(year_txt) if year_txt.isdigit() else None,
                jurisdiction=(row.get("jurisdiction") or "").strip() or None,
                extra={k: (v or "") for k, v in row.items() if k and k not in MANIFEST_COLUMNS},
            )
        )
    return items


def _resolve(path: Path, base: Path, levels: int = 3) -> Path:
    if path.is_absolute():
        return path
    candidates = [base / path]
    parent = base
    for _ in range(levels):
        if parent.parent == parent:
            break
        parent = parent.parent
        candidates.append(parent / path)
    candidates.append(Path.cwd() / path)
    return next((c for c in candidates if c.exists()), candidates[0])


def expand_inputs(paths: list[str]) -> Iterator[InputItem]:
    """Files as given, folders expanded to their supported files (sorted, recursive).

    A path that does not exist is yielded as is, so that it is reported (``not_found``), never skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield InputItem(path=str(child))
        else:
            yield InputItem(path=str(path))


def sniff_format(data: bytes, suffix: str) -> str | None:
    """The format of a file from its leading bytes, falling back on its suffix."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "corrupt-zip"
        return None
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".pdf":
        return "not-pdf"
    return SUFFIXES.get(suffix, "txt")


def _error(item: InputItem, doc_id: str, fmt: str, code: ErrorCode, message: str) -> Document:
    return Document(
        id=doc_id,
        source=item.path,
        format=fmt,
        company=item.company,
        year=item.year,
        jurisdiction=item.jurisdiction,
        extra=item.extra,
        error=DocumentError(code=code, message=f"{item.path}: {message}"),
    )


# Characters that break words for the rules without being seen. Typographic ligatures (U+FB00-FB06) become their
# letters: PDF text often carries them where a font's ligature glyph maps to the ligature code point, and then
# "traﬃcking" or "identiﬁed" would escape every rule written for the letters. Soft hyphens and zero-width spaces
# and joiners (HTML's &shy; and &#8203;, word-processor hyphenation hints) are dropped: "traf&shy;ficking" is one
# word. The full compatibility normalisation (NFKC) would also rewrite superscripts, fractions and full-width forms,
# which the rules read as they are.
FOLDED = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
    0x00AD: "",  # soft hyphen
    0x200B: "",  # zero-width space
    0x2060: "",  # word joiner
    0xFEFF: "",  # zero-width no-break space (a byte-order mark inside the text)
}
_FOLDED = re.compile("[" + "".join(chr(c) for c in FOLDED) + "]")


def fold_text(text: str, pages: list[Page]) -> tuple[str, list[Page]]:
    """``text`` with ligatures spelled out and invisible word breakers dropped, ``pages`` moved to match.

    See :data:`FOLDED` for the characters.

    Args:
        text: The document text.
        pages: Its page map (may be empty).

    Returns:
        The new text and page map (the same objects when there is nothing to fold).
    """
    at = [m.start() for m in _FOLDED.finditer(text)]
    if not at:
        return text, pages
    shift = list(itertools.accumulate(len(FOLDED[ord(text[i])]) - 1 for i in at))

    def moved(offset: int) -> int:
        k = bisect.bisect_left(at, offset)  # folded characters before ``offset``
        return offset + (shift[k - 1] if k else 0)

    return text.translate(FOLDED), [Page(number=p.number, start=moved(p.start), end=moved(p.end)) for p in pages]


def _blocks_to_text(blocks: list[tuple[str, int]]) -> tuple[str, list[Page]]:
    text_parts: list[str] = []
    pages: list[Page] = []
    pos = 0
    for block, page_no in blocks:
        sep = "\n\n" if text_parts else ""
        start = pos + len(sep)
        text_parts.append(sep + block)
        pos = start + len(block)
        if not pages or pages[-1].number != page_no:
            pages.append(Page(number=page_no, start=start, end=pos))
        else:
            pages[-1] = Page(number=page_no, start=pages[-1].start, end=pos)
    return "".join(text_parts), pages


def read_document(
    item: InputItem,
    ruleset: RuleSet,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pdf_engine: Engine = "fast",
    max_pages: int | None = DEFAULT_MAX_PAGES,
) -> Document:
    """Read one file into a Document; a bad file gives a Document with ``error`` set.

    Args:
        item: The path and manifest metadata.
        ruleset: Rules (metadata inference).
        max_bytes: Larger files are refused with ``too_large``.
        pdf_engine: ``fast`` (pypdfium2) or ``layout`` (pdfplumber).
        max_pages: PDFs with more pages are refused with ``too_large`` (None: no limit).

    Returns:
        The Document.
    """
    path = Path(item.path)
    suffix = path.suffix.lower()
    if not path.exists():
        return _error(item, "", suffix.lstrip(".") or "unknown", "not_found", "no such file")
    if path.is_dir():
        return _error(item, "", "dir", "unsupported", "is a folder")
    size = path.stat().st_size
    if size > max_bytes:
        digest = _sha256_file(path)
        return _error(
            item,
            digest,
            suffix.lstrip("."),
            "too_large",
            f"{size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit (--max-mb)",
        )
    data = path.read_bytes()
    doc_id = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return _error(item, doc_id, suffix.lstrip(".") or "txt", "empty", "the file is empty")
    fmt = sniff_format(data, suffix)
    warnings: list[str] = []
    pages: list[Page] = []
    try:
        if fmt == "pdf":
            text, pages, warnings = read_pdf(data, pdf_engine, max_pages)
        elif fmt == "not-pdf":
            return _error(item, doc_id, "pdf", "corrupt", "named .pdf but is not a PDF (no %PDF header)")
        elif fmt == "corrupt-zip":
            return _error(item, doc_id, suffix.lstrip("."), "corrupt", "a damaged ZIP/DOCX archive")
        elif fmt == "docx":
            from nlp.ingest.docx import docx_to_blocks

            text, pages = _blocks_to_text(docx_to_blocks(data))
        elif fmt in ("html", "txt"):
            from nlp.ingest.text import decode_text

            raw, encoding = decode_text(data)
            if encoding not in ("utf-8", "ascii", "utf-8-sig"):
                warnings.append(f"decoded as {encoding}")
            if fmt == "html":
                from nlp.ingest.html import html_to_text

                text = html_to_text(raw)
            else:
                text = raw
        else:
            return _error(
                item,
                doc_id,
                suffix.lstrip(".") or "unknown",
                "unsupported",
                "unsupported file type (PDF, HTML, DOCX and text are read)",
            )
    except PdfReadError as exc:
        return _error(item, doc_id, "pdf", exc.code, exc.message)  # type: ignore[arg-type]
    except UnicodeError as exc:
        return _error(item, doc_id, fmt or "txt", "unsupported", f"not text: {exc}")
    except Exception as exc:  # a reader library failing on a malformed file must not stop the batch
        return _error(item, doc_id, fmt or "unknown", "corrupt", f"cannot be read ({type(exc).__name__}: {exc})")
    if not text.strip():
        return _error(item, doc_id, fmt, "empty", "no text in the document")
    text, pages = fold_text(text, pages)
    if not pages:
        pages = [Page(number=1, start=0, end=len(text))]
    meta_src: dict[str, str] = {}
    company, year, jurisdiction = item.company, item.year, item.jurisdiction
    for key, value in (("company", company), ("year", year), ("jurisdiction", jurisdiction)):
        if value is not None:
            meta_src[key] = "manifest"
    rules = ruleset.metadata
    if company is None and (found := infer_company(text, rules)):
        company, meta_src["company"] = found
    if year is None and (found_y := infer_year(text, rules)):
        year, meta_src["year"] = found_y
    if jurisdiction is None and (found_j := infer_jurisdiction(text, rules)):
        jurisdiction, meta_src["jurisdiction"] = found_j
    return Document(
        id=doc_id,
        source=item.path,
        format=fmt,
        text=text,
        pages=pages,
        company=company,
        year=year,
        jurisdiction=jurisdiction,
        metadata_source=meta_src,
        extra=item.extra,
        warnings=warnings,
    )


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
