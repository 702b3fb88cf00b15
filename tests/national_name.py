"""Issue 17's second bar: no issuer name holds the Quốc hiệu or the motto (used by the corpus and variant tests)."""
from __future__ import annotations

from vnadmin_nlp.lexicon.fold import fold
from vnadmin_nlp.patterns import FOLDED


def national_in_issuer(doc) -> list[str]:
    """The issuer names and texts (parent and joint issuers too) that hold the Quốc hiệu or the motto."""
    bodies = [b for b in (doc.issuer, doc.issuer.parent if doc.issuer else None, *doc.issuers) if b is not None]
    bad = []
    for b in bodies:
        for value in (b.name, b.text):
            key = fold(value or "")
            if FOLDED.national.search(key) or FOLDED.motto.search(key):
                bad.append(value)
    return bad
