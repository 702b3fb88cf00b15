"""The parts of the citations extractor, one concern each: ``found`` (a citation as found, and the date and issuer
read after it), ``numbers`` (number-symbols), ``laws`` (laws cited by name), ``short_forms`` (later mentions
and aliases) and ``relations`` (what the citing document does with each).  ``extractors.citations`` runs them."""
