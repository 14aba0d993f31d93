"""Reading every format, and every kind of bad input, into a Document with the right text or error code."""

from __future__ import annotations

import importlib.util
import io
import itertools
import sys

import pytest

from nlp.ingest import InputItem, read_document, read_manifest
from nlp.ingest.pdf import read_pdf
from tests.conftest import CORPUS, MIN_RULES

spec = importlib.util.spec_from_file_location("build_pdfs", CORPUS / "build_pdfs.py")
build_pdfs = importlib.util.module_from_spec(spec)
sys.modules["build_pdfs"] = build_pdfs
spec.loader.exec_module(build_pdfs)


def read(path, ruleset, **kw):
    return read_document(InputItem(path=str(path), **kw), ruleset)


def make_pdf(source_text: str, hyphenation: bool = True) -> bytes:
    buf = io.BytesIO()
    build_pdfs.render_source(build_pdfs.parse_source(source_text, "t"), buf, hyphenation)
    return buf.getvalue()


TWO_COLUMN = "\n".join(
    [
        "%% layout: two-column",
        "%% header: Quillon Textiles Ltd Modern Slavery Statement",
        "%% footer: Quillon Textiles Ltd confidential",
        "",
        "# Our Supply Chain",
        *[
            f"Paragraph {i} says that Quillon audits spinning mills and weaving factories in several countries "
            f"every year, and that the internationalisation of responsibilities requires documentation. End {i}.\n"
            for i in range(40)
        ],
        "| Country | Audits |",
        "| India | 12 |",
    ]
)


@pytest.fixture(scope="module")
def two_column_text():
    return read_pdf(make_pdf(TWO_COLUMN), "fast")


def test_pdf_two_column_reading_order(two_column_text):
    text, pages, warnings = two_column_text
    order = [text.index(f"Paragraph {i} says") for i in range(40)]
    assert order == sorted(order)
    assert len(pages) >= 2 and warnings == []


def test_pdf_headers_footers_and_page_numbers_removed(two_column_text):
    text, _, _ = two_column_text
    assert "Modern Slavery Statement" not in text
    assert "confidential" not in text
    assert "Page 1" not in text and "Page 2" not in text


def test_pdf_hyphenation_joined(two_column_text):
    text, _, _ = two_column_text
    assert text.count("internationalisation") == 40
    assert "\ufffe" not in text and "\u00ad" not in text


def test_pdf_paragraphs_and_table_rows(two_column_text):
    text, _, _ = two_column_text
    for i in range(40):
        assert f"Paragraph {i} says that Quillon audits spinning mills" in text
        assert f"End {i}." in text
    assert "India | 12" in text


def test_pdf_page_map_points_at_page_text(two_column_text):
    text, pages, _ = two_column_text
    assert pages[0].start == 0 and pages[-1].end == len(text)
    for a, b in itertools.pairwise(pages):
        assert a.end <= b.start
    second = text[pages[1].start : pages[1].end]
    assert "Paragraph" in second


def test_layout_engine_agrees_on_text(two_column_text):
    fast, _, _ = two_column_text
    layout, _, _ = read_pdf(make_pdf(TWO_COLUMN), "layout")
    assert [p for p in layout.split("\n\n") if p.startswith("Paragraph")] == [
        p for p in fast.split("\n\n") if p.startswith("Paragraph")
    ]


def test_loose_boxes_are_the_wrappers_loose_charboxes():
    """The fast engine's direct C call gives exactly pypdfium2's ``get_charbox(loose=True)``, errors included."""
    import pypdfium2 as pdfium

    from nlp.ingest.pdf import _loose_boxes

    pdf = pdfium.PdfDocument(make_pdf(TWO_COLUMN))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        box = _loose_boxes(textpage)
        count = textpage.count_chars()
        assert count > 1000
        assert [box(i) for i in range(count)] == [textpage.get_charbox(i, loose=True) for i in range(count)]
        for bad in (count, -1):
            with pytest.raises(pdfium.PdfiumError):
                box(bad)
        textpage.close()
        page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.pdf", "empty"),
        ("truncated.pdf", "corrupt"),
        ("random.pdf", "corrupt"),
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "scanned"),
    ],
)
def test_bad_pdfs(bad_files, min_ruleset, name, code):
    doc = read(bad_files / name, min_ruleset)
    assert doc.error is not None
    assert doc.error.code == code
    assert name in doc.error.message


def test_encrypted_with_empty_user_password_is_read(bad_files, min_ruleset):
    doc = read(bad_files / "encrypted_empty_password.pdf", min_ruleset)
    assert doc.error is None
    assert "Modern Slavery" in doc.text


def test_missing_file_is_reported(tmp_path, min_ruleset):
    doc = read(tmp_path / "nope.pdf", min_ruleset)
    assert doc.error.code == "not_found"


def test_too_large(tmp_path, min_ruleset):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    doc = read_document(InputItem(path=str(path)), min_ruleset, max_bytes=100)
    assert doc.error.code == "too_large"
    assert doc.id  # hashed even when refused


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16"])
def test_text_encodings(tmp_path, min_ruleset, encoding):
    text = "Déclaration: we paid £1,200 to repay “recruitment fees” to workers in Zürich.\n" * 3
    if encoding in ("latin-1",):
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / f"s_{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read(path, min_ruleset)
    assert doc.error is None
    assert doc.text == text


