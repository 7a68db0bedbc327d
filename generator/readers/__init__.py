"""Readers: documents in other formats read back into the YAML a clerk edits."""
