"""`python -m baocao`."""

from .cli import run

run()
