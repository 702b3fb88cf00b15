"""Who signed: printed digital-signature stamps, the PDF's signature dictionaries and their certificates, and
the document info dictionary."""
from __future__ import annotations

import ctypes
import re
from datetime import datetime
from typing import Any

from .vocabulary import LABEL_RE, SIGNATURE_LABELS

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![A-Za-z])")
_DATETIME = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*(?:,\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?"  # 06.11.2024 09:27:05
    r"\s*(?:(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2}))?"  # +07:00
)
DEFAULT_UTC_OFFSET = "+07:00"  # Vietnam; stamps without an offset are local time


def parse_stamp(lines: list[str], page: int) -> dict[str, Any]:
    """A digital-signature stamp's lines → {"signer", "organization", "email", "time" (ISO 8601), "page"}.

    Stamps come labelled ("Người ký: … Email: … Cơ quan: … Thời gian ký: …") or not (the certificate holder's
    name, an e-mail address and a time, as the Quảng Ngãi records office stamps them).
    """
    email, used = _find_email(lines)
    kept = [line.strip() for k, line in enumerate(lines) if k not in used and line.strip()]
    joined = " ".join(kept)
    result: dict[str, Any] = {"signer": None, "organization": None, "email": None, "time": None, "page": page}
    labels = list(LABEL_RE.finditer(joined))
    unlabelled = joined[: labels[0].start()] if labels else joined
    for k, match in enumerate(labels):
        key = SIGNATURE_LABELS[match.group(1).lower()]
        end = labels[k + 1].start() if k + 1 < len(labels) else len(joined)
        value = joined[match.end() : end].strip(" ,;")
        if value and not result.get(key):
            result[key] = value
    if email:
        result["email"] = email
    raw_time = result.get("time")
    when = _DATETIME.search(joined)
    result["time"] = _iso(when) if when else None
    if raw_time and not result["time"]:
        result["time_text"] = raw_time  # printed, but not a date-time this parser knows
    # unlabelled text before the first label (or the whole stamp): the certificate holder's name
    name = _DATETIME.sub(" ", _EMAIL.sub(" ", unlabelled))
    name = re.sub(r"[+-]\d{2}:\d{2}", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:")
    if name and re.search(r"[^\W\d_]{2}", name):
        if not result["signer"]:
            result["signer"] = name
        if not result["organization"]:
            result["organization"] = name
    result["text"] = " ".join(line.strip() for line in lines if line.strip())
    return result


def _find_email(lines: list[str]) -> tuple[str | None, set[int]]:
    """The e-mail address of a stamp, also when the stamp's narrow box wrapped it ("…gov." / "vn"), and the
    indices of the lines it was read from."""
    lines = [ln.strip() for ln in lines]
    for k, line in enumerate(lines):
        if "@" not in line:
            continue
        token = next(t for t in reversed(line.split()) if "@" in t)
        used = {k}
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if re.fullmatch(r"[A-Za-z.]{1,6}", nxt) and (token.endswith(".") or re.search(r"\.[A-Za-z]?$", token)):
            token += nxt
            used.add(k + 1)
        found = _EMAIL.search(token)
        if found:
            return found.group(0), used
    return None, set()


def _iso(m: re.Match[str]) -> str | None:
    day, month, year, hour, minute, second, sign, oh, om = m.groups()
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    offset = f"{sign}{int(oh):02d}:{om}" if sign else DEFAULT_UTC_OFFSET
    return stamp.isoformat() + offset


def digital_signatures(pdf: Any) -> list[dict[str, Any]]:
    """The PDF's signature dictionaries (a document can be signed with nothing printed): signing time, and the
    certificate holder when ``cryptography`` (a dependency of pdfminer.six) can read the PKCS#7 blob."""
    import pypdfium2.raw as raw

    out: list[dict[str, Any]] = []
    try:
        count = raw.FPDF_GetSignatureCount(pdf.raw)
    except AttributeError:  # pragma: no cover - old pdfium
        return out
    for k in range(max(0, count)):
        sig = raw.FPDF_GetSignatureObject(pdf.raw, k)
        entry: dict[str, Any] = {"index": k, "time": None}
        size = raw.FPDFSignatureObj_GetTime(sig, None, 0)
        if size > 0:
            buf = ctypes.create_string_buffer(size)
            raw.FPDFSignatureObj_GetTime(sig, buf, size)
            entry["time"] = _pdf_date(buf.value.decode("latin-1"))
        size = raw.FPDFSignatureObj_GetContents(sig, None, 0)
        if size > 0:
            blob = (ctypes.c_ubyte * size)()
            raw.FPDFSignatureObj_GetContents(sig, blob, size)
            entry.update(_certificate_holder(bytes(blob)))
        out.append(entry)
    return out


def _certificate_holder(der: bytes) -> dict[str, str]:
    """signer (CN), organization (O, else OU) and email of the end-entity certificate in a PKCS#7 signature."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import pkcs7
        from cryptography.x509.oid import NameOID
    except ImportError:  # pragma: no cover - optional
        return {}
    try:
        certs = pkcs7.load_der_pkcs7_certificates(der.rstrip(b"\x00"))
    except Exception:  # noqa: BLE001 - a malformed blob only loses the name
        return {}

    def is_ca(cert: Any) -> bool:
        try:
            return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
        except x509.ExtensionNotFound:
            return False

    holders = [c for c in certs if not is_ca(c)] or list(certs)
    if not holders:
        return {}
    name = holders[0].subject

    def first(oid: Any) -> str | None:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else None

    found = {
        "signer": first(NameOID.COMMON_NAME),
        "organization": first(NameOID.ORGANIZATION_NAME) or first(NameOID.ORGANIZATIONAL_UNIT_NAME),
        "unit": first(NameOID.ORGANIZATIONAL_UNIT_NAME),
        "email": first(NameOID.EMAIL_ADDRESS),
    }
    return {k: v for k, v in found.items() if v}


def _pdf_date(value: str) -> str | None:
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?", value)
    if not m:
        return value or None
    y, mo, d, h, mi, s, tz, th, tm = m.groups()
    text = f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{s or '00'}"
    if tz == "Z":
        return text + "+00:00"
    if tz in "+-" and tz and th:
        return f"{text}{tz}{th}:{tm or '00'}"
    return text


def document_info(pdf: Any) -> dict[str, str]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is a nicety, never a reason to fail
        return {}
    return {k.lower(): v for k, v in info.items() if isinstance(v, str)}
