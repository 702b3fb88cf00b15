"""Weak labels: the gold's field values (folded) matched to the units of a document's windows.

A window whose gold values cannot all be found among its units gets no labels (``None``): it is left out of
training rather than taught with holes.  Labels are roles (:data:`ROLES`)."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..lexicon.bodies import expand
from ..lexicon.fold import bare, fold
from ..patterns import FOLDED
from ..zoning import Page
from ..zoning.header_lines import classify, match_title
from .units import Unit

HEADER_ROLES = ("parent", "issuer", "national", "motto", "number", "date", "type", "subject", "kinh_gui", "body_start")
CLOSING_ROLES = ("authority", "position", "signer_name", "distribution")
ROLES = (*HEADER_ROLES, *CLOSING_ROLES, "other")
_ITEM = ("-", "+", "•", "–", "*")
_ANY_DATE = re.compile(r"ngay\W*[\d.…_ ]*\W*thang\W*[\d.…_ ]*\W*nam\W*\d")
_VV = re.compile(r"^(?:v\s*/\s*v|ve\s+viec)\s*:?\s*")


def key(s: str) -> str:
    """Bare letters, lower case, single spaces, no punctuation at either end: what a gold value and a line are
    compared on."""
    return " ".join(bare(fold(expand(s))).split()).strip(" .,;:-–")


def _date_re(iso: str) -> Optional[re.Pattern[str]]:
    parts = iso.split("-")
    if not parts[0].isdigit():
        return None
    y = parts[0]
    m = str(int(parts[1])) if len(parts) > 1 else r"[\d.…_ ]*"
    d = str(int(parts[2])) if len(parts) > 2 else r"[\d.…_ ]*"
    return re.compile(
        rf"ngay\W*0?{d}\W*thang\W*0?{m}\W*nam\W*{y}|\b0?{d}\s*[/.-]\s*0?{m}\s*[/.-]\s*{y}" if len(parts) > 2
        else rf"thang\W*0?{m}\W*nam\W*{y}" if len(parts) > 1 else rf"nam\W*{y}"
    )


def header_labels(page: Page, units: list[Unit], fields: dict[str, Any]) -> Optional[list[str]]:
    keys = [key(page.t(u.seg)) for u in units]
    labels = ["other"] * len(units)
    for i, u in enumerate(units):
        kind = classify(page, u.seg)
        if kind in ("national", "party"):
            labels[i] = "national"
        elif kind == "motto":
            labels[i] = "motto"

    def first(pred: Any, after: int = -1) -> Optional[int]:
        return next((i for i, k in enumerate(keys) if i > after and labels[i] == "other" and pred(k)), None)

    found: dict[str, Optional[int]] = {}
    number = fields.get("number")
    if number:
        nk = key(number).replace(" ", "")
        found["number"] = first(lambda k: nk in k.replace(" ", ""))
    date = fields.get("date")
    dre = _date_re(date) if date else None
    if dre is not None:
        found["date"] = first(lambda k: dre.search(k) is not None)
    doc_type = fields.get("doc_type")
    if doc_type:
        tk = key(doc_type)
        found["type"] = first(lambda k: (m := match_title(k)) is not None and key(m[0]["name"]) == tk and len(k) - m[1] <= 3)
    for role in ("number", "date", "type"):
        if found.get(role) is not None:
            labels[found[role]] = role  # type: ignore[index]
    anchors = [i for i in found.values() if i is not None]
    top = min(anchors) if anchors else len(units)
    issuer, parent = fields.get("issuer"), fields.get("issuer_parent")
    ik, pk = (key(issuer) if issuer else None), (key(parent) if parent else None)
    seen_issuer = False
    for i in range(top):
        k = keys[i]
        if labels[i] != "other" or len(k) < 2:
            continue
        if pk and k in pk and not (seen_issuer and ik and k in ik):
            labels[i] = "parent"
        elif ik and k in ik:
            labels[i] = "issuer"
            seen_issuer = True
    subject = fields.get("subject")
    if subject:
        sk = key(subject)
        # after the type line, else after the Số line (a công văn's V/v comes before its date line), else the date
        heads = [i for i in (found.get("number"), found.get("type")) if i is not None] or [i for i in (found.get("date"),) if i is not None]
        start = max(heads, default=-1)
        covered = 0
        for i in range(start + 1, len(units)):
            k = _VV.sub("", keys[i])
            if labels[i] == "other" and len(k) >= 3 and (k in sk or (sk in k and len(k) - len(sk) <= 3)):
                labels[i] = "subject"
                covered += len(k)
            elif covered:
                break
        found["subject"] = 0 if covered >= 0.6 * len(sk) else None
    for i, k in enumerate(keys):
        if FOLDED.kinh_gui.match(page.k(units[i].seg)):
            labels[i] = "kinh_gui"
            for j in range(i + 1, len(units)):
                if labels[j] != "other" or not page.t(units[j].seg).startswith(_ITEM):
                    break
                labels[j] = "kinh_gui"
            break
    if any(found.get(f) is None for f, v in (("number", number), ("subject", subject)) if v):
        return None
    if dre is not None and found.get("date") is None and any(_ANY_DATE.search(k) for k in keys):
        return None  # a date line the gold's date was not found on (a law's date is at its end: no line at all)
    if ik and "issuer" not in labels:
        return None
    last = max((i for i, lab in enumerate(labels) if lab != "other"), default=None)
    if last is not None and last + 1 < len(units):
        labels[last + 1] = "body_start"
    return labels


def closing_labels(page: Page, units: list[Unit], fields: dict[str, Any]) -> Optional[list[str]]:
    if "signers" not in fields:
        return None
    signers = fields.get("signers") or []
    keys = [key(page.t(u.seg)) for u in units]
    labels = ["other"] * len(units)
    auths = {key(a) for s in signers for a in (s.get("authority") or ())}
    positions = {key(s["position"]) for s in signers if s.get("position")}
    names = [key(s["name"]) for s in signers if s.get("name")]
    in_list = False
    for i, k in enumerate(keys):
        text = page.t(units[i].seg)
        if FOLDED.distribution_head.match(page.k(units[i].seg)):
            labels[i], in_list = "distribution", True
            continue
        if any(k == a or k.startswith(a + " ") for a in auths):
            labels[i], in_list = "authority", False
        elif any(k.endswith(n) and len(k) <= len(n) + 20 for n in names):
            labels[i], in_list = "signer_name", False
        elif k in positions or (len(k.split()) >= 2 and any(k in p for p in positions) and text.isupper()):
            labels[i], in_list = "position", False
        elif in_list and text.startswith(_ITEM):
            labels[i] = "distribution"
        else:
            in_list = False
    for n in names:
        if not any(lab == "signer_name" and keys[i].endswith(n) for i, lab in enumerate(labels)):
            return None
    return labels
