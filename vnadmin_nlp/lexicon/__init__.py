"""Shared knowledge of Vietnamese administrative language, below every layer that uses it.

``fold`` (the matching key) and ``spaces`` (the printed form of a value), ``syllables`` (is a word one
Vietnamese syllable), ``bodies`` (kinds of bodies, how their names go on, their names in normal case) and
``positions`` (the titles a signer signs under), and ``named_patterns`` (the named patterns of
``data/patterns.yaml``, compiled by section).  Readers, zoning and extractors all read these; none of them
owns them.  Import the submodules: this package loads no data of its own.
"""
