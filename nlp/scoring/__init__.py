"""Scoring: frameworks as data, completeness and specificity with reasons, the Xinjiang ladder and red flags."""
