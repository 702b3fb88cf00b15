"""The package version: its own module so that the pipeline (``PARSER_VERSION``), the CLI and packaging read it
without importing the package's public API."""
__version__ = "0.1.0"
