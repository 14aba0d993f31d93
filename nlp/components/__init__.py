"""spaCy components of the msa pipeline, each driven by rule files."""
