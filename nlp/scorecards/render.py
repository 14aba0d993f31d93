"""HTML rendering: Jinja2 templates with autoescape on, inline assets, JSON data safe inside ``<script>``.

Pages are self-contained: styles and scripts are inline, charts are inline SVG, nothing is loaded from the network.
Each page carries a Content-Security-Policy that allows only its own inline scripts (by hash), inline styles and
``data:`` images, so even markup that slipped through escaping could not run a script or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).with_name("templates")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: object) -> Markup:
    """JSON for a ``<script type="application/json">`` block, inert whatever the data holds.

    ``<``, ``>``, ``&`` and the line separators are written as JSON unicode escapes (``u003c`` and so on), so no
    text in the data can close the script element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup("".join(_JSON_ESCAPES.get(ch, ch) for ch in text))


@dataclass(frozen=True)
class InlineScript:
    """A script shipped with the templates, inlined into a page, with its CSP hash."""

    code: Markup
    hash: str


@lru_cache(maxsize=8)
def inline_script(name: str) -> InlineScript:
    """Read a script from the templates folder and hash it for the Content-Security-Policy."""
    code = (TEMPLATES / name).read_text(encoding="utf-8")
    if "</" in code:
        raise ValueError(f"{name}: '</' would end the inline script early")
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    return InlineScript(Markup(code), f"'sha256-{digest}'")


def content_security_policy(*scripts: InlineScript) -> str:
    """The page's CSP: nothing from the network; only the given inline scripts; inline styles; data: images."""
    script_src = " ".join(s.hash for s in scripts) or "'none'"
    return (
        f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) < 0.05:
        return "±0"
    return f"+{value:.1f}" if value > 0 else f"−{abs(value):.1f}"


def _thousands(value: int) -> str:
    return f"{value:,}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: templates from the package, autoescape on for every template."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _number
    env.filters["signed"] = _signed
    env.filters["thousands"] = _thousands
    env.globals["style"] = Markup((TEMPLATES / "style.css").read_text(encoding="utf-8"))
    return env


def render(template: str, **context: object) -> str:
    """Render one template."""
    return environment().get_template(template).render(**context)
