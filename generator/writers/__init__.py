"""Stage 5, write: consumers of the document model (Word, HTML) and conversions of their output (PDF)."""
