"""baocao: Vietnamese administrative report drafts from YAML."""
