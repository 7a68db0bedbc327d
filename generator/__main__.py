"""`python -m baocao`."""

from baocao.cli import run

run()
