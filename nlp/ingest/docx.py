"""DOCX reading with python-docx: paragraphs and tables in body order; explicit page breaks kept."""

from __future__ import annotations

import io

from docx import Document as open_docx
from docx.oxml.ns import qn


def docx_to_blocks(data: bytes) -> list[tuple[str, int]]:
    """Paragraph and table-row texts of a DOCX, with the page each starts on (explicit breaks only).

    Args:
        data: The file bytes.

    Returns:
        ``(text, page_number)`` blocks in body order; list paragraphs get a ``- `` prefix.
    """
    document = open_docx(io.BytesIO(data))
    body = document.element.body
    blocks: list[tuple[str, int]] = []
    page = 1
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            breaks = sum(1 for br in child.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
            breaks += sum(1 for _ in child.iter(qn("w:lastRenderedPageBreak")))
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_name = (style.get(qn("w:val")) or "") if style is not None else ""
            is_list = child.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None or "list" in style_name.lower()
            if text.strip():
                blocks.append((f"- {text.strip()}" if is_list else text.strip(), page))
            page += breaks
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    cell_text = " ".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))
                    ).strip()
                    if cell_text:
                        cells.append(cell_text)
                if cells:
                    blocks.append((" | ".join(cells), page))
    return blocks
