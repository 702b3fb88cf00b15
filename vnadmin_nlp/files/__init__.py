"""Files in and out, shared by the batch engine, linking, the exports and the CLI: which files are inputs
(``inputs``) and how an output is written so that a crash never leaves half of it (``atomic``)."""
from .atomic import atomic_path, write_atomic
from .inputs import SUPPORTED_SUFFIXES, InputError, Inputs, Item, is_inside, skip_name

__all__ = ["atomic_path", "write_atomic", "SUPPORTED_SUFFIXES", "InputError", "Inputs", "Item", "is_inside", "skip_name"]
