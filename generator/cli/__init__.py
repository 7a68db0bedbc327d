"""Command line: thin commands over the pipeline (help and messages in Vietnamese)."""
