"""`python -m baocao`."""

from baocao.cli.app import run

run()
