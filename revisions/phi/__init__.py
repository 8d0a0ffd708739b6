"""Screens reader-submitted text for the HIPAA Safe Harbor identifiers that free text can carry.

Deterministic and self-contained: no Django, no network, no models. The policy this implements, and what it
does not catch, is written down in ``docs/phi-policy.md``.

    screening = screen({"proposed_text": text, "note": note}, citation_fields={"sources"})
    screening.verdict        # "clean" | "hold" | "reject"
    [f.describe() for f in screening.findings]   # messages naming the kind and the field, value masked

The package: ``policy`` runs the detectors and decides; ``detectors/`` holds one module per family of
identifiers; ``citations`` what belongs to a reference; ``masking`` how a value is shown; ``findings`` the results.
"""

from .findings import BORDERLINE, CONFIDENT, KINDS, Finding, Screening
from .masking import mask
from .policy import screen

__all__ = ["BORDERLINE", "CONFIDENT", "KINDS", "Finding", "Screening", "mask", "screen"]
