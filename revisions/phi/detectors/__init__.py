"""One module per family of identifiers. Each detector yields (kind, start, end, confidence, reason)."""
