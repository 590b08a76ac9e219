"""The command line: a thin shell over the library; the one place errors become messages and exit codes."""
from docgen.cli.main import main

__all__ = ["main"]
