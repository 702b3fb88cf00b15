"""Files in and out, shared by the batch engine, linking, the exports and the CLI: which files are inputs
(``inputs``), how an output is written so that a crash never leaves half of it (``atomic``), file names of any
bytes (``names``), one writer per output (``lock``), and the child processes and temporary folders of the
readers' tools (``processes``)."""
from .atomic import atomic_path, disk_problem, write_atomic, write_stdout
from .inputs import SUPPORTED_SUFFIXES, InputError, Inputs, Item, is_inside, skip_name, special_kind
from .lock import Busy, Lock, OutputError
from .names import db_value, display_name, from_db, is_clean, raw_name

__all__ = [
    "atomic_path", "disk_problem", "write_atomic", "write_stdout", "SUPPORTED_SUFFIXES", "InputError", "Inputs", "Item", "is_inside", "skip_name",
    "special_kind", "Busy", "Lock", "OutputError", "db_value", "display_name", "from_db", "is_clean", "raw_name",
]