def test_windows_line_ends(tmp_path, min_ruleset):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one.\r\nLine two.\r\n")
    assert read(path, min_ruleset).text == "Line one.\nLine two.\n"


HOSTILE_HTML = """<!doctype html><html><head><title>t</title><script>var x = 'Xinjiang';</script>
<style>.a{}</style></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all?</div>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<header><p>Site header text</p></header>
<main><h1>Modern Slavery Statement 2023</h1>
<p>We audited <b>40</b> suppliers
   across three countries.</p>
<ul><li>Supplier Code of Conduct</li><li>Training for buyers</li></ul>
<table><tr><th>Country</th><th>Audits</th></tr><tr><td>India</td><td>12</td></tr></table>
<p>Contact <a href="javascript:alert(1)">us</a>.<img src=x onerror=alert(1)></p>
</main><footer>© Footer text</footer><script>track()</script></body></html>"""


def test_html_main_text_only(tmp_path, min_ruleset):
    path = tmp_path / "s.html"
    path.write_text(HOSTILE_HTML)
    doc = read(path, min_ruleset)
    assert doc.format == "html"
    for gone in ("cookies", "Home", "Site header", "Footer", "Xinjiang", "track()", "alert"):
        assert gone not in doc.text
    assert "Modern Slavery Statement 2023" in doc.text
    assert "We audited 40 suppliers across three countries." in doc.text
    assert "- Supplier Code of Conduct" in doc.text
    assert "Country | Audits" in doc.text and "India | 12" in doc.text


def test_docx(tmp_path, min_ruleset):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Modern Slavery Statement", level=1)
    document.add_paragraph("We audited 40 suppliers.")
    document.add_paragraph("Supplier Code of Conduct", style="List Bullet")
    document.add_page_break()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Country", "Audits"
    table.cell(1, 0).text, table.cell(1, 1).text = "India", "12"
    path = tmp_path / "s.docx"
    document.save(path)
    doc = read(path, min_ruleset)
    assert doc.format == "docx"
    assert "We audited 40 suppliers." in doc.text
    assert "- Supplier Code of Conduct" in doc.text
    assert "India | 12" in doc.text
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.text[doc.pages[1].start :].startswith("Country")


def test_corrupt_docx(tmp_path, min_ruleset):
    path = tmp_path / "s.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert read(path, min_ruleset).error.code == "corrupt"


def test_binary_named_txt(tmp_path, min_ruleset):
    path = tmp_path / "s.txt"
    path.write_bytes(bytes(range(256)) * 50)
    doc = read(path, min_ruleset)
    assert doc.error is None or doc.error.code in ("unsupported", "corrupt")


def test_manifest_and_metadata(tmp_path, min_ruleset):
    (tmp_path / "a.txt").write_text(
        "Acme Widgets Limited statement for the financial year ending 31 March 2023 under the Modern Slavery Act 2015."
    )
    (tmp_path / "b.txt").write_text("Another statement.")
    (tmp_path / "m.csv").write_text(
        "path,company,year,jurisdiction,sector\na.txt,,,,apparel\n"
        "b.txt,Beta plc,2022,GB,food\nmissing.txt,Gone Ltd,2021,GB,\n"
    )
    items = read_manifest(tmp_path / "m.csv")
    assert [i.extra["sector"] for i in items] == ["apparel", "food", ""]
    a, b, gone = (read_document(i, min_ruleset) for i in items)
    assert (a.company, a.year, a.jurisdiction) == ("Acme Widgets Limited", 2023, "GB")
    assert a.metadata_source == {
        "company": "META.COMPANY.SUFFIX",
        "year": "META.YEAR.FY",
        "jurisdiction": "META.JUR.UK",
    }
    assert (b.company, b.year, b.metadata_source["company"]) == ("Beta plc", 2022, "manifest")
    assert gone.error.code == "not_found" and gone.company == "Gone Ltd"


def test_rules_min_is_what_we_think(min_ruleset):
    assert min_ruleset.root == MIN_RULES.resolve()


def test_running_footer_with_page_number_on_alternate_sides_is_removed():
    from nlp.ingest.pdf import Line, PageLines, strip_running_lines

    pages = []
    for n in range(1, 8):
        footer = (
            f"Acme Ltd Modern Slavery Statement 2023 | {n}"
            if n % 2
            else f"{n} | Acme Ltd Modern Slavery Statement 2023"
        )
        body = Line(f"Body text of page {n} about supplier audits.", 72, 500, 400, 412)
        pages.append(PageLines(n, 595, 842, [body, Line(footer, 72, 520, 20, 30)]))
    strip_running_lines(pages)
    assert all(len(p.lines) == 1 and p.lines[0].text.startswith("Body text") for p in pages)


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("45% of them unannounced or", True),
        ("Sedex Risk Assessment Tool. The", True),
        ("Executive Webinar 3,666 69%", False),
        ("Suppliers signed up to Supplier 39% 45% 46%", False),
    ],
)
def test_justified_prose_is_told_from_a_table_row(line, prose):
    from nlp.ingest.pdf import _reads_as_prose

    assert _reads_as_prose(line) is prose


