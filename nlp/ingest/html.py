"""HTML reading: the main text only (scripts, styles, navigation, cookie banners, headers and footers dropped)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Tag

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "head",
    "meta",
    "link",
    "dialog",
)
BOILERPLATE_ATTR = re.compile(
    r"cookie|consent|gdpr|banner|navbar|nav-|menu|breadcrumb|skip-link|share|social|newsletter|subscribe|popup|modal",
    re.IGNORECASE,
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "br",
        "dd",
        "dt",
        "figcaption",
        "pre",
        "address",
        "hr",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("main", "article", "body", "html"):
        return False
    attrs = " ".join(
        [
            *(tag.get("class") or []),
            str(tag.get("id") or ""),
            str(tag.get("role") or ""),
            str(tag.get("aria-label") or ""),
        ]
    )
    return (bool(attrs.strip()) and bool(BOILERPLATE_ATTR.search(attrs))) or tag.get("role") in (
        "navigation",
        "banner",
        "contentinfo",
    )


def html_to_text(markup: str) -> str:
    """Extract the statement text from an HTML page.

    Uses ``<main>`` or ``<article>`` when the page has one, else ``<body>``. Block elements become paragraphs,
    list items become ``- `` bullets, table rows become ``cell | cell`` lines, headings stand on their own line.

    Args:
        markup: The HTML source.

    Returns:
        Plain text with blank lines between paragraphs.
    """
    soup = BeautifulSoup(markup, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if isinstance(tag, Tag) and not tag.decomposed and _is_boilerplate(tag):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[str] = []
    _walk(root, blocks)
    return "\n\n".join(b for b in blocks if b)


def _inline_text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def _walk(node: Tag, blocks: list[str]) -> None:
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(buffer).split())
        if text:
            blocks.append(text)
        buffer.clear()

    for child in node.children:
        if isinstance(child, Tag):
            name = child.name
            if name in HEADINGS:
                flush()
                blocks.append(_inline_text(child))
            elif name == "li":
                flush()
                inner = [c for c in child.children if isinstance(c, Tag) and c.name in ("ul", "ol")]
                for sub in inner:
                    sub.extract()
                text = _inline_text(child)
                if text:
                    blocks.append(f"- {text}")
                for sub in inner:
                    _walk(sub, blocks)
            elif name == "tr":
                flush()
                cells = [_inline_text(c) for c in child.find_all(("td", "th"), recursive=False)]
                row = " | ".join(c for c in cells if c)
                if row:
                    blocks.append(row)
            elif name == "br":
                flush()
            elif name in BLOCK_TAGS or name in ("tbody", "thead", "tfoot"):
                flush()
                _walk(child, blocks)
            else:
                buffer.append(child.get_text(" "))
        else:
            buffer.append(str(child))
    flush()
