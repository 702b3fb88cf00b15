"""The per-file limits of a batch: the CLI shows them as option defaults and the runner applies them."""
DEFAULT_TIMEOUT = 300.0  # seconds per file: a 26-page scan takes about a minute of OCR
DEFAULT_MAX_MEMORY_MB = 2048  # address space per worker process