def test_manifest_paths_relative_to_the_manifest_or_a_parent_folder(tmp_path):
    from nlp.ingest import read_manifest

    folder = tmp_path / "corpus" / "statements"
    (folder / "uk").mkdir(parents=True)
    (folder / "uk" / "a.txt").write_text("We audit suppliers.")
    (folder / "b.txt").write_text("We train buyers.")
    manifest = folder / "manifest.csv"
    manifest.write_text("path\nb.txt\nstatements/uk/a.txt\nmissing.txt\n")
    paths = [item.path for item in read_manifest(manifest)]
    assert paths == [
        str(folder / "b.txt"),
        str(tmp_path / "corpus" / "statements" / "uk" / "a.txt"),
        str(folder / "missing.txt"),
    ]


def test_ascii_lookalikes_are_every_non_ascii_character_re_matches_to_ascii_ignoring_case():
    import re

    from nlp.ingest.metadata import ASCII_LOOKALIKES

    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    ascii_class = "".join(re.escape(chr(c)) for c in range(128))
    assert set(re.findall(f"(?i)[{ascii_class}]", others)) == set(ASCII_LOOKALIKES)


def test_phrase_count_is_the_findall_count(ruleset):
    import random

    from nlp.ingest.metadata import _phrase_rx, count_phrases, lowered

    phrase_sets = [tuple(r.phrases) for r in ruleset.metadata.jurisdiction if r.phrases]
    phrase_sets.append(("ſection", "éclat", "Kelvin", "a-b", "x", "travail forcé"))
    pieces = [
        *(p for ps in phrase_sets for p in ps),
        *(p.upper() for ps in phrase_sets for p in ps),
        "ſection 54",
        "\u212aelvin",
        "İ",
        "xsection 54",
        "Section 54(1)x",
        "a.b.n.",
        "ABNABN",
        "a-b-a-b",
        "TRAVAIL FORCÉ",
        *" -_x\n.(',",
    ]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for phrases in phrase_sets:
            assert count_phrases(text, phrases, lowered(text)) == len(_phrase_rx(phrases).findall(text)), text


def test_language_shares_count_the_words_a_plain_scan_finds(ruleset):
    import random

    from nlp.language import WORD, _word_language, language_shares

    codes = tuple(ruleset.language.languages)
    word_language = _word_language(codes)
    pieces = [*sorted(word_language)[::7], *(w for w in word_language if "'" in w or "’" in w)]
    pieces += ["L'", "l’", "d'être", "İstanbul", "x2", "_and", "3rd", "½", "«les»", "(the", "we,", "The"]
    pieces += ['"', "'", "’", "-", ".", "...", "—", " ", " ", "\n", "\u00a0", "\t"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        counts = dict.fromkeys(codes, 0)
        for m in WORD.finditer(text):
            if (code := word_language.get(m.group(0).lower())) is not None:
                counts[code] += 1
        total = sum(counts.values())
        shares, hits = language_shares(text, ruleset.language)
        assert hits == total, text
        assert shares == ({c: n / total for c, n in counts.items()} if total else dict.fromkeys(codes, 0.0)), text


def test_ligatures_are_spelled_out_and_pages_follow():
    from nlp.ingest import fold_text
    from nlp.models import Page

    text = "a traf\ufb01c\n\nhuman tra\ufb03cking identi\ufb01ed"
    pages = [Page(number=1, start=0, end=8), Page(number=2, start=10, end=len(text))]
    folded, moved = fold_text(text, pages)
    assert folded == "a traffic\n\nhuman trafficking identified"
    assert [folded[p.start : p.end] for p in moved] == ["a traffic", "human trafficking identified"]
    assert fold_text("no ligature", pages) == ("no ligature", pages)


def test_invisible_word_breakers_are_dropped_and_pages_follow():
    from nlp.ingest import fold_text
    from nlp.models import Page

    text = "forced la\u00adbour\n\ntraf\u200bfick\u2060ing and \ufb01nes"
    pages = [Page(number=1, start=0, end=text.index("\n")), Page(number=2, start=text.rindex("\n") + 1, end=len(text))]
    folded, moved = fold_text(text, pages)
    assert folded == "forced labour\n\ntrafficking and fines"
    assert [folded[p.start : p.end] for p in moved] == ["forced labour", "trafficking and fines"]


def test_ligatures_and_soft_hyphens_in_files(tmp_path, min_ruleset):
    path = tmp_path / "lig.txt"
    path.write_text("We found no human tra\ufb03cking in our \ufb01rst-tier suppliers.", encoding="utf-8")
    doc = read(path, min_ruleset)
    assert doc.error is None
    assert "human trafficking in our first-tier" in doc.text
    assert doc.pages[0].end == len(doc.text)
    page = tmp_path / "shy.html"
    page.write_text("<html><body><p>No human traf&shy;ficking was found.</p></body></html>", encoding="utf-8")
    assert "human trafficking was found" in read(page, min_ruleset).text
