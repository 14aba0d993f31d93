"""Screenshots of the scorecards in headless Chromium: ``python -m nlp.scorecards.screenshot SCORECARDS --to DIR``.

Uses Playwright for Python with the system Chromium (``/usr/bin/chromium``, or ``$MSA_CHROMIUM``); nothing is
downloaded. When Chromium or Playwright is missing, a note is printed and the command exits 0, so ``make demo``
goes on without screenshots.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium binary to drive: ``$MSA_CHROMIUM``, else /usr/bin/chromium, else ``chromium`` on PATH."""
    for candidate in (os.environ.get("MSA_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def pick_statement(scorecards: Path) -> Path | None:
    """The statement page to show: the richest one (most year-over-year content, then largest)."""
    pages = sorted((scorecards / "statements").glob("*.html"))
    if not pages:
        return None
    with_yoy = [p for p in pages if 'id="yoy"' in p.read_text(encoding="utf-8")]
    return max(with_yoy or pages, key=lambda p: p.stat().st_size)


def take_screenshots(scorecards: Path, out: Path, statement: Path | None = None, full_page: bool = True) -> list[Path]:
    """Screenshot the portfolio page and one statement page.

    Args:
        scorecards: A folder written by ``msa scorecard``.
        out: Where to write the PNG files.
        statement: The statement page to show (default: :func:`pick_statement`).
        full_page: Capture whole pages rather than the first screen.

    Returns:
        The PNG files written.

    Raises:
        RuntimeError: Chromium or Playwright is not available.
    """
    exe = chromium_path()
    if exe is None:
        raise RuntimeError("Chromium not found (install the Debian package chromium or set MSA_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dev dependency
        raise RuntimeError("Playwright for Python is not installed (pip install -e '.[dev]')") from exc
    statement = statement or pick_statement(scorecards)
    out.mkdir(parents=True, exist_ok=True)
    shots = [(scorecards / "index.html", out / "portfolio.png")]
    if statement is not None:
        shots.append((statement, out / "statement.png"))
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            for src, dest in shots:
                page.goto(src.resolve().as_uri())
                page.wait_for_load_state("load")
                page.screenshot(path=str(dest), full_page=full_page)
                written.append(dest)
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scorecards", type=Path, help="folder written by msa scorecard")
    parser.add_argument("--to", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument(
        "--statement",
        type=Path,
        help="statement page to show: a path, or a page name in SCORECARDS/statements (default: the richest)",
    )
    parser.add_argument("--viewport-only", action="store_true", help="first screen only, not the whole page")
    args = parser.parse_args(argv)
    if args.statement is not None and not args.statement.is_file():
        named = args.scorecards / "statements" / args.statement.name
        for candidate in (named, named.with_name(named.name + ".html")):
            if candidate.is_file():
                args.statement = candidate
                break
        else:
            parser.error(f"--statement {args.statement}: no such page (nor in {args.scorecards / 'statements'})")
    try:
        files = take_screenshots(args.scorecards, args.to, args.statement, full_page=not args.viewport_only)
    except RuntimeError as exc:
        print(f"screenshots skipped: {exc}", file=sys.stderr)
        return 0
    print("screenshots: " + ", ".join(str(f) for f in files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
