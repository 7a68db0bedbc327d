"""`python -m baocao`."""

from .cli import main

main()
