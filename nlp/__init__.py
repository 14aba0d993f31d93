"""msa: a modern-slavery statement analyser (Xinjiang / Uyghur-Region disclosures and due-diligence claims)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("msa")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0+checkout"

__all__ = ["__version__"]
