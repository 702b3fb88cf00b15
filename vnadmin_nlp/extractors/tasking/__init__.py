"""The parts of the tasks extractor, one concern each: ``names`` (who: an assignee's name, its items, the bodies
that take part), ``scope`` (where a document assigns work, and headings that name the body for the items
below them) and ``table`` (a plan's task table, one task per row).  ``extractors.tasks`` runs them over the
provisions and the readers' table cells."""
