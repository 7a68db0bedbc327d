"""Everything baocao says to the clerk, in Vietnamese: one module per stage, the wording reviewed here.

Each message is a typed function whose body is the sentence (`def cannot_write(reason: str) -> str`) or a
constant for a fixed one (`WRITE_HINT`). Parameters are the varying parts, already formatted by the caller
(a path through `errors.shown_path`, a number the Vietnamese way); nothing here imports a stage.
Words written into or read from documents (ND30 wording, sheet names, date forms) are not messages: they
live in `baocao.conventions`. `python -m baocao.messages` prints every message on one sheet for review;
`tests/test_messages.py` fails when a module of a moved stage holds Vietnamese text of its own.
"""
