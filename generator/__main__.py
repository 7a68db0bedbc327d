"""`python -m baocao`."""

from baocao.cli.commands import run

run()
