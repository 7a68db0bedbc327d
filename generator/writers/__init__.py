"""Stage 5, render: the writers, each a consumer of the document model (Word, HTML preview)."""
