"""Task tables: rows of a table whose header names the content, the lead, the support and the time, one task
per row (``source: "table"``)."""
from __future__ import annotations

import datetime as dt

from ...model import Deadline, Task
from ..base import Context


def tasks(ctx: Context, anchor: dt.date | None, listed: dict[tuple[int, int], Deadline]) -> list[Task]:
    return []
