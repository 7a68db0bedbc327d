"""`python -m baocao.messages`: print the review sheet of every clerk-facing message."""

from baocao.messages.review import sheet

print(sheet())
