"""Who signed: printed digital-signature stamps, the PDF's signature dictionaries and their certificates, and
the document info dictionary."""
from __future__ import annotations

import ctypes
import re
from datetime import datetime
from typing import Any

from ..base import ReaderWarning
from .certificates import certificate_holder, why
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


def digital_signatures(pdf: Any, warnings: list[ReaderWarning] | None = None) -> list[dict[str, Any]]:
    """The PDF's signature dictionaries (a document can be signed with nothing printed): signing time, and the
    certificate holder when ``cryptography`` (a dependency of pdfminer.six) can read the PKCS#7 blob.

    Metadata never costs the document: whatever cannot be read of a signature (its time, its contents, a
    certificate field) becomes a ``signature_unreadable`` warning in ``warnings`` and the rest is kept."""
    import pypdfium2.raw as raw

    problems: list[str] = []
    out: list[dict[str, Any]] = []
    try:
        count = raw.FPDF_GetSignatureCount(pdf.raw)
    except AttributeError:  # pragma: no cover - old pdfium
        return out
    except Exception as exc:  # noqa: BLE001
        problems.append(f"signatures not counted ({why(exc)})")
        count = 0
    for k in range(max(0, count)):
        entry: dict[str, Any] = {"index": k, "time": None}
        try:
            sig = raw.FPDF_GetSignatureObject(pdf.raw, k)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"signature {k + 1}: dictionary unreadable ({why(exc)})")
            out.append(entry)
            continue
        try:
            entry["time"] = _signing_time(raw, sig)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"signature {k + 1}: signing time unreadable ({why(exc)})")
        try:
            blob = _contents(raw, sig)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"signature {k + 1}: contents unreadable ({why(exc)})")
            blob = b""
        if blob.strip(b"\x00"):
            try:
                holder, notes = certificate_holder(blob)
            except Exception as exc:  # noqa: BLE001 - a bug here must not cost the text either
                holder, notes = {}, [f"certificate unreadable ({why(exc)})"]
            entry.update(holder)
            problems += [f"signature {k + 1}: {note}" for note in notes]
        out.append(entry)
    if warnings is not None:
        warnings += [ReaderWarning("signature_unreadable", problem) for problem in problems]
    return out


def _signing_time(raw: Any, sig: Any) -> str | None:
    size = raw.FPDFSignatureObj_GetTime(sig, None, 0)
    if size <= 0:
        return None
    buf = ctypes.create_string_buffer(size)
    raw.FPDFSignatureObj_GetTime(sig, buf, size)
    return _pdf_date(buf.value.decode("latin-1"))


def _contents(raw: Any, sig: Any) -> bytes:
    size = raw.FPDFSignatureObj_GetContents(sig, None, 0)
    if size <= 0:
        return b""
    blob = (ctypes.c_ubyte * size)()
    raw.FPDFSignatureObj_GetContents(sig, blob, size)
    return bytes(blob)


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


def document_info(pdf: Any, warnings: list[ReaderWarning] | None = None) -> dict[str, str]:
    """The document info dictionary's text entries (title, author, creator, producer, dates), key by key: an
    entry that cannot be read becomes a ``document_info_unreadable`` warning and the others are kept."""
    info: dict[str, str] = {}
    problems: list[str] = []
    try:
        keys = tuple(pdf.METADATA_KEYS)
    except Exception as exc:  # noqa: BLE001 - metadata is a nicety, never a reason to fail
        keys = ()
        problems.append(f"document info unreadable ({why(exc)})")
    for key in keys:
        try:
            value = pdf.get_metadata_value(key)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"document info /{key} unreadable ({why(exc)})")
            continue
        if not isinstance(value, str):
            problems.append(f"document info /{key} is not text ({type(value).__name__}): dropped")
        elif value:
            info[key.lower()] = value
    if warnings is not None:
        warnings += [ReaderWarning("document_info_unreadable", problem) for problem in problems]
    return info
