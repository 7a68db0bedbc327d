"""Stages 1–2, load and validate: the YAML files clerks edit, their model, and the files `init` and `next` write."""
