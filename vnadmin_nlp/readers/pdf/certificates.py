"""The certificate holder of a PDF signature's PKCS#7 blob, read field by field.

Certificates issued in Vietnam are not always well-formed (an empty issuer alternative name, which
``cryptography`` ≥ 42 refuses to parse), so nothing here goes through a call that parses every extension at
once unless its failure is caught: the subject (CN, O, OU, e-mail) and the validity dates are read one by one,
whatever an extension does, and each failure becomes a problem (one line) for the reader's warning.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Any, Callable

_ASN1 = re.compile(r"ParseError \{ kind: (\w+).*?location: \[([^\]]*)\]", re.S)


def why(exc: BaseException) -> str:
    """An exception as one short line: ``ASN.1 InvalidSize at issuer_alternative_name`` for cryptography's
    parse errors, else the type and the first line of its message."""
    text = str(exc)
    asn1 = _ASN1.search(text)
    if asn1:
        where = asn1.group(2).replace('"', "").replace(", ", ".") or "?"
        return f"ASN.1 {asn1.group(1)} at {where}"
    first = text.strip().splitlines()[0] if text.strip() else ""
    first = first if len(first) <= 120 else first[:117] + "…"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def certificate_holder(der: bytes) -> tuple[dict[str, str], list[str]]:
    """signer (CN), organization (O, else OU), unit (OU), email and the validity dates (``valid_from``,
    ``valid_to``, ISO 8601) of the end-entity certificate in a PKCS#7 signature, and what could not be read."""
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import pkcs7
        from cryptography.x509.oid import NameOID
    except ImportError:  # pragma: no cover - a dependency of pdfminer.six
        return {}, []
    problems: list[str] = []
    try:
        certs = list(pkcs7.load_der_pkcs7_certificates(_der(der)))
    except Exception as exc:  # noqa: BLE001 - a malformed blob only loses the name
        return {}, [f"PKCS#7 unreadable ({why(exc)})"]
    if not certs:
        return {}, ["PKCS#7 holds no certificate"]
    cert = _end_entity(certs, x509, problems)
    found: dict[str, str | None] = {}
    try:
        name = cert.subject
    except Exception as exc:  # noqa: BLE001
        problems.append(f"certificate subject unreadable ({why(exc)})")
    else:
        def first(oid: Any) -> str | None:
            try:
                values = name.get_attributes_for_oid(oid)
                return str(values[0].value) if values else None
            except Exception as exc:  # noqa: BLE001
                problems.append(f"certificate subject {getattr(oid, '_name', oid)} unreadable ({why(exc)})")
                return None

        cn, org, unit, email = (first(o) for o in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME,
                                                   NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.EMAIL_ADDRESS))
        found.update(signer=cn, organization=org or unit, unit=unit, email=email)
    for key, attr in (("valid_from", "not_valid_before_utc"), ("valid_to", "not_valid_after_utc")):
        when = _read(partial(getattr, cert, attr), f"certificate {key}", problems)
        found[key] = when.isoformat() if when is not None else None
    return {k: v for k, v in found.items() if v is not None and v}, problems


def _der(blob: bytes) -> bytes:
    """The DER object at the start of a signature's /Contents, without the zero padding that fills the rest of
    the reserved space: cut at the length its header gives (a DER can itself end in a zero byte, as a PKCS#7
    with an empty set of signer infos does); an indefinite-length (BER) blob loses its trailing zeros instead."""
    if len(blob) >= 2 and blob[0] == 0x30 and blob[1] != 0x80:
        if blob[1] < 0x80:
            end = 2 + blob[1]
        else:
            width = blob[1] & 0x7F
            end = 2 + width + int.from_bytes(blob[2 : 2 + width], "big")
        if end <= len(blob):
            return blob[:end]
    return blob.rstrip(b"\x00")


def _end_entity(certs: list[Any], x509: Any, problems: list[str]) -> Any:
    """The holder's certificate: the first one that is not a CA; when the extensions that say so cannot be
    read, the first one that issued none of the others (the leaf of the chain)."""
    flags: list[bool | None] = []
    for cert in certs:
        def ca(c: Any = cert) -> bool:
            try:
                return bool(c.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
            except x509.ExtensionNotFound:
                return False
        flags.append(_read(ca, "certificate extensions", problems))
    for cert, flag in zip(certs, flags):
        if flag is False:
            return cert
    issuers = {_read(partial(getattr, c, "issuer"), "", []) for c in certs}
    for cert, flag in zip(certs, flags):
        if flag is None and _read(partial(getattr, cert, "subject"), "", []) not in issuers:
            return cert
    return certs[0]


def _read(step: Callable[[], Any], what: str, problems: list[str]) -> Any:
    """One step of reading a certificate; its failure is noted (once per ``what``) and gives None."""
    try:
        return step()
    except Exception as exc:  # noqa: BLE001 - a bad field costs that field only
        if what:
            note = f"{what} unreadable ({why(exc)})"
            if note not in problems:
                problems.append(note)
        return None
