"""Stage 4, compose: clerks' sentences (sandbox, filters, markup), tables and the outline become the document model."""
