"""The document model between the YAML and the writers (as Pandoc's AST is): the middle of the pipeline."""
