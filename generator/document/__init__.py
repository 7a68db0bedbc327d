"""Stage 4, compose: the document model (as Pandoc's AST) and how a report becomes one."""
