"""The register of documents (sổ đăng ký văn bản) of a batch, as CSV or XLSX, in the columns of Decree 30/2020.

Columns (1)–(10) are those of the outgoing-document register, Appendix IV of Nghị định 30/2020/NĐ-CP; "Ngày
chuyển" and "Ký nhận" are filled in by hand and stay empty.  A running number comes first and, after the form's
columns, the issuing body and the source file, which a register kept for many bodies needs.  Distribution items
starting with "Lưu" (the retained copies) fill "Đơn vị, người nhận bản lưu"; the others, after the Kính gửi
addressees, fill "Nơi nhận văn bản".  Urgency and secrecy go to "Ghi chú".  "Cần kiểm tra" lists the fields the
parser is unsure of (``confidence`` under :data:`CHECK_BELOW`), to check against the document.

Documents are streamed one by one (write-only workbook), so a register of a million documents needs little memory.
"""
from __future__ import annotations

import csv
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from ..files import atomic_path

COLUMNS = [
    "Số thứ tự",
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
    "Cơ quan ban hành",
    "Tệp gốc",
    "Cần kiểm tra",
]
WIDTHS = [8, 22, 12, 60, 36, 50, 24, 8, 12, 10, 16, 36, 40, 24]
CHECK_BELOW = 0.5  # a confidence under this: a warning doubts the value, or nothing in the text states it
FIELD_LABELS = {
    "number": "số, ký hiệu", "date": "ngày", "doc_type": "tên loại", "subject": "trích yếu", "signers": "người ký",
    "recipients": "nơi nhận", "issuer": "cơ quan ban hành", "place": "địa danh", "urgency": "độ khẩn",
    "secrecy": "độ mật",
}
SEP = "; "
XLSX_MAX_CELL = 32767
_RETAINED = re.compile(r"(?i)^\s*lưu\s*[:.]?\s*")
_AS_ABOVE = re.compile(r"(?i)^\s*như trên\s*[;.]?\s*$")
_SUBJECT_LEADS = re.compile(r"(?i)^(về|v/v|v\.v)\b")
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------------------------------- reading
def iter_documents(source: Path) -> Iterator[dict[str, Any]]:
    """The JSON documents of a batch output: an OUT folder (``*.json``, state and hidden folders skipped) or a JSONL file."""
    if source.is_dir():
        for folder, subdirs, names in os.walk(source):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith(".json") and not name.startswith("."):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        yield json.load(f)
    else:
        with open(source, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


# ----------------------------------------------------------------------------------------------------- a row
def _date(iso: str | None) -> str | date | None:
    """A full ISO date as a date (the spreadsheet formats it dd/mm/yyyy); a partial one as "mm/yyyy" or "yyyy"."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return iso
    return "/".join(reversed(parts))


def _type_and_subject(doc: dict[str, Any]) -> str:
    name = (doc.get("doc_type") or {}).get("name") or ""
    subject = (doc.get("subject") or "").strip()
    if not subject or not name:
        return name or subject
    if _SUBJECT_LEADS.match(subject):
        return f"{name} {subject}"
    if name == "Công văn":
        return f"{name} V/v {subject}"
    return f"{name}: {subject}"


def _signer(s: dict[str, Any]) -> str:
    role = ", ".join([*(s.get("authority") or []), *([s["position"]] if s.get("position") else [])])
    name = s.get("name") or ""
    return f"{name} ({role})" if name and role else name or role


def row(doc: dict[str, Any], number: int) -> list[Any]:
    """One register line for one parsed document (the JSON of ``Document.to_dict()``)."""
    recipients = [r["name"] for r in doc.get("recipients") or []]
    sent, retained = [], []
    for item in doc.get("distribution") or []:
        name = item["name"].strip()
        if _RETAINED.match(name):
            retained.append(_RETAINED.sub("", name))
        elif not (recipients and _AS_ABOVE.match(name)):  # "Như trên": the Kính gửi addressees, listed already
            sent.append(name)
    issuers = [b["name"] for b in doc.get("issuers") or []] or ([doc["issuer"]["name"]] if doc.get("issuer") else [])
    notes = [m for m in (doc.get("urgency"), doc.get("secrecy")) if m]
    return [
        number,
        (doc.get("number") or {}).get("text"),
        _date(doc.get("date")),
        _type_and_subject(doc),
        SEP.join(_signer(s) for s in doc.get("signers") or []),
        SEP.join(recipients + sent),
        SEP.join(retained),
        None,
        None,
        None,
        SEP.join(notes),
        SEP.join(issuers),
        (doc.get("source") or {}).get("path"),
        SEP.join(FIELD_LABELS.get(f, f) for f, c in (doc.get("confidence") or {}).items() if c < CHECK_BELOW),
    ]


# ---------------------------------------------------------------------------------------------------- writing
def write_register(source: Path, output: Path, *, fmt: str = "xlsx") -> int:
    """Write the register of every document in ``source``; returns the number of documents."""
    rows = (row(doc, i) for i, doc in enumerate(iter_documents(source), 1))
    with atomic_path(output) as tmp:
        return _write_xlsx(rows, tmp) if fmt == "xlsx" else _write_csv(rows, tmp)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and value.startswith(_FORMULA_LEADS):
        return "'" + value  # a spreadsheet must not run a cell as a formula
    return value


def _write_csv(rows: Iterator[list[Any]], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # the BOM makes Excel read UTF-8
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for r in rows:
            out.writerow([_csv_cell(v) for v in r])
            n += 1
    return n


def _write_xlsx(rows: Iterator[list[Any]], path: Path) -> int:
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        raise RuntimeError("XLSX export needs openpyxl: pip install openpyxl") from exc

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sổ đăng ký văn bản")
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for title in COLUMNS:
        head = WriteOnlyCell(ws, value=title)
        head.font = Font(bold=True)
        head.alignment = wrap
        header.append(head)
    ws.append(header)

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_MAX_CELL]
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"  # text, even when it starts with "=" (never a formula)
        elif isinstance(value, date):
            c.number_format = "DD/MM/YYYY"
        c.alignment = wrap
        return c

    n = 0
    for r in rows:
        ws.append([cell(v) for v in r])
        n += 1
    wb.save(path)
    return n
