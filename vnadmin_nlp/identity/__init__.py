"""Document identity: the contract between extraction and linking.

A document is named by its number-symbol (``symbol``: ``30/2020/NĐ-CP`` into number, year, type, issuer and unit
codes), its type code's row (``doc_types``) and the keys built from them (``keys``: the canonical key of a cited
document, the lookup key an index finds candidates by, slugs of names and places).  The extractors write these
keys into ``Citation.key`` and linking reads them back, so both import them from here and from nowhere else.
"""
from .doc_types import JOINT_CODES, TYPE_CODES, symbol_type, type_for_code
from .keys import LOCAL_CODES, NATIONAL_CODES, citation_key, issuer_slugs, law_key, lookup_key, places, slug, year_of
from .symbol import SymbolParts, clean_symbol, fix_symbol, key_symbol, parse_symbol, valid_code, with_bars

__all__ = [
    "JOINT_CODES", "TYPE_CODES", "symbol_type", "type_for_code",
    "LOCAL_CODES", "NATIONAL_CODES", "citation_key", "issuer_slugs", "law_key", "lookup_key", "places", "slug", "year_of",
    "SymbolParts", "clean_symbol", "fix_symbol", "key_symbol", "parse_symbol", "valid_code", "with_bars",
]
